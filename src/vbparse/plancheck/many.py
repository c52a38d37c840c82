"""Many school plans checked against one district plan, in parallel: what `vbparse check-batch`
and `vbparse.check_batch` share. The parent is parsed once, by the main process, while the
workers, started at once, already read and cut up their first plans (which needs no parent);
they receive the parent as soon as it is ready (pickled: 40 kB, under a millisecond)."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import describe
from .report import BatchReport, ParentPlan, _doc_info
from .similarity import shared_segments

PLAN_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf"}

# In each process: the parent (a worker's, once it has arrived), where and when it arrives, and
# the report language.
_WORKER_PARENT: Any = None
_PARENT_READY: Any = None  # a multiprocessing Event, set when _PARENT_FILE holds the parent
_PARENT_FILE: str | None = None
_WORKER_LANG: Any = "vi"


def _init_worker(
    ready: Any, parent_file: str | None, lang: str = "vi", parent: ParentPlan | None = None
) -> None:
    global _WORKER_PARENT, _PARENT_READY, _PARENT_FILE, _WORKER_LANG
    _WORKER_PARENT, _PARENT_READY, _PARENT_FILE, _WORKER_LANG = parent, ready, parent_file, lang


def _parent() -> ParentPlan:
    """The parent plan, waiting for the main process to have read it (a worker's first check)."""
    global _WORKER_PARENT
    if _WORKER_PARENT is None:
        _PARENT_READY.wait()
        _WORKER_PARENT = pickle.loads(Path(str(_PARENT_FILE)).read_bytes())
    return _WORKER_PARENT


def _check_one(path: str) -> tuple[str, dict[str, Any] | None, str | None]:
    from .report import ChildPlan, check_loaded

    try:
        child = ChildPlan.load(path, _WORKER_LANG)  # before the parent is needed
        return path, check_loaded(_parent(), child, _WORKER_LANG).to_dict(), None
    except Exception as exc:  # one broken school file must not stop the district report
        return path, None, describe(exc, _WORKER_LANG).removeprefix(f"{path}: ")


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


def check_many(
    parent_path: str, files: list[str], *, jobs: int = 0, progress: Any = None, lang: str = "vi"
) -> tuple[list[tuple[str, dict[str, Any] | None, str | None]], Any]:
    """Check `files` against the parent, in order; returns the results and the loaded parent.
    `progress`: None, or a bar with update(n) and close() (the CLI's, terminal or plain lines)."""
    jobs = jobs or min(2, os.cpu_count() or 1)
    bar = progress if progress is not None else _NoProgress()
    if jobs > 1 and len(files) > 4:
        results, parent = _check_parallel(parent_path, files, jobs, bar, lang)
    else:
        parent = ParentPlan.load(parent_path, lang)  # type: ignore[arg-type]
        _init_worker(None, None, lang, parent)  # this process is the only worker
        results = []
        for name in files:
            results.append(_check_one(name))
            bar.update(1)
    bar.close()
    return results, parent


def _check_parallel(
    parent_path: str, files: list[str], jobs: int, bar: Any, lang: str
) -> tuple[list[tuple[str, dict[str, Any] | None, str | None]], ParentPlan]:
    """Before the fork: the parent parsed (which readies the parser for the workers too) while
    the segmenter loads in a thread, then the vectors; the forked workers inherit all of it.
    After: the main process segments the parent's items while the workers read their first
    plans, which needs no parent, then hands them the parent."""
    import multiprocessing
    import tempfile

    from .paraphrase import load_models
    from .report import parse_plan
    from .similarity import start_loading_segmenter, wait_for_segmenter

    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    start_loading_segmenter()
    try:
        doc, lines = parse_plan(parent_path)
        if ctx.get_start_method() == "fork":
            load_models()
    finally:
        wait_for_segmenter()  # joined before the fork
    results = []
    with tempfile.TemporaryDirectory(prefix="vbparse-parent-") as tmp, shared_segments():
        ready, parent_file = ctx.Event(), os.path.join(tmp, "parent.pickle")
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(ready, parent_file, lang)) as pool:
            # One plan at a time: with chunks of 4, 20 plans split 12/8 between two workers.
            done = pool.imap(_check_one, files, chunksize=1)
            parent = ParentPlan.from_parsed(parent_path, doc, lines, lang)  # type: ignore[arg-type]
            parent.fit_weights()
            # Written by this process into its own temporary folder, read by its own workers.
            Path(parent_file).write_bytes(pickle.dumps(parent, pickle.HIGHEST_PROTOCOL))
            ready.set()
            for result in done:
                results.append(result)
                bar.update(1)
    return results, parent


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def check_folder(
    parent_path: str | Path,
    plans: str | Path | Sequence[str | Path],
    *,
    jobs: int = 0,
    progress: Any = None,
    lang: str = "vi",
) -> BatchReport:
    """Check every plan of a folder (or the given files) against the parent plan. A plan that
    cannot be read is listed in `failures`; a parent that cannot be read raises InputError.
    `progress`: a function of the number of plans giving a bar (update, close), or None."""
    parent_path = str(parent_path)
    if isinstance(plans, (str, Path)):
        files = [str(p) for p in plan_files(Path(plans), Path(parent_path))]
    else:
        files = [str(p) for p in plans]
    bar = progress(len(files)) if progress else None
    results, parent = check_many(parent_path, files, jobs=jobs, progress=bar, lang=lang)
    return BatchReport(
        parent=_doc_info(parent.path, parent.doc),
        item_ids=[i.id for i in parent.items],
        items=[{"id": i.id, "kind": i.kind, "text": i.text} for i in parent.items],
        results=[r for _p, r, _e in results if r is not None],
        failures=[{"path": p, "error": e or ""} for p, r, e in results if r is None],
        lang=lang,  # type: ignore[arg-type]
    )
