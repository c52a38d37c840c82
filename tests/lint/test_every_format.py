"""The lint reads every format the parser reads: a PDF's positions (boxes in points) are valid
finding positions, and a scan or a recovered PDF is linted like a text (issue: `lint` failed on
every PDF with a pydantic error on `where.bbox`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.lint.runner import lint_path

FORMATS = Path(__file__).resolve().parents[2] / "corpus" / "formats"


@pytest.mark.parametrize("name", sorted(p.name for p in FORMATS.iterdir()))
def test_lint_every_format(name):
    report = lint_path(FORMATS / name)
    assert report.error is None, report.error
    assert report.findings, "the plan's known defects are found in this format too"
    if name.endswith(".pdf"):
        assert any("bbox" in f.where or "page" in f.where for f in report.findings)
