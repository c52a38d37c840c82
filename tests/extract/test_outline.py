"""The outline component alone: given the lines between the opening and the closing, it fills
the section tree (ids, kinds, headings, text, spans), the preamble and the conclusion."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract import outline

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
