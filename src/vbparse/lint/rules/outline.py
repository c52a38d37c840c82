"""numbering and structure: the document's outline as the parser built it.

numbering: siblings of one kind count on without gap or repeat (I, II, III; 1, 2, 3; a, b, c, d,
đ, e — the Vietnamese alphabet has đ and no f, j, w, z); articles (Điều) count on across chapters.
structure: a kế hoạch has a purpose section and an organisation/responsibility section; a quyết
định has articles.
"""

from __future__ import annotations

import re

from ...cues import roman_value, to_roman
from ...model import Section
from ...text.normalize import strip_diacritics
from ..model import LintContext

LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]
_COUNTED = ("roman", "number", "letter", "chapter", "part")
_PURPOSE = re.compile(r"MUC (DICH|TIEU)|YEU CAU")
_ORGANISATION = re.compile(r"TO CHUC THUC HIEN|TRACH NHIEM|PHAN CONG")


def ordinal(section: Section) -> int | None:
    label = re.sub(r"^(Điều|Chương|Phần|Mục)\s+", "", (section.label or "").strip()).strip(".)")
    if section.kind == "letter":
        return LETTERS.index(label.lower()) + 1 if label.lower() in LETTERS else None
    if label.isdigit():
        return int(label)
    return roman_value(label)


def render_ordinal(kind: str, n: int, like: str) -> str:
    if kind == "letter":
        return LETTERS[n - 1] if 0 < n <= len(LETTERS) else str(n)
    if kind in ("roman", "chapter", "part") and roman_value(like) is not None:
        return to_roman(n)
    return str(n)


def check(ctx: LintContext) -> None:
    _siblings(ctx, ctx.doc.sections)
    articles = [s for s in ctx.doc.walk_sections() if s.kind == "article"]
    _sequence(ctx, articles)
    _structure(ctx)


def _siblings(ctx: LintContext, nodes: list[Section]) -> None:
    for kind in _COUNTED:
        _sequence(ctx, [n for n in nodes if n.kind == kind])
    for node in nodes:
        _siblings(ctx, node.children)


def _sequence(ctx: LintContext, nodes: list[Section]) -> None:
    prev: Section | None = None
    prev_n = 0
    for node in nodes:
        n = ordinal(node)
        if n is None:
            return  # a label the counter cannot read: no claim about the sequence
        expected = prev_n + 1
        # "d" then "e" skips "đ": both orders are in use, so it is not reported.
        skips_dd = node.kind == "letter" and prev_n == LETTERS.index("d") + 1 and n == expected + 1
        if n != expected and not skips_dd and not (prev is None and _lost_first(ctx, node)):
            line = ctx.line_at(node.span)
            got = node.label or ""
            want = render_ordinal(node.kind, expected, got)
            if prev is None:
                key = "numbering_start"
            else:
                key = (
                    "numbering_repeat"
                    if n == prev_n
                    else "numbering_gap"
                    if n > expected
                    else "numbering_order"
                )
            ctx.add(
                "numbering",
                "warning",
                line,
                key,
                fix=want,
                got=got,
                prev=(prev.label or "") if prev else "",
                expected=want,
            )
        prev, prev_n = node, n


def _lost_first(ctx: LintContext, node: Section) -> bool:
    """Whether the item a sequence should start with is written above its first item, where the
    outline does not have it: inside quotation marks ("1. Đối tượng …" quoted from an amended
    text, whose "2. Sửa đổi …" follows) or in a form the parser did not take for an item. The
    numbering is then whole in the text; only the outline lacks the item."""
    if node.span is None:
        return False
    label = render_ordinal(node.kind, 1, node.label or "")
    written = re.compile(rf"^[\s\"“”«'(\[]*{re.escape(label)}\s*[.)]")
    return any(written.match(ln.text) for ln in ctx.lines if ln.index < node.span.line)


def _structure(ctx: LintContext) -> None:
    doc = ctx.doc
    top = doc.sections
    anchor = ctx.provenance("doc_type")
    everything = doc.walk_sections()
    if doc.doc_type.code == "KH" and top:
        roles = {s.role for s in everything}
        headings = [strip_diacritics(s.heading or "").upper() for s in everything]
        if "purpose" not in roles and not any(_PURPOSE.search(h) for h in headings):
            ctx.add("structure", "warning", anchor, "structure_purpose")
        if "responsibilities" not in roles and not any(_ORGANISATION.search(h) for h in headings):
            ctx.add("structure", "warning", anchor, "structure_organisation")
    has_articles = any(s.kind == "article" for s in everything) or any(
        re.match(r"^\s*Điều\s+\d+", ln.text) for ln in ctx.lines
    )
    if doc.doc_type.code == "QĐ" and not has_articles:
        ctx.add("structure", "warning", anchor, "structure_articles")
