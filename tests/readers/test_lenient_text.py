"""A real plan damaged in a few bytes is read, not refused: a NUL or invalid UTF-8 bytes are
replaced or removed, and a warning says where; correct text around them is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.pipeline import parse
from vbparse.readers import ReadError, read

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"


@pytest.mark.parametrize(
    ("damage", "said"),
    [(b"\x00", "NUL"), (b"\xff\xfe\xc3\x28", "not valid UTF-8")],
)
def test_a_few_bad_bytes_are_reported_not_fatal(tmp_path, damage, said):
    data = SEED.read_bytes()
    cut = data.index(b"\n", 600) + 1  # between two lines: no character is split
    path = tmp_path / "plan.txt"
    path.write_bytes(data[:cut] + damage + data[cut:])
    doc = parse(path)
    assert (doc.number.symbol, doc.signer.name) == ("KH-THBTD", "Nguyễn Thị Lệ Hằng")
    notes = [w.message for w in doc.warnings if w.code == "read"]
    assert any(said in n and "line" in n for n in notes), notes
    clean = read(SEED)
    assert [ln.text for ln in read(path).lines][:5] == [ln.text for ln in clean.lines][:5]


def test_binary_is_still_refused(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind in ("binary", "encoding")
