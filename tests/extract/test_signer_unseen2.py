"""The signer block of new sources (corpus/unseen2 dev): a signature block pasted as a picture
into a PDF with a text layer, an authority line laid out above the closing table, a prefix whose
dot OCR read as a comma."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.signer import repair_prefix
from vbparse.pipeline import parse

UNSEEN2 = Path(__file__).resolve().parents[2] / "corpus" / "unseen2"


def test_a_prefix_whose_dot_ocr_read_as_a_comma_is_that_prefix():
    assert repair_prefix("__ TL, BỘ TRƯỞNG") == "TL. BỘ TRƯỞNG"
    assert repair_prefix("KT: GIÁM ĐỐC") == "KT. GIÁM ĐỐC"
    # Not before a known head's title, or with more after it: left as read.
    assert repair_prefix("TL, VĂN PHÒNG") == "TL, VĂN PHÒNG"
    assert repair_prefix("TM, BỘ TRƯỞNG BỘ TÀI CHÍNH") == "TM, BỘ TRƯỞNG BỘ TÀI CHÍNH"


def test_an_authority_line_printed_above_the_closing_table_opens_the_closing():
    """A trade union's "TM. BAN THƯỜNG VỤ" stands a little higher than "Nơi nhận:": the layout
    put it above the closing table, in the body."""
    doc = parse(UNSEEN2 / "cdgd" / "95-CV-CDGD.pdf")
    assert doc.signer.authority == "TM. BAN THƯỜNG VỤ"
    assert doc.signer.title == "CHỦ TỊCH"
    assert doc.signer.name == "Nguyễn Hữu Hùng"
    assert "Như trên" in doc.recipients


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "authority", "title", "name"),
    [
        ("cdgd/1290-BGDDT-GDTrH.pdf", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Vinh Hiển"),
        (
            "cdgd/4606-BGDDT-GDTrH.pdf",
            "TL. BỘ TRƯỞNG",
            "VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC",
            "Vũ Đình Chuẩn",
        ),
    ],
)
def test_a_signature_block_pasted_as_a_picture_is_read_by_ocr(path, authority, title, name):
    """A Word file printed to PDF with its signed block scanned in: the text layer ends with
    Nơi nhận, the signer is only in the picture beside it."""
    doc = parse(UNSEEN2 / path)
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (authority, title, name)
    assert any(w.code == "read" and w.field == "signer" for w in doc.warnings)
