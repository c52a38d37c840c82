"""Matching that survives rewording, the consistency rules on targets and actors, the off-topic
verdict, and the accuracy floors of `vbparse eval-check` on corpus/checkeval (and plans*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.cli import main
from vbparse.plancheck import align
from vbparse.plancheck.evaluate import evaluate, load_cases
from vbparse.plancheck.output import render
from vbparse.plancheck.paraphrase import canonical, canonical_index, soft_recall
from vbparse.plancheck.report import ParentPlan, check_child
from vbparse.plancheck.targets import actor_mismatches, targets_of, weaker_targets

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PARENT = CORPUS / "checkeval" / "parent-118-kh-pgddt.txt"


@pytest.fixture(scope="module")
def parent() -> ParentPlan:
    return ParentPlan.load(str(PARENT))


def _item(parent: ParentPlan, item_id: str) -> align.Unit:
    return next(i for i in parent.items if i.id == item_id)


def test_generic_shared_words_alone_answer_nothing(parent: ParentPlan) -> None:
    index = canonical_index(tuple(i.text for i in parent.items))
    item = _item(parent, "II.3")  # "Mỗi tổ chuyên môn … sinh hoạt chuyên đề … 02 buổi …"
    generic = (
        "Tổ văn phòng sử dụng máy photo, máy in tiết kiệm; giáo viên sử dụng đồ dùng dạy học "
        "hiệu quả, 100% lớp học sạch đẹp."
    )
    assert soft_recall(index, item.text, generic).distinct < align.DISTINCT_MIN
    reworded = (
        "Các tổ khối sinh hoạt chuyên đề về ứng dụng CNTT trong giảng dạy tối thiểu 2 buổi/học kỳ."
    )
    assert soft_recall(index, item.text, reworded).score >= align.COVERED


def test_paraphrase_table_rewrites_in_one_pass() -> None:
    assert (
        canonical("Phụ huynh góp sách cho thư viện")
        == "cha mẹ học sinh quyên góp sách cho thư viện"
    )
    assert "công nghệ thông tin" in canonical("Ứng dụng CNTT")


def test_the_dropped_item_of_a_plan_full_of_generic_words_is_missing(parent: ParentPlan) -> None:
    report = check_child(parent, str(CORPUS / "checkeval" / "child-gaps-th-phuoc-vinh-an.txt"))
    status = {c.parent_id: c for c in report.coverage}
    assert {i for i, c in status.items() if c.status == "missing"} == {
        "II.3",
        "II.6",
        "III.3",
        "IV.2-2",
    }
    # A verdict carries its evidence: the child's section, the score, the words that differ.
    partial = status["II.2"]
    assert partial.status == "partial" and partial.child_ids == ["II.2"]
    assert {"học bạ", "thành thạo", "100"} <= set(partial.unmatched) and partial.evidence


def test_weaker_targets_and_other_actors() -> None:
    assert [t.text for t in targets_of("100% giáo viên dạy ít nhất 02 buổi, 05 bài giảng")] == [
        "100% giáo viên",
        "02 buổi",
        "05 bài giảng",
    ]
    # Dates and document numbers are no targets.
    assert targets_of("trước ngày 30/10/2022 theo Thông tư 36/2017/TT-BGDĐT") == []
    weaker = weaker_targets("100% giáo viên sử dụng; ít nhất 02 buổi", "80% giáo viên; 01 buổi")
    assert [(p.value, c.value) for p, c in weaker] == [(100, 80), (2, 1)]
    assert weaker_targets("100% giáo viên sử dụng", "toàn bộ giáo viên thành thạo") == []
    # Counts written as words, and counts per period compared per year.
    assert weaker_targets("ít nhất 02 buổi mỗi học kỳ", "một buổi mỗi học kỳ")
    assert weaker_targets("ít nhất 01 lần mỗi tuần", "01 lần mỗi tháng")
    assert not weaker_targets("ít nhất 02 buổi mỗi học kỳ", "01 buổi mỗi tháng")
    assert weaker_targets("100% học sinh có mã định danh", "80% giáo viên được bồi dưỡng") == []
    duty = "Hiệu trưởng phân công một Phó Hiệu trưởng trực tiếp phụ trách công tác chuyển đổi số"
    assert actor_mismatches(duty, "Giao Tổ trưởng tổ khối 5 trực tiếp phụ trách chuyển đổi số")
    assert not actor_mismatches(duty, "Thầy Lê Văn Hùng, Phó Hiệu trưởng, phụ trách chuyển đổi số")
    assert not actor_mismatches(
        "Thủ trưởng đơn vị trực tiếp chỉ đạo và chịu trách nhiệm; phân công một lãnh đạo phụ trách",
        "Hiệu trưởng chịu trách nhiệm; giao một Phó Hiệu trưởng phụ trách",
    )


def test_targets_and_actor_findings_locate_both_documents(parent: ParentPlan) -> None:
    report = check_child(parent, str(CORPUS / "checkeval" / "child-targets-th-trung-lap-ha.txt"))
    targets = [f for f in report.findings if f.code == "target_mismatch"]
    assert sorted(f.parent_location.section or "" for f in targets) == ["II.2", "II.3", "II.4"]
    assert any("80%" in f.message and "100% giáo viên" in f.message for f in targets)
    report = check_child(parent, str(CORPUS / "checkeval" / "child-wrongref-th-binh-my.txt"))
    (actor,) = [f for f in report.findings if f.code == "actor_mismatch"]
    assert actor.parent_location.section == "IV.2-2" and "tổ trưởng" in actor.message


def test_an_off_topic_plan_gets_a_verdict_not_a_percentage(parent: ParentPlan) -> None:
    report = check_child(parent, str(CORPUS / "checkeval" / "child-offtopic-th-phu-hoa-dong.txt"))
    assert report.verdict == "off_topic" and report.summary["ratio"] is None
    assert all(c.status == "missing" for c in report.coverage)
    text = render(report, "text")
    assert "không triển khai kế hoạch cấp trên" in text and "%" not in text.split("\n")[3]
    # A plan that does implement the parent keeps its ratio.
    ok = check_child(parent, str(CORPUS / "checkeval" / "child-reworded-th-tan-thong-hoi.txt"))
    assert ok.verdict == "implements" and ok.summary["ratio"] >= 0.9


def test_eval_set_is_large_and_holds_its_floors() -> None:
    assert len([c for case in load_cases(CORPUS) for c in case.items]) >= 200
    figures = evaluate(CORPUS).as_dict()
    assert figures["missing_recall"] == 1.0 and figures["missing_precision"] >= 0.95
    assert figures["finding_recall"] >= 0.95 and figures["finding_precision"] >= 0.95
    assert figures["verdict_accuracy"] == 1.0 and figures["partial_accuracy"] >= 0.9
    holdout = evaluate(CORPUS, split="holdout").as_dict()
    assert holdout["missing_recall"] == 1.0 and holdout["missing_precision"] >= 0.95
    # The lexical matcher, measured on the same cases, calls more reworded items partial.
    lexical = evaluate(CORPUS, lexical=True).as_dict()
    assert lexical["partial_accuracy"] < figures["partial_accuracy"]


def test_eval_check_command_prints_both_matchers(capsys: pytest.CaptureFixture[str]) -> None:
    root = str(CORPUS.parent)
    assert main(["eval-check", "--root", root, "--split", "holdout", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "semantic matcher" in out and "lexical matcher" in out
    assert "missing items   precision" in out
    assert main(["eval-check", "--root", root, "--split", "holdout"]) == 0  # Vietnamese default
    out = capsys.readouterr().out
    assert "Bộ so khớp theo nghĩa" in out and "Bộ so khớp theo từ ngữ" in out
