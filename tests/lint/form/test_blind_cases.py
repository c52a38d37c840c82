"""The blind form cases (blind_cases.py): documents laid out the way different clerks and
another Decree-30 checker's suite lay them out, each with the violations the decree makes of
it. Floors: at least 90 % of the expected violations found, no error on a correct document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import blind_cases

RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("blind")
    pairs = blind_cases.write_all(folder)
    # one `vbparse lint --format json` over all the files: the CLI path the users take
    run = subprocess.run(
        [sys.executable, "-m", "vbparse", "lint", "--format", "json", *[str(p) for _, p in pairs]],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    report = json.loads(run.stdout)
    return [c for c, _ in pairs], report


def test_the_set_has_correct_and_faulty_documents(measured):
    cases, report = measured
    assert len(cases) >= 40
    assert sum(not c.expected for c in cases) >= 10
    assert len(report["files"]) == len(cases)
    assert all(f["error"] is None for f in report["files"])


def test_recall_of_expected_violations(measured):
    cases, report = measured
    result = blind_cases.measure(cases, report)
    assert result["recall"] >= RECALL_FLOOR, result["misses"]


def test_no_error_on_correct_documents(measured):
    cases, report = measured
    assert blind_cases.measure(cases, report)["false_errors"] == []


def test_content_control_header_is_read(measured):
    """A header entirely in content controls: its parts are found, not reported missing."""
    _cases, report = measured
    by_name = {Path(f["file"]).stem: f for f in report["files"]}
    for name in ("ok_sdt_block_header", "ok_sdt_inline_header", "ok_sdt_whole_table"):
        codes = [f["code"] for f in by_name[name]["findings"]]
        assert "missing_component" not in codes, (name, codes)
    found = by_name["sdt_quoc_hieu_14"]["findings"]
    assert any((f.get("detail") or {}).get("rule") == "quoc_hieu.font_size" for f in found)


@pytest.mark.parametrize(
    "name",
    ["ok_cong_van_tabs", "ok_ke_hoach_indents", "ok_ke_hoach_textbox", "ok_textbox_vml_only"],
)
def test_laid_out_headers_read_every_part(measured, name):
    """Tab-, indent- and text-box-laid headers: Quốc hiệu, Tiêu ngữ, issuer, number and date are
    all found (nothing reported missing), and a text box is read once, not twice."""
    _cases, report = measured
    result = next(f for f in report["files"] if Path(f["file"]).stem == name)
    assert [f for f in result["findings"] if f["code"] == "missing_component"] == []
    quotes = [f["quote"] for f in result["findings"] if f["code"] == "repeated_word"]
    assert quotes == []


FORM_CODES = {"page_setup", "font", "font_size", "emphasis", "alignment"}
# What --fix may not touch because the text itself would change: capitals typed as capitals,
# and a legacy-encoding font (its text is read through a code-page conversion).
TEXT_BOUND = {"tieu_ngu_caps_text": "emphasis", "font_vni_times": "font"}


def test_fix_clears_form_findings_and_keeps_text(tmp_path):
    from datetime import date

    from vbparse.lint.form.fix import fix_path
    from vbparse.lint.runner import lint_path
    from vbparse.readers import read

    faulty = [c for c in blind_cases.build_cases() if c.expected]
    left: dict[str, set[str]] = {}
    for case in faulty:
        src = blind_cases.write_case(case, tmp_path / f"{case.name}.docx")
        dst = tmp_path / f"{case.name}.fixed.docx"
        fix_path(src, dst)
        assert read(dst).text() == read(src).text(), case.name
        report = lint_path(dst, today=date(2026, 1, 1), spelling=False)
        codes = {f.code for f in report.findings if f.code in FORM_CODES}
        if codes:
            left[case.name] = codes
    assert left == {name: {code} for name, code in TEXT_BOUND.items()}
