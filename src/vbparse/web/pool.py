"""A bounded pool of worker processes with a deadline per job.

Jobs wait in the pool's queue, so twenty uploads at once use `jobs` processes, not twenty. Each
job limits itself (readers.limits.time_limit); a job still running `GRACE` seconds after its limit is stuck
where no signal reaches it, so the whole pool is replaced (its processes killed) and the job
fails with "timeout": one bad file never holds a worker for good. A worker that dies breaks the
pool the same way, and the next job gets a fresh one.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..batch.runner import _context  # workers forked from a clean server, as the batch's

GRACE = 5.0  # seconds past a job's own limit before the pool gives up on it


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group; the server alone decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class WorkerPool:
    def __init__(self, jobs: int, timeout: float) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.jobs, mp_context=_context(), initializer=_init_worker
                )
            return self._executor

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is not broken:
                return  # another job replaced it already
            self._executor = None
        processes = list((getattr(broken, "_processes", None) or {}).values())
        broken.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGKILL)

    async def run(self, function: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        """`function(*args, timeout)` in a worker; its result, or a failure dict."""
        from .jobs import failure

        executor = self._pool()
        try:
            future = executor.submit(function, *args, self.timeout)
        except (BrokenProcessPool, RuntimeError):
            self._replace(executor)
            executor = self._pool()
            future = executor.submit(function, *args, self.timeout)
        # The deadline counts from the start of the work, so waiting in the queue is not held
        # against the job: wait for it to start, then for it to finish.
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self._deadline(executor))
        except asyncio.TimeoutError:
            self._replace(executor)
            return failure("timeout", f"took longer than {self.timeout:g} s")
        except BrokenProcessPool:
            self._replace(executor)
            return failure("crashed", "the worker process stopped while reading this file")

    def _deadline(self, executor: ProcessPoolExecutor) -> float:
        # Queued jobs ahead of this one each may take up to the limit.
        queued = len(getattr(executor, "_pending_work_items", {}))
        rounds = 1 + queued // self.jobs
        return rounds * (self.timeout + GRACE)

    def warm_up(self) -> None:
        """Start the processes now, so that the first upload does not pay for it."""
        from .jobs import failure

        pool = self._pool()
        for future in [pool.submit(failure, "warm", "up") for _ in range(self.jobs)]:
            future.result()

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            processes = list((getattr(executor, "_processes", None) or {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.terminate()
