"""The plan check on a set written blind (corpus/checkblind): two district plans, twelve school
plans of every kind, labels written from the documents alone. A parent task the parser splits
into bullets counts as covered when all its bullets are, missing when none is."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from vbparse.plancheck.report import ParentPlan, check_child

SET = Path(__file__).resolve().parents[2] / "corpus" / "checkblind"
CASES = json.loads((SET / "labels.json").read_text(encoding="utf-8"))["cases"]


@cache
def parent(name: str) -> ParentPlan:
    return ParentPlan.load(str(SET / name))


def task_status(coverage: dict[str, str], label: str) -> str | None:
    if label in coverage:
        return coverage[label]
    bullets = {s for pid, s in coverage.items() if pid.startswith(label + "-")}
    if not bullets:
        return None
    return bullets.pop() if len(bullets) == 1 else "partial"


@pytest.mark.parametrize("case", CASES, ids=[c["child"] for c in CASES])
def test_blind_case(case: dict) -> None:
    report = check_child(parent(case["parent"]), str(SET / case["child"]), "en").to_dict()
    implements = report["summary"]["ratio"] is not None
    assert implements == (case["verdict"] == "implements")
    if not implements:
        return
    coverage = {c["parent_id"]: c["status"] for c in report["coverage"]}
    for label, want in case["items"].items():
        got = task_status(coverage, label)
        assert got is not None, f"{label}: no such parent item"
        # A dropped task is always missing, and a task the school kept never is.
        assert (got == "missing") == (want["status"] == "missing"), (label, want, got)
    planted = sorted(f["code"] for f in case["findings"])
    assert sorted(f["code"] for f in report["findings"]) == planted
