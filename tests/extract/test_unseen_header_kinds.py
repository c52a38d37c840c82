"""Header kinds met on documents from sources the parser was not developed on."""

from pathlib import Path

import vbparse
from vbparse import cues

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = ROOT / "corpus" / "unseen"


def test_a_sentence_opening_with_chuong_trinh_is_not_a_chapter_label():
    assert not cues.OUTLINE_LABEL.match("Chương trình tổng thể cải cách hành chính nhà nước")
    assert not cues.OUTLINE_LABEL.match("Phần mềm quản lý văn bản")
    for label in ("Chương I", "CHƯƠNG II", "Phần thứ nhất", "PHẦN I", "Điều 1.", "II. NHIỆM VỤ"):
        assert cues.OUTLINE_LABEL.match(label), label


def test_wrapped_vv_subject_keeps_its_line_that_starts_with_chuong_trinh():
    doc = vbparse.parse(UNSEEN / "ldvbai" / "8151-BNV-CCHC.pdf")
    assert doc.subject is not None
    assert doc.subject.endswith("giải pháp trọng tâm giai đoạn 2026 - 2030")
    assert "thực hiện Chương trình tổng thể cải cách hành chính" in doc.subject


def test_addressee_cue_reads_ocr_damaged_kinh_gui():
    for text in ("Kính gửi:", "Kính 8ửi: ......", "Kinh gui:", "Kính qửi các đơn vị"):
        assert cues.ADDRESSEE.match(text), text
    assert not cues.ADDRESSEE.match("Kính mong các đơn vị")


def test_handwritten_number_read_as_letters_still_opens_the_so_line():
    m = cues.NUMBER_LINE.match("Sô df /TB - HTTT")
    assert m and m.group("raw") == "df /TB - HTTT"
    assert not cues.NUMBER_LINE.match("So sánh kết quả/năm")


def test_a_faculty_under_its_university_is_the_issuer():
    from vbparse.extract.header import _split_run_together, _starts_org

    assert _split_run_together("TRƯỜNG ĐẠI HỌC CẦN THƠ KHOA CÔNG NGHỆ") == (
        "TRƯỜNG ĐẠI HỌC CẦN THƠ",
        "KHOA CÔNG NGHỆ",
    )
    assert _split_run_together("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN") == (
        None,
        "TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN",
    )
    assert _starts_org("KHOA HỆ THỐNG THÔNG TIN") and not _starts_org("KHOA HỌC VÀ CÔNG NGHỆ")
