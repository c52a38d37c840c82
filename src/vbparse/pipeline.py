"""parse(path) → Document: a reader, then the extractors in order over one shared context.

The order matters and is the only coupling between components: the header finds where the body
starts, the closing where it ends, the citations and the outline read what lies between.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .extract import (
    bases,
    closing,
    frame,
    header,
    inference,
    outline,
    reread,
    reread_header,
    responsibilities,
    roles,
)
from .extract.context import ParseContext
from .model import Document, Source
from .readers import RawDocument, read
from .settings import Settings, use

Component = Callable[[ParseContext], None]

PIPELINE: list[tuple[str, Component]] = [
    ("frame", frame.locate),
    ("unflatten", header.unflatten),
    ("header", header.extract),
    ("reread_header", reread_header.reread),
    ("find_closing", closing.find_closing),
    ("bases", bases.extract),
    ("outline", outline.extract),
    ("roles", roles.extract),
    ("responsibilities", responsibilities.extract),
    ("closing", closing.extract),
    ("reread_signer", reread.reread_signer),
    ("inference", inference.infer),
]


def default_roles() -> str:
    """ "rules" (fast, the default) or "model" (the learned classifier decides where the rules
    are not certain); set with VBPARSE_ROLES or `vbparse parse --roles`."""
    return "model" if os.environ.get("VBPARSE_ROLES", "").lower() == "model" else "rules"


def parse(
    path: str | Path,
    *,
    include_lines: bool = False,
    roles: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Read and parse one file. Raises readers.ReadError when the file cannot be read.
    `settings`: the thresholds of this parse (vbparse.settings; None: the current ones)."""
    return parse_raw(read(path), include_lines=include_lines, roles=roles, settings=settings)


def parse_raw(
    raw: RawDocument,
    *,
    include_lines: bool = False,
    roles: str | None = None,
    settings: Settings | None = None,
) -> Document:
    return run_pipeline(raw, include_lines=include_lines, roles=roles, settings=settings).doc


def explain(path: str | Path, *, settings: Settings | None = None) -> ParseContext:
    """Parse one file and keep the shared context: its line tags and field candidates are what
    `vbparse parse --explain` prints."""
    return run_pipeline(read(path), settings=settings)


def new_context(raw: RawDocument, settings: Settings | None = None) -> ParseContext:
    """An empty Document for `raw` (its source, the reader's warnings) in a fresh context: what
    the first component gets. Tests run one component on it after those before it."""
    doc = Document(
        source=Source(
            path=raw.path,
            format=raw.format,
            sha256=raw.sha256,
            encoding=raw.encoding,
            pages=[
                {
                    "number": p.number,
                    "method": p.method,
                    "confidence": p.confidence,
                    "rotation": p.rotation,
                    "notes": p.notes,
                }
                for p in raw.pages
            ],
        )
    )
    for message in raw.warnings:
        doc.warn("read", message)
    return ParseContext.create(raw, doc, settings)


def run_pipeline(
    raw: RawDocument,
    *,
    include_lines: bool = False,
    roles: str | None = None,
    settings: Settings | None = None,
) -> ParseContext:
    # Helpers deep in a component read `settings.current()`: the same object as ctx.settings.
    with use(settings) as active:
        ctx = new_context(raw, active)
        doc = ctx.doc
        for _name, component in PIPELINE:
            component(ctx)
        if (roles or default_roles()) == "model":
            # Loads numpy and underthesea: only when asked for, never on the default path.
            from .ml.roles_model import refine_roles

            refine_roles(doc)
    if include_lines:
        doc.lines = [line.text for line in raw.lines]
    return ctx
