"""Header fields of scans from sources the parser was not built on: a number stamped by an
e-office system in another font, a Số line the page OCR cut in two, a place-date run together with
the other column, a parent body read after the Số line, place names that lost a mark."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbparse
from vbparse.extract.refs import find_date, partial_date
from vbparse.extract.respell import known_places

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _warned(doc: vbparse.Document, code: str, field: str) -> bool:
    return any(w.code == code and w.field == field for w in doc.warnings)


def test_dates_ocr_damaged_around_the_day_and_the_year():
    found = find_date("Cân Thơ, ngày O1 tháng 11năm 2023", numeric=False)
    assert found is not None and found.iso == "2023-11-01"
    assert partial_date("Hà Nội, ngày J tháng 01 năm - 2012") == "2012-01"


def test_place_names_that_lost_a_mark_get_their_spelling_and_the_case_they_were_read_in():
    assert known_places("Cân Thơ") == "Cần Thơ"
    assert known_places("ỦY BAN NHÂN DÂN THÀNH PHÓ CÀN THƠ") == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert known_places("UBND TĨNH KIÊN GIANG") == "UBND TỈNH KIÊN GIANG"
    assert known_places("ĐẠI HỌC QUÓC GIA TP.HCM") == "ĐẠI HỌC QUỐC GIA TP.HCM"
    assert known_places("Khánh Hoà") == "Khánh Hoà"  # tone placement is the writer's
    assert known_places("tính toán") == "tính toán"  # "Tỉnh" only before a province


@pytest.mark.slow
def test_an_e_office_number_the_page_ocr_misread_is_read_again_and_the_date_beside_kinh_gui():
    """ "Số: 4427 /UBND-NC" stamped in a typewriter font the Vietnamese model reads "127"; the
    place-date of the right column is read after the left column's "Kính gửi"."""
    doc = vbparse.parse(CORPUS / "unseen2" / "ctuet" / "4427-UBND-NC_CanTho_scan.pdf")
    assert doc.number.number == "4427" and doc.number.symbol == "UBND-NC"
    assert _warned(doc, "low_confidence", "number.number")
    assert doc.issued.place == "Cần Thơ" and doc.issued.date == "2023-11-01"
    assert doc.issuer.name == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"


@pytest.mark.slow
def test_a_number_two_readings_disagree_on_is_left_empty_with_a_warning():
    """A handwritten "2016": the page reads 304, the line read again 2046: no number, a flag."""
    doc = vbparse.parse(CORPUS / "real" / "kgu" / "2016_TB-SYT_scan.pdf")
    assert doc.number.number is None and doc.number.symbol == "TB-SYT"
    assert _warned(doc, "ambiguous", "number.number")


@pytest.mark.slow
def test_a_so_line_cut_in_two_and_a_place_date_run_together_with_the_vv():
    doc = vbparse.parse(CORPUS / "unseen2" / "cdgd" / "113-BKHCN-TTra_scan.pdf")
    assert doc.number.symbol == "BKHCN-TTra"
    assert doc.number.number is None  # handwritten "113": unread, and said so
    assert any(w.field == "number.number" for w in doc.warnings)
    assert doc.issued.place == "Hà Nội" and doc.issued.date == "2012-01"
    assert doc.subject == "triển khai Công điện của Bộ trưởng Bộ Khoa học và Công nghệ"


@pytest.mark.slow
def test_a_month_written_in_is_read_again_when_the_day_stays_unread():
    doc = vbparse.parse(CORPUS / "unseen2" / "so4t" / "68-KH-UBND-HaiPhong_scan.pdf")
    assert doc.issued.place == "Hải Phòng" and doc.issued.date == "2020-03"
    assert _warned(doc, "field_partial", "issued.date")


@pytest.mark.slow
def test_a_parent_body_read_after_the_so_line_but_printed_above_it():
    doc = vbparse.parse(CORPUS / "real" / "kgu" / "1972_TB-SYT_scan.pdf")
    assert doc.issuer.parent == "UBND TỈNH KIÊN GIANG"
    assert doc.issuer.name == "SỞ Y TẾ"


@pytest.mark.slow
def test_a_working_group_under_its_department_on_one_line():
    doc = vbparse.parse(CORPUS / "unseen2" / "so4t" / "TB-STTTT_ket-luan-to-cong-tac.doc")
    assert doc.issuer.parent == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert doc.issuer.name == "TỔ CÔNG TÁC VỀ CHUYỂN ĐỔI SỐ"


@pytest.mark.slow
def test_a_party_office_run_together_with_its_central_committee():
    """ "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG" on one line: the office under its parent; its Party
    ký hiệu "HD/VPTW" keeps its one unit code."""
    doc = vbparse.parse(CORPUS / "unseen" / "ldvbai" / "36-HD-VPTW.doc")
    assert doc.issuer.parent == "BAN CHẤP HÀNH TRUNG ƯƠNG" and doc.issuer.name == "VĂN PHÒNG"
    assert doc.number.symbol == "HD/VPTW"


def test_a_place_date_between_the_so_line_and_its_v_v_on_one_line_is_cut_out():
    """ "Số: 507 /UBND-KGVX Quảng Ngãi, ngày 24 tháng 01 năm 2025 V/v góp ý …": the PDF's layout
    ran three cells of the two-column header into one line; the place-date is the right
    column's, the trích yếu goes on over the left column's next lines."""
    doc = vbparse.parse(CORPUS / "unseen3/quangngai/507-UBND-KGVX_gop-y.pdf")
    assert (doc.issued.place, doc.issued.date) == ("Quảng Ngãi", "2025-01-24")
    assert doc.number.number == "507"
    assert doc.subject is not None
    assert doc.subject.startswith("góp ý dự thảo Quyết định")
    assert doc.subject.endswith("Chương trình cung cấp dịch vụ viễn thông công ích")


@pytest.mark.slow
def test_lone_letters_read_from_specks_before_the_body_s_name_are_dropped():
    """ "Ị ị TRƯỜNG ĐẠI HỌC TÂY ĐÔ": a scan's specks before the issuing body kept it from being
    seen as one, so the parent above it was joined into its name."""
    doc = vbparse.parse(CORPUS / "unseen3" / "taydo" / "1134-KH-DHTD_scan.pdf")
    assert doc.issuer.name == "TRƯỜNG ĐẠI HỌC TÂY ĐÔ"
    assert doc.issuer.parent == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"


@pytest.mark.slow
def test_a_place_date_the_page_ocr_cut_at_a_handwritten_day_is_one_line_again():
    """ "Tp. ứ Hồ Chí Minh, ngày22tháng sai" | "- 01 năm 2013": OCR cut the row at the gap the
    written day left and read a speck as "ứ"; the two pieces are one place-date again."""
    doc = vbparse.parse(CORPUS / "unseen" / "uitqlcv" / "01-TB-BGH_giam-sat-phong-thi_scan.pdf")
    assert doc.issued.place == "Tp. Hồ Chí Minh"
    assert doc.issued.date is not None and doc.issued.date.startswith("2013")
    assert _warned(doc, "field_partial", "issued.date")  # the day stays unread, and said so


@pytest.mark.slow
def test_a_month_written_over_the_n_of_nam_still_leaves_a_place_date_line():
    """ "Kiên Giang, ngày 2 tháng/ðhăm 2017": the month written in by hand ran into "năm"."""
    assert partial_date("Kiên Giang, ngày 2 tháng/ðhăm 2017") == "2017"
    doc = vbparse.parse(CORPUS / "real" / "kgu" / "3162_QD-SYT_scan.pdf")
    assert doc.issued.place == "Kiên Giang" and doc.issued.date == "2017"
    assert _warned(doc, "field_partial", "issued.date")


@pytest.mark.slow
def test_a_handwritten_number_and_day_are_taken_from_the_annex_naming_the_document():
    """ "Số: … /BCA-C04" and "ngày |6 tháng 12" written in by hand; the list attached after the
    signature is headed "(Kèm theo Công văn sô: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)"."""
    doc = vbparse.parse(CORPUS / "unseen" / "ldvbai" / "5689-BCA-C04_scan.pdf")
    assert doc.number.number == "5689" and doc.issued.date == "2025-12-16"
    assert _warned(doc, "low_confidence", "number.number")
    assert _warned(doc, "low_confidence", "issued.date")
    assert not _warned(doc, "field_partial", "issued.date")
