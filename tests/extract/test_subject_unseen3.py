"""The trích yếu on the dev sources of corpus/unseen3 (issue #11): a thông báo whose bold trích
yếu ends on "… trong thời gian đến" above a body paragraph in regular type; a công văn whose
converter ran the Số, the place-date and the V/v onto one line; a scan whose V/v OCR read
"V⁄%"; a scan where OCR set a piece of the first "Căn cứ" apart under the trích yếu. The scans'
strings are the lines OCR really gave."""

from __future__ import annotations

from pathlib import Path

import vbparse
from vbparse.pipeline import parse_raw
from vbparse.readers.base import Line, PageInfo, RawDocument, Zone

QUANGNGAI = Path(__file__).resolve().parents[2] / "corpus" / "unseen3" / "quangngai"
LEFT, RIGHT, BODY = Zone.HEADER_LEFT, Zone.HEADER_RIGHT, Zone.BODY


def _ocr_document(rows: list[tuple[Zone, str]]) -> RawDocument:
    lines = [Line(text, zone=zone) for zone, text in rows]
    return RawDocument("scan.pdf", "pdf", lines, pages=[PageInfo(1, "ocr")])


def test_a_bold_subject_ends_where_the_body_in_regular_type_starts():
    doc = vbparse.parse(QUANGNGAI / "11-TB-UBND_QISC.pdf")
    assert doc.subject is not None and doc.subject.endswith(
        "Kinh doanh dịch vụ Quảng Ngãi trong thời gian qua và nhiệm vụ trọng tâm trong thời gian đến"
    )
    assert "Ngày 03/01/2025" not in doc.subject


def test_a_v_v_run_onto_the_so_and_place_date_line_is_cut_off():
    doc = vbparse.parse(QUANGNGAI / "507-UBND-KGVX_gop-y.pdf")
    assert doc.subject == (
        "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg về "
        "Chương trình cung cấp dịch vụ viễn thông công ích"
    )
    assert doc.issued.date == "2025-01-24" and doc.issued.place == "Quảng Ngãi"
    assert doc.addressees == ["Sở Thông tin và Truyền thông"]


def test_a_v_v_ocr_read_with_a_fraction_slash_and_a_percent_sign():
    # unseen3/taydo/1135-DHTD_scan
    raw = _ocr_document(
        [
            (LEFT, "BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
            (LEFT, "TRƯỜNG ĐẠI HỌC TÂY ĐÔ"),
            (LEFT, "Só:4137/ĐHTĐ"),
            (LEFT, "V⁄% Góp ý dự thảo Quy chế văn bằng, chứng chỉ của hệ thống GDQD"),
            (RIGHT, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (RIGHT, "Độc lập - Tự do - Hạnh phúc"),
            (RIGHT, "Cân Thơ, ngày:9⁄4 tháng4O năm 2025"),
            (BODY, "Kính gửi: Cục Quản lý chất lượng - Bộ Giáo dục và Đào tạo."),
            (BODY, "Thực hiện Công văn số 6576/BGDĐT-QLCL, ngày 17/10/2025 của Cục trưởng."),
        ]
    )
    doc = parse_raw(raw)
    assert doc.subject == "Góp ý dự thảo Quy chế văn bằng, chứng chỉ của hệ thống GDQD"
    assert doc.doc_type.name == "Công văn"


def test_a_piece_of_the_first_can_cu_ocr_set_apart_is_not_the_subjects_last_line():
    # unseen3/taydo/1134-KH-DHTD_scan: "Căn cứ Kế hoạch số 04/… ngày 29/05/2024 của Hội đồng
    # trường về việc …" read as two lines, its middle first.
    raw = _ocr_document(
        [
            (LEFT, "TRƯỜNG ĐẠI HỌC TÂY ĐÔ"),
            (LEFT, "Só:413)/KH-ĐHTĐ"),
            (RIGHT, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (RIGHT, "Độc lập - Tự do - Hạnh phúc"),
            (RIGHT, "Cân Thơ, ngày©)l\\ tháng|O năm 2025"),
            (BODY, "KÉ HOẠCH"),
            (
                BODY,
                "Về việc xây dựng quyền giới thiệu về Trường Đại học Tây Đô bằng tiếng Anh nhân "
                "dịp kỷ niệm 20 năm thành lập Trường Đại học Tây Đô (09/3/2006 - 09/3/2026)",
            ),
            (BODY, "Kế số 29/05/2024 của Hội đồng trường về"),
            (
                BODY,
                "Căn cứ hoạch 04/KH- HĐT-ĐHTĐ ngày việc triển khai các sự kiện chào mừng và tổ "
                "chức Lễ kỷ niệm 20 năm thành lập Trường Đại học Tây Đô (09/3/2006 - 09/3/2026);",
            ),
            (BODY, "I. MỤC ĐÍCH"),
        ]
    )
    subject = parse_raw(raw).subject
    assert subject is not None and subject.endswith("(09/3/2006 - 09/3/2026)")
    assert "29/05/2024" not in subject
