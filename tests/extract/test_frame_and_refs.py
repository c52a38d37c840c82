"""Where the document starts and ends inside a page, and the số/date readers' tolerance."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract.refs import parse_number, partial_date
from vbparse.pipeline import parse

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_web_page_shell_and_table_of_contents_are_not_the_document():
    """A vbpl.vn page: navigation and metadata above the văn bản, its "Mục lục" and the site's
    footer below it."""
    doc = parse(REAL / "vbpl" / "vbpl_doc_000003.html")
    assert (doc.issuer.name, doc.number.number, doc.number.symbol) == ("QUỐC HỘI", "109", "QH15")
    assert doc.doc_type.name == "Luật"
    assert doc.signer.name == "Trần Thanh Mẫn"
    assert [s.id for s in doc.sections] == ["Chương I", "Chương II", "Chương III", "Chương IV"]


def test_handwritten_number_keeps_the_printed_symbol():
    parts = parse_number("4 #12 /SYT-TCCB")
    assert parts is not None and parts.number is None
    assert (parts.symbol, parts.issuer_code) == ("SYT-TCCB", "SYT-TCCB")


def test_partial_dates():
    assert partial_date("Hà Nội, ngày   tháng 3 năm 2023") == "2023-03"
    assert partial_date("An Bình, ngày    tháng    năm 2021") == "2021"
    assert partial_date("ngày tháng năm") is None


def test_number_forms_of_real_headers():
    """Số lines as real documents write them: the dash lost between type and issuer code, the
    number glued to its ký hiệu, a space inside, a stamp that hid the slash, Cyrillic letters."""
    cases = {
        "12KH/TWĐTN-VP": ("12", "KH/TWĐTN-VP", "KH", "party"),
        "45/QĐUBND": ("45", "QĐ-UBND", "QĐ", "state"),
        "12-KH/TWĐTN": ("12", "KH/TWĐTN", "KH", "party"),
        "12 KH- UBND": ("12", "KH-UBND", "KH", "state"),
        "45 /KH-SGDĐT": ("45", "KH-SGDĐT", "KH", "state"),
        "203BGDĐT-GDPT": ("203", "BGDĐT-GDPT", None, "state"),
        "7 /КН-UBND": ("7", "KH-UBND", "KH", "state"),  # Cyrillic К and Н
    }
    for raw, want in cases.items():
        p = parse_number(raw)
        assert p is not None, raw
        assert (p.number, p.symbol, p.type_code, p.style) == want, raw


def test_joint_issuers_stand_side_by_side():
    """A thông tư liên tịch of five bodies: each is an issuer, none the others' parent, and its
    ký hiệu wrapped by the column is whole; a kế hoạch liên tịch keeps the UBND above as parent."""
    ttlt = parse(REAL / "phapluat" / "TTLT-01-2022-TTLT-VKSNDTC-TANDTC-BCA-BQP-BLDTBXH.pdf")
    assert ttlt.issuer.parent is None
    assert ttlt.issuer.name.split(" - ")[:2] == [
        "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO",
        "TÒA ÁN NHÂN DÂN TỐI CAO",
    ]
    assert ttlt.number.symbol == "TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"
    khlt = parse(REAL / "phuocbuu" / "90_KHLT-SGDDT-TCGD_huong-nghiep.pdf")
    assert khlt.issuer.parent == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert khlt.issuer.name.startswith("SỞ GIÁO DỤC VÀ ĐÀO TẠO – TẠP CHÍ GIÁO DỤC")


def test_page_that_is_a_picture_under_a_running_header_is_read_by_ocr():
    """TB-02-2023 in Công báo: the text layer holds only "CÔNG BÁO/Số 577 + 578/…", the
    notice itself is an image."""
    doc = parse(REAL / "phapluat" / "TB-02-2023-TB-LPQT.pdf")
    assert (doc.doc_type.name, doc.issuer.name) == ("Thông báo", "BỘ NGOẠI GIAO")
    assert any(p["method"] == "ocr" for p in doc.source.pages)


def test_old_gazette_title_gives_number_date_and_subject():
    """A Nghị định copied without its header: "NGHỊ ĐỊNH / CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09
    THÁNG 3 NĂM 2007 / VỀ MINH BẠCH TÀI SẢN, THU NHẬP"."""
    doc = parse(REAL / "hpbaotho" / "ND-37-2007-ND-CP_no-header.doc")
    assert (doc.number.number, doc.number.symbol) == ("37", "NĐ-CP")
    assert doc.issued.date == "2007-03-09"
    assert doc.subject == "VỀ MINH BẠCH TÀI SẢN, THU NHẬP"
