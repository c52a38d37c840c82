""".doc, .odt and .rtf through LibreOffice read exactly as the .docx they were made from."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from vbparse.readers import ReadError, Zone, office, read

FORMATS = Path(__file__).resolve().parents[2] / "corpus" / "formats"
STEMS = ("kh-36-thbtd", "cv-3354-vpcp")


def _lines(raw):
    return [(ln.zone, ln.full_text, ln.bold, ln.italic) for ln in raw.lines]


@pytest.fixture(scope="module")
def converted():
    return {
        (stem, fmt): read(FORMATS / f"{stem}.{fmt}")
        for stem in STEMS
        for fmt in ("doc", "odt", "rtf")
    }


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["doc", "odt", "rtf"])
@pytest.mark.parametrize("stem", STEMS)
def test_same_lines_as_docx(converted, stem, fmt):
    raw = converted[(stem, fmt)]
    docx = read(FORMATS / f"{stem}.docx")
    assert raw.format == fmt
    assert _lines(raw) == _lines(docx)


@pytest.mark.slow
def test_header_table_kept(converted):
    raw = converted[("cv-3354-vpcp", "doc")]
    assert [ln.text for ln in raw.lines if ln.zone is Zone.HEADER_RIGHT] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 26 tháng 04 năm 2013",
    ]
    assert raw.lines[-1].zone is Zone.CLOSING_RIGHT and raw.lines[-1].text == "Nguyễn Khắc Định"


@pytest.mark.slow
def test_profile_and_temp_files_removed(tmp_path):
    mine = f"vbparse-*-{os.getpid()}-*"  # other vbparse processes may run at the same time
    read(FORMATS / "cv-3354-vpcp.rtf")
    assert list(Path(tempfile.gettempdir()).glob(mine)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40),
        ("broken.rtf", b"{\\rtf1 \\ansi \x00\x01\x02" + bytes(range(256)) * 8),
        ("broken.odt", b"PK\x03\x04" + bytes(range(256)) * 8),
    ],
)
def test_damaged_file_is_a_read_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind in ("corrupt", "no_text")


def test_missing_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ReadError) as err:
        read(FORMATS / "cv-3354-vpcp.doc")
    assert err.value.kind == "missing_tool"
    assert "libreoffice-writer-nogui" in err.value.message


@pytest.mark.slow
def test_timeout(monkeypatch):
    monkeypatch.setattr(office, "TIMEOUT", 0.01)
    with pytest.raises(ReadError) as err:
        read(FORMATS / "cv-3354-vpcp.doc")
    assert err.value.kind == "timeout"


@pytest.mark.slow
def test_several_files_one_libreoffice_start(monkeypatch):
    calls = []
    real_run = office._run
    monkeypatch.setattr(office, "_run", lambda *a, **k: calls.append(a[0]) or real_run(*a, **k))
    monkeypatch.setattr(office, "_converted", {})
    files = [FORMATS / f"{stem}.doc" for stem in STEMS]
    assert office.prefetch([*files, FORMATS / f"{STEMS[0]}.docx"]) == 2
    assert len(calls) == 1 and sum(str(f.parent) in " ".join(calls[0]) for f in files) == 0
    got = [read(f) for f in files]
    assert len(calls) == 1  # the reads took the prefetched conversions
    for stem, raw in zip(STEMS, got, strict=True):
        assert raw.format == "doc"
        assert _lines(raw) == _lines(read(FORMATS / f"{stem}.docx"))


def _processes_naming(text: str) -> list[int]:
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if text.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_killed_parent_is_cleaned_at_next_start():
    """kill -9 of a process in the middle of a conversion leaves its LibreOffice and profile
    behind; the next conversion (any process) kills that LibreOffice and removes the folders."""
    code = "import sys; from vbparse.readers import read; read(sys.argv[1])"
    parent = subprocess.Popen([sys.executable, "-c", code, str(FORMATS / "kh-36-thbtd.doc")])
    mark = f"vbparse-lo-{parent.pid}-"
    deadline = time.monotonic() + 60
    while not _processes_naming(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(mark), "LibreOffice never started"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    orphans = _processes_naming(mark)
    assert orphans  # still running: its LibreOffice is in its own process group
    tmp = Path(tempfile.gettempdir())
    subprocess.run(
        [sys.executable, "-c", code, str(FORMATS / "cv-3354-vpcp.rtf")], check=True, timeout=120
    )
    deadline = time.monotonic() + 10
    while _processes_naming(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(mark) == []
    assert list(tmp.glob(f"vbparse-lo-{parent.pid}-*")) == []
    assert list(tmp.glob(f"vbparse-conv-{parent.pid}-*")) == []
