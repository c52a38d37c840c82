"""Fuzzing every reader: random bytes, bytes behind each format's signature, and real files
from corpus/formats with bytes changed, cut or repeated. The only outcomes allowed are a
RawDocument or a ReadError: never another exception, a hang or a crash.

Kept to a few minutes on two cores: OCR is bounded to one page per file, and the formats read
through LibreOffice get few examples."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbparse.readers import RawDocument, ReadError, read

FORMATS = Path(__file__).resolve().parents[2] / "corpus" / "formats"

# extension -> (signature a real file starts with, examples per test)
READERS = {
    ".txt": (b"", 60),
    ".md": (b"# ", 40),
    ".html": (b"<!DOCTYPE html><html>", 40),
    ".docx": (b"PK\x03\x04", 40),
    ".pdf": (b"%PDF-1.4\n", 40),
    ".png": (b"\x89PNG\r\n\x1a\n", 25),
    ".jpg": (b"\xff\xd8\xff\xe0", 25),
    ".tif": (b"II*\x00", 25),
    ".rtf": (b"{\\rtf1 ", 3),
    ".doc": (b"\xd0\xcf\x11\xe0", 3),
    ".odt": (b"PK\x03\x04", 3),
}
# Real files to mutate: each format once (the scans would make every example an OCR run).
SAMPLES = {
    ".txt": FORMATS / "kh-36-thbtd-vni.txt",
    ".docx": FORMATS / "kh-36-thbtd.docx",
    ".pdf": FORMATS / "kh-36-thbtd.pdf",
    ".rtf": FORMATS / "kh-36-thbtd.rtf",
    ".odt": FORMATS / "kh-36-thbtd.odt",
    ".doc": FORMATS / "kh-36-thbtd.doc",
}
MUTATION_EXAMPLES = {".txt": 40, ".docx": 40, ".pdf": 30, ".rtf": 3, ".odt": 3, ".doc": 3}


@pytest.fixture(autouse=True)
def one_ocr_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBPARSE_MAX_PAGES", "1")


def read_outcome(data: bytes, suffix: str) -> None:
    """Read `data` as a file with this extension: a document or a ReadError, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            raw = read(path)
        except ReadError as exc:
            assert exc.message and exc.kind
            assert "\n" not in exc.message.strip()
            return
        assert isinstance(raw, RawDocument)
        assert any(line.text for line in raw.lines)


def _settings(examples: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,  # the same examples on every run: CI failures reproduce
        database=None,  # and nothing written into the checkout
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.parametrize("suffix", list(READERS))
def test_random_bytes(suffix: str) -> None:
    signature, examples = READERS[suffix]

    @_settings(examples)
    @given(st.binary(min_size=1, max_size=4096), st.booleans())
    def check(body: bytes, signed: bool) -> None:
        read_outcome((signature if signed else b"") + body, suffix)

    check()


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The file with a few bytes overwritten, a slice cut out, or a slice repeated."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["flip", "cut", "repeat", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        length = draw(st.integers(1, 512))
        if how == "flip":
            data[at : at + length] = draw(st.binary(min_size=length, max_size=length))
        elif how == "cut":
            del data[at : at + length]
        elif how == "repeat":
            data[at:at] = data[at : at + length] * draw(st.integers(2, 20))
        else:
            del data[at:]
    return bytes(data) or b"x"


@pytest.mark.parametrize("suffix", list(SAMPLES))
def test_mutated_real_files(suffix: str) -> None:
    original = SAMPLES[suffix].read_bytes()

    @_settings(MUTATION_EXAMPLES[suffix])
    @given(mutated(original))
    def check(data: bytes) -> None:
        read_outcome(data, suffix)

    check()


def test_mutated_docx_members() -> None:
    """The .docx's XML itself damaged (a mutated zip mostly fails its CRC before any XML)."""
    import io
    import zipfile

    source = SAMPLES[".docx"]
    with zipfile.ZipFile(source) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}

    @_settings(40)
    @given(mutated(parts["word/document.xml"]))
    def check(xml: bytes) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, body in parts.items():
                zf.writestr(name, xml if name == "word/document.xml" else body)
        read_outcome(buffer.getvalue(), ".docx")

    check()
