"""Jobs for the pool tests, importable by the worker processes."""

from __future__ import annotations

import signal
import time
from typing import Any

from vbparse.web.jobs import guarded


def sleepy(seconds: float, timeout: float) -> dict[str, Any]:
    """Slow Python code: the job's own alarm stops it."""

    def work() -> dict[str, Any]:
        time.sleep(seconds)
        return {"ok": True}

    return guarded(timeout, work)


def stuck(seconds: float, timeout: float) -> dict[str, Any]:
    """Stuck where no alarm reaches (as in a C library): only the pool's deadline helps."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(seconds)
    return {"ok": True}


def quick(value: int, timeout: float) -> dict[str, Any]:
    return {"ok": True, "value": value}
