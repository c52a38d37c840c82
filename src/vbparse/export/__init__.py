"""Exporters: a Document (or a check report) rendered for people or programs.

`render(doc, fmt)` for the formats `vbparse parse --format` offers."""

from __future__ import annotations

from ..model import Document

FORMATS = ("json", "md", "text", "html")


def render(doc: Document, fmt: str, lang: str = "vi") -> str:
    """`doc` in `fmt`; the human-readable views speak `lang` (JSON never changes)."""
    if fmt == "json":
        return doc.to_json()
    if fmt == "md":
        from .markdown import to_markdown

        return to_markdown(doc, lang)
    if fmt == "text":
        from .text import to_text

        return to_text(doc, lang)
    if fmt == "html":
        from .html import to_html

        return to_html(doc, lang)
    raise ValueError(f"unknown format {fmt!r}")
