"""`vbparse parse --explain`: why each header and closing field has the value it has.

Prints the header window and the closing window line by line with their cue tags, then for
each field every candidate with its score and reasons, the winner marked — the first thing to
read when a field is wrong."""

from __future__ import annotations

from ..extract.context import ParseContext
from ..extract.tagging import tag_line

CLOSING_LINES = 25  # lines of the closing block shown

# The candidate lists shown, by their ParseContext key (labels: messages "explain.field.*").
_FIELDS = ("number", "date", "title", "vv", "signer.title")


def render_explain(ctx: ParseContext, lang: str = "vi") -> str:
    """The explanation; headings and labels in `lang`, cue tags, zones and reasons as the code
    names them (this is a developer's view of the cue layer)."""
    from ..messages import render

    doc = ctx.doc
    out = [f"# {doc.source.path}", "", "## " + render("explain.h.header", lang)]
    header_end = max(ctx.header_end + 2, 8)
    for pos, t in ctx.tags.items():
        if pos >= header_end:
            break
        out.append(f"{pos:>4} {t.zone.value:<13} {t.text[:70]:<70} | {t.describe()}")
    out += ["", "## " + render("explain.h.candidates", lang)]
    for key in _FIELDS:
        found = ctx.candidates.get(key, [])
        field_label = render(f"explain.field.{key}", lang)
        out.append(render("explain.candidates", lang, field=field_label, n=len(found)))
        for i, c in enumerate(found[:6]):
            mark = "*" if i == 0 else " "
            where = (
                render("explain.line", lang, line=c.pos)
                if c.pos >= 0
                else render("explain.signer_block", lang)
            )
            text = c.value or (ctx.lines[c.pos].text[:60] if 0 <= c.pos < len(ctx.lines) else "")
            out.append(f"  {mark} {c.score:6.3f}  {where:<12} {text}")
            out.append(f"             {'; '.join(c.reasons)}")
    out += ["", "## " + render("explain.h.closing", lang)]
    start = ctx.closing_start if ctx.closing_start is not None else max(0, len(ctx.lines) - 12)
    for pos in range(start, min(len(ctx.lines), start + CLOSING_LINES)):
        t = ctx.tags.get(pos) or tag_line(pos, ctx.lines[pos])
        out.append(f"{pos:>4} {t.zone.value:<13} {t.text[:70]:<70} | {t.describe()}")
    out += ["", "## " + render("explain.h.result", lang)]
    for name, value in (
        ("doc_type", doc.doc_type.name),
        ("number", doc.number.raw),
        ("issued", f"{doc.issued.place} {doc.issued.date}"),
        ("issuer", f"{doc.issuer.parent} / {doc.issuer.name}"),
        ("subject", doc.subject),
        ("signer", f"{doc.signer.authority} / {doc.signer.title} / {doc.signer.name}"),
    ):
        shown = render(f"explain.result.{name}", lang) + ":"
        out.append(f"{shown:<33} {value}")
    for w in doc.warnings:
        out.append(f"! {w.code} [{w.field}] {w.message}")
    return "\n".join(out) + "\n"
