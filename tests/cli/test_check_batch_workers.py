"""check-batch on two workers: the parent plan is read once, by the main process, and the forked
workers use that copy; the results are those of one worker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from vbparse.plancheck import many
from vbparse.plancheck.report import ParentPlan

PLANS = Path(__file__).resolve().parents[2] / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_parent_read_once_for_all_workers(tmp_path, monkeypatch):
    loads = tmp_path / "loads"
    real_load = ParentPlan.load

    def counted(path, lang="vi"):  # type: ignore[no-untyped-def]
        with loads.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real_load(path, lang)

    monkeypatch.setattr(ParentPlan, "load", staticmethod(counted))
    monkeypatch.setattr(many, "_WORKER_PARENT", None)
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    assert len(children) > 4  # enough for the pool to be used
    two, _ = many.check_many(str(PARENT), children, jobs=2)
    assert loads.read_text().split() == [str(os.getpid())]
    one, _ = many.check_many(str(PARENT), children, jobs=1)
    assert two == one
    assert all(result is not None for _path, result, _error in two)
