"""A batch worker converts its office files through one LibreOffice kept for its life: started
once, restarted when it dies or hangs (the file it hung on reported, the batch going on), its
profile removed at the end."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from vbparse.batch.runner import Task, process_chunk
from vbparse.readers import office

ROOT = Path(__file__).resolve().parents[2]
OFFICE_FILES = [
    ROOT / "corpus" / "formats" / "cv-3354-vpcp.doc",
    ROOT / "corpus" / "formats" / "kh-36-thbtd.doc",
    ROOT / "corpus" / "formats" / "kh-36-thbtd.rtf",
    ROOT / "corpus" / "real" / "hpbaotho" / "QD-93-2007-QD-TTg.doc",
    ROOT / "corpus" / "real" / "hpbaotho" / "TT-01-2010-TT-TTCP.doc",
    ROOT / "corpus" / "real" / "hpbaotho" / "KH-NVKS_TTCNTT-TayBac_khao-sat.doc",
]


@pytest.mark.slow
def test_batch_worker_starts_libreoffice_once_and_removes_its_profile(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for f in OFFICE_FILES:
        shutil.copy(f, archive / f.name)
    temp = tmp_path / "temp"  # the workers' temporary folders, to see what is left there
    temp.mkdir()
    log = tmp_path / "starts.log"
    env = dict(os.environ, TMPDIR=str(temp), **{office.STARTS_LOG: str(log)})
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "vbparse", "batch", str(archive), "--out", str(out)]
    proc = subprocess.run([*cmd, "--jobs", "2", "--quiet"], env=env, timeout=600)
    assert proc.returncode == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["status"] for r in records) == ["ok"] * len(OFFICE_FILES)
    per_worker = Counter(line.split()[0] for line in log.read_text().splitlines())
    assert 1 <= len(per_worker) <= 2 and set(per_worker.values()) == {1}  # 6 files, ≤ 2 starts
    assert [p.name for p in temp.iterdir() if p.name.startswith("vbparse-")] == []


def _chunk(*paths: Path) -> list[tuple[str, str | None]]:
    results = process_chunk([Task(str(p), None) for p in paths], False, 300)
    return [(r.status, r.error_kind) for r in results]


@pytest.mark.slow
def test_dead_or_hung_libreoffice_is_restarted_and_the_file_reported(monkeypatch):
    monkeypatch.setattr(office, "starts", 0)
    doc, rtf = OFFICE_FILES[0], OFFICE_FILES[2]
    try:
        assert _chunk(doc, rtf) == [("ok", None), ("ok", None)]
        assert office.starts == 1
        resident = office._resident["office"]
        profile = resident.profile
        assert profile.is_dir()
        os.killpg(resident.proc.pid, signal.SIGKILL)  # crashed between two files
        resident.proc.wait(timeout=60)  # dead before the next file (the kill is asynchronous)
        assert _chunk(doc) == [("ok", None)]
        assert office.starts == 2
        os.killpg(resident.proc.pid, signal.SIGSTOP)  # hung: the file times out, the next is read
        monkeypatch.setattr(office, "TIMEOUT", 20)
        assert _chunk(doc, rtf) == [("failed", "timeout"), ("ok", None)]
        assert office.starts == 3
    finally:
        office.stop_resident()
    assert not profile.exists() and not resident.home.exists()
