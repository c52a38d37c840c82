"""The outline component alone: given the lines between the opening and the closing, it fills
the section tree (ids, kinds, headings, text, spans), the preamble and the conclusion."""

from __future__ import annotations

import json
from pathlib import Path

from vbparse.extract import outline
from vbparse.pipeline import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED = CORPUS / "seed" / "kh-36-thbtd.txt"
DECREE = CORPUS / "docs" / "file_data_45.md"  # Điều → khoản → điểm


def test_a_plans_roman_sections_numbered_items_and_lost_dashes(context_before):
    ctx = context_before(SEED, "outline")
    assert ctx.doc.sections == []
    outline.extract(ctx)
    doc = ctx.doc
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH – YÊU CẦU"),
        ("II", "NHIỆM VỤ TRỌNG TÂM"),
        ("III", "GIẢI PHÁP THỰC HIỆN"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
        ("V", "TIẾN ĐỘ THỰC HIỆN"),
    ]
    assert [c.id for c in doc.sections[1].children] == [f"II.{k}" for k in range(1, 7)]
    assert [c.id for c in doc.sections[0].children] == ["I-1", "I-2", "I-3"]  # dashed items
    leaders = doc.sections[3].children[0]
    assert leaders.heading == "Lãnh đạo nhà trường" and len(leaders.children) == 4
    # The căn cứ and the issuing sentence open the text; "Trên đây là …" closes it.
    assert doc.preamble is not None and doc.preamble.startswith("Thực hiện kế hoạch số 253/KH-GDĐT")
    assert doc.conclusion is not None and doc.conclusion.startswith("Trên đây là Kế hoạch")
    assert not any("Trên đây" in (s.text or "") for s in doc.walk_sections())


def test_a_decrees_articles_clauses_and_points(context_before):
    ctx = context_before(DECREE, "outline")
    outline.extract(ctx)
    articles = ctx.doc.sections
    assert [s.id for s in articles[:5]] == [f"Điều {k}" for k in range(1, 6)]
    assert all(s.kind == "article" for s in articles)
    assert articles[0].heading == "Phạm vi điều chỉnh"
    scope = articles[1]
    assert scope.heading == "Đối tượng áp dụng"
    assert [c.id for c in scope.children] == ["Điều 2.1", "Điều 2.2"]
    assert [p.id for p in scope.children[0].children][:3] == [
        "Điều 2.1.a",
        "Điều 2.1.b",
        "Điều 2.1.c",
    ]
    assert scope.children[0].children[0].text.startswith("Đã phục viên, xuất ngũ, thôi việc")
    # Spans point into the document; a section ends where its last child does.
    line = ctx.lines[[ln.index for ln in ctx.lines].index(scope.span.line)]
    assert line.text.startswith("Điều 2")
    assert scope.end_line is not None and scope.end_line >= scope.children[-1].span.line


def _gold_ids(path: Path) -> list[str]:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return [s["id"] for s in gold["sections_top"]]


def test_ocr_damaged_roman_headings_fill_the_gap_in_their_sequence():
    # "HI. NỘI DUNG PHỐI HỢP" between "II." and "IV." (issue #11, a scanned programme).
    path = CORPUS / "unseen" / "agqlcv" / "154-CTPH-LDLD-SVHTTDL_scan.pdf"
    sections = parse(path).sections
    assert [s.id for s in sections] == _gold_ids(path) == ["I", "II", "III", "IV", "V"]
    assert sections[2].heading is not None and sections[2].heading.startswith("NỘI DUNG")
    # "II." read for III, "V," for V, "VHI." for VIII in a contest's rules.
    rules = CORPUS / "real" / "kgu" / "01_DL-BTC_scan.pdf"
    assert [s.id for s in parse(rules).sections] == _gold_ids(rules)


def test_a_repeated_roman_label_in_lower_case_stays_an_item():
    # "I. NHIỆM VỤ, BIỆN PHÁP" read for II becomes II; "I. Nhiệm vụ" under it (a "1." read as
    # "I.") is written unlike the roman headings and is not taken for III.
    path = CORPUS / "real" / "kgu" / "2004_KH-SYT-CDN_scan.pdf"
    sections = parse(path).sections
    assert [s.id for s in sections] == _gold_ids(path)
    assert sections[1].heading == "NHIỆM VỤ, BIỆN PHÁP"


def test_a_tables_row_number_is_not_the_item_due():
    # "3 Cho phép tra cứu kết quả …", a row of a table inside item 1.1 of a report, is no item 3:
    # the report's own "2. Kết quả thực hiện" and "3. Đánh giá, nhận xét" follow.
    path = CORPUS / "unseen2" / "so4t" / "109-BC-SYT_xet-nghiem.pdf"
    sections = parse(path).sections
    assert [s.id for s in sections] == _gold_ids(path) == ["1", "2", "3", "4"]
    assert sections[2].heading == "Đánh giá, nhận xét" and sections[2].role == "situation"


def test_a_roman_heading_without_its_dot_and_a_wrapped_address():
    # A scanned notice: "II QUY ĐỊNH VỀ NHẬN BẰNG …" lost its dot; a table row "II Kỹ thuật hệ
    # thống …" above it is not a heading in capitals.
    notice = CORPUS / "unseen2" / "ctuet" / "873-TB-DHKTCN_scan.pdf"
    assert [s.id for s in parse(notice).sections] == _gold_ids(notice) == ["I", "II"]
    # A scanned letter: "… quận" / "I- TP.Hồ Chí Minh)." is an address that wrapped, not a
    # first roman heading after "1.".
    letter = CORPUS / "unseen2" / "cdgd" / "113-BKHCN-TTra_scan.pdf"
    assert [s.id for s in parse(letter).sections] == _gold_ids(letter) == ["1", "2"]


def test_labels_with_a_slash_and_a_dash_read_as_equals():
    # "1/ Thời gian chuyển: …", "2/ Vị trí …" with "a/ Văn phòng khoa:" under it.
    notice = CORPUS / "real" / "hungnm92" / "213_TB-DTII.docx"
    sections = parse(notice).sections
    assert [s.id for s in sections] == _gold_ids(notice) == ["1", "2", "3"]
    assert [c.id for c in sections[1].children][:2] == ["2.a", "2.b"]
    # A scanned invitation's "3= Thời gian: …" between "2- Địa điểm" and "4- Nội dung".
    invitation = CORPUS / "real" / "kgl" / "17_GM-SYT_scan.pdf"
    assert [s.id for s in parse(invitation).sections] == _gold_ids(invitation)


# Session 7: documents from sources never used to build the parser (corpus/unseen3 dev).
UNSEEN3 = CORPUS / "unseen3"


def _gold_top(path: Path) -> list[tuple[str, str]]:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return [(s["id"], s["role"]) for s in gold["sections_top"]]


def test_a_figures_tables_roman_rows_are_not_headings():
    # A price report's CPI table: "II. Đồ uống và thuốc lá 112,77 100,83 102,80" … "XI. …" are
    # rows; the report's own "II. DIỄN BIẾN GIÁ …" comes after them.
    path = UNSEEN3 / "tdkt" / "BC-STC-HauGiang.pdf"
    sections = parse(path).sections
    assert [(s.id, s.role) for s in sections] == _gold_top(path)
    assert sections[1].heading is not None and sections[1].heading.startswith("DIỄN BIẾN GIÁ")


def test_a_closing_phrase_inside_a_list_that_goes_on():
    # "Trong quá trình thực hiện Thủ trưởng các địa phương …" under item 6, then "7. Đối với …":
    # the list goes on, item 7 is II.7, not a third top-level section.
    path = UNSEEN3 / "quangngai" / "565-TB-UBND.pdf"
    doc = parse(path)
    assert [(s.id, s.role) for s in doc.sections] == _gold_top(path)
    assert [c.id for c in doc.sections[1].children][-2:] == ["II.6", "II.7"]
    assert doc.conclusion is None


def test_an_articles_own_dot_after_an_unpunctuated_table_row():
    # A scanned decision: Điều 1's list of members ends "… Ủy viên Thư ký" (no punctuation), then
    # "Điều 2. Quyết định này có hiệu lực …": the dot after 2 shows an article, not a reference
    # ("… tại Điều 2 Quyết định này") wrapped to the line's start.
    path = UNSEEN3 / "taydo" / "539-QD-DHTD_scan.pdf"
    assert [s.id for s in parse(path).sections] == _gold_ids(path)
