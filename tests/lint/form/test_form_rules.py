"""The form check of Nghị định 30/2020 on .docx built at test time (docbuild) and on the
corpus's real .docx files: each planted violation is found, correct documents of several types
lint clean of errors, and `lint --fix` changes only the form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vbparse.lint.form.fix import fix_path
from vbparse.lint.runner import lint_path
from vbparse.readers import read

from . import docbuild
from .cases import CASES, CORRECT

TODAY = date(2026, 1, 1)
FORM_CODES = {"page_setup", "font", "font_size", "emphasis", "alignment"}
CORPUS = Path(__file__).resolve().parents[3] / "corpus"
CORPUS_DOCX = sorted(CORPUS.rglob("*.docx"))


def _lint(path: Path):
    return lint_path(path, today=TODAY, spelling=False)


@pytest.mark.parametrize(("name", "spec"), CORRECT, ids=[c[0] for c in CORRECT])
def test_correct_documents_have_no_error(tmp_path, name, spec):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docbuild.build(spec))
    report = _lint(path)
    errors = [(f.code, f.quote, f.message) for f in report.findings if f.severity == "error"]
    assert errors == []
    # and none of the form rules has anything to say about them
    assert [f.code for f in report.findings if f.code in FORM_CODES] == []


@pytest.mark.parametrize(("name", "spec", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_planted_violation_is_found(tmp_path, name, spec, code):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docbuild.build(spec))
    report = _lint(path)
    hits = [f for f in report.findings if f.code == code]
    assert hits, [(f.code, f.message) for f in report.findings]
    # every finding carries its decree reference
    assert all(f.detail.get("ref") for f in hits)


def test_finding_says_found_and_expected(tmp_path):
    spec = docbuild.Spec(form={"quoc_hieu": (11, True, False)})
    path = tmp_path / "qh11.docx"
    path.write_bytes(docbuild.build(spec))
    (finding,) = [f for f in _lint(path).findings if f.code == "font_size"]
    assert finding.severity == "error"
    assert "cỡ chữ 11, quy định 12–13" in finding.message
    assert "mục II, khoản 1, điểm a" in finding.message
    assert finding.detail["run"] == "0" and finding.quote.startswith("CỘNG HÒA")


def test_english_messages(tmp_path):
    path = tmp_path / "margin.docx"
    path.write_bytes(docbuild.build(docbuild.Spec(margins=(20, 20, 25, 15))))
    report = lint_path(path, today=TODAY, spelling=False, lang="en")
    (finding,) = [f for f in report.findings if f.code == "page_setup"]
    assert finding.message.startswith("The left margin is 25 mm; the decree requires 30–35 mm")


FIXABLE = [c for c in CASES if c[2] in FORM_CODES]


@pytest.mark.parametrize(("name", "spec", "code"), FIXABLE, ids=[c[0] for c in FIXABLE])
def test_fix_keeps_text_and_clears_form_findings(tmp_path, name, spec, code):
    src, dst = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(docbuild.build(spec))
    changes = fix_path(src, dst)
    assert changes
    assert read(dst).text() == read(src).text()
    assert [f.message for f in _lint(dst).findings if f.code in FORM_CODES] == []


@pytest.mark.parametrize("path", CORPUS_DOCX, ids=[p.name for p in CORPUS_DOCX])
def test_fix_round_trips_corpus_docx(tmp_path, path):
    dst = tmp_path / "out.docx"
    fix_path(path, dst)
    before, after = read(path), read(dst)
    assert after.text() == before.text()
    # what the fix can set, it has set
    left = {f.code for f in _lint(dst).findings if f.code in FORM_CODES - {"font"}}
    assert left == set()


def test_real_docx_form_is_read(tmp_path):
    raw = read(CORPUS / "real/hungnm92/213_TB-DTII.docx")
    assert raw.sections and raw.sections[0].width == pytest.approx(210, abs=1)
    report = _lint(CORPUS / "real/hungnm92/213_TB-DTII.docx")
    sizes = {f.detail.get("component"): f.detail.get("found") for f in report.findings
             if f.code == "font_size"}  # fmt: skip
    # the real file sets Quốc hiệu in 11 pt and the title THÔNG BÁO in 16 pt
    assert sizes.get("form.quoc_hieu") == "11" and sizes.get("form.ten_loai") == "16"


def test_form_rules_do_not_apply_to_text(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-BNV\nHà Nội, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nTriển khai công tác\n"
        "Nội dung kế hoạch được triển khai tới các đơn vị trực thuộc Bộ Nội vụ trong năm và "
        "p`hủ khắp các địa bàn./.\nNơi nhận:\n- Các đơn vị;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\n"
        "BỘ TRƯỞNG\nNguyễn Văn An\n",
        encoding="utf-8",
    )
    codes = {f.code for f in _lint(path).findings}
    assert not codes & FORM_CODES
    # the rules the text can show still apply
    assert {"stray_character", "signing"} <= codes


def test_rule_list_in_docs_is_generated_from_the_tables():
    import runpy

    script = Path(__file__).resolve().parents[3] / "scripts" / "form_rules_doc.py"
    render = runpy.run_path(str(script))["render"]
    text = render()
    assert (script.parents[1] / "docs" / "form-rules.md").read_text(encoding="utf-8") == text
    assert "Phụ lục I, Phần I, mục II, khoản 1, điểm a" in text and "| Thư công |" in text


def test_cli_fix_writes_a_copy_and_lists_changes(tmp_path):
    import os
    import subprocess
    import sys

    src, dst = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(docbuild.build(docbuild.Spec(font="Arial", margins=(20, 20, 25, 15))))
    run = subprocess.run(
        [sys.executable, "-m", "vbparse", "lint", "--fix", str(src), "-o", str(dst)],
        capture_output=True, text=True, env={**os.environ}, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert (
        "margin.left 25.0 mm → 30.0 mm" in run.stdout
        and "font Arial → Times New Roman" in run.stdout
    )
    assert read(dst).text() == read(src).text()
    bad = subprocess.run(
        [sys.executable, "-m", "vbparse", "lint", "--fix", str(src)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 2 and "-o OUT.docx" in bad.stderr
