"""Where this session's new rules stop: each case is a correct text a rule built for OCR'd or
tabular input must leave alone (found by reading the rules, not by a document that failed)."""

from __future__ import annotations

from vbparse.extract import outline, roles
from vbparse.extract.bases import _issuer_before
from vbparse.extract.reread import _voted
from vbparse.extract.reread_header import _compact, _reference
from vbparse.settings import use


def test_name_vote_keeps_a_syllable_no_reading_spells_as_vietnamese() -> None:
    # "Y Thanh Hà Niê Kđăm": no reading of "Niê" is a Vietnamese syllable; it stays as read
    readings = [["Y", "Thanh", "Hà", "Niê", "Kđăm"]] * 3
    assert _voted(3, "Niê", readings) == "Niê"
    assert _voted(4, "Kđăm", readings) == "Kđăm"


def test_the_second_proposer_keeps_the_và_in_its_name() -> None:
    window = (
        "Xét đề nghị của Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 3/3/2025 và "
        "Sở Giáo dục và Đào tạo tại"
    )
    assert _issuer_before(window) == "Sở Giáo dục và Đào tạo"


def test_an_annex_citing_another_document_of_the_same_issuer_is_not_this_one() -> None:
    own = _compact("UBND")
    assert _reference("45/UBND-VX ngày 16 tháng 12 năm 2025", own) == (None, None)
    assert _reference("5689/UBND ngày 16 tháng 12 năm 2025)", own) == ("5689", "2025-12-16")


def test_a_heading_ending_in_years_or_clause_numbers_is_no_table_row() -> None:
    with use(None):
        for text in ("II. Mục tiêu đến năm 2025, 2030", "3. Sửa đổi khoản 1, 2"):
            label = outline.parse_label(text)
            assert label is not None
            assert not outline._table_row(text, label), text
        row = "II. Đồ uống và thuốc lá 112,77 100,83 102,80"
        label = outline.parse_label(row)
        assert label is not None and outline._table_row(row, label)


def test_folded_look_alikes_of_a_board_and_of_diễn_biến_are_not_those_roles() -> None:
    assert roles.classify_heading("BAN CHỈ ĐẠO") == "responsibilities"
    assert roles.classify_heading("BẢN ĐỒ QUY HOẠCH SỬ DỤNG ĐẤT") != "responsibilities"
    assert roles.classify_heading("BÁN ĐẤU GIÁ TÀI SẢN") != "responsibilities"
    assert roles.classify_heading("DIỄN BIẾN DỊCH BỆNH") == "situation"
    assert roles.classify_heading("ĐIỆN BIÊN PHỦ TRÊN KHÔNG") != "situation"
