"""parse(path) → Document: a reader, then the extractors in order over one shared context.

The order matters and is the only coupling between components: the header finds where the body
starts, the closing where it ends, the citations and the outline read what lies between.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Component:
    """One step of the parse (spaCy's registered component, in spirit): what it reads from the
    context and what it fills. `reads`/`fills` name context fields (`ctx.header_end`) and model
    fields (`doc.subject`); `raw` is the reader's output. `check_order` proves that every read is
    filled earlier, and a test that a component writes nothing it does not declare."""

    name: str
    run: Callable[[ParseContext], None]
    reads: frozenset[str]
    fills: frozenset[str]


def component(name: str, run: Callable[[ParseContext], None], reads: str, fills: str) -> Component:
    return Component(name, run, frozenset(reads.split()), frozenset(fills.split()))


_HEADER_FIELDS = (
    "doc.doc_type doc.number doc.issued doc.issuer doc.national_header doc.motto doc.party_header"
    " doc.subject doc.addressees"
)
_NOTES = "doc.provenance doc.warnings"  # appended to by any component that decides a field

PIPELINE: list[Component] = [
    component("frame", frame.locate, "ctx.lines", "ctx.lines"),
    component("unflatten", header.unflatten, "ctx.lines", "ctx.lines ctx.flat_header"),
    component(
        "header",
        header.extract,
        "ctx.lines ctx.flat_header",
        f"ctx.header_end ctx.tags ctx.candidates ctx.used {_HEADER_FIELDS} {_NOTES}",
    ),
    component(
        "reread_header",
        reread_header.reread,
        "raw ctx.lines doc.provenance doc.number doc.issued",
        f"doc.number doc.issued {_NOTES}",
    ),
    component(
        "annex_reference",
        reread_header.annex_reference,
        "ctx.lines ctx.header_end doc.number doc.issued",
        f"doc.number doc.issued {_NOTES}",
    ),
    component(
        "find_closing",
        closing.find_closing,
        "ctx.lines ctx.header_end",
        "ctx.closing_start ctx.lines",
    ),
    component("bases", bases.extract, "ctx.lines ctx.header_end ctx.closing_start", "doc.bases"),
    component(
        "outline",
        outline.extract,
        "ctx.lines ctx.header_end ctx.closing_start",
        "doc.sections doc.preamble doc.conclusion ctx.preamble ctx.conclusion",
    ),
    component("roles", roles.extract, "doc.sections doc.doc_type doc.subject", "doc.sections"),
    component("responsibilities", responsibilities.extract, "doc.sections", "doc.responsibilities"),
    component(
        "closing",
        closing.extract,
        "ctx.lines ctx.header_end ctx.closing_start ctx.candidates raw",
        f"doc.recipients doc.recipient_spans doc.signer ctx.candidates ctx.used {_NOTES}",
    ),
    component(
        "reread_signer",
        reread.reread_signer,
        "raw ctx.closing_start doc.signer",
        f"doc.signer {_NOTES}",
    ),
    component(
        "inference",
        inference.infer,
        "ctx.lines ctx.header_end doc.issuer doc.signer",
        f"doc.issuer doc.signer ctx.used {_NOTES}",
    ),
]


def check_order(components: list[Component]) -> list[str]:
    """What is read before any component filled it (the reader's `raw`, its lines and the empty
    Document's `source` are there from the start); empty when the order is sound."""
    filled = {"raw", "ctx.lines", "doc.source"}
    problems = []
    for c in components:
        problems += [f"{c.name} reads {r} before it is filled" for r in sorted(c.reads - filled)]
        filled |= c.fills
    return problems


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
    `settings`: the thresholds of this parse (vbparse.settings; None: the current ones), the
    OCR's among them."""
    with use(settings):
        raw = read(path)
    return parse_raw(raw, include_lines=include_lines, roles=roles, settings=settings)


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
    with use(settings):
        raw = read(path)
    return run_pipeline(raw, settings=settings)


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
        for component in PIPELINE:
            component.run(ctx)
        if (roles or default_roles()) == "model":
            # Loads numpy and underthesea: only when asked for, never on the default path.
            from .ml.roles_model import refine_roles

            refine_roles(doc)
    if include_lines:
        doc.lines = [line.text for line in raw.lines]
    return ctx
