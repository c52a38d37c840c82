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


REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_a_whole_title_is_not_continued_by_the_seals_rim_under_it():
    """A scan's "CHỦ TỊCH" with the seal's rim read under it as "NÀY À" (corpus/unseen2)."""
    doc = parse(UNSEEN2 / "ctuet" / "4427-UBND-NC_CanTho_scan.pdf")
    assert doc.signer.title == "CHỦ TỊCH"


def test_of_two_signers_side_by_side_the_left_columns_title_is_given():
    """A joint plan signed by a Sở's GIÁM ĐỐC (left) and a journal's TỔNG BIÊN TẬP (right), OCR
    running the two columns into one block, an annex's list heading under it."""
    doc = parse(REAL / "phuocbuu" / "90_KHLT-SGDDT-TCGD_huong-nghiep.pdf")
    assert doc.signer.title == "GIÁM ĐỐC"
    assert doc.signer.name == "Nguyễn Văn Hiếu"


def test_the_same_prefix_twice_is_two_signers_and_the_first_is_given():
    from vbparse.extract.closing import _first_signers

    assert _first_signers("KT. BỘ TRƯỞNG BỘ Y TẾ KT. BỘ TRƯỞNG BỘ TÀI CHÍNH") == (
        "KT. BỘ TRƯỞNG BỘ Y TẾ"
    )
    # Different prefixes nest: one signer's authority.
    for nested in ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG"):
        assert _first_signers(nested) == nested


def test_a_scans_body_name_under_the_authority_line_is_part_of_it():
    """A Công báo scan: "KT. VỤ TRƯỞNG" / "VỤ LUẬT PHÁP VÀ ĐIÊU ƯỚC QUỐC TẺ" / "PHÓ VỤ TRƯỞNG": the
    body's name, well-formed words after a body's head word, joins the authority, respelled."""
    doc = parse(REAL / "phapluat" / "TB-02-2023-TB-LPQT.pdf")
    assert doc.signer.authority == ("TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG VỤ LUẬT PHÁP VÀ ĐIỀU ƯỚC QUỐC TẾ")
    assert doc.signer.title == "PHÓ VỤ TRƯỞNG"


def test_a_heads_title_alone_above_the_deputys_is_the_lost_kt_line():
    from vbparse.extract.signer import head_for_deputy

    block = ["GIÁM ĐÓC", "PHÓ GIÁM ĐỐC"]
    assert head_for_deputy("PHÓ GIÁM ĐỐC", block, bare=True) == "GIÁM ĐỐC"
    assert head_for_deputy("PHÓ GIÁM ĐỐC", ["GIÁM", "PHÓ GIÁM ĐỌC ĐÔC"], bare=True) == "GIÁM ĐỐC"
    # Typed text says what it says; under the deputy's line a head's title is no authority.
    assert head_for_deputy("PHÓ GIÁM ĐỐC", block) is None
    assert head_for_deputy("PHÓ GIÁM ĐỐC", ["PHÓ GIÁM ĐỐC", "GIÁM ĐỐC"], bare=True) is None


@pytest.mark.slow
def test_a_scans_kt_line_lost_under_the_seal_is_inferred_from_the_bare_heads_title():
    """Sở Y tế Kiên Giang scans: the page image read again gives "GIÁM ĐÓC" / "PHÓ GIÁM ĐỐC"
    (and "GIÁM" / "PHÓ GIÁM ĐỌC ĐÔC"): the deputy signs "KT. GIÁM ĐỐC"."""
    for path in ("kgu/2094_TB-SYT_scan.pdf", "kgu/393_SYT-VP_scan.pdf"):
        doc = parse(REAL / path)
        assert doc.signer.authority == "KT. GIÁM ĐỐC", path
        assert doc.signer.title == "PHÓ GIÁM ĐỐC", path


@pytest.mark.slow
def test_a_full_name_pieced_from_the_second_reading_fills_a_missing_name():
    """Sở Y tế Kiên Giang scan: the first reading lost the name; the page image read again gives
    "Hà v Văn Phúc", a full name among a speck, taken with a warning."""
    doc = parse(REAL / "kgu" / "155_TM-SYT_scan.pdf")
    assert doc.signer.name == "Hà Văn Phúc"
    assert any(w.code == "field_inferred" and w.field == "signer.name" for w in doc.warnings)
