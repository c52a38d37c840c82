"""General repairs for what scans and real closings do to the cues: each case is a line as OCR or
a converter really gave it (corpus/real), and the whole-document cases parse real files."""

from __future__ import annotations

from pathlib import Path

from vbparse import cues
from vbparse.extract import respell
from vbparse.extract.closing import _drop_scan_tail, _name_in_noise, attachment_start
from vbparse.extract.header import _number_start
from vbparse.extract.refs import parse_number
from vbparse.extract.signer import repair_prefix
from vbparse.pipeline import parse
from vbparse.readers.base import Line

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_wrapped_rest_of_a_fixed_phrase_is_recognised_through_ocr_damage():
    assert cues.continues_fixed_phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VHỆT NAMi")
    assert cues.continues_fixed_phrase("Độc lập Tự do Hạnh", "- - phúc")
    assert not cues.continues_fixed_phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "SỞ Y TẾ")
    assert not cues.continues_fixed_phrase("UBND TỈNH KIÊN GIANG", "VIỆT NAM")


def test_issuer_and_number_run_together_are_cut():
    text = "SỞ Y TẾ l só:.2.16 /T8 -SYT"
    name_end, cue = _number_start(text)
    assert text[:name_end].strip() == "SỞ Y TẾ"
    assert text[cue:].startswith("só:")
    assert _number_start("Số: 12/KH-SYT") is None  # a Số line alone is not cut
    assert _number_start("Căn cứ Quyết định số: 12/QĐ-UBND") is None


def test_type_code_digits_and_eth_read_as_the_letters_they_look_like():
    assert parse_number(".2.16 /T8 -SYT").type_code == "TB"
    assert parse_number("01ÐL-BTC").symbol == "ĐL-BTC"
    assert parse_number("45/2019/QH14").symbol == "QH14"  # a real digit stays


def test_garbled_kt_before_a_heads_title():
    assert repair_prefix("VT-GIÁM ĐỌC") == "KT. GIÁM ĐỌC"
    assert repair_prefix("ZT: GIÁM ĐÓC") == "KT. GIÁM ĐÓC"
    assert repair_prefix("TL. BỘ TRƯỞNG") == "TL. BỘ TRƯỞNG"
    assert repair_prefix("BS. GIÁM ĐỐC") == "BS. GIÁM ĐỐC"  # two letters from KT


def test_scan_tails_of_recipient_items():
    assert _drop_scan_tail("Lưu: VT, bcluan. lŠ/¿ SỐ”").rstrip(".") == "Lưu: VT, bcluan"
    assert _drop_scan_tail("Như trên; H9 GIÁM ( ĐÓC").rstrip(";") == "Như trên"
    assert _drop_scan_tail("Lưu: VT, à< l 2] # h Si") == "Lưu: VT"
    assert _drop_scan_tail("Cục Thống kê tỉnh:") == "Cục Thống kê tỉnh"
    # What reads as words stays: two bodies in one item, archive initials, a "b/c" note.
    assert _drop_scan_tail("GĐ và các PGĐ SYT; VP ĐU") == "GĐ và các PGĐ SYT; VP ĐU"
    assert _drop_scan_tail("Lưu: VT, TCCB, qtram") == "Lưu: VT, TCCB, qtram"
    assert _drop_scan_tail("BGĐ (để b/€)") == "BGĐ (để b/€)"


def test_respelling_by_agreement_with_the_document():
    text = "Sở Y tế đề nghị … Sở Y tế tổng hợp số lượng … báo cáo số lượng về Sở Y tế"
    assert respell.phrase("SỐ Y TẾ", text) == "SỞ Y TẾ"
    assert respell.words("báo cáo sô lượng tại các cơ sở y tê", text + " y tế; y tế") == (
        "báo cáo số lượng tại các cơ sở y tế"
    )
    # A spelling the text never repeats stays as read.
    assert respell.phrase("BỘ Y TẾ", text) == "BỘ Y TẾ"


def test_name_in_noise_is_no_address_nor_sentence():
    lines = [Line("Số 60 Trần Phú - Ba Đình - Thành phố Hà Nội")]
    assert _name_in_noise(lines) is None
    lines = [Line("L] Xử lý nước thải TÏ Sau Đại học, Đại n Xử lý chât thải học, Cao đăng")]
    assert _name_in_noise(lines) is None
    assert _name_in_noise([Line("Đào Ngọc Dung 4 G t 4 4")]) == "Đào Ngọc Dung"
    assert _name_in_noise([Line("Nguyễn Văn Hiếu - “NãyEn Thanh Tú")]) == "Nguyễn Văn Hiếu"


def test_attachment_starts_at_a_heading_not_at_a_sentence_naming_the_republic():
    lines = [
        Line("- Lưu: VT, pvphuc."),
        Line("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua"),
        Line("'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ]
    assert attachment_start(lines, 0) == 2


def test_signer_after_a_rank_and_before_a_web_pages_footer():
    doc = parse(REAL / "vbpl" / "vbpl_doc_000093.html")
    assert doc.signer.name == "Thượng tướng Vũ Hải Sản"  # the rank is part of the name
    assert doc.signer.title == "THỨ TRƯỞNG"  # not "… CƠ SỞ DỮ LIỆU QUỐC GIA" of the footer


def test_a_law_closing_after_a_sentence_naming_the_republic():
    doc = parse(REAL / "phapluat" / "Luat-51-2024-QH15.pdf")
    assert doc.signer.title == "CHỦ TỊCH QUỐC HỘI"
    assert doc.signer.name == "Trần Thanh Mẫn"


_LETTER = """UBND TỈNH KIÊN GIANG
SỞ Y TẾ
Số: 12/SYT-TCCB
V/v báo cáo số lượng hộ sinh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kiên Giang, ngày 12 tháng 12 năm 2017
Kính gửi: Các đơn vị trực thuộc
Sở Y tế đề nghị các đơn vị quan tâm thực hiện./.
{label}
- Lưu: VT, TCCB.
Nguyễn Văn Hải
"""


def test_recipients_label_with_the_other_columns_words_inside(tmp_path):
    """OCR ordered the words of the two closing columns into the label."""
    path = tmp_path / "letter.txt"
    path.write_text(_LETTER.format(label="Nơi - Như nhận: trên;"), encoding="utf-8")
    assert parse(path).recipients == ["Như trên", "Lưu: VT, TCCB"]
    path.write_text(_LETTER.format(label="Nơi GIÁM ĐÓC nhận"), encoding="utf-8")
    doc = parse(path)
    assert doc.recipients == ["Lưu: VT, TCCB"]
    assert doc.signer.title == "GIÁM ĐỐC"
    assert doc.signer.name == "Nguyễn Văn Hải"
