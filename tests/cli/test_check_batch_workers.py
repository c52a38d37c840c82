"""check-batch on two workers: the parent plan is read once, by the main process, and the forked
workers use that copy; the results are those of one worker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from vbparse.cli import check_cmd
from vbparse.plancheck.report import ParentPlan

PLANS = Path(__file__).resolve().parents[2] / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_parent_read_once_for_all_workers(tmp_path, monkeypatch):
    loads = tmp_path / "loads"
    real_load = ParentPlan.load

    def counted(path):  # type: ignore[no-untyped-def]
        with loads.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real_load(path)

    monkeypatch.setattr(ParentPlan, "load", staticmethod(counted))
    monkeypatch.setattr(check_cmd, "_WORKER_PARENT", None)
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    assert len(children) > 4  # enough for the pool to be used
    two, _ = check_cmd.check_many(str(PARENT), children, jobs=2, progress=False)
    assert loads.read_text().split() == [str(os.getpid())]
    one, _ = check_cmd.check_many(str(PARENT), children, jobs=1, progress=False)
    assert two == one
    assert all(result is not None for _path, result, _error in two)
