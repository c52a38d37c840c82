"""Kill a real `vbparse batch` with SIGKILL mid-run, run it again: every file exactly once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_archive import CORPUS

FILES = 240


def small_archive(root: Path) -> set[str]:
    sources = [*sorted((CORPUS / "plans").glob("*.txt")), CORPUS / "seed" / "kh-36-thbtd.txt"]
    paths = set()
    for i in range(FILES):
        source = sources[i % len(sources)]
        folder = root / f"box{i // 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{i:04d}-{source.name}"
        shutil.copy(source, target)
        with open(target, "a", encoding="utf-8") as f:
            f.write(f"\nBản sao số {i}\n")  # distinct content, distinct hash
        paths.add(str(target))
    return paths


def stored_count(out: Path) -> int:
    if not out.exists():
        return 0
    if out.suffix == ".jsonl":
        return out.read_bytes().count(b"\n")
    try:
        conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or locked for a moment


def stored_paths(out: Path) -> list[str]:
    if out.suffix == ".jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["source"]["path"] for line in lines]
    conn = sqlite3.connect(out)
    try:
        return [p for (p,) in conn.execute("SELECT path FROM documents")]
    finally:
        conn.close()


def batch_command(archive: Path, out: Path, scheduler: str | None = None) -> list[str]:
    command = [sys.executable, "-m", "vbparse", "batch", str(archive), "--out", str(out),
               "--jobs", "2", "--quiet"]  # fmt: skip
    return [*command, "--scheduler", scheduler] if scheduler else command


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize(
    ("suffix", "scheduler"), [(".jsonl", None), (".sqlite", None), (".sqlite", "local:2")]
)
def test_killed_run_resumes_with_every_file_exactly_once(tmp_path, suffix, scheduler):
    """The process pool, and the Dask client (--scheduler): killed, rerun, nothing lost."""
    archive = tmp_path / "archive"
    expected = small_archive(archive)
    out = tmp_path / f"registry{suffix}"
    process = subprocess.Popen(batch_command(archive, out, scheduler), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 150  # a LocalCluster starts slowly on a loaded machine
    while stored_count(out) < 20:
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, f"only {stored_count(out)} files stored in time"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = stored_count(out)
    assert 20 <= before < FILES, "the kill must land mid-run"

    rerun = subprocess.run(batch_command(archive, out, scheduler), capture_output=True,
                           text=True, timeout=180)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    paths = stored_paths(out)
    assert len(paths) == len(set(paths)) == FILES
    assert set(paths) == expected
    # What the killed run committed (a torn JSON line aside) is skipped, not parsed again.
    skipped = int(rerun.stdout.split(" bỏ qua")[0].rsplit(", ", 1)[1])
    assert before - 1 <= skipped <= before
    assert f"{FILES - skipped} đã đọc, 0 lỗi" in rerun.stdout
