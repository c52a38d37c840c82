"""Parse many files in worker processes and hand each result to a sink as it comes.

The workers do all the per-file work — hashing, parsing, serialising, building registry rows —
so that the parent only writes. Files travel in small chunks and only a few chunks are in flight
at once: memory stays bounded whatever the archive's size.

A file never stops the run: a ReadError becomes a failed record with its kind, any other
exception a failed record of kind "internal", a file that takes longer than `timeout` seconds a
record of kind "timeout" (the alarm interrupts Python code; a reader stuck inside a C library or
a child process must enforce its own limit). A worker that dies outright (a crash in a C
extension) breaks the pool: its chunk's files are then retried one at a time in a fresh
one-worker pool, so that only the file that crashes it is recorded, as kind "crashed".
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..settings import Settings, current, install
from .registry import DocumentRows

DEFAULT_TIMEOUT = 300.0  # seconds per file; OCR of a long scan is the slowest legitimate case


@dataclass(slots=True)
class Task:
    path: str
    stored_sha256: str | None  # the hash already stored for this path; equal → skip


@dataclass(slots=True)
class FileResult:
    path: str
    sha256: str | None
    status: str  # "ok", "failed", "skipped"
    format: str | None = None
    doc_type: str | None = None
    error_kind: str | None = None
    error_message: str | None = None
    json: str | None = None  # the JSON Lines record (ok and failed)
    rows: DocumentRows | None = None  # registry rows, when the sink asked for them
    seconds: float = 0.0  # time the worker spent on the file (for measurements)
    cpu: float = 0.0  # CPU time of the worker's thread on the file (for measurements)
    parts: int = 1  # tasks the file was parsed in (a long scan: its page ranges; Dask only)


# --- in the worker ------------------------------------------------------------------------------


def _init_worker(batch_pid: int, settings: Settings) -> None:
    install(settings)  # the batch's settings (--settings/--set), whatever the worker's environment
    # Ctrl-C goes to the whole process group; the parent alone decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch_batch() -> None:
        # A batch killed with SIGKILL cannot stop its workers (they are children of the fork
        # server, not of the batch); they notice it is gone and leave.
        while True:
            time.sleep(0.5)
            try:
                os.kill(batch_pid, 0)
            except (ProcessLookupError, PermissionError):  # gone, or its pid reused by another
                os._exit(1)

    threading.Thread(target=watch_batch, daemon=True).start()


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def process_chunk(tasks: list[Task], want_rows: bool, timeout: float) -> list[FileResult]:
    from ..readers import office

    office.keep_running()  # one LibreOffice for the worker's life, if it meets an office file
    results = []
    for task in tasks:
        started, cpu = time.perf_counter(), time.thread_time()
        result = process_file(task, want_rows, timeout)
        result.seconds = time.perf_counter() - started
        result.cpu = time.thread_time() - cpu
        results.append(result)
    return results


def process_file(task: Task, want_rows: bool, timeout: float) -> FileResult:
    """Hash, skip if unchanged, else parse one file; never raises. The time limit is armed
    before the file is opened: a path that blocks on open or read is cut off too, and a FIFO,
    a device, a socket or a looping link is refused before anything opens it."""
    from ..readers import ReadError, check_regular
    from ..readers.limits import TimeLimitExceeded, time_limit

    path = task.path
    sha256: str | None = None
    try:
        with time_limit(timeout):
            try:
                check_regular(Path(path), path)
                sha256 = file_sha256(path)
            except ReadError as exc:
                return failed_result(path, None, exc.kind, exc.message)
            except OSError as exc:
                kind = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
                return failed_result(path, None, kind, f"cannot be read ({exc.strerror or exc})")
            if sha256 == task.stored_sha256:
                return FileResult(path, sha256, "skipped")
            return _parse(path, sha256, want_rows)
    except TimeLimitExceeded:
        return failed_result(path, sha256, "timeout", f"parsing took longer than {timeout:g} s")


def _parse(path: str, sha256: str, want_rows: bool) -> FileResult:
    from ..pipeline import parse
    from ..readers import ReadError

    try:
        doc = parse(path, include_lines=want_rows)
        lines = doc.lines or []
        doc.lines = None
        document_json = doc.to_json(indent=None)
    except ReadError as exc:
        return failed_result(path, sha256, exc.kind, exc.message)
    except Exception as exc:  # a parser bug is one file's failure, not the run's
        return failed_result(path, sha256, "internal", f"{type(exc).__name__}: {exc}")
    # Counted by code; a công văn has none, so its name stands in ("Công văn").
    kind = doc.doc_type.code or doc.doc_type.name
    result = FileResult(path, sha256, "ok", doc.source.format, kind)
    # The core contract's JSON with "status" first; spliced, not re-serialised, for speed.
    result.json = '{"status":"ok",' + document_json[1:]
    if want_rows:
        from .registry import document_rows

        result.rows = document_rows(doc, lines, document_json)
    return result


def failed_result(path: str, sha256: str | None, kind: str, message: str) -> FileResult:
    import json

    from .registry import failed_columns

    fmt = os.path.splitext(path)[1].lstrip(".").lower() or None
    record = {
        "source": {"path": path, "sha256": sha256},
        "status": "failed",
        "error": {"kind": kind, "message": message},
    }
    return FileResult(
        path,
        sha256,
        "failed",
        fmt,
        None,
        kind,
        message,
        json.dumps(record, ensure_ascii=False),
        DocumentRows(failed_columns(kind, message, fmt)),
    )


# --- in the parent ------------------------------------------------------------------------------


@dataclass
class Summary:
    total: int = 0
    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    skipped_failed: int = 0  # skipped because stored unchanged, but stored as failed
    by_type: Counter[str] = field(default_factory=Counter)
    failures: list[FileResult] = field(default_factory=list)  # the first few, for the report
    elapsed: float = 0.0
    interrupted: bool = False
    elsewhere: int = 0  # recorded by another batch sharing the registry while this one ran

    MAX_FAILURES_KEPT = 20

    def add(self, result: FileResult, stored_status: str | None) -> None:
        if result.status == "ok":
            self.parsed += 1
            self.by_type[result.doc_type or "unknown type"] += 1
        elif result.status == "failed":
            self.failed += 1
            if len(self.failures) < self.MAX_FAILURES_KEPT:
                self.failures.append(result)
        else:
            self.skipped += 1
            self.skipped_failed += stored_status == "failed"


def delivery(
    summary: Summary,
    stored: dict[str, tuple[str | None, str]],
    write: Callable[[list[FileResult]], None],
    progress: Any,
    share: Any = None,
) -> Callable[[list[FileResult]], None]:
    """What the parent does with each chunk of results: write (commit) them, then count them.
    Writing releases a file's claim; a skipped file (stored, unchanged) is released here."""

    def deliver(results: list[FileResult]) -> None:
        write([r for r in results if r.status != "skipped"])
        if share is not None:
            share.release([r.path for r in results if r.status == "skipped"])
        for r in results:
            summary.add(r, stored.get(r.path, (None, None))[1])
        if progress is not None:
            progress.update(len(results))

    return deliver


CRASHED_MESSAGE = "the worker process parsing this file crashed"


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _context() -> Any:
    # forkserver: workers are forked from a clean server process, never from the parent that
    # holds the open registry connection (SQLite forbids carrying one across fork).
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["vbparse.pipeline", "vbparse.batch.runner"])
    return ctx


def _executor(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_init_worker, initargs=(os.getpid(), current())
    )


def run(
    files: list[str],
    stored: dict[str, tuple[str | None, str]],
    write: Callable[[list[FileResult]], None],
    *,
    jobs: int,
    want_rows: bool,
    timeout: float = DEFAULT_TIMEOUT,
    chunk_size: int = 4,
    progress: Any = None,
    share: Any = None,
) -> Summary:
    """Process `files`, passing each chunk of results to `write` (which must commit them).

    `stored` maps a path to the (sha256, status) already stored for it. `progress` is a tqdm
    bar or None. `share` (a sharing.WorkShare) makes the batch parse only the files it claims.
    """
    summary = Summary(total=len(files))
    started = time.perf_counter()
    deliver = delivery(summary, stored, write, progress, share)
    try:
        for tasks in rounds(files, stored, share):
            _run_round(tasks, jobs, want_rows, timeout, deliver, chunk_size)
    except KeyboardInterrupt:
        summary.interrupted = True
    finish(summary, started, share, progress)
    return summary


def _run_round(
    tasks: Iterator[Task],
    jobs: int,
    want_rows: bool,
    timeout: float,
    deliver: Callable[[list[FileResult]], None],
    chunk_size: int,
) -> None:
    suspects: list[Task] = []
    _drive(_chunks(tasks, chunk_size), jobs, want_rows, timeout, deliver, suspects.extend)
    # Files whose chunk was lost with a crashed worker: one at a time, so a crash names exactly
    # one file.
    for task in suspects:
        crashed: list[Task] = []
        _drive(iter([[task]]), 1, want_rows, timeout, deliver, crashed.extend)
        if crashed:
            deliver([failed_result(task.path, None, "crashed", CRASHED_MESSAGE)])


def rounds(
    files: list[str], stored: dict[str, tuple[str | None, str]], share: Any
) -> Iterator[Iterator[Task]]:
    """The tasks of each round: all files; or, sharing the registry with other batches, the
    files this batch claims, then (once a round is recorded) the files others held that have
    come free. A task reads the stored hash when it is made: a file may be recorded meanwhile."""

    def tasks(paths: Iterable[str]) -> Iterator[Task]:
        return (Task(path, stored.get(path, (None, None))[0]) for path in paths)

    if share is None:
        yield tasks(files)
        return
    yield tasks(share.claimed(files, stored))
    while (free := share.next_round(stored)) is not None:
        yield tasks(free)


def finish(summary: Summary, started: float, share: Any, progress: Any) -> None:
    summary.elapsed = time.perf_counter() - started
    if share is not None:
        summary.elsewhere = len(share.done_elsewhere)
        if progress is not None:
            progress.update(summary.elsewhere)


def _drive(
    chunks: Iterator[list[Task]],
    jobs: int,
    want_rows: bool,
    timeout: float,
    deliver: Callable[[list[FileResult]], None],
    lost: Callable[[list[Task]], None],
) -> None:
    """Run `chunks` on a pool of `jobs` workers, a few chunks in flight per worker. Chunks lost
    to a broken pool go to `lost`, and the rest carry on in a new pool."""
    max_in_flight = jobs * 3
    pending: dict[Future[list[FileResult]], list[Task]] = {}
    executor = _executor(jobs)
    try:
        while True:
            while len(pending) < max_in_flight and (chunk := next(chunks, None)) is not None:
                pending[executor.submit(process_chunk, chunk, want_rows, timeout)] = chunk
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    lost(chunk)
                    broken = True
                    continue
                deliver(results)
            if broken:
                for chunk in pending.values():
                    lost(chunk)
                pending.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _executor(jobs)
    finally:
        executor.shutdown(wait=not sys.is_finalizing(), cancel_futures=True)
