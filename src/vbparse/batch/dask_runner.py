"""Run a batch on a Dask distributed cluster (`vbparse batch --scheduler ADDRESS|local:N`).

The client process reads what the registry holds, cuts the remaining files into tasks, and is
the registry's one writer: each task's results are committed as it finishes (in completion
order), so a killed client loses at most the tasks in flight and a rerun resumes from the
registry, as with the process pool.

Tasks are sized by estimated cost, not by count: a file's bytes weighted by how dear its
format is to parse (a PDF may be a scan to OCR, a .doc goes through LibreOffice), small files
grouped until a task is worth a scheduler round trip, a dear file alone. A scan with more than
SPLIT_PAGES pages to OCR is split by page ranges, OCR'd on several workers and parsed whole at
the end (pages.py).

The client does as little CPU as it can, since on a small machine it shares the cores with the
workers: the workers build the registry rows, results are committed in one transaction per
FLUSH_FILES files or FLUSH_SECONDS, and the cluster we start runs without Dask's statistical
profiler and with its periodic monitors slowed down (QUIET).

Workers must see the files at the same paths (a shared filesystem) and have vbparse installed.
A worker that dies mid-task (killed, out of memory) has its tasks rescheduled on the others by
Dask; a task that has killed `distributed.scheduler.allowed-failures` workers comes back as
KilledWorker, and its files are then retried one per task so that only the culprit is recorded
as crashed. A file recorded twice (a task rerun after its worker died between finishing and
reporting) is one row: the registry is keyed by path.

The per-file --timeout holds as in the process pool: a task runs in a worker thread, where
readers.limits.time_limit arms a watchdog instead of the alarm.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import MessageError
from ..settings import Settings, current, use
from .pages import Split, finish_split, ocr_range, process_or_split
from .runner import (
    CRASHED_MESSAGE,
    FileResult,
    Summary,
    Task,
    delivery,
    failed_result,
    finish,
    rounds,
)

# Relative cost of a byte, by extension (a .txt byte is 1). Rough, from benchmarks/bench_scale.py:
# what matters is that a scan or a LibreOffice conversion is not grouped with fifty others.
COST_PER_BYTE = {
    ".pdf": 40.0,  # text PDFs are cheap, scans dear; a PDF never shares a task with many
    ".jpg": 200.0,
    ".jpeg": 200.0,
    ".png": 200.0,
    ".tif": 200.0,
    ".tiff": 200.0,
    ".doc": 20.0,
    ".rtf": 5.0,
    ".odt": 20.0,
    ".docx": 2.0,
}
TASK_COST = 1_000_000.0  # a task's estimated cost: about a second of parsing
MAX_FILES_PER_TASK = 64  # small files still come back in pieces, for progress and resume
SPLIT_PAGES = 16  # pages OCR'd in one task: a scan with more is split by page ranges
# One commit per this many files, or once the oldest uncommitted result is this old.
FLUSH_FILES = 256
FLUSH_SECONDS = 0.5
# Dask settings of a cluster we start: its statistical profiler samples the worker's stack
# every 10 ms, and its monitors tick every 20–500 ms in every process; on 2 cores that is CPU
# taken from parsing (measured in docs/scale.md).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def estimated_cost(path: str) -> float:
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return max(size, 1_000) * COST_PER_BYTE.get(os.path.splitext(path)[1].lower(), 1.0)


def partition(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Tasks grouped in order until their estimated cost reaches TASK_COST (a dear file alone)."""
    group: list[Task] = []
    cost = 0.0
    for task in tasks:
        file_cost = estimated_cost(task.path)
        if group and (cost + file_cost > TASK_COST or len(group) >= MAX_FILES_PER_TASK):
            yield group
            group, cost = [], 0.0
        group.append(task)
        cost += file_cost
    if group:
        yield group


@dataclass
class Cluster:
    client: Any
    cluster: Any  # the LocalCluster we started, or None for a remote scheduler
    workers: int

    @property
    def dashboard(self) -> str | None:
        try:
            import bokeh  # noqa: F401  (the dashboard needs it)
        except ImportError:
            return None
        return str(self.client.dashboard_link) if self.client.dashboard_link else None

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class SchedulerError(MessageError):
    """The --scheduler value is wrong or the scheduler cannot be reached (one line)."""


def connect(scheduler: str) -> Cluster:
    """A client of `scheduler`: "local:N" starts a LocalCluster of N one-thread worker processes
    on this machine; anything else is a scheduler address (tcp://host:8786)."""
    import logging

    import dask
    from distributed import Client, LocalCluster

    if scheduler.startswith("local"):
        dask.config.set(QUIET)  # the workers (started by nannies) take the client's settings
        count = scheduler.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise SchedulerError("batch.scheduler_local", scheduler=repr(scheduler))
        cluster = LocalCluster(
            n_workers=int(count),
            threads_per_worker=1,  # parsing holds the GIL: one thread per process
            processes=True,
            dashboard_address="127.0.0.1:0",
            host="127.0.0.1",
            silence_logs=logging.ERROR,
        )
        return Cluster(Client(cluster), cluster, int(count))
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(
            "batch.scheduler_unreachable", scheduler=scheduler, detail=str(exc)
        ) from exc
    workers = sum(client.nthreads().values())
    return Cluster(client, None, workers)


def _import_parser() -> None:
    import vbparse.pipeline  # noqa: F401


def warm_up(cluster: Cluster) -> None:
    """Import the parser on every worker before the clock of the first task starts."""
    cluster.client.run(_import_parser)


def dask_chunk(
    tasks: list[Task], want_rows: bool, timeout: float, split_pages: int, settings: Settings
) -> list[FileResult | Split]:
    """A task on a worker: each file's result, or a Split for a long scan to OCR in parts.
    `settings`: the batch's, for this task only (a worker may serve other clients)."""
    with use(settings):
        return [process_or_split(task, want_rows, timeout, split_pages) for task in tasks]


def run(
    files: list[str],
    stored: dict[str, tuple[str | None, str]],
    write: Callable[[list[FileResult]], None],
    *,
    cluster: Cluster,
    want_rows: bool,
    timeout: float = 0.0,
    progress: Any = None,
    share: Any = None,
) -> Summary:
    """Process `files` on `cluster`, passing results to `write` (one commit) as they finish,
    a batch at a time; `share` as in runner.run."""
    summary = Summary(total=len(files))
    started = time.perf_counter()
    deliver = delivery(summary, stored, write, progress, share)
    try:
        for tasks in rounds(files, stored, share):
            lost = _drive(cluster, partition(tasks), want_rows, timeout, deliver, SPLIT_PAGES)
            for task in lost:  # one file per task, whole: a crash names exactly one file
                if _drive(cluster, iter([[task]]), want_rows, timeout, deliver, 0):
                    deliver([failed_result(task.path, None, "crashed", CRASHED_MESSAGE)])
    except KeyboardInterrupt:
        summary.interrupted = True
    finish(summary, started, share, progress)
    return summary


class _Batches:
    """Results held until FLUSH_FILES of them or FLUSH_SECONDS have passed, then delivered
    (committed) in one call: a commit per task costs the one writer a transaction each."""

    def __init__(self, deliver: Callable[[list[FileResult]], None]) -> None:
        self.deliver = deliver
        self.held: list[FileResult] = []
        self.since = 0.0

    def add(self, results: list[FileResult]) -> None:
        if results and not self.held:
            self.since = time.monotonic()
        self.held.extend(results)

    def patience(self) -> float | None:
        """How long the loop may wait for results before these are due; None: no limit."""
        return None if not self.held else max(0.0, self.since + FLUSH_SECONDS - time.monotonic())

    def due(self) -> bool:
        return len(self.held) >= FLUSH_FILES or self.patience() == 0.0

    def flush(self) -> None:
        if self.held:
            held, self.held = self.held, []
            self.deliver(held)


def _drive(
    cluster: Cluster,
    chunks: Iterator[list[Task]],
    want_rows: bool,
    timeout: float,
    deliver: Callable[[list[FileResult]], None],
    split_pages: int,
) -> list[Task]:
    """Submit `chunks`, a few per worker in flight, delivering results in batches as they
    complete. Returns the tasks of chunks that kept killing workers."""
    from distributed import wait
    from distributed.scheduler import KilledWorker

    client = cluster.client
    max_in_flight = max(2, 3 * cluster.workers)
    pending: dict[Any, list[Task]] = {}
    lost: list[Task] = []
    out = _Batches(deliver)

    def submit() -> None:
        while len(pending) < max_in_flight and (chunk := next(chunks, None)) is not None:
            args = (chunk, want_rows, timeout, split_pages, current())
            pending[client.submit(dask_chunk, *args, pure=False)] = chunk

    submit()
    try:
        while pending:
            try:
                done = wait(list(pending), out.patience(), "FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            for future in done:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except KilledWorker:
                    lost.extend(chunk)
                    continue
                finally:
                    future.release()
                out.add([r for r in results if isinstance(r, FileResult)])
                for split in (r for r in results if isinstance(r, Split)):
                    pending[_submit_split(client, split, want_rows, timeout)] = [split.task]
            if out.due():
                out.flush()
            submit()
    finally:
        for future in pending:
            future.cancel()
        out.flush()
    return lost


def _submit_split(client: Any, split: Split, want_rows: bool, timeout: float) -> Any:
    """One task per range of pages, and the task that parses the file with their pages (Dask
    hands it their results on the worker: the pages never travel through the client)."""
    parts = [
        client.submit(ocr_range, split.task.path, dpis, timeout, pure=False)
        for dpis in split.ranges
    ]
    return client.submit(finish_split, split, want_rows, timeout, current(), *parts, pure=False)
