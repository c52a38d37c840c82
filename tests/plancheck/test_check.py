"""The plan checker on the parent/child pairs of corpus/plans, and on variants of them made by
editing what the parent itself says (its number, its date, a section of a child)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from vbparse.cli import main
from vbparse.plancheck.findings import deadlines_of, period_of
from vbparse.plancheck.report import CheckError, ParentPlan, check_child
from vbparse.plancheck.similarity import quote_similarity, segment

PLANS = Path(__file__).resolve().parents[2] / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"
CASES = sorted(PLANS.glob("child-*.expected.json"))


@pytest.fixture(scope="module")
def parent() -> ParentPlan:
    return ParentPlan.load(str(PARENT))


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_parent_items_are_the_tasks_solutions_duties_and_reports(parent: ParentPlan) -> None:
    ids = [i.id for i in parent.items]
    expected = set()
    for case in CASES:
        data = _expected(case)
        expected |= set(data["missing"]) | set(data["not_missing"])
    assert set(ids) == expected
    # The duties the Phòng gives itself (IV.1) and the purpose section are not items.
    assert not any(i.startswith(("I-", "IV.1")) for i in ids)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_coverage_findings_and_extras(parent: ParentPlan, case: Path) -> None:
    data = _expected(case)
    report = check_child(parent, str(PLANS / case.name.replace(".expected.json", ".txt")))
    status = {c.parent_id: c.status for c in report.coverage}
    assert {i for i, s in status.items() if s == "missing"} == set(data["missing"])
    assert all(status[i] != "missing" for i in data["not_missing"])
    codes = Counter(f.code for f in report.findings)
    expected_codes = Counter(f["code"] for f in data["findings"])
    if data["no_other_findings"]:
        assert codes == expected_codes
    else:
        assert codes & expected_codes == expected_codes
    assert [u.id for u in report.extras] == data["extras"]
    # Every answered item names its child sections and quotes the child's text as evidence.
    for c in report.coverage:
        assert bool(c.child_ids) == (c.status != "missing")
        if c.child_ids:
            assert c.evidence and c.evidence[:20] in report.child_text[c.child_ids[0]]


def test_findings_locate_both_documents(parent: ParentPlan) -> None:
    report = check_child(parent, str(PLANS / "child-deadline-mn-cat-lai.txt"))
    by_code = {f.code: f for f in report.findings}
    deadline = by_code["deadline_mismatch"]
    assert (
        deadline.parent_location.section == "V-1" and "15/6/2020" in deadline.parent_location.text
    )
    assert deadline.child_location.section == "V-1" and deadline.child_location.line
    quoted = sorted(
        f.child_location.section or "" for f in report.findings if f.code == "quote_mismatch"
    )
    assert quoted == ["II.5", "II.6"]


def _variant(tmp_path: Path, source: str, edit) -> str:
    text = (PLANS / source).read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    out = tmp_path / source
    out.write_text(changed, encoding="utf-8")
    return str(out)


def test_a_removed_answer_becomes_missing(parent: ParentPlan, tmp_path: Path) -> None:
    # Drop the paragraph of a clean child that cites the parent's only Thông tư; the parent item
    # that demands it must turn missing, and nothing else.
    thong_tu = next(b for b in parent.doc.bases if b.type_code == "TT")
    item = next(i for i in parent.items if thong_tu.number and thong_tu.number + "/" in i.text)
    path = _variant(
        tmp_path,
        "child-clean-mn-thao-dien.txt",
        lambda t: "\n".join(
            ln
            for ln in t.splitlines()
            if not (re.match(r"^\d+\.", ln) and f"{thong_tu.number}/" in ln)
        ),
    )
    report = check_child(parent, path)
    assert [c.parent_id for c in report.coverage if c.status == "missing"] == [item.id]


def test_reference_and_date_errors_on_an_edited_clean_child(
    parent: ParentPlan, tmp_path: Path
) -> None:
    number = parent.doc.number.number or ""
    wrong = str(int(number) + 1)
    path = _variant(
        tmp_path,
        "child-clean-thcs-thu-thiem.txt",
        lambda t: t.replace(f"{number}/", f"{wrong}/").replace(
            "ngày 22 tháng 4 năm 2020", "ngày 2 tháng 4 năm 2020"
        ),
    )
    codes = sorted(f.code for f in check_child(parent, path).findings)
    assert codes == ["date_order", "parent_reference_mismatch"]


def test_citation_outside_the_bases_is_not_missing(parent: ParentPlan, tmp_path: Path) -> None:
    raw = parent.doc.number.raw or ""
    path = _variant(
        tmp_path,
        "child-noref-thcs-thanh-my-loi.txt",
        lambda t: t.replace(
            "Trên đây là", f"Kế hoạch này thực hiện Kế hoạch số {raw} của Phòng. Trên đây là", 1
        ),
    )
    assert [f.code for f in check_child(parent, path).findings] == []


def test_rules() -> None:
    d = deadlines_of(
        "báo cáo sơ kết 6 tháng trước ngày 15/6/2020 và tổng kết năm trước ngày 15/12/2020"
    )
    assert d.dates == ["2020-06-15", "2020-12-15"] and d.every == {6, 12}
    assert deadlines_of("Định kỳ hàng quý báo cáo").every == {3}
    assert period_of("Kế hoạch năm học 2020 - 2021") == ("school_year", "2020-2021")
    assert period_of("ngày 20 tháng 4 năm 2020 … Quận 2 năm 2020") == ("year", "2020")
    assert period_of("ngày 20 tháng 4 năm 2020") is None
    assert quote_similarity("Dân vận khéo", "Dân vận khéo léo") >= 0.6
    assert quote_similarity("Dân vận khéo", "5 không") == 0.0
    assert "công tác" in segment("Thực hiện công tác dân vận")


def test_cli_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        [
            "check",
            str(PLANS / "child-seed-36-thbtd.txt"),
            "--parent",
            str(PARENT),
            "--format",
            "json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert {"path", "number", "date"} <= out["parent"].keys() and {"path", "number", "date"} <= out[
        "child"
    ].keys()
    assert out["parent"]["number"] == "253/KH-GDĐT" and out["child"]["date"] == "2020-04-23"
    for c in out["coverage"]:
        assert {"parent_id", "status", "score", "child_ids", "evidence"} <= c.keys()
        assert c["status"] in {"covered", "partial", "missing"}
    assert {"covered", "partial", "missing", "ratio"} <= out["summary"].keys()
    assert [e["child_id"] for e in out["extras"]] == ["V-2"]


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_readable_reports_carry_the_same_content(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(
        [
            "check",
            str(PLANS / "child-deadline-mn-cat-lai.txt"),
            "--parent",
            str(PARENT),
            "--format",
            fmt,
        ]
    )
    out = capsys.readouterr().out
    for needle in (
        "thời hạn chưa đủ",
        "tên gọi khác cấp trên",
        "Dân vận khéo léo",
        "15/12/2020",
        "IV.2-5",
    ):
        assert needle in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<style>" in out
        assert not re.search(r"<(link|script)\b|src=\"http", out)


def test_fail_under_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(PLANS / "child-seed-36-thbtd.txt")
    # --fail-under is a percentage, as the report shows the ratio.
    assert main(["check", seed, "--parent", str(PARENT), "--fail-under", "50"]) == 0
    assert main(["check", seed, "--parent", str(PARENT), "--fail-under", "95%"]) == 1
    assert main(["check", seed, "--parent", str(PARENT), "--fail-under", "0,5"]) == 0
    decision = tmp_path / "qd.txt"
    decision.write_text(
        "Số: 12/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc khen thưởng\n\nĐiều 1. Khen thưởng.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["check", str(decision), "--parent", str(PARENT)]) == 3  # input unusable
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "qd.txt" in err and "không phải kế hoạch" in err
    assert main(["check", str(decision), "--parent", str(PARENT), "--lang", "en"]) == 3
    assert "not a plan" in capsys.readouterr().err
    assert main(["check", seed, "--parent", str(decision)]) == 3
    assert "kế hoạch cấp trên" in capsys.readouterr().err
    with pytest.raises(CheckError):
        ParentPlan.load(str(tmp_path / "none.txt"))


def test_batch_reports_every_school_and_survives_a_broken_file(
    parent: ParentPlan, tmp_path: Path
) -> None:
    folder = tmp_path / "schools"
    folder.mkdir()
    for case in CASES[:3]:
        name = case.name.replace(".expected.json", ".txt")
        (folder / name).write_bytes((PLANS / name).read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    item_ids = [i.id for i in parent.items]
    words = {
        "vi": ("Số đơn vị ", "không đọc được", ("đã có", "có một phần", "chưa có")),
        "en": ("Total ", "unreadable", ("covered", "partial", "missing")),
    }
    for lang, (total, unreadable, statuses) in words.items():
        out = tmp_path / f"report-{lang}.csv"
        rc = main(
            [
                *("check-batch", str(folder), "--parent", str(PARENT)),
                *("--out", str(out), "--no-progress", "--lang", lang),
            ]
        )
        assert rc == 1  # one file failed, the others are still in the report
        # UTF-8 with a BOM, so that Excel shows the Vietnamese words as they are.
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(out.open(encoding="utf-8-sig")))
        assert rows[0][2 : 2 + len(item_ids)] == item_ids
        schools = [r for r in rows[1:] if r[1].endswith(".txt") and r[1] != "broken.txt"]
        assert len(schools) == 3
        # School names come from the plans' issuers, not from the file names.
        assert all(r[0].startswith(("Trường", "School")) for r in schools), schools
        assert {c for r in schools for c in r[2 : 2 + len(item_ids)]} <= set(statuses)
        # The broken file is a row of its own, first (worst first), never a status.
        (broken,) = [r for r in rows if r[1] == "broken.txt"]
        assert rows.index(broken) == 1
        assert set(broken[2 : 2 + len(item_ids)]) == {unreadable}
        # Rows are sorted worst first: the coverage rates never go down the table.
        rates = [float(r[-2].rstrip(" %").replace(",", ".")) for r in schools]
        assert rates == sorted(rates)
        totals = {s: next(r for r in rows if r[0].startswith(total + s + " ")) for s in statuses}
        for col in range(2, 2 + len(item_ids)):
            assert sum(int(totals[s][col]) for s in statuses) == 3
    html_out = tmp_path / "report.html"
    main(
        [
            "check-batch",
            str(folder),
            "--parent",
            str(PARENT),
            "--out",
            str(html_out),
            "--no-progress",
        ]
    )
    page = html_out.read_text(encoding="utf-8")
    assert "broken.txt" in page and 'class="partial mark"' in page
