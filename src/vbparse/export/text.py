"""Plain text view: the fields, the outline as an indented tree, the warnings."""

from __future__ import annotations

from ..model import Document, Section
from .summary import header_rows, warning_vi


def to_text(doc: Document) -> str:
    out = [f"{label}: {value or '—'}" for label, value in header_rows(doc)]
    if doc.bases:
        out.append("Căn cứ:")
        out.extend(f"  - {b.raw}" for b in doc.bases)
    out.append("Bố cục:")

    def walk(nodes: list[Section], depth: int) -> None:
        for node in nodes:
            head = node.heading or node.text[:80]
            out.append(f"{'  ' * (depth + 1)}{node.id} [{node.role or '-'}] {head}")
            walk(node.children, depth + 1)

    walk(doc.sections, 0)
    if doc.responsibilities:
        out.append("Phân công:")
        out.extend(f"  {r.actor}: {len(r.duties)} nhiệm vụ" for r in doc.responsibilities)
    out.append("Nơi nhận: " + ("; ".join(doc.recipients) or "—"))
    for w in doc.warnings:
        out.append(f"! {warning_vi(w.code, w.field, w.message)} [{w.code}]")
    return "\n".join(out) + "\n"
