"""The comparison of a plan with the parent plan it implements: `align` (parent items matched to
child passages), `similarity`, `findings` (consistency), `report`. Submodules are imported where
used, so `vbparse parse` stays fast."""

from __future__ import annotations

import os
import sys


def batch_jobs(jobs: int) -> int:
    """The processes a batch of plans uses: `jobs`, or with 0 one per core, at most two."""
    return jobs or min(2, os.cpu_count() or 1)


def batch_forks(jobs: int) -> bool:
    """Whether a batch (of more than a few plans) forks its processes: it then forks a scout
    before any thread starts loading the models (many.py)."""
    return batch_jobs(jobs) > 1 and sys.platform != "win32"
