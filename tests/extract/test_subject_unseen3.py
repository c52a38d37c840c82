"""The trích yếu and the Kính gửi on new sources (issue #11). From the dev sources of
corpus/unseen3: a thông báo whose bold trích yếu ends on "… trong thời gian đến" above a body
paragraph in regular type; a công văn whose converter ran the Số, the place-date and the V/v onto
one line; a scan whose V/v OCR read "V⁄%"; a scan where OCR set a piece of the first "Căn cứ"
apart under the trích yếu. From corpus/real dev scans, two repairs of OCR by agreement with the
text: words run together, a cited number that lost its slash. And real documents as other
converters or offices give them: a title run onto its trích yếu (in sentence case, or at a
capital "VỀ"), "Kính gởi", a thông báo as plain text (its dated opening sentence, a name wrapped
between its acronyms). The scans' strings are the lines OCR really gave."""

from __future__ import annotations

from pathlib import Path

import vbparse
from vbparse.extract import respell
from vbparse.pipeline import parse_raw
from vbparse.readers import read
from vbparse.readers.base import Line, PageInfo, RawDocument, Zone

ROOT = Path(__file__).resolve().parents[2]
QUANGNGAI = ROOT / "corpus" / "unseen3" / "quangngai"
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


def test_two_words_ocr_ran_together_are_parted_as_the_text_writes_them():
    # real/kgl/18_SYT-VP_scan: the V/v's last words read "Bộ Ytê"; the body writes "Bộ Y tế".
    subject = "triển khai Thông tư số 48/2017/TT-BYT ngày 28/12/2017của Bộ Ytê"
    text = (
        "V/v triển khai Thông tư số 48/2017/TT-BYT ngày 28/12/2017của Bộ Ytê\n"
        "Sở Y tế nhận được Thông tư số 48/2017/TT-BYT ngày 28/12/2017 của Bộ Y tế về việc …\n"
        "Giám đốc Sở Y tế chỉ đạo các cơ sở khám bệnh, chữa bệnh bảo hiểm y tế (đính kèm).\n"
        "xem xét, tổng hợp, báo cáo Bộ Y tê/.U/"
    )
    parted = respell.unglued(subject, text)
    assert parted.endswith("của Bộ Y tê")
    assert respell.words(parted, text).endswith("của Bộ Y tế")
    # An acronym in capitals stays whole even where OCR also read it apart ("GA VI", "GAVI").
    assert respell.unglued("thuộc DA GAVI", "Kế hoạch số 04/KH-GA VI\ndo GA VI tài trợ") == (
        "thuộc DA GAVI"
    )


def test_a_cited_number_gets_back_the_slash_the_body_writes():
    # real/kgl/513_SYT-NVD_scan_signed: the V/v reads "455SYT-NVD", the body "455/SYT-NVD".
    subject = "đính chính Công văn số 455SYT-NVD ngày 17/4/2018 của Sở Y tế"
    text = f"V/v {subject}\nSở Y tế Kiên Giang có ban hành Công văn số 455/SYT-NVD về việc …"
    assert respell.cited_numbers(subject, text) == (
        "đính chính Công văn số 455/SYT-NVD ngày 17/4/2018 của Sở Y tế"
    )
    assert respell.cited_numbers(subject, f"V/v {subject}") == subject  # no slash to agree with


def test_a_title_run_onto_its_trich_yeu_in_sentence_case_is_cut(tmp_path):
    # corpus/seed/kh-36-thbtd as a converter that loses the line break under the title gives it:
    # "KẾ HOẠCH Triển khai công tác dân vận …" on one line.
    seed = (ROOT / "corpus" / "seed" / "kh-36-thbtd.txt").read_text(encoding="utf-8")
    assert "KẾ HOẠCH\n\nTriển khai công tác dân vận" in seed
    path = tmp_path / "kh.txt"
    path.write_text(seed.replace("KẾ HOẠCH\n\nTriển khai", "KẾ HOẠCH Triển khai", 1), "utf-8")
    doc = vbparse.parse(path)
    assert doc.doc_type.name == "Kế hoạch"
    assert doc.subject == vbparse.parse(ROOT / "corpus" / "seed" / "kh-36-thbtd.txt").subject
    assert doc.subject == (
        "Triển khai công tác dân vận của chính quyền và quy chế dân chủ ở Trường Tiểu học "
        "Bình Trung Đông"
    )


def test_kinh_goi_the_southern_spelling_opens_the_addressees(tmp_path):
    # real/hungnm92/7169_VPCP-NC with "Kính gửi" spelled "Kính gởi", as southern offices write it.
    source = ROOT / "corpus" / "real" / "hungnm92" / "7169_VPCP-NC.doc"
    text = "\n".join(ln.text for ln in read(source).lines)
    assert text.count("Kính gửi") == 1
    path = tmp_path / "cv.txt"
    path.write_text(text.replace("Kính gửi", "Kính gởi"), encoding="utf-8")
    addressees = vbparse.parse(path).addressees
    assert addressees[:3] == [
        "Bộ Công an",
        "Bộ Thông tin và Truyền thông",
        "Ban Tuyên giáo Trung ương",
    ]
    assert addressees == vbparse.parse(source).addressees


def test_the_dated_sentence_opening_the_body_ends_the_subject_where_no_weight_is_known(tmp_path):
    # unseen3/quangngai/11-TB-UBND_QISC as plain text (no bold to tell the trích yếu from the
    # body): "… trong thời gian đến" / "Ngày 03/01/2025, Phó Chủ tịch … chủ trì họp …".
    source = QUANGNGAI / "11-TB-UBND_QISC.pdf"
    path = tmp_path / "tb.txt"
    path.write_text("\n".join(ln.text for ln in read(source).lines), encoding="utf-8")
    subject = vbparse.parse(path).subject
    assert subject == vbparse.parse(source).subject
    assert subject is not None and subject.endswith("trong thời gian đến")


def test_a_title_run_onto_its_trich_yeu_in_capitals_is_cut_at_ve(tmp_path):
    # real/hpbaotho/ND-37-2007-ND-CP with its title block on one line, as a converter may give it:
    # "NGHỊ ĐỊNH VỀ MINH BẠCH TÀI SẢN, THU NHẬP" (the authority's line with the number left out).
    source = ROOT / "corpus" / "real" / "hpbaotho" / "ND-37-2007-ND-CP_no-header.doc"
    lines = [ln.text for ln in read(source).lines]
    assert lines[:3] == [
        "NGHỊ ĐỊNH",
        "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007",
        "VỀ MINH BẠCH TÀI SẢN, THU NHẬP",
    ]
    path = tmp_path / "nd.txt"
    path.write_text("\n".join([f"{lines[0]} {lines[2]}", *lines[3:]]), encoding="utf-8")
    doc = vbparse.parse(path)
    assert doc.doc_type.name == "Nghị định"
    assert doc.subject == "VỀ MINH BẠCH TÀI SẢN, THU NHẬP"
