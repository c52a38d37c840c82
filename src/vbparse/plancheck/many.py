"""Many school plans checked against one district plan, in parallel: what `vbparse check-batch`
and `vbparse.check_batch` share. With `jobs` = N, N processes check plans: the main process and
N - 1 forked workers (a main process that only waited for results would be a third process on
two cores). While the main process loads the models and parses the parent (serial work, one core
busy), a scout forked before it reads plans from the end of the list, so that the second core is
not idle; the workers, forked once the models are loaded, read their first plans while the main
process cuts up the parent, and receive the parent as soon as it is ready (pickled: 40 kB, under
a millisecond)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import describe
from ..messages import render as render_message
from . import batch_jobs
from .report import BatchReport, ParentPlan, _doc_info
from .scout import Plans, Scout, context, in_parallel, plan_files, read_ahead
from .similarity import shared_segments

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


def _check_one(
    path: str, ahead: str | None = None
) -> tuple[str, dict[str, Any] | None, str | None]:
    """One plan checked; `ahead`: the file where the scout left the plan parsed."""
    from .report import ChildPlan, check_loaded

    try:
        parsed = read_ahead(ahead)  # the plan is read before the parent is needed
        if parsed is None:
            child = ChildPlan.load(path, _WORKER_LANG)
        else:
            child = ChildPlan.from_parsed(path, parsed[0], parsed[1], _WORKER_LANG)
        return path, check_loaded(_parent(), child, _WORKER_LANG).to_dict(), None
    except Exception as exc:  # one broken school file must not stop the district report
        return path, None, describe(exc, _WORKER_LANG).removeprefix(f"{path}: ")


def check_many(
    parent_path: str,
    files: list[str],
    *,
    jobs: int = 0,
    progress: Any = None,
    lang: str = "vi",
    scout: Scout | None = None,
) -> tuple[list[tuple[str, dict[str, Any] | None, str | None]], Any]:
    """Check `files` against the parent, in order; returns the results and the loaded parent.
    `progress`: None, or a bar with update(n) and close() (the CLI's, terminal or plain lines).
    `scout`: the batch's scout, already started for these files (scout.start), or None."""
    bar = progress if progress is not None else _NoProgress()
    if in_parallel(files, jobs):
        results, parent = _check_parallel(parent_path, files, batch_jobs(jobs), bar, lang, scout)
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
    parent_path: str, files: list[str], jobs: int, bar: Any, lang: str, scout: Scout | None
) -> tuple[list[tuple[str, dict[str, Any] | None, str | None]], ParentPlan]:
    """`jobs` lanes on `jobs` cores: the main process and jobs - 1 forked workers, which take
    the plans one at a time from a table they share (no third process on two cores: the main
    process, which would otherwise only wait for results, checks plans too).

    First the scout (scout.py), forked unless the caller already did, parses plans from the end
    of the list while this process parses the parent and loads the segmenter (in a thread; it
    holds the GIL for most of its load). Then the workers are forked, inheriting the segmenter;
    each process loads the word vectors (numpy's import, most of it) and this one cuts and
    segments the parent's items while the workers read their first plans, which needs no parent
    (the workers would otherwise wait for it: loading the vectors before the fork only made the
    serial part longer). The scout stops when the parent is ready."""
    from .paraphrase import load_models
    from .report import parse_plan
    from .similarity import start_loading_segmenter, wait_for_segmenter

    ctx = context()
    scout = scout or Scout(ctx, files)
    results: dict[int, tuple[str, dict[str, Any] | None, str | None]] = {}
    try:
        start_loading_segmenter()
        try:
            doc, lines = parse_plan(parent_path)
        finally:
            wait_for_segmenter()  # joined before the fork
        with shared_segments():
            lanes = _Lanes(ctx, scout.plans, jobs - 1, scout.ready, lang)
            try:
                load_models()
                parent = ParentPlan.from_parsed(parent_path, doc, lines, lang)  # type: ignore[arg-type]
                parent.fit_weights()
                # Written by this process into its own temporary folder, read by its workers.
                data = pickle.dumps(parent, pickle.HIGHEST_PROTOCOL)
                Path(scout.plans.parent_file).write_bytes(data)
                scout.ready.set()  # the workers start checking, the scout stops
                _init_worker(None, None, lang, parent)  # this process is a lane too
                lanes.run(results, bar)
            finally:
                lanes.stop()
    finally:
        scout.close()
    return [results[i] for i in range(len(files))], parent


def _lane(plans: Plans, out: Any, *init: Any) -> None:
    """A worker: plans taken one at a time until none is left, each result sent back with its
    index; then its pid, to say it is done. The models first, before the parent arrives."""
    from .paraphrase import load_models

    _init_worker(*init)
    load_models()
    while (taken := plans.take()) is not None:
        index, ahead = taken
        out.put((index, _check_one(plans.files[index], ahead)))
    out.put((None, os.getpid()))


class _Lanes:
    """The forked workers beside the main process, and the results they send back."""

    def __init__(self, ctx: Any, plans: Plans, workers: int, ready: Any, lang: str) -> None:
        self.plans, self.files, self.lang = plans, plans.files, lang
        self.out = ctx.Queue()
        args = (plans, self.out, ready, plans.parent_file, lang)
        self.procs = [ctx.Process(target=_lane, args=args, daemon=True) for _ in range(workers)]
        self.done: set[int] = set()  # pids of the workers that said they are done
        for proc in self.procs:
            proc.start()

    def run(self, results: dict[int, Any], bar: Any) -> None:
        """This process's share of the plans, then the workers' last results. A plan taken by a
        worker that died is reported as not checked (checking it here could kill this process
        the same way)."""
        while (taken := self.plans.take()) is not None:
            index, ahead = taken
            results[index] = _check_one(self.files[index], ahead)
            bar.update(1)
            self._collect(results, bar, wait=False)
        self._collect(results, bar, wait=True)
        lost = render_message("check.batch.worker_lost", self.lang)
        for index, path in enumerate(self.files):
            if index not in results:
                results[index] = (path, None, lost)
                bar.update(1)

    def _collect(self, results: dict[int, Any], bar: Any, wait: bool) -> None:
        """The results already sent; with `wait`, all of them, until every worker is done or
        gone."""
        import queue

        # A worker's results come before its pid (one queue keeps each sender's order).
        while not (wait and len(self.done) == len(self.procs)):
            try:
                index, result = self.out.get(timeout=0.2) if wait else self.out.get_nowait()
            except queue.Empty:
                if not wait or len(self.done) == len(self.procs):
                    return
                working = [p for p in self.procs if p.pid not in self.done and p.is_alive()]
                if working or not self.out.empty():
                    continue
                return  # the workers not done are dead: nothing more will come
            if index is None:
                self.done.add(result)
            else:
                results[index] = result
                bar.update(1)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()


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
    scout: Scout | None = None,
) -> BatchReport:
    """Check every plan of a folder (or the given files) against the parent plan. A plan that
    cannot be read is listed in `failures`; a parent that cannot be read raises InputError.
    `progress`: a function of the number of plans giving a bar (update, close), or None;
    `scout`: as check_many's."""
    parent_path = str(parent_path)
    if isinstance(plans, (str, Path)):
        files = [str(p) for p in plan_files(Path(plans), Path(parent_path))]
    else:
        files = [str(p) for p in plans]
    bar = progress(len(files)) if progress else None
    results, parent = check_many(
        parent_path, files, jobs=jobs, progress=bar, lang=lang, scout=scout
    )
    return BatchReport(
        parent=_doc_info(parent.path, parent.doc),
        item_ids=[i.id for i in parent.items],
        items=[{"id": i.id, "kind": i.kind, "text": i.text} for i in parent.items],
        results=[r for _p, r, _e in results if r is not None],
        failures=[{"path": p, "error": e or ""} for p, r, e in results if r is None],
        lang=lang,  # type: ignore[arg-type]
    )
