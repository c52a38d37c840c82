"""The căn cứ list on documents from sources never used to build the parser (corpus/unseen3
dev): every cited document, its number, date and issuer, as the gold lists them."""

from __future__ import annotations

import json
from pathlib import Path

from vbparse.extract.bases import citations_in
from vbparse.pipeline import parse

UNSEEN3 = Path(__file__).resolve().parents[2] / "corpus" / "unseen3"


def _rows(bases: list) -> list[tuple]:
    rows = [
        (b["doc_type"], b["number"], b["symbol"], b["date"], b["issuer"])
        if isinstance(b, dict)
        else (b.doc_type, b.number, b.symbol, b.date, b.issuer)
        for b in bases
    ]
    return sorted(rows, key=str)


def _gold(path: Path) -> list[tuple]:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return _rows(gold["bases"])


def test_a_name_wrapped_at_its_hyphen_keeps_the_sentence_going():
    # "… của Bộ Lao động" / "- Thương binh và Xã hội Hướng dẫn …, thực hiện Kế hoạch số
    # 884/KH-UBND …": the dash line is the name's hyphen, the second citation is in the
    # same sentence.
    path = UNSEEN3 / "tdkt" / "1445-SLDTBXH.pdf"
    assert _rows(parse(path).bases) == _gold(path)


def test_a_proposal_whose_number_and_day_were_left_blank():
    # "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 2753/TTr-STP 28/9/2022 và Giám đốc
    # Sở Nội vụ tại Tờ trình số /TTr-SNV-TĐKT ngày /10/2022."
    path = UNSEEN3 / "tdkt" / "QD-UBND-QuangBinh_bang-khen.doc"
    got = _rows(parse(path).bases)
    assert got == _gold(path)
    assert ("Tờ trình", None, "TTr-SNV-TĐKT", "2022-10", "Giám đốc Sở Nội vụ") in got


def test_ocr_damage_in_a_cited_number_and_issuer():
    # A scan's lines (taydo 539-QD, kgu 3162): the slash lost and Đ read twice, once as the
    # Icelandic Ð; "vê việc" for "về việc" after the issuer; a wrapped line's speck as a dash.
    text = (
        "Căn cứ Quyết định số 07QĐÐ-HĐT-ĐHTĐ ngày 15 tháng 9 năm 2021 của Chủ tịch Hội đồng "
        "trường về việc ban hành Quy chế;"
    )
    (hit,) = citations_in(text)
    assert (hit.base.number, hit.base.symbol, hit.base.date) == ("07", "QĐ-HĐT-ĐHTĐ", "2021-09-15")
    text = (
        "Căn cứ Quyết định số 1125/QĐ-TTg ngày 31 tháng 7 năm 2017 của Thủ tướng Chính phủ vê "
        "việc phê duyệt Chương trình mục tiêu Y tê - Dân sô giai đoạn 2016 - 2020;"
    )
    assert citations_in(text)[0].base.issuer == "Thủ tướng Chính phủ"


def test_the_constitution_after_can_cu_vao():
    # A consolidated law's căn cứ (tdkt 16-VBHN): "Căn cứ vào Hiến pháp … năm 1992 đã được sửa
    # đổi, bổ sung theo Nghị quyết số 51/2001/QH10 …": the constitution by name (a year only:
    # no date) and the resolution that amended it.
    text = (
        "Căn cứ vào Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, "
        "bổ sung theo Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khóa X, "
        "kỳ họp thứ 10;"
    )
    got = [(h.base.doc_type, h.base.number, h.base.date) for h in citations_in(text)]
    assert got == [("Hiến pháp", None, None), ("Nghị quyết", "51", "2001-12-25")]


def test_the_proposer_named_before_the_reference():
    # Scanned quangngai reports: "theo đề xuất của Giám đốc Sở Tài chính tại Công văn số …",
    # "xét đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số …" (a name with
    # a comma), and OCR's "sửa đôi" after an issuer.
    text = (
        "Thực hiện Luật Ngân sách nhà nước ngày 25/6/2015; theo đề xuất của Giám đốc Sở Tài "
        "chính tại Công văn số 4039/STC-HCSN ngày 20/11/2024, UBND tỉnh báo cáo như sau:"
    )
    assert citations_in(text)[-1].base.issuer == "Giám đốc Sở Tài chính"
    text = (
        "Thực hiện Nghị định số 59/2024/NĐ-CP ngày 25/5/2024 của Chính phủ sửa đôi, bỗ sung một "
        "số điều; xét đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số "
        "3298/TTr-SVHTTDL ngày 17/12/2024 về việc xin chủ trương;"
    )
    assert [h.base.issuer for h in citations_in(text)] == [
        "Chính phủ",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
    ]


def test_an_issuer_ends_at_a_title_verb_whose_mark_ocr_changed():
    # Scans' lines (unseen/vgpqlvb 01-2025-QD-TTg, real/kgu 11_GM-SYT): "sửa đối" for "sửa
    # đổi", "vê" alone for "về" start the title, not more of the issuer's name.
    text = (
        "Căn cứ Nghị định só 18/2021/NĐ-CP ngày 11 tháng 3 năm 2021 của Chính phủ sửa đối, bỏ "
        "sung một số điều của Nghị định số 134/2016/NĐ-CP;"
    )
    assert citations_in(text)[0].base.issuer == "Chính phủ"
    text = (
        "Căn cứ Quy định số 897-QĐ/TU ngày 14 tháng 12 năm 2017 của Ban Thường vụ Tỉnh ủy vê "
        "tiêu chuân chức danh, tiêu chí đánh giá cán bộ;"
    )
    assert citations_in(text)[0].base.issuer == "Ban Thường vụ Tỉnh ủy"


def test_a_scanned_issuer_is_respelled_as_the_body_writes_it():
    # real/kgl/11_SYT-GAVI, read afresh: OCR's "UBND tính Kiên Giang" is the body's "tỉnh".
    doc = parse(UNSEEN3.parent / "real" / "kgl" / "11_SYT-GAVI_scan.pdf")
    issuers = {b.number: b.issuer for b in doc.bases}
    assert issuers["596"] == "UBND tỉnh Kiên Giang"


def test_a_scanned_base_symbol_gets_back_the_d_stroke_of_its_type_code():
    # real/kgu/2083_SYT-NVY, read afresh: "Quyết định số 3916/QD-BYT" is the QĐ of its type.
    doc = parse(UNSEEN3.parent / "real" / "kgu" / "2083_SYT-NVY_scan.pdf")
    assert [(b.number, b.symbol) for b in doc.bases] == [("3916", "QĐ-BYT")]
