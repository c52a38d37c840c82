"""The signer's title from candidates over the signer block, tolerant of OCR."""

from __future__ import annotations

from vbparse.extract.signer import best_title, deputy_title, vocabulary_match


def test_ocr_damaged_title_is_given_in_its_spelling():
    assert best_title(["PHO GIAM ĐỌC"]).value == "PHÓ GIÁM ĐỐC"
    assert best_title(["“1, GIÁM ĐÓC ZZ"]).value == "GIÁM ĐỐC"


def test_clean_titles_stay_as_written():
    assert best_title(["CHÁNH VĂN PHÒNG"]).value == "CHÁNH VĂN PHÒNG"
    assert best_title(["TRƯỞNG KHOA SAU ĐẠI HỌC"]).value == "TRƯỞNG KHOA SAU ĐẠI HỌC"


def test_headings_of_what_follows_are_never_titles():
    assert best_title(["PHỤ LỤC", "MẪU BÁO CÁO"]) is None
    assert best_title(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) is None


def test_a_word_boundary_is_needed():
    assert vocabulary_match("GIÁM ĐỐCXYZ") is None


def test_deputy_signs_for_the_head():
    assert deputy_title("KT. GIÁM ĐỐC") == "PHÓ GIÁM ĐỐC"
    assert deputy_title("KT.GIÁM ĐÓC") == "PHÓ GIÁM ĐỐC"
    assert deputy_title("TM. ỦY BAN NHÂN DÂN") is None
