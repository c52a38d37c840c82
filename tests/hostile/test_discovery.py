"""Batch discovery lists what is not a regular file instead of skipping it or crashing, and the
runner refuses each such path with its reason before opening it (a FIFO used to hang it)."""

from __future__ import annotations

import os
from pathlib import Path

from vbparse.batch import runner
from vbparse.batch.discover import discover

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "plan.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "sub" / "pipe.txt")
    os.symlink("gone.pdf", folder / "dangling.pdf")
    os.symlink("loop-b.docx", folder / "loop-a.docx")
    os.symlink("loop-a.docx", folder / "loop-b.docx")
    os.symlink("..", folder / "sub" / "up")  # a link to a folder: not followed (no cycle)
    return folder


def test_walk_lists_fifos_and_broken_links(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    found = discover([str(folder)])
    names = sorted(Path(p).name for p in found.files)
    assert names == ["dangling.pdf", "loop-a.docx", "loop-b.docx", "pipe.txt", "plan.txt"]
    assert found.missing == []


def test_named_broken_links_are_taken_not_missing(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    found = discover([str(folder / "dangling.pdf"), str(folder / "loop-a.docx")])
    assert len(found.files) == 2
    assert found.missing == []


def test_runner_refuses_each_with_its_reason(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    kinds = {}
    for path in discover([str(folder)]).files:
        result = runner.process_file(runner.Task(path, None), want_rows=False, timeout=10)
        kinds[Path(path).name] = (result.status, result.error_kind)
    assert kinds == {
        "plan.txt": ("ok", None),
        "pipe.txt": ("failed", "not_regular"),
        "dangling.pdf": ("failed", "dangling_link"),
        "loop-a.docx": ("failed", "link_loop"),
        "loop-b.docx": ("failed", "link_loop"),
    }
