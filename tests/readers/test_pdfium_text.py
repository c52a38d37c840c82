"""Text PDFs read through PDFium: Vietnamese marks stay with their letters, e-office numbers and
days stamped into form fields are read, and the two header columns keep apart."""

from __future__ import annotations

from pathlib import Path

from vbparse.pipeline import parse
from vbparse.readers import Zone, read

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_cong_bao_pdf_words_are_whole():
    """pdfminer split this Word-made PDF into "TH Ủ TƯỚ NG CHÍNH PH Ủ"."""
    raw = read(REAL / "phapluat" / "CT-21-CT-TTg-2026.pdf")
    left = [ln.text for ln in raw.lines if ln.zone is Zone.HEADER_LEFT]
    assert left[0] == "THỦ TƯỚNG CHÍNH PHỦ"
    doc = parse(REAL / "phapluat" / "CT-21-CT-TTg-2026.pdf")
    assert (doc.number.number, doc.number.symbol, doc.issued.date) == ("21", "CT-TTg", "2026-05-20")


def test_number_and_day_stamped_in_form_fields():
    doc = parse(REAL / "phuocbuu" / "2858_QD-UBND_HCM_bo-sung-du-toan.pdf")
    assert (doc.number.number, doc.number.symbol) == ("2858", "QĐ-UBND")
    assert (doc.issued.place, doc.issued.date) == ("Thành phố Hồ Chí Minh", "2025-11-21")
