"""The check reports speak Vietnamese by default and English with --lang en; the JSON contract
(keys, codes, status values) is the same in both, only the findings' messages change."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from vbparse.cli import main
from vbparse.messages import MESSAGES
from vbparse.plancheck.output import render_batch
from vbparse.plancheck.report import BatchReport, ParentPlan, check_child

PLANS = Path(__file__).resolve().parents[2] / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"
# A child with partial items and findings of both severities; one with a missing item.
DEADLINE = PLANS / "child-deadline-mn-cat-lai.txt"
GAPS = PLANS / "child-gaps-th-an-phu.txt"

# Words each language must show (headings, column names, statuses, kinds, severities, messages)
# and words of the other language that must not appear.
VI = (
    "Kế hoạch cấp trên",
    "Tỷ lệ đáp ứng",
    "Mục của cấp trên",
    "Tình trạng",
    "có một phần",
    "nhiệm vụ",
    "chế độ báo cáo",
    "trách nhiệm được giao",
    "Các vấn đề phát hiện",
    "LỖI thời hạn chưa đủ",
    "CẢNH BÁO tên gọi khác cấp trên",
    "Kế hoạch của đơn vị ghi “",
    "trước ngày 15/6/2020",
)
EN = (
    "Parent:",
    "Coverage",
    "Parent item",
    "Status",
    "partial",
    "task",
    "reporting",
    "duty",
    "Findings",
    "ERROR deadline mismatch",
    "WARNING quoted name differs",
    "The child quotes “",
    "by 15/6/2020",
)


@pytest.fixture(scope="module")
def parent() -> ParentPlan:
    return ParentPlan.load(str(PARENT))


def _check(capsys: pytest.CaptureFixture[str], child: Path, *extra: str) -> str:
    capsys.readouterr()
    assert main(["check", str(child), "--parent", str(PARENT), *extra]) == 0
    return capsys.readouterr().out


def _visible(page: str) -> str:
    """The text a reader sees: no style sheet, no tags or attributes (CSS classes are English)."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_readable_check_is_vietnamese_by_default_and_english_on_request(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    vi = _check(capsys, DEADLINE, "--format", fmt)
    en = _check(capsys, DEADLINE, "--format", fmt, "--lang", "en")
    if fmt == "html":
        vi, en = _visible(vi), _visible(en)
    for word in VI:
        assert word in vi, word
    for word in EN:
        assert word in en, word
    for word in ("Parent item", "Findings", "The child", "covered", "asks for"):
        assert word not in vi, word
    for word in ("Kế hoạch cấp trên", "Tình trạng", "có một phần", "Kế hoạch của đơn vị"):
        assert word not in en, word


def test_json_contract_does_not_change_with_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    vi = json.loads(_check(capsys, DEADLINE, "--format", "json"))
    en = json.loads(_check(capsys, DEADLINE, "--format", "json", "--lang", "en"))
    assert vi.keys() == en.keys() >= {"parent", "child", "coverage", "findings", "extras"}
    assert {"covered", "partial", "missing", "ratio"} <= vi["summary"].keys()
    assert vi["summary"] == en["summary"]
    for doc in ("parent", "child"):
        assert {"path", "number", "date"} <= vi[doc].keys() and vi[doc] == en[doc]
    for a, b in zip(vi["coverage"], en["coverage"], strict=True):
        assert a["status"] in {"covered", "partial", "missing"}
        assert a["kind"] in {"task", "solution", "duty", "reporting"}
        # shared_terms ties come out in no fixed order; everything else is identical.
        assert {**a, "shared_terms": None} == {**b, "shared_terms": None}
    assert vi["findings"] and len(vi["findings"]) == len(en["findings"])
    for a, b in zip(vi["findings"], en["findings"], strict=True):
        assert set(a) == {"code", "severity", "message", "parent_location", "child_location"}
        assert {k: v for k, v in a.items() if k != "message"} == {
            k: v for k, v in b.items() if k != "message"
        }
        assert a["severity"] in {"error", "warning"} and a["message"] != b["message"]


def test_every_check_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    keys = [k for k in MESSAGES if k.startswith("check.")]
    assert keys
    for key in keys:
        fields = {
            lang: {f for _t, f, _s, _c in string.Formatter().parse(MESSAGES[key][lang]) if f}
            for lang in ("vi", "en")
        }
        assert fields["vi"] == fields["en"], key


@pytest.fixture(scope="module")
def batches(parent: ParentPlan) -> dict[str, BatchReport]:
    def batch(lang: str) -> BatchReport:
        return BatchReport(
            parent={"path": str(PARENT), "number": parent.doc.number.raw, "date": None},
            item_ids=[i.id for i in parent.items],
            results=[check_child(parent, str(p), lang).to_dict() for p in (DEADLINE, GAPS)],  # type: ignore[arg-type]
            failures=[{"path": "broken.txt", "error": "is binary data"}],
            lang=lang,  # type: ignore[arg-type]
            items=[{"id": i.id, "kind": i.kind, "text": i.text} for i in parent.items],
        )

    return {"vi": batch("vi"), "en": batch("en")}


BATCH_WORDS = {
    "vi": ("Bảng tổng hợp", "Ký hiệu:", "✓ đã có", "Số đơn vị chưa có", "Lý do", "Chưa có:"),
    "en": ("Coverage matrix", "Key:", "✓ covered", "Total missing", "Reason", "Missing:"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_batch_report_words_follow_the_language(
    batches: dict[str, BatchReport], lang: str, fmt: str
) -> None:
    out = render_batch(batches[lang], fmt)
    assert isinstance(out, str)
    for word in BATCH_WORDS[lang]:
        assert word in out, word
    other = "en" if lang == "vi" else "vi"
    assert not any(word in out for word in BATCH_WORDS[other])


def test_batch_html_matrix_is_readable(batches: dict[str, BatchReport]) -> None:
    page = render_batch(batches["vi"], "html")
    assert isinstance(page, str) and page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert "position:sticky" in page and '<div class="matrix">' in page
    # The legend shows each status in its colour; the matrix cells carry the same classes.
    for status, word in (("covered", "đã có"), ("partial", "có một phần"), ("missing", "chưa có")):
        assert (
            f'<span class="{status}">' in page and f'class="{status} mark" title="{word}"' in page
        )
    # Totals per item are the table's footer, one row per status, and add up to the schools.
    foot = page.split("<tfoot>")[1].split("</tfoot>")[0]
    assert foot.count("<tr>") == 3 and "Số đơn vị đã có" in foot
    assert "<script" not in page and "<link" not in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_batch_xlsx_follows_the_language(batches: dict[str, BatchReport], lang: str) -> None:
    from openpyxl import load_workbook

    data = render_batch(batches[lang], "xlsx")
    assert isinstance(data, bytes)
    wb = load_workbook(io.BytesIO(data))
    matrix, findings, errors, legend = wb.worksheets
    n_items = len(batches[lang].item_ids)
    header = [c.value for c in matrix[1]]
    statuses = {"vi": {"đã có", "có một phần", "chưa có"}, "en": {"covered", "partial", "missing"}}
    failed = {"vi": "không đọc được", "en": "unreadable"}[lang]
    # The unreadable file comes first and shows no status, only that it failed.
    first = [c.value for c in matrix[2][2 : 2 + n_items]]
    assert set(first) == {failed}
    cells = {
        c.value for row in matrix.iter_rows(min_row=3, max_row=4) for c in row[2 : 2 + n_items]
    }
    assert cells <= statuses[lang]
    # The per-item totals of the three status rows add up to the number of schools checked.
    last = matrix.max_row
    for col in range(3, 3 + n_items):
        assert sum(matrix.cell(r, col).value for r in range(last - 2, last + 1)) == 2
    # Rates are numbers shown as percentages; the header stays in view; columns have widths.
    ratio_col = 3 + n_items + 3
    rates = [matrix.cell(r, ratio_col) for r in (3, 4)]
    assert all(isinstance(c.value, float) and c.number_format == "0%" for c in rates)
    assert matrix.freeze_panes == "C2"
    assert matrix.column_dimensions["A"].width >= 30
    severities = {c.value for c in findings["E"][1:]}
    codes = {c.value for c in findings["C"][1:]}
    assert "deadline_mismatch" in codes
    assert [c.value for c in errors["A"][1:]] == ["broken.txt"]
    assert [c.value for c in legend["A"][1:]] == batches[lang].item_ids
    if lang == "vi":
        assert header[:2] == ["Kế hoạch của đơn vị", "Tệp"] and findings.title == "Vấn đề"
        assert severities <= {"lỗi", "cảnh báo"} and "lỗi" in severities
        assert any(str(c.value).startswith("thời hạn muộn hơn") for c in findings["D"][1:])
    else:
        assert header[:2] == ["School plan", "File"] and findings.title == "Findings"
        assert severities <= {"error", "warning"} and "error" in severities
