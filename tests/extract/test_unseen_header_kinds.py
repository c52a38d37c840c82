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


def test_place_date_with_the_day_run_onto_ngay():
    m = cues.PLACE_DATE.match("An Giang, ngày8ổ tháng 4 năm 2017")
    assert m and m.group("place") == "An Giang"


def test_joint_programme_of_two_bodies_joined_by_a_dash(tmp_path):
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG -\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tĐộc lập - Tự do - Hạnh phúc\n"
        "TỈNH AN GIANG\n"
        "Số: 154/CTPH-LĐLĐ-SVHTTDL\tAn Giang, ngày 28 tháng 4 năm 2017\n"
        "\n"
        "CHƯƠNG TRÌNH PHỐI HỢP\n"
        "Xây dựng đời sống văn hóa cơ sở trong CNVCLĐ\n"
        "Giai đoạn 2016 - 2021\n"
        "\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Nâng cao nhận thức của công nhân, viên chức, lao động.\n"
    )
    path = tmp_path / "ctph.txt"
    path.write_text(text, encoding="utf-8")
    doc = vbparse.parse(path)
    assert (doc.doc_type.name, doc.doc_type.code) == ("Chương trình phối hợp", "CTPH")
    assert doc.issuer.name == "LIÊN ĐOÀN LAO ĐỘNG - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH AN GIANG"
    assert doc.issuer.parent is None


def test_a_footnote_numbered_like_a_top_section_opens_no_section():
    # Page 4 ends with footnote "1 Công văn số 5956/STNMT-CCBVMT …" between sections 2 and 3.
    doc = vbparse.parse(UNSEEN / "ldvbai" / "3367-TTr-SNV.pdf")
    assert [s.id for s in doc.sections] == ["1", "2", "3"]
    assert all("~" not in s.id for s in doc.sections)
