"""The signer's name as printed (issue #11): a rank or degree written before it is part of it,
in its correct spelling when OCR damaged the rank's marks (corpus/real, corpus/unseen)."""

from __future__ import annotations

import json
from pathlib import Path

import vbparse
from vbparse import cues

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "real"
UNSEEN = ROOT / "corpus" / "unseen"


def _gold_name(path: Path) -> str:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["signer"]["name"]


def _assert_signer(path: Path, *fields: str) -> None:
    """The parse gives these signer fields of the document's gold file."""
    signer = vbparse.parse(path).signer
    g = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["signer"]
    assert {f: getattr(signer, f) for f in fields} == {f: g[f] for f in fields}


def test_a_rank_printed_before_the_name_is_kept():
    path = REAL / "vbpl" / "vbpl_doc_000093.html"  # "Thượng tướng Vũ Hải Sản"
    signer = vbparse.parse(path).signer
    assert signer.name == _gold_name(path) == "Thượng tướng Vũ Hải Sản"
    assert signer.rank == "Thượng tướng"  # also on its own


def test_a_degree_printed_before_the_name_is_kept():
    path = REAL / "hungnm92" / "213_TB-DTII.docx"  # "Th.s Bùi Đình Thiện"
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_a_rank_whose_marks_ocr_damaged_is_respelled():
    path = UNSEEN / "ldvbai" / "TTr-CAT-PC04_badfont.pdf"  # read "Thiêu tướng Trương Minh Đương"
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_rank_and_degree_cues():
    assert cues.rank_prefix("Thiểu tướng Ngô Thanh Bình") == ("Thiếu tướng", "Ngô Thanh Bình")
    assert cues.rank_prefix("PGS.TS. Lê Thị Minh Đức") == ("PGS.TS.", "Lê Thị Minh Đức")
    assert cues.rank_prefix("BS. Phạm Minh Huệ") == ("BS.", "Phạm Minh Huệ")
    assert cues.rank_prefix("Trung Văn Lê") is None  # a name, no rank
    assert cues.rank_suffix("CỤC TRƯỞNG Thiêu tướng") == ("CỤC TRƯỞNG", "Thiếu tướng")
    assert cues.is_person_name("TS.Trương Minh Chuẩn")


def test_sample_signature_blocks_of_a_format_guide_are_not_its_closing(context_before):
    # A Party guide on the format shows sample blocks ("T/M ĐOÀN CHỦ TỊCH (chữ ký) Họ và tên")
    # in its body; its own closing is the later one with Nơi nhận and "K/T CHÁNH VĂN PHÒNG".
    path = UNSEEN / "ldvbai" / "36-HD-VPTW.doc"
    ctx = context_before(path, "bases")
    assert ctx.closing_start is not None
    assert cues.RECIPIENTS_LABEL.match(ctx.lines[ctx.closing_start].text)
    _assert_signer(path, "authority", "title", "name")


def test_two_signers_run_together_give_the_first_with_a_known_title():
    # Công đoàn ngành and Sở Y tế sign side by side; OCR ran their lines together:
    # "CHỦ TỊCH GIÁM ĐỐC" / "Hà Văn Phúc Lê Hoàng Anh".
    path = REAL / "kgu" / "2004_KH-SYT-CDN_scan.pdf"
    _assert_signer(path, "title", "name")


def test_a_seal_word_under_a_scans_name_is_not_the_names_rest():
    path = REAL / "kgu" / "4394_QD-SYT_scan.pdf"  # "LêHoàngAnh" / "Xã" (the seal's)
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_signing_prefixes_in_every_spelling():
    spelt = {
        "KT. GIÁM ĐỐC": "KT.",
        "K/T CHÁNH VĂN PHÒNG": "KT.",
        "K.T. HIỆU TRƯỞNG": "KT.",
        "KT GIÁM ĐỐC": "KT.",  # the dot lost
        "T/M ĐOÀN CHỦ TỊCH": "TM.",
        "TM.ỦY BAN NHÂN DÂN": "TM.",
        "T.L BỘ TRƯỞNG": "TL.",
        "TUQ. CHỦ TỊCH": "TUQ.",
        "Q. HIỆU TRƯỞNG": "Q.",
    }
    for text, prefix in spelt.items():
        assert cues.sign_prefix(text) == prefix, text
    for text in ("Kt quả", "KTX HÀ NỘI", "Quyết định", "TM"):
        assert cues.sign_prefix(text) is None, text


def test_an_abbreviated_deputy_title_is_kept_as_written():
    from vbparse.extract import signer

    # uitqlcv's notice prints "P. HIỆU TRƯỞNG" under a handwritten "KT." before "HIỆU TRƯỞNG".
    g = json.loads(
        (UNSEEN / "uitqlcv" / "01-TB-BGH_giam-sat-phong-thi_scan.gold.json").read_text("utf-8")
    )["signer"]
    best = signer.best_title([g["authority"], g["title"]])
    assert best is not None and best.value == g["title"] == "P. HIỆU TRƯỞNG"
    damaged = signer.best_title(["KT. GIÁM ĐỐC", "P.GIÁM ĐÓC"])
    assert damaged is not None and damaged.value == "P.GIÁM ĐỐC"


def test_a_surname_ocr_set_on_the_line_under_the_name_is_rejoined():
    path = REAL / "kgu" / "1979_SYT-TCCB_scan.pdf"  # "Văn Hải" / "Nguyễn"
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_a_surname_read_at_the_end_of_the_seals_noise_is_rejoined():
    # The signer block read again from the page image: "hi Tân" / "Duy Đông".
    path = UNSEEN / "vgpqlvb" / "03-2025-QD-UBND-PhuTho_scan.pdf"
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_the_first_of_a_joint_signature_table_above_noi_nhan():
    # Six signers in a table above Nơi nhận: "KT. BỘ TRƯỞNG" / "BỘ CÔNG AN" / "THỨ TRƯỞNG" /
    # "(Đã ký)" / "Thượng tướng Lê Quốc Hùng", then five more blocks.
    path = REAL / "vbpl" / "vbpl_doc_000192_TTLT-29-2025.html"
    _assert_signer(path, "authority", "title", "name")


def test_signatures_printed_above_noi_nhan_on_a_scan():
    # A joint programme: two signers side by side over the Nơi nhận list; OCR read their names
    # as one line with the seal's noise between them ("Nguyễn Văn Lên “n Thiện Phú").
    path = UNSEEN / "agqlcv" / "154-CTPH-LDLD-SVHTTDL_scan.pdf"
    assert vbparse.parse(path).signer.name == _gold_name(path)


def test_a_signer_block_with_neither_noi_nhan_nor_end_mark_before_an_attachment():
    from vbparse.extract.closing import find_closing, read_signer
    from vbparse.pipeline import new_context
    from vbparse.readers import RawDocument
    from vbparse.readers.base import Line

    # phapluat/TB-02-2023-TB-LPQT.pdf (17 image pages, slow to OCR here): its first page as OCR
    # reads it, then the treaty the notice announces, with its own Quốc hiệu.
    texts = [
        "BỘ NGOẠI GIAO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự đo - Hạnh phúc",
        "THÔNG BẢO",
        "Về việc điều ước quốc tế có hiệu lực",
        "Bộ Ngoại giao trân trọng gửi bản sao Nghị định thư theo quy định tại",
        "Điều 59 của Luật nêu trên",
        "TL. BỌ TRƯỞNG",
        "KT. VỤ TRƯỜNG",
        "VỤ LUẬT PHÁP VÀ ĐIÊU ƯỚC QUỐC TẺ",
        "PHÓ VỤ TRƯỜNG",
        "Nguyễn Lương Ngọc",
        "NGHỊ ĐỊNH THƯ",
        "CHÍNH PHỦ NƯỚC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Căn cứ Hiệp định về hợp tác song phương giữa Chính phủ nước",
    ]
    ctx = new_context(RawDocument(path="x.txt", format="txt", lines=[Line(t) for t in texts]))
    ctx.header_end = 5
    find_closing(ctx)
    assert ctx.closing_start == texts.index("TL. BỌ TRƯỞNG")
    read_signer(ctx, ctx.lines[ctx.closing_start : ctx.closing_start + 5])
    g = json.loads(
        (REAL / "phapluat" / "TB-02-2023-TB-LPQT.gold.json").read_text(encoding="utf-8")
    )["signer"]
    assert ctx.doc.signer.name == g["name"]
    assert ctx.doc.signer.title == g["title"]
    # Both prefixes kept, each line respelled on its own (typed here: the body line joins it).
    assert ctx.doc.signer.authority.startswith("TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG VỤ LUẬT PHÁP")


def test_a_digital_signatures_stamp_names_the_signer_whose_name_line_was_lost(tmp_path):
    from vbparse.readers import Zone, read

    # A real Sở công văn as text, its name line lost (as under a seal) and the visible stamp of
    # its digital signature kept above the header, as e-office PDFs print it.
    path = REAL / "phuocbuu" / "4646_SGDDT-TCCB_bo-nhiem-CDNN.pdf"
    name = _gold_name(path)
    lines = [ln.text for ln in read(path).lines if ln.zone is not Zone.META]
    assert name in lines
    stamp = f"Người ký: {name} Cơ quan: Sở Giáo dục và Đào tạo Thời gian ký: 10.10.2025"
    text = "\n".join([stamp, *(t for t in lines if t != name)]) + "\n"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    assert vbparse.parse(tmp_path / "doc.txt").signer.name == name
    assert cues.ESIGN_SIGNER.search("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ") is None


def test_a_title_ocr_set_above_noi_nhan_is_the_signers():
    # The right column's "GIÁM ĐỎC" read just above "Nơi nhận:", the name under the list.
    path = REAL / "hpbaotho" / "TB-STTTT_BenTre_gioi-thieu-chu-ky_scan.pdf"
    _assert_signer(path, "title", "name")


def test_the_leftmost_block_of_a_signature_table_without_noi_nhan():
    # Five bodies sign a TTLT; no Nơi nhận: the left column holds signers, the first is given
    # ("KT. CHÁNH ÁN TÒA ÁN NHÂN DÂN TỐI CAO PHÓ CHÁNH ÁN" / "Nguyễn Trí Tuệ").
    path = REAL / "phapluat" / "TTLT-01-2022-TTLT-VKSNDTC-TANDTC-BCA-BQP-BLDTBXH.pdf"
    _assert_signer(path, "authority", "title", "name")


def test_a_cut_title_set_above_noi_nhan_is_respelled():
    # "ÁNH THANH TRA" read above "Nơi nhận: TIỀN" (the seal over "CH" of "CHÁNH").
    path = REAL / "kgu" / "09_KH-TTra_scan.pdf"
    _assert_signer(path, "title", "name")


def test_an_annexs_signature_table_does_not_win_over_the_closing_before_it():
    from dataclasses import replace

    from vbparse.pipeline import parse_raw
    from vbparse.readers import Zone, read
    from vbparse.readers.base import Line

    # A real notice whose closing table extraction flattened (as a .doc converter may), then an
    # annex (a sample form) whose own signature table kept its zones.
    path = REAL / "hungnm92" / "213_TB-DTII.docx"
    raw = read(path)
    closing = (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)
    flat = [replace(ln, zone=Zone.BODY) if ln.zone in closing else ln for ln in raw.lines]
    annex = [
        Line("PHỤ LỤC"),
        Line("MẪU ĐƠN ĐĂNG KÝ"),
        Line("Nơi nhận:", zone=Zone.CLOSING_LEFT),
        Line("- Lưu: VT.", zone=Zone.CLOSING_LEFT),
        Line("TRƯỞNG PHÒNG", zone=Zone.CLOSING_RIGHT),
        Line("Trần Văn Bình", zone=Zone.CLOSING_RIGHT),
    ]
    doc = parse_raw(replace(raw, lines=flat + annex))
    assert doc.signer.name == _gold_name(path)
