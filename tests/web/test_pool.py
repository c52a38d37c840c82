"""The worker pool: a job over its time limit fails with "timeout", even one stuck where no
signal reaches it, and the next job runs as usual."""

from __future__ import annotations

import asyncio
import time

import pytest
import slow_jobs

from vbparse.web.pool import GRACE, WorkerPool


@pytest.fixture
def pool():
    p = WorkerPool(1, timeout=0.5)
    yield p
    p.close()


def test_a_slow_job_stops_at_its_limit(pool) -> None:
    started = time.monotonic()
    result = asyncio.run(pool.run(slow_jobs.sleepy, 30))
    assert result == {"ok": False, "kind": "timeout", "message": "took longer than 0.5 s"}
    assert time.monotonic() - started < 10
    assert asyncio.run(pool.run(slow_jobs.quick, 7)) == {"ok": True, "value": 7}


def test_a_stuck_job_is_killed_and_the_pool_renewed(pool) -> None:
    started = time.monotonic()
    result = asyncio.run(pool.run(slow_jobs.stuck, 120))
    elapsed = time.monotonic() - started
    assert result["kind"] == "timeout"
    assert elapsed < pool.timeout + GRACE + 10
    assert asyncio.run(pool.run(slow_jobs.quick, 8)) == {"ok": True, "value": 8}
