"""HTML view: one self-contained page per document (no external file, script or font) with
everything the text view shows — the fields, the căn cứ, the outline with role names and whole
headings, the assignments, the recipients, the warnings — and, when the reader's lines were kept,
the text with every extracted entity highlighted by type. Several documents make one page with an
index (`to_html_pages`), not several pages glued together."""

from __future__ import annotations

from html import escape

from ..model import Document, Entity
from .summary import DocumentView, document_view, word

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
line-height:1.5;color:#222}h1{font-size:1.3rem}h2{font-size:1.1rem}
table.meta td{padding:.1rem .6rem;vertical-align:top}table.meta td:first-child{color:#555}
.text{white-space:pre-wrap;border-top:1px solid #ccc;padding-top:1rem}
mark{padding:0 .1rem;border-radius:.2rem}mark[title]{cursor:help}.legend mark{margin-right:.4rem}
.role{font-size:.8rem;color:#555}ul.sections{list-style:none;padding-left:1rem}
.sid{font-weight:600}ul.warnings li{color:#8a4b00}article{border-bottom:2px solid #ddd;
padding-bottom:1rem;margin-bottom:2rem}nav li{margin:.2rem 0}"""


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


def _outline(view: DocumentView) -> str:
    """The outline as nested lists, from the flat entries' depths."""
    out: list[str] = []
    depth = -1
    for e in view.outline:
        if e.depth > depth:
            out.append('<ul class="sections">' * (e.depth - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - e.depth))
        depth = e.depth
        role = f' <span class="role">[{escape(e.role)}]</span>' if e.role else ""
        out.append(f'<li><span class="sid">{escape(e.id)}</span>{role} {escape(e.heading)}')
    if depth >= 0:
        out.append("</li>" + "</ul></li>" * depth + "</ul>")
    return "".join(out)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v or '—')}</td></tr>" for k, v in rows)
    return f'<table class="meta">{cells}</table>'


def _list(items: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<ul{attr}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _article(doc: Document, lang: str, anchor: str = "") -> str:
    view = document_view(doc, lang)
    ident = f' id="{anchor}"' if anchor else ""
    parts = [f"<article{ident}><h1>{escape(view.title)}</h1>", _table(view.fields)]
    if view.bases:
        parts.append(f"<h2>{escape(word('bases', lang))}</h2>" + _list(view.bases))
    parts.append(f"<h2>{escape(word('outline', lang))}</h2>" + _outline(view))
    if view.duties:
        items = "".join(
            f"<li><b>{escape(actor)}</b> ({escape(sid)})" + _list(duties) + "</li>"
            for actor, sid, duties in view.duties
        )
        parts.append(f"<h2>{escape(word('duties', lang))}</h2><ul>{items}</ul>")
    parts.append(f"<h2>{escape(word('recipients', lang))}</h2>" + (_list(view.recipients) or "—"))
    if view.warnings:
        parts.append(
            f"<h2>{escape(word('warnings', lang))}</h2>" + _list(view.warnings, "warnings")
        )
    if view.expansions:
        parts.append(
            f"<h2>{escape(word('expansions', lang))}</h2>" + _table(list(view.expansions.items()))
        )
    if doc.lines is not None:
        parts.append(f"<h2>{escape(word('text', lang))}</h2>")
        if doc.entities:
            legend = "".join(
                f'<mark style="background:{c}">{t}</mark>' for t, c in _COLOURS.items()
            )
            parts.append(f'<p class="legend">{legend}</p>')
        text = "\n".join(doc.lines)
        parts.append(f'<div class="text">{_highlight(text, doc.entities or [])}</div>')
    parts.append("</article>")
    return "\n".join(parts)


def _page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>\n{body}\n</body></html>\n"
    )


def to_html(doc: Document, lang: str = "vi") -> str:
    """One document as one page."""
    return _page(document_view(doc, lang).title, _article(doc, lang), lang)


def to_html_pages(docs: list[Document], lang: str = "vi") -> str:
    """Several documents as one page: an index of links, then one article per document."""
    index = "".join(
        f'<li><a href="#doc-{i}">{escape(document_view(d, lang).title)}</a> '
        f"<small>{escape(d.source.path)}</small></li>"
        for i, d in enumerate(docs, 1)
    )
    body = f"<nav><h1>{escape(word('index', lang))}</h1><ol>{index}</ol></nav>\n" + "\n".join(
        _article(d, lang, f"doc-{i}") for i, d in enumerate(docs, 1)
    )
    return _page(word("index", lang), body, lang)
