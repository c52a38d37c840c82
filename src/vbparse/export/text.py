"""Plain text view: the fields, the căn cứ, the outline as an indented tree with role names, the
assignments, the recipients, the warnings."""

from __future__ import annotations

from ..model import Document
from .summary import document_view, word


def to_text(doc: Document, lang: str = "vi") -> str:
    view = document_view(doc, lang)
    out = [f"{label}: {value or '—'}" for label, value in view.fields]
    if view.bases:
        out.append(f"{word('bases', lang)}:")
        out.extend(f"  - {b}" for b in view.bases)
    out.append(f"{word('outline', lang)}:")
    for e in view.outline:
        role = f" [{e.role}]" if e.role else ""
        out.append(f"{'  ' * (e.depth + 1)}{e.id}{role} {e.heading}")
    if view.duties:
        out.append(f"{word('duties', lang)}:")
        out.extend(
            f"  {actor}: {word('duty_count', lang).format(n=len(duties))}"
            for actor, _sid, duties in view.duties
        )
    out.append(f"{word('recipients', lang)}: " + ("; ".join(view.recipients) or "—"))
    out.extend(f"! {w}" for w in view.warnings)
    return "\n".join(out) + "\n"
