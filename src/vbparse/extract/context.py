"""The state the extractors share while they fill one Document (spaCy's `Doc`, in spirit).

Each component reads the reader's lines and what earlier components decided (where the header
ends, where the body starts, which lines are the closing) and writes its part of the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Document, Span
from ..readers.base import Line, RawDocument, Zone
from ..settings import Settings, current

if TYPE_CHECKING:
    from ..readers.region import RegionRequest
    from ..readers.wordlines import Word
    from .candidates import Candidate
    from .tagging import LineTags


@dataclass
class ParseContext:
    raw: RawDocument
    doc: Document
    lines: list[Line] = field(default_factory=list)  # document lines (META dropped), reindexed
    header_end: int = 0  # first line after the header block (issuer, number, date, title, subject)
    closing_start: int | None = None  # first line of the closing block (Nơi nhận, signer)
    used: set[int] = field(default_factory=set)  # lines a header/closing field was taken from
    flat_header: bool = False  # the reader gave no columns: the header was flattened to text
    preamble: list[str] = field(default_factory=list)  # body text before the first section
    conclusion: list[str] = field(default_factory=list)  # "Trên đây là …" after the sections
    tags: dict[int, LineTags] = field(default_factory=dict)  # cue tags of header/closing lines
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)  # per field, best first
    settings: Settings = field(default_factory=current)  # the thresholds of this parse

    @classmethod
    def create(
        cls, raw: RawDocument, doc: Document, settings: Settings | None = None
    ) -> ParseContext:
        lines = [ln for ln in raw.lines if ln.zone is not Zone.META]
        return cls(raw=raw, doc=doc, lines=lines, settings=settings or current())

    @property
    def body_end(self) -> int:
        return self.closing_start if self.closing_start is not None else len(self.lines)

    def span(self, line: Line, start: int = 0, end: int | None = None) -> Span:
        """A provenance span; `line` in the output is the reader's line index."""
        return Span(
            line=line.index,
            start=line.offset + start,
            end=line.offset + (len(line.text) if end is None else end),
            source=line.loc.as_dict(),
        )

    def mark(self, field_name: str, line: Line, start: int = 0, end: int | None = None) -> None:
        self.doc.provenance[field_name] = self.span(line, start, end)
        self.used.add(line.index)

    def reread(self, request: RegionRequest, *, picture: bool = False) -> list[Word]:
        """A region of a scanned page read again by OCR (readers/region.py), word boxes in page
        points: the reader renders and reads it, so an extractor asks and does no I/O. [] for
        a page not read by OCR (unless the region is a `picture` on a text-layer page), a page
        turned to be read, or a document without page images."""
        images = self.raw.images
        page = next((p for p in self.raw.pages if p.number == request.page), None)
        if images is None or page is None or page.rotation:
            return []
        if page.method != "ocr" and not picture:
            return []
        return images.words(request)

    def pictures(self, page: int) -> tuple[float, list[tuple[float, float, float, float]]]:
        """(the page's width, the boxes of the pictures drawn on it) in points: a signature
        block pasted as a picture into a PDF with a text layer. (0, []) without page images."""
        if self.raw.images is None:
            return 0.0, []
        return self.raw.images.pictures(page)
