"""check-batch on two workers: the parent plan is read once, by the main process, and the forked
workers use that copy and check every plan; the results are those of one worker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from vbparse.plancheck import many, report

PLANS = Path(__file__).resolve().parents[2] / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_parent_read_once_for_all_workers(tmp_path, monkeypatch):
    """Every file is parsed once in the batch: the parent by the main process, which checks no
    plan itself (what it does alone, the workers wait for), and each plan by a worker."""
    parses = tmp_path / "parses"
    real_parse = report._parse

    def counted(path):  # type: ignore[no-untyped-def]
        with parses.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\t{path}\n")
        return real_parse(path)

    monkeypatch.setattr(report, "_parse", counted)
    monkeypatch.setattr(many, "_WORKER_PARENT", None)
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    assert len(children) > 4  # enough for the pool to be used
    two, _ = many.check_many(str(PARENT), children, jobs=2)
    seen = [line.split("\t") for line in parses.read_text(encoding="utf-8").splitlines()]
    assert sorted(path for _pid, path in seen) == sorted([str(PARENT), *children])
    main = str(os.getpid())
    assert [path for pid, path in seen if pid == main] == [str(PARENT)]
    one, _ = many.check_many(str(PARENT), children, jobs=1)
    assert two == one
    assert all(result is not None for _path, result, _error in two)


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_check_batch_report_same_on_one_and_two_workers(run_cli, tmp_path, monkeypatch):
    """The district report is the same, byte for byte, whether one process checks the plans or
    two workers share them (with the segmentation cache off, so that they share it the batch's
    own way)."""
    monkeypatch.setenv("VBPARSE_NO_CACHE", "1")
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"district-j{jobs}.json"
        assert run_cli("check-batch", PLANS, "-p", PARENT, "-o", out, "-j", jobs, "-q")[0] == 0
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert b'"covered"' in reports[0]
