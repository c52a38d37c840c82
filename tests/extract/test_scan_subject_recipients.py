"""The trích yếu and the Nơi nhận of scans (issue #11): OCR's misread marks respelled by the
lexicon, a title with its "(V/v …)" on one line, the trích yếu a seal hid taken from the enacting
sentence, and the specks OCR adds to recipient items. Each string is a line OCR really gave for a
document of corpus/ (tests/real/test_scan_subject_recipients.py parses the scans whole)."""

from __future__ import annotations

from vbparse.extract import respell
from vbparse.extract.closing import _scan_item, _scan_speck
from vbparse.extract.header import _title_subject


def test_lexicon_respells_marks_ocr_misread_where_a_neighbour_pair_is_sure():
    cases = {
        # kgu/155_TM-SYT, kgu/2128_KH-SYT, ldvbai/TTr-CAT-PC04, vgpqlvb/01-2025-QD-TTg
        "thực hiện Nghị quyết sô 20-NQ/TW của Ban Châp hành Trung ương": (
            "thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương"
        ),
        "Thâm định cấp, cấp lại giây phép hoạt động đôi với các cơ sở": (
            "Thẩm định cấp, cấp lại giấy phép hoạt động đối với các cơ sở"
        ),
        "xin chủ trương triên khai thực hiện": "xin chủ trương triển khai thực hiện",
        "gửi qua dịch vụ chuyến phát nhanh": "gửi qua dịch vụ chuyển phát nhanh",
        "Cục Kiêm tra văn bản": "Cục Kiểm tra văn bản",
        "Các sở, ban, ngành, đoàn thê tỉnh": "Các sở, ban, ngành, đoàn thể tỉnh",
        "Giám đốc Công an tỉnh Lâm Đông": "Giám đốc Công an tỉnh Lâm Đồng",
    }
    for ocr, printed in cases.items():
        assert respell.by_lexicon(ocr) == printed


def test_lexicon_respelling_leaves_right_words_and_names_alone():
    for text in (
        # a common word beside a name, a word the lexicon knows with no pair, a place name
        "Quy định chức năng của Sở Công Thương tỉnh Phú Thọ",
        "dịch vụ xông hơi xoa bóp trên địa bàn tỉnh Kiên Giang",
        "Đ/c Chủ tịch HĐND tỉnh Lâm Đồng",
        "Xây dựng đời sống văn hóa cơ sở",
    ):
        assert respell.by_lexicon(text) == text


def test_tone_placement_is_the_documents_own_not_respelled():
    # agqlcv/154: the trích yếu prints "văn hóa", the body "Văn hoá" more often.
    text = "Sở Văn hoá, Thể thao. Bộ Văn hoá, Thể thao. văn hoá cơ sở. văn hoá gia đình"
    assert respell.words("Xây dựng đời sống văn hóa cơ sở", text).endswith("văn hóa cơ sở")
    assert respell.phrase("SỞ VĂN HÓA", text) == "SỞ VĂN HÓA"
    # A lost mark is still given back by the text's agreement.
    assert respell.words("giám sát trong phòng thì", "phòng thi. phòng thi. phòng thi") == (
        "giám sát trong phòng thi"
    )


def test_title_with_its_subject_in_brackets_on_one_line_is_cut():
    text = "THÔNG BÁO (V/v Tăng cường giám sát trong phòng thì)"
    title_end, start, end = _title_subject(text)
    assert text[:title_end].strip() == "THÔNG BÁO"
    assert text[start:end] == "V/v Tăng cường giám sát trong phòng thì"
    assert _title_subject("QUYẾT ĐỊNH Về việc giao dự toán") is not None
    assert _title_subject("Thông báo về việc tổ chức thi") is None  # a sentence, not a title
    assert _title_subject("V/v Tăng cường giám sát") is None


def test_recipient_items_of_scans_lose_ocr_specks():
    # vgpqlvb/01-2025-QD-TTg, ldvbai/TTr-CAT-PC04, ldvbai/5689-BCA-C04, uitqlcv/01-TB-BGH
    assert _scan_item("M* kh Ban Bí thư Trung ương Đ Đảng;") == "Ban Bí thư Trung ương Đảng;"
    assert _scan_item("Lưu VT, PC04 (Đội ]).").rstrip(".") == "Lưu VT, PC04 (Đội 1)"
    assert _scan_item("Đ/c Bộ trưởng (đề b/cáo);") == "Đ/c Bộ trưởng (để b/cáo);"
    assert _scan_item("Các Khoa, Phòng ban liên quan (đê thực hiện);").endswith("(để thực hiện);")
    # Abbreviations and commas at an item's start are the item's own.
    assert _scan_item("CT, các PCT UBND tỉnh;") == "CT, các PCT UBND tỉnh;"
    assert _scan_item("Ban Đề án 06 (để biết);") == "Ban Đề án 06 (để biết);"


def test_scan_items_that_are_specks_or_the_signers_title_are_no_recipients():
    # kgl/29_SYT-KHTC, kgu/2119_KH-SYT, kgu/2016_TB-SYT, kgu/1972_TB-SYT
    for speck in ('"¬', "ộ", "dáw»", "PHÓ GIÁM"):
        assert _scan_speck(speck), speck
    for item in ("TCCB", "Như trên", "BGĐ SYT", "UBND các xã, phường", "Website SYT"):
        assert not _scan_speck(item), item
    assert _scan_item("BGÐ Sở Y tế (để b/e);") == "BGĐ Sở Y tế (để b/c);"
    assert _scan_item("NVY+;") == "NVY;"
    assert _scan_item("Lưu:-VT, kvxuyen.") == "Lưu: VT, kvxuyen."
    assert _scan_item("Bộ Văn hóa ~Thể thao & Du lịch;") == "Bộ Văn hóa –Thể thao & Du lịch;"


def test_a_vowel_ocr_read_twice_is_read_once():
    # kgu/01_DL-BTC
    assert (
        respell.by_lexicon("63 năm ngày Thâầy thuốc Việt Nam") == "63 năm ngày Thầy thuốc Việt Nam"
    )
    assert respell.by_lexicon("Khoa học") == "Khoa học"


def test_a_heads_title_read_one_letter_short_is_no_crash():
    from vbparse.extract import signer

    # A closing read from a scan whose list lost its label: "GIÁM ĐÓ" is shorter than the title.
    assert signer.head_read_twice(["GIÁM ĐÓ", "GIÁM ĐỐC"]) == "GIÁM ĐỐC"
