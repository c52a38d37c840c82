"""The plans of a district batch, and the scout that parses them ahead (many.py runs the batch).

On two cores the start of a batch is serial: the interpreter and the checker's modules, then the
segmenter's model (in a thread, under the GIL for most of it), the word vectors and the parent.
A scout forked first, with nothing but the parser imported, parses school plans from the end of
the list meanwhile and leaves each pickled in a file; the processes that check plans take them
from the front and use what the scout left. The scout stops when the parent is ready, when the
checking processes take over both cores. This module imports nothing heavy, so that the command
line can fork the scout before it imports the checker."""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
from pathlib import Path
from typing import Any

PLAN_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf"}

# The state of each plan in the table the processes share: free, being parsed by the scout,
# parsed by it (its file written), taken by a checking process, or left by the scout (it could
# not parse it: the process that takes it parses it and reports why).
_FREE, _SCOUTING, _PARSED, _TAKEN, _LEFT = b"0", b"1", b"2", b"3", b"4"


def plan_files(folder: Path, parent: Path) -> list[Path]:
    skip = parent.resolve()
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in PLAN_SUFFIXES
        and p.resolve() != skip
        and not p.name.startswith((".", "~$"))
        and p.name.lower() != "readme.md"
    )


class Plans:
    """Which plans are left, in shared memory: the checking processes take them from the front,
    the scout from the back; a plan the scout is still parsing is taken last, and parsed again
    (a scout that crashed on a file loses nothing)."""

    def __init__(self, ctx: Any, files: list[str], folder: str) -> None:
        self.files, self.folder = files, folder
        self.lock, self.states = ctx.Lock(), ctx.RawArray("c", _FREE * len(files))
        self.parent_file = os.path.join(folder, "parent.pickle")

    def ahead_file(self, index: int) -> str:
        return os.path.join(self.folder, f"plan-{index}.pickle")

    def take(self) -> tuple[int, str | None] | None:
        """The next plan to check and, when the scout parsed it, the file holding it."""
        with self.lock:
            raw: bytes = self.states.raw
            found = [i for i in (raw.find(s) for s in (_FREE, _PARSED, _LEFT)) if i >= 0]
            index = min(found) if found else raw.find(_SCOUTING)
            if index < 0:
                return None
            parsed = raw[index : index + 1] == _PARSED
            self.states[index] = _TAKEN
        return index, self.ahead_file(index) if parsed else None

    def scout_take(self) -> int | None:
        with self.lock:
            index = self.states.raw.rfind(_FREE)
            if index >= 0:
                self.states[index] = _SCOUTING
        return index if index >= 0 else None

    def scout_done(self, index: int, parsed: bool) -> None:
        with self.lock:
            if self.states[index] == _SCOUTING:  # not taken by a checking process meanwhile
                self.states[index] = _PARSED if parsed else _LEFT


class Scout:
    """The batch's shared table of plans, its temporary folder, the event that says the parent
    is ready (`ready`; the scout stops then) and the scout process, when one was forked: only
    with fork and while this process runs no other thread (a thread's locks must not be copied
    into a child)."""

    def __init__(self, ctx: Any, files: list[str]) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="vbparse-batch-")
        self.plans, self.ready = Plans(ctx, files, self.tmp.name), ctx.Event()
        self.process: Any = None
        if ctx.get_start_method() == "fork" and threading.active_count() == 1:
            from .. import pipeline  # noqa: F401 - the parser, for the scout and the parent alike

            self.process = ctx.Process(target=_scout, args=(self.plans, self.ready), daemon=True)
            self.process.start()

    def close(self) -> None:
        self.ready.set()
        if self.process is not None:
            # It stops at its next plan; one OCR'd scan may take long, and nothing waits on it.
            self.process.join(timeout=1)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join()
        self.tmp.cleanup()


def in_parallel(files: list[str], jobs: int) -> bool:
    """Whether a batch checks its plans in several processes: not for a few plans, which one
    process checks sooner than it forks."""
    from . import batch_jobs

    return batch_jobs(jobs) > 1 and len(files) > 4


def start(files: list[str], jobs: int) -> Scout | None:
    """The batch's table of plans and its scout, when the batch runs in parallel (else None)."""
    return Scout(context(), files) if in_parallel(files, jobs) else None


def context() -> Any:
    import multiprocessing
    import sys

    return multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")


def _scout(plans: Plans, stop: Any) -> None:
    """Plans parsed from the back of the list until the parent is ready, each left pickled in a
    file for the process that takes it. A plan that cannot be parsed is left to that process."""
    from ..pipeline import parse

    while not stop.is_set() and (index := plans.scout_take()) is not None:
        try:
            doc = parse(plans.files[index], include_lines=True)  # as report.parse_plan
            parsed = (doc, doc.lines or [])
            target = plans.ahead_file(index)
            Path(target + ".part").write_bytes(pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL))
            os.replace(target + ".part", target)
        except Exception:
            plans.scout_done(index, False)
            continue
        plans.scout_done(index, True)


def read_ahead(ahead: str | None) -> tuple[Any, list[str]] | None:
    """The (document, lines) the scout parsed, or None (the plan is parsed again)."""
    if ahead is None:
        return None
    try:
        return pickle.loads(Path(ahead).read_bytes())
    except Exception:
        return None
