"""The seed plan: every defect the issue lists is found, with its code and line, and nothing else
is an error. The seed also lacks its issuing body (the whole header table was lost with the
Quốc hiệu block), reported as missing_component too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vbparse.lint.runner import lint_path

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"


def test_seed_findings_exactly():
    report = lint_path(SEED, today=date(2026, 1, 1))
    got = {
        (f.severity, f.code, f.line, f.quote, f.detail.get("component")) for f in report.findings
    }
    assert got == {
        ("error", "missing_component", 3, "Số: 36/KH-THBTD", "national_header"),
        ("error", "missing_component", 3, "Số: 36/KH-THBTD", "motto"),
        ("error", "missing_component", 3, "Số: 36/KH-THBTD", "issuer"),
        ("error", "missing_component", 83, "Nguyễn Thị Lệ Hằng", "signer_title"),
        ("error", "fixed_phrase", 75, "Noi nhận", None),
        ("warning", "fixed_phrase", 79, "Lưu VT", None),
        ("warning", "name_variant", 73, "Bình Trưng Đông", None),
        ("warning", "name_variant", 41, "lòng ghép", None),
        ("warning", "repeated_word", 33, "đội ngũ ngũ", None),
        ("warning", "spelling", 51, "sự phạm", None),
    }
    fixes = {f.quote: f.fix for f in report.findings}
    assert fixes["Noi nhận"] == "Nơi nhận:"
    assert fixes["Lưu VT"] == "Lưu: VT"
    assert fixes["lòng ghép"] == "lồng ghép"
    assert fixes["đội ngũ ngũ"] == "đội ngũ"
    assert fixes["sự phạm"] == "sư phạm"
    variant = next(f for f in report.findings if f.quote == "Bình Trưng Đông")
    assert variant.related == [5, 9, 13, 37]


def test_seed_english_messages():
    report = lint_path(SEED, lang="en", today=date(2026, 1, 1))
    messages = " ".join(f.message for f in report.findings)
    assert "Missing the national title" in messages and "signer's title" in messages
    assert all(not any(w in f.message for w in ("Thiếu", "viết sai")) for f in report.findings)
