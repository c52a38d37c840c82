"""Run a batch on a Dask distributed cluster (`vbparse batch --scheduler ADDRESS|local:N`).

The client process reads what the registry holds, cuts the remaining files into tasks, and is
the registry's one writer: each task's results are committed as it finishes (in completion
order), so a killed client loses at most the tasks in flight and a rerun resumes from the
registry, as with the process pool.

Tasks are sized by estimated cost, not by count: a file's bytes weighted by how dear its
format is to parse (a PDF may be a scan to OCR, a .doc goes through LibreOffice), small files
grouped until a task is worth a scheduler round trip, a dear file alone. A 200-page scan is one
task: the readers OCR a document in one call, and splitting it by page ranges would need a
reader entry point for a page range plus a merge step before the pipeline (not built).

Workers must see the files at the same paths (a shared filesystem) and have vbparse installed.
A worker that dies mid-task (killed, out of memory) has its tasks rescheduled on the others by
Dask; a task that has killed `distributed.scheduler.allowed-failures` workers comes back as
KilledWorker, and its files are then retried one per task so that only the culprit is recorded
as crashed. A file recorded twice (a task rerun after its worker died between finishing and
reporting) is one row: the registry is keyed by path.

The per-file --timeout is not enforced here: Dask runs tasks in worker threads, where the alarm
the process pool uses cannot interrupt them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import MessageError
from .runner import (
    CRASHED_MESSAGE,
    FileResult,
    Summary,
    Task,
    delivery,
    failed_result,
    finish,
    process_chunk,
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
MAX_FILES_PER_TASK = 32  # small files still come back in pieces, for progress and resume


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

    from distributed import Client, LocalCluster

    if scheduler.startswith("local"):
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
    """Process `files` on `cluster`, passing each task's results to `write` as it finishes;
    `share` as in runner.run."""
    summary = Summary(total=len(files))
    started = time.perf_counter()
    deliver = delivery(summary, stored, write, progress, share)
    try:
        for tasks in rounds(files, stored, share):
            lost = _drive(cluster, partition(tasks), want_rows, timeout, deliver)
            for task in lost:  # one file per task: a crash names exactly one file
                if _drive(cluster, iter([[task]]), want_rows, timeout, deliver):
                    deliver([failed_result(task.path, None, "crashed", CRASHED_MESSAGE)])
    except KeyboardInterrupt:
        summary.interrupted = True
    finish(summary, started, share, progress)
    return summary


def _drive(
    cluster: Cluster,
    chunks: Iterator[list[Task]],
    want_rows: bool,
    timeout: float,
    deliver: Callable[[list[FileResult]], None],
) -> list[Task]:
    """Submit `chunks`, a few per worker in flight, delivering results as they complete.
    Returns the tasks of chunks that kept killing workers."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    client = cluster.client
    max_in_flight = max(2, 3 * cluster.workers)
    pending: dict[Any, list[Task]] = {}
    lost: list[Task] = []
    flow = as_completed()

    def submit() -> None:
        while len(pending) < max_in_flight and (chunk := next(chunks, None)) is not None:
            future = client.submit(process_chunk, chunk, want_rows, timeout, pure=False)
            pending[future] = chunk
            flow.add(future)

    submit()
    try:
        for future in flow:
            chunk = pending.pop(future)
            try:
                results = future.result()
            except KilledWorker:
                lost.extend(chunk)
            else:
                deliver(results)
            future.release()
            submit()
    finally:
        for future in pending:
            future.cancel()
    return lost
