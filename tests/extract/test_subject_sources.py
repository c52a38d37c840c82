"""The trích yếu on sources the parser was not built on (issue #11): a trade-union công văn that
leads it with a bare "Về", a quoted name the left column wrapped past the right one, a báo cáo
whose bold trích yếu wraps onto a capitalised line, and OCR's marks respelled by the lexicon
without undoing the words the document itself repeats. The documents are those of
corpus/unseen2 (dev) and corpus/unseen (dev); the strings are the lines OCR really gave."""

from __future__ import annotations

from pathlib import Path

import vbparse
from vbparse.extract import respell
from vbparse.pipeline import parse_raw
from vbparse.readers import read
from vbparse.readers.base import Line, PageInfo, RawDocument, Zone

ROOT = Path(__file__).resolve().parents[2]
CDGD = ROOT / "corpus" / "unseen2" / "cdgd"
SO4T = ROOT / "corpus" / "unseen2" / "so4t"


def test_trade_union_cong_van_whose_subject_starts_with_ve_in_the_left_column():
    doc = vbparse.parse(CDGD / "91-CV-CDGD.pdf")
    assert doc.subject == (
        "Về hỗ trợ phổ biến thông tin và tạo điều kiện cho cán bộ, giáo viên, nhân viên vay "
        "tiền tạo lập nhà ở"
    )
    assert doc.doc_type.name == "Công văn"


def test_a_quoted_name_read_after_the_right_column_ends_the_ve_subject():
    doc = vbparse.parse(CDGD / "95-CV-CDGD.pdf")
    assert (
        doc.subject == "Về lấy ý kiến góp ý vào Dự thảo “Chương trình Giáo dục Phổ thông tổng thể”"
    )


def test_a_ve_subject_in_the_body_above_kinh_gui_keeps_the_type_of_the_number():
    doc = vbparse.parse(CDGD / "93-HD-CDGD.pdf")
    assert doc.subject == (
        "Về triển khai giới thiệu chương trình gạo sạch cho Đoàn viên, Nhà giáo, người lao động "
        "trong Ngành Giáo dục và Đào tạo Thành phố"
    )
    assert doc.doc_type.name == "Hướng dẫn"  # 93/HD-CĐGD: no title, the code says it


def test_a_bold_subject_wrapped_onto_a_capitalised_line_is_read_whole():
    doc = vbparse.parse(SO4T / "109-BC-SYT_xet-nghiem.pdf")
    assert doc.subject == (
        "Tình hình triển khai thí điểm ứng dụng phần mềm Quản lý xét nghiệm SARS-Cov-2 tại các "
        "cơ sở y tế trên địa bàn tỉnh Hải Dương"
    )


def test_a_word_respelled_gives_its_neighbours_a_new_pair():
    # unseen/vgpqlvb/03-2025-QD-UBND-PhuTho: "cơ cầu" is a pair, but "cơ cấu tổ" makes two.
    ocr = "Quy định chức năng, nhiệm vụ, quyên hạn và cơ cầu tô chức của Sở Công Thương"
    assert respell.by_lexicon(ocr) == (
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương"
    )


def test_a_word_the_document_repeats_as_read_needs_a_sure_pair():
    # unseen2/ctuet/4427-UBND-NC: the V/v and the body both read "thẻ cán bộ"; "với thể" is a
    # weak pair of the lexicon, "đôi với" a sure misreading of "đối với".
    subject = "triển khai thực hiện Quy định kỹ thuật đôi với thẻ cán bộ, công chức"
    text = (
        "V/v triển khai thực hiện Quy định kỹ thuật đôi với thẻ cán bộ, công chức\n"
        "Ban hành Quy định kỹ thuật đôi với thẻ cán bộ, công chức, viên chức điện tử"
    )
    assert respell.by_lexicon(subject, text) == (
        "triển khai thực hiện Quy định kỹ thuật đối với thẻ cán bộ, công chức"
    )


def _ocr_document(rows: list[tuple[Zone, str]]) -> RawDocument:
    lines = [Line(text, zone=zone) for zone, text in rows]
    return RawDocument("scan.pdf", "pdf", lines, pages=[PageInfo(1, "ocr")])


def test_a_v_v_block_skips_the_issuer_line_ocr_read_into_it():
    # real/kgu/1979_SYT-TCCB_scan: the header lines as OCR gave them; "UBND TỈNH KIÊN GIANG"
    # (the issuer's parent) is read between the V/v and its rest, under the right column.
    left, right, body = Zone.HEADER_LEFT, Zone.HEADER_RIGHT, Zone.BODY
    raw = _ocr_document(
        [
            (left, "SỞ Y TẾ só:1#12 /SYT-TCCB"),
            (left, "V/v báo cáo sô lượng -"),
            (right, "UBND ˆ TỈNH KIÊN, GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (right, "¬ _Đậc Tập - Tự do—~ Hạnh phúc"),
            (right, "Kiên Giang, ngày áy 4b tháng 410 năm 2017"),
            (body, "Hệ sinh tại các cơ sở y tê"),
            (body, "Kính gửi: Các đơn vị trực thuộc tuyến tỉnh, tuyến huyện."),
            (body, "Để có số liệu báo cáo về Bộ Y tế, Sở Y tế đề nghị các đơn vị thông kê."),
        ]
    )
    subject = parse_raw(raw).subject
    assert subject is not None and "UBND" not in subject and "GIANG" not in subject
    assert subject.startswith("báo cáo số lượng") and subject.endswith("tại các cơ sở y tế")


def test_the_gazette_titles_authority_line_is_not_the_subject(tmp_path):
    # real/hpbaotho/ND-37-2007-ND-CP: "NGHỊ ĐỊNH" / "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY …" /
    # "VỀ MINH BẠCH …"; the same title without the number and date on the authority's line.
    raw = read(ROOT / "corpus" / "real" / "hpbaotho" / "ND-37-2007-ND-CP_no-header.doc")
    text = "\n".join(ln.text for ln in raw.lines)
    assert "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007\n" in text
    path = tmp_path / "nd.txt"
    nd = text.replace(" SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007\n", "\n", 1)
    path.write_text(nd, encoding="utf-8")
    assert vbparse.parse(path).subject == "VỀ MINH BẠCH TÀI SẢN, THU NHẬP"
