"""A self-contained HTML page of a parsed document: its metadata, its sections with their roles,
and, when entities were extracted, the text with every entity highlighted by type."""

from __future__ import annotations

from html import escape

from ..model import Document, Entity, Section

_COLOURS = {
    "ORG": "#cfe2ff",
    "LOC": "#d1f2d9",
    "PER": "#ffe0b3",
    "DATE": "#f8d7da",
    "PERIOD": "#f3c6e8",
    "QUOTE": "#fff3b0",
    "DOCREF": "#d9d2f5",
}
_CSS = """body{font-family:system-ui,'Segoe UI',Arial,sans-serif;max-width:60rem;margin:2rem auto;
line-height:1.5;color:#222}h1{font-size:1.3rem}table.meta td{padding:.1rem .6rem;vertical-align:top}
.text{white-space:pre-wrap;border-top:1px solid #ccc;padding-top:1rem}
mark{padding:0 .1rem;border-radius:.2rem}mark[title]{cursor:help}.legend mark{margin-right:.4rem}
.role{font-size:.8rem;color:#555}ul.sections{list-style:none;padding-left:1rem}"""


def _highlight(text: str, entities: list[Entity]) -> str:
    """The text with non-overlapping entities wrapped in <mark>; an entity inside another is
    shown by the outer one's title only."""
    out: list[str] = []
    pos = 0
    for e in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if e.start < pos or e.end > len(text):
            continue
        value = f" = {e.value}" if e.value not in (None, e.text) else ""
        out.append(escape(text[pos : e.start]))
        out.append(
            f'<mark class="{e.type}" style="background:{_COLOURS[e.type]}" '
            f'title="{escape(e.type + value)}">{escape(text[e.start : e.end])}</mark>'
        )
        pos = e.end
    out.append(escape(text[pos:]))
    return "".join(out)


def _sections(nodes: list[Section]) -> str:
    if not nodes:
        return ""
    items = []
    for s in nodes:
        label = escape(" ".join(x for x in (s.id, s.heading or s.text[:80]) if x))
        role = (
            f' <span class="role">{escape(s.role)} ({escape(s.role_source)})</span>'
            if s.role
            else ""
        )
        items.append(f"<li>{label}{role}{_sections(s.children)}</li>")
    return '<ul class="sections">' + "".join(items) + "</ul>"


def to_html(doc: Document) -> str:
    title = " ".join(x for x in (doc.doc_type.name, doc.number.raw) if x) or doc.source.path
    rows = [
        ("Loại", doc.doc_type.name),
        ("Số", doc.number.raw),
        ("Ngày", doc.issued.date),
        ("Nơi ban hành", doc.issued.place),
        ("Cơ quan", doc.issuer.name),
        ("Trích yếu", doc.subject),
        ("Người ký", doc.signer.name),
    ]
    meta = "".join(f"<tr><td>{escape(k)}</td><td>{escape(str(v))}</td></tr>" for k, v in rows if v)
    parts = [
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
        f'<table class="meta">{meta}</table>',
    ]
    if doc.expansions:
        parts.append(
            '<h2>Viết tắt</h2><table class="meta">'
            + "".join(
                f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>"
                for k, v in doc.expansions.items()
            )
            + "</table>"
        )
    parts.append("<h2>Mục</h2>" + _sections(doc.sections))
    if doc.lines is not None:
        text = "\n".join(doc.lines)
        if doc.entities:
            legend = "".join(
                f'<mark style="background:{c}">{t}</mark>' for t, c in _COLOURS.items()
            )
            parts.append(f'<h2>Văn bản</h2><p class="legend">{legend}</p>')
        else:
            parts.append("<h2>Văn bản</h2>")
        parts.append(f'<div class="text">{_highlight(text, doc.entities or [])}</div>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
