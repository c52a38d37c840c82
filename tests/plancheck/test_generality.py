"""The plan checker on parent plans of other shapes than corpus/plans: a Sở plan with lettered
sub-items and duties for three groups of units (corpus/plans2), and a Phòng plan written like a
công văn, with no Roman numerals and its reporting demand in prose (corpus/plans3)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from vbparse.plancheck.findings import deadlines_of
from vbparse.plancheck.report import ParentPlan, check_child

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SETS = ("plans2", "plans3")
CASES = sorted(p for name in SETS for p in (CORPUS / name).glob("child-*.expected.json"))


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def data_name(case: Path) -> str:
    return case.name.replace(".expected.json", ".txt")


_PARENTS: dict[Path, ParentPlan] = {}


def _parent(case: Path) -> ParentPlan:
    path = case.parent / _expected(case)["parent"]
    if path not in _PARENTS:
        _PARENTS[path] = ParentPlan.load(str(path))
    return _PARENTS[path]


@pytest.mark.parametrize("name", SETS)
def test_parent_items_are_the_units_demands(name: str) -> None:
    cases = sorted((CORPUS / name).glob("child-*.expected.json"))
    parent = _parent(cases[0])
    expected: set[str] = set()
    for case in cases:
        data = _expected(case)
        expected |= set(data["missing"]) | set(data["not_missing"])
    assert {i.id for i in parent.items} == expected
    reports = [i for i in parent.items if i.kind == "reporting"]
    # Every reporting demand is an item of its own, with its deadline in its text.
    assert reports and all(deadlines_of(i.text).dates or deadlines_of(i.text).days for i in reports)


def test_duties_of_the_issuer_and_of_the_offices_are_not_items() -> None:
    sgd = _parent(next(c for c in CASES if c.parent.name == "plans2"))
    groups = {i.group for i in sgd.items if i.kind == "duty"}
    assert groups == {"Các đơn vị trực thuộc"}
    pgd = _parent(next(c for c in CASES if c.parent.name == "plans3"))
    duties = [i.text for i in pgd.items if i.kind == "duty"]
    assert duties and not any(t.startswith("Phòng Giáo dục") for t in duties)
    # The prose paragraph after the last bullet is not part of that bullet's duty.
    assert not any("25/5/2021" in t or "Nhận được" in t for t in duties)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_missing_items_findings_and_extras(case: Path) -> None:
    data = _expected(case)
    report = check_child(_parent(case), str(case.with_name(data_name(case))))
    status = {c.parent_id: c.status for c in report.coverage}
    assert {i for i, s in status.items() if s == "missing"} == set(data["missing"])
    assert all(status[i] != "missing" for i in data["not_missing"])
    codes = Counter(f.code for f in report.findings)
    assert codes == Counter(f["code"] for f in data["findings"])
    assert [u.id for u in report.extras] == data["extras"]


def test_the_quarterly_deadline_is_located_in_both_documents() -> None:
    case = CORPUS / "plans2" / "child-errors-thpt-cua-tung.expected.json"
    report = check_child(_parent(case), str(case.with_name(data_name(case))))
    (finding,) = [f for f in report.findings if f.code == "deadline_mismatch"]
    assert finding.parent_location.section == "IV-1"
    assert "tháng cuối quý" in finding.parent_location.text
    assert "10/12/2021" in finding.child_location.text


def test_deadline_phrases() -> None:
    quarterly = deadlines_of("Báo cáo định kỳ hằng quý trước ngày 15 của tháng cuối quý.")
    assert quarterly.every == {3} and quarterly.days == {("tháng cuối quý", 15)}
    assert deadlines_of("báo cáo định kỳ 6 tháng").every == {6}
    assert deadlines_of("gửi báo cáo trước ngày 20 hàng tháng").days == {("hằng tháng", 20)}
    # The date of a cited document is not a deadline; the date after "trước ngày" is.
    cited = deadlines_of(
        "kê khai theo Nghị định số 130/2020/NĐ-CP ngày 30 tháng 10 năm 2020 của Chính phủ, "
        "hoàn thành trước ngày 31/12/2021"
    )
    assert cited.dates == ["2021-12-31"]
