"""Scans of corpus/ whose trích yếu or Nơi nhận OCR damaged (issue #11), parsed whole: the
subject a seal hid is taken from the enacting sentence, a title's "(V/v …)" on its line is the
subject, misread marks are respelled by the lexicon, and a list whose label was lost is read."""

from __future__ import annotations

from pathlib import Path

import vbparse

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "real"
UNSEEN = ROOT / "corpus" / "unseen"


def test_quyet_dinh_scan_whose_seal_hid_the_subject_takes_it_from_the_enacting_sentence():
    doc = vbparse.parse(UNSEEN / "vgpqlvb" / "01-2025-QD-TTg_scan.pdf")
    assert doc.subject == (
        "Bãi bỏ toàn bộ Quyết định số 78/2010/QĐ-TTg ngày 30 tháng 11 năm 2010 của Thủ tướng "
        "Chính phủ về mức giá trị hàng hóa nhập khẩu gửi qua dịch vụ chuyển phát nhanh được "
        "miễn thuế"
    )
    assert doc.recipients[0] == "Ban Bí thư Trung ương Đảng"


def test_notice_scan_with_its_subject_beside_the_title_and_an_unlabelled_recipient_list():
    doc = vbparse.parse(UNSEEN / "uitqlcv" / "01-TB-BGH_giam-sat-phong-thi_scan.pdf")
    assert doc.subject is not None
    assert doc.subject.removeprefix("V/v ") == "Tăng cường giám sát trong phòng thi"
    assert doc.recipients == ["Các Khoa, Phòng ban liên quan (để thực hiện)", "Lưu: VT, CTSV"]


def test_typed_text_is_never_respelled(tmp_path):
    # The same trích yếu typed: its words are the writer's, a lint finding at most.
    path = tmp_path / "cv.txt"
    path.write_text(
        "SỞ Y TẾ\nSố: 12/SYT-NVY\nV/v cấp lại giây phép hoạt động\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Kiên Giang, ngày 3 tháng 4 năm 2018\nKính gửi: Các cơ sở khám bệnh\n"
        "Sở Y tế thông báo.\nNơi nhận:\n- Cục Kiêm tra văn bản;\n- Lưu: VT.\nGIÁM ĐỐC\n",
        encoding="utf-8",
    )
    doc = vbparse.parse(path)
    assert doc.subject == "cấp lại giây phép hoạt động"
    assert "Cục Kiêm tra văn bản" in doc.recipients


def test_subject_marks_misread_by_ocr_are_respelled():
    doc = vbparse.parse(REAL / "kgu" / "2128_KH-SYT_scan.pdf")
    assert doc.subject == (
        "Thẩm định cấp, cấp lại giấy phép hoạt động đối với các cơ sở khám bệnh, chữa bệnh "
        "trên địa bàn"
    )
