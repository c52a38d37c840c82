"""Nơi nhận and Kính gửi on sources the parser was not built on (issue #11): a scan's doubled
dashes, an item's wrapped end or lone first word given the next item's dash, an item beside the
signer's caption, stray tails after an item's end, the OCR misreadings kept as rows of
cues.SCAN_ITEM_FIXES; a Kính gửi list that wraps, goes on undashed, sits among the header's cells
or is followed by Đồng kính gửi. Each string is one OCR or a converter really gave for a document
of corpus/ (named beside it); the whole documents are parsed at the end."""

from __future__ import annotations

from pathlib import Path

import vbparse
from vbparse import cues
from vbparse.extract.closing import (
    _ITEM_BESIDE_CAPS,
    _drop_scan_tail,
    _recipient_like,
    _scan_item,
    _scan_speck,
    _unbulleted,
    _wraps,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_a_doubled_dash_still_opens_the_archive_item_that_ends_the_list():
    # real/kgl/2253_TB-SYT: "- - Lưu VT,TCCB, …" was read as no archive item, and the table of
    # the annex after it as twenty recipients.
    assert _unbulleted("- - Lưu VT,TCCB, trực nphue. ngành Y tế;").startswith("Lưu VT")
    assert _unbulleted("- Như trên;") == "Như trên;"


def test_a_scans_misplaced_dash_does_not_cut_an_item():
    # unseen2/ctuet/873-TB-DHKTCN: "Các đơn" / "- vị."; real/kgu/1942_KH-SYT: "Các" / "- Phòng …".
    assert _wraps("Các đơn", "- vị.", "vị.", dashed=True, ocr=True)
    assert _wraps("Các", "- Phòng chức năng SYT;", "Phòng chức năng SYT;", dashed=True, ocr=True)
    # real/kgu/01_DL-BTC: "Các cơ quan, …" read "Các cơ đơn vị trực thuộc;" / "- quan,": the
    # misplaced word goes after the ";", where the cleaning drops it.
    assert _wraps("Các cơ đơn vị trực thuộc;", "- quan,", "quan,", dashed=True, ocr=True)
    assert _drop_scan_tail("Các cơ đơn vị trực thuộc; quan,") == "Các cơ đơn vị trực thuộc;"
    # A closed item, a two-word item, a capital letter alone, typed text: a new item.
    assert not _wraps("Như trên;", "- Các đơn vị;", "Các đơn vị;", dashed=True, ocr=True)
    assert not _wraps("Như trên", "- BGĐ SYT;", "BGĐ SYT;", dashed=True, ocr=True)
    assert not _wraps("Y", "- HĐKHCN ngành Y tế;", "HĐKHCN ngành Y tế;", dashed=True, ocr=True)
    assert not _wraps("Các đơn", "- vị.", "vị.", dashed=True, ocr=False)


def test_an_item_beside_the_signers_caption_is_an_item():
    # real/kgu/1972_TB-SYT: the first item lost its dash, "PHÓ GIÁM ĐỐC" read beside it.
    m = _ITEM_BESIDE_CAPS.match("Các đơn vị trực thuộc; @TÁ ĐỐC")
    assert m is not None and m.group("left") == "Các đơn vị trực thuộc;"
    assert _ITEM_BESIDE_CAPS.match("Lưu: VT, TCCB;") is None


def test_what_ocr_reads_after_an_items_end_is_dropped_when_no_item_opens_there():
    cases = {
        "Như trên; dế IÁM hé": "Như trên;",  # real/kgu/1979_SYT-TCCB
        "TCCB; x7 Xn": "TCCB;",  # real/kgu/11_GM-SYT
        "Website Sở Y tế; KIÊN 2% 6": "Website Sở Y tế;",  # real/kgu/2016_TB-SYT
        "Lưu: VT, TTra. cử 13": "Lưu: VT, TTra.",  # unseen2/cdgd/113-BKHCN-TTra
        "Lưu: VT, ttloc. Giang": "Lưu: VT, ttloc.",  # real/kgu/2016_TB-SYT, the seal's word
    }
    for read, item in cases.items():
        assert _drop_scan_tail(read) == item
    # A "." OCR read for a ",", further items after a ";", the drafter's initials: kept.
    for kept in ("Phòng Y tế huyện,thị. thành phố;", "VP Sở; TTra Sở; NVY;", "Lưu: VT. nphue"):
        assert _drop_scan_tail(kept) == kept


def test_ocr_misreadings_of_items_are_rows_of_the_cue_table():
    assert _scan_item("Lưu: VI") == "Lưu: VT"  # unseen2/so4t/68-KH-UBND-HaiPhong
    assert _scan_item("Như mục lI") == "Như mục II"  # real/kgu/2119_KH-SYT
    # real/kgl/2268_BC-SYT: a colon before the ";", letters of other alphabets from a seal
    assert _scan_item("GĐ và các PGĐ SYT:; VP ĐU }ƑWebse m") == "GĐ và các PGĐ SYT; VP ĐU"
    assert _scan_item("Lưu: VIP, VT") == "Lưu: VIP, VT"
    assert _scan_speck("KH ñ")  # real/kgu/1945_SYT-NVY, beside "Kính gửi:"
    assert not _scan_speck("Các Trung tâm Y tế")


def test_a_recipients_label_ocr_misread_is_read_only_with_its_colon():
    assert cues.RECIPIENTS_IN_CLOSING.match("¿Với nhận:")  # real/kgu/2004_KH-SYT-CDN
    assert cues.RECIPIENTS_IN_CLOSING.match("Nơi nhận:")
    assert not cues.RECIPIENTS_IN_CLOSING.match("Với nhận thức đó, các đơn vị")


def test_items_that_lost_their_dash_show_by_their_purpose_or_their_own_list():
    # unseen2/so4t/395-KH-STTTT, cdgd/91-CV-CDGD, so4t/2919-BTTTT-TBDCB as a converter that
    # drops bullets gives them (vbparse eval --variants, dashes_dropped)
    assert _recipient_like("UBND tỉnh (để b/c)")
    assert _recipient_like("BTV Đảng ủy Sở GDĐT } để báo cáo")
    assert _recipient_like("BCHCĐGDTP “Để phối hợp”")
    assert _recipient_like(
        "Các Cục: Báo chí; Phát thanh truyền hình và Thông tin điện tử; Xuất bản, In và Phát "
        "hành; Thông tin cơ cở; Thông tin đối ngoại."
    )
    for signer_line in ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Đức Long", "(Đã ký)"):
        assert not _recipient_like(signer_line)


def test_a_list_whose_dashes_a_converter_dropped_reads_as_the_dashed_one(tmp_path):
    from vbparse.readers import read
    from vbparse.readers.base import Zone
    from vbparse.variants import dashes_dropped

    path = CORPUS / "unseen2" / "so4t" / "395-KH-STTTT_tuyen-truyen.docx"
    lines = [ln for ln in read(path).lines if ln.zone is not Zone.META]
    damaged = tmp_path / "dashes_dropped.txt"
    damaged.write_text(dashes_dropped(lines), encoding="utf-8")
    clean = vbparse.parse(path).recipients
    assert clean[0] == "UBND tỉnh (để b/c)"
    assert vbparse.parse(damaged).recipients == clean


def test_kinh_gui_list_wrapped_and_ended_before_the_body():
    # A dashed item wrapped onto an undashed line ("… trực thuộc" / "Trung ương.").
    doc = vbparse.parse(CORPUS / "unseen2" / "so4t" / "2919-BTTTT-TBDCB.pdf")
    assert doc.addressees == [
        "Các bộ, ngành, cơ quan Trung ương",
        "Các Tổ chức chính trị - xã hội",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]
    # A Kính gửi item, then the body's dashed căn cứ and details: not addressees.
    doc = vbparse.parse(CORPUS / "real" / "phuocbuu" / "TTr-DTN_THPT-BungRieng.pdf")
    assert doc.addressees == ["Hội Cha mẹ học sinh trường THPT Bưng Riềng"]


def test_dong_kinh_gui_adds_to_the_addressees():
    doc = vbparse.parse(CORPUS / "real" / "hungnm92" / "7169_VPCP-NC.doc")
    assert doc.addressees == [
        "Bộ Công an",
        "Bộ Thông tin và Truyền thông",
        "Ban Tuyên giáo Trung ương",
    ]


def test_kinh_gui_a_scan_set_among_the_header_cells():
    # "Kính gửi:" read in the left column, its addressee after the Quốc hiệu, Tiêu ngữ and date.
    doc = vbparse.parse(CORPUS / "unseen2" / "ctuet" / "4427-UBND-NC_CanTho_scan.pdf")
    assert doc.addressees == ["Giám đốc Sở Nội vụ"]


def test_scanned_items_lose_a_ligature_a_stray_dot_and_a_period_read_for_a_comma():
    # real/kgu/2004_KH-SYT-CDN: "Bạn"/"Bệ" for the "Ban"/"Bộ" of a body's name, periods for the
    # commas of "Các phòng, ban, đơn vị"; unseen3/taydo/561-TB-DHTD: an underscore after the dash.
    assert _scan_item("Bạn VSTB PN Bệ Y tẻ:") == "Ban VSTB PN Bộ Y tế"
    assert _scan_item("Các phòng. ban. đơn vị trực thuộc:") == "Các phòng, ban, đơn vị trực thuộc"
    assert _scan_item("Phòng Y tế huyện,thị. thành phố;") == "Phòng Y tế huyện,thị, thành phố;"
    assert _scan_item("_ Lưu: VT, TC-HC.") == "Lưu: VT, TC-HC."
    assert _scan_item("Lưu: VT. nphue") == "Lưu: VT. nphue"  # the drafter's initials stay
    # real/kgl/2268_BC-SYT, real/kgl/29_SYT-KHTC: the separator after the archive's VT misread
    assert _scan_item("Lưu: VT: KHTC") == "Lưu: VT; KHTC"
    assert _scan_item("Lưu VT.pxphong") == "Lưu VT,pxphong"
    # The whole scan, read afresh: "TCŒB" (a C read as the ligature) is the archive's TCCB.
    doc = vbparse.parse(CORPUS / "real" / "kgl" / "2276_TB-SYT_scan.pdf")
    assert doc.recipients[-1] == "Lưu: VT,TCCB, nphue"
