"""Markdown view: a field table, the citations, the outline with roles, recipients, warnings."""

from __future__ import annotations

from ..model import Document, Section
from .summary import header_rows, warning_vi


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document) -> str:
    out = [f"# {doc.doc_type.name or 'Văn bản'} {doc.number.raw or ''}".rstrip(), ""]
    out += ["| Trường | Giá trị |", "|---|---|"]
    out += [f"| {label} | {_cell(value)} |" for label, value in header_rows(doc)]
    if doc.bases:
        out += ["", "## Căn cứ", ""]
        out += [f"- {_cell(b.raw)}" for b in doc.bases]
    out += ["", "## Bố cục", ""]

    def walk(nodes: list[Section], depth: int) -> None:
        for node in nodes:
            head = node.heading or node.text[:120]
            role = f" _({node.role})_" if node.role else ""
            out.append(f"{'  ' * depth}- **{node.id}**{role} {head}")
            walk(node.children, depth + 1)

    walk(doc.sections, 0)
    if doc.responsibilities:
        out += ["", "## Phân công", ""]
        for r in doc.responsibilities:
            out.append(f"- **{r.actor}** ({r.section_id})")
            out += [f"  - {d}" for d in r.duties]
    out += ["", "## Nơi nhận", ""] + [f"- {r}" for r in doc.recipients]
    if doc.warnings:
        out += ["", "## Cảnh báo", ""] + [
            f"- {warning_vi(w.code, w.field, w.message)} `{w.code}`" for w in doc.warnings
        ]
    return "\n".join(out) + "\n"
