"""A UTF-8 header above a body still in an 8-bit encoding (cp1258, VNI): each block decoded in
its own encoding, with a warning; the result is the Unicode plan, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.readers import read

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED = CORPUS / "seed" / "kh-36-thbtd.txt"


@pytest.mark.parametrize(
    ("body", "encoding"),
    [("kh-36-thbtd-cp1258.txt", "windows-1258"), ("kh-36-thbtd-vni.txt", "vni")],
)
def test_utf8_header_above_a_legacy_body(tmp_path: Path, body: str, encoding: str) -> None:
    header = SEED.read_bytes().split(b"\n")[:12]
    legacy = (CORPUS / "formats" / body).read_bytes().split(b"\n")[12:]
    assert any(not line.isascii() for line in header)  # the header is UTF-8 Vietnamese
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\n".join(header + legacy))
    raw = read(path)
    assert raw.encoding == f"utf-8+{encoding}"
    assert [line.text for line in raw.lines] == [line.text for line in read(SEED).lines]
    assert any("mixed encodings" in w and encoding in w for w in raw.warnings)


def test_plain_legacy_text_is_not_called_mixed() -> None:
    raw = read(CORPUS / "formats" / "kh-36-thbtd-cp1258.txt")
    assert raw.encoding == "windows-1258"
    assert not raw.warnings
