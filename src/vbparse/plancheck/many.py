"""Many school plans checked against one district plan, in parallel: what `vbparse check-batch`
and `vbparse.check_batch` share. The parent is parsed once, by the main process; the workers
are forked from it and inherit it (spawned, on Windows, they parse it once each)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import describe
from .report import BatchReport, _doc_info
from .similarity import shared_segments

PLAN_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf"}

# One parent per worker process, loaded by the pool's initializer, and the report language.
_WORKER_PARENT: Any = None
_WORKER_PARENT_PATH: str | None = None
_WORKER_LANG: Any = "vi"


def _init_worker(parent_path: str, lang: str = "vi") -> None:
    global _WORKER_PARENT, _WORKER_PARENT_PATH, _WORKER_LANG
    from .report import ParentPlan

    if _WORKER_PARENT is None or parent_path != _WORKER_PARENT_PATH:  # a forked worker has it
        _WORKER_PARENT = ParentPlan.load(parent_path, lang)  # type: ignore[arg-type]
        _WORKER_PARENT_PATH = parent_path
    _WORKER_LANG = lang


def _check_one(path: str) -> tuple[str, dict[str, Any] | None, str | None]:
    from .report import check_child

    try:
        return path, check_child(_WORKER_PARENT, path, _WORKER_LANG).to_dict(), None
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
    import multiprocessing
    import os

    _init_worker(parent_path, lang)
    parent = _WORKER_PARENT
    jobs = jobs or min(2, os.cpu_count() or 1)
    bar = progress if progress is not None else _NoProgress()
    results = []
    if jobs > 1 and len(files) > 4:
        ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        if ctx.get_start_method() == "fork":
            # What a check loads on first use (vectors, paraphrase table, the items' terms) is
            # loaded here once and inherited, instead of being built again in each worker; the
            # main process checks no plan itself: the workers would wait for it.
            parent.warm(lang)
        with (
            shared_segments(),
            ctx.Pool(jobs, initializer=_init_worker, initargs=(parent_path, lang)) as pool,
        ):
            # One plan at a time: with chunks of 4, 20 plans split 12/8 between two workers.
            for result in pool.imap(_check_one, files, chunksize=1):
                results.append(result)
                bar.update(1)
    else:
        for name in files:
            results.append(_check_one(name))
            bar.update(1)
    bar.close()
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
