"""Markdown view: a field table, the căn cứ, the outline with role names, assignments,
recipients, warnings."""

from __future__ import annotations

from ..model import Document
from .summary import document_view, word


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document, lang: str = "vi") -> str:
    view = document_view(doc, lang)
    out = [f"# {view.title}", ""]
    out += [f"| {word('field', lang)} | {word('value', lang)} |", "|---|---|"]
    out += [f"| {label} | {_cell(value)} |" for label, value in view.fields]
    if view.bases:
        out += ["", f"## {word('bases', lang)}", ""]
        out += [f"- {_cell(b)}" for b in view.bases]
    out += ["", f"## {word('outline', lang)}", ""]
    for e in view.outline:
        role = f" _({e.role})_" if e.role else ""
        out.append(f"{'  ' * e.depth}- **{e.id}**{role} {_cell(e.heading)}")
    if view.duties:
        out += ["", f"## {word('duties', lang)}", ""]
        for actor, section_id, duties in view.duties:
            out.append(f"- **{actor}** ({section_id})")
            out += [f"  - {_cell(d)}" for d in duties]
    out += ["", f"## {word('recipients', lang)}", ""] + [f"- {r}" for r in view.recipients]
    if view.warnings:
        out += ["", f"## {word('warnings', lang)}", ""] + [f"- {w}" for w in view.warnings]
    return "\n".join(out) + "\n"
