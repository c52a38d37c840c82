"""The intermediate form every reader produces: a flat list of lines with their source positions.

Readers know formats, not documents. They return the text line by line in reading order and, when
the format tells it, which layout zone a line sits in (the two header columns, the two closing
columns). Everything about what the lines *mean* is the extractors' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..errors import ReadError  # re-exported: readers raise it, by kind

if TYPE_CHECKING:
    from .region import PageImages

__all__ = ["Line", "Loc", "PageInfo", "RawDocument", "ReadError", "Zone"]


class Zone(str, Enum):
    """Layout zone of a line, when the source format shows it (a table cell, an x position)."""

    BODY = "body"
    HEADER_LEFT = "header_left"  # cơ quan chủ quản, cơ quan ban hành, Số, V/v
    HEADER_RIGHT = "header_right"  # Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng
    CLOSING_LEFT = "closing_left"  # Nơi nhận
    CLOSING_RIGHT = "closing_right"  # thẩm quyền ký, chức vụ, họ tên
    TABLE = "table"  # a cell of an ordinary table in the body
    META = "meta"  # not part of the document: a converter's source note or page title


@dataclass(slots=True)
class Loc:
    """Where a line stands in the source file. Unused fields stay None.

    `line` is the 1-based line number of a text file, `paragraph` the 0-based index of a .docx
    block in document order, `table`/`row`/`col` a table cell, `page` a 1-based PDF/image page,
    `bbox` (x0, top, x1, bottom) in points, `char_start`/`char_end` offsets into the decoded
    source text where the format has one.
    """

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    char_start: int | None = None
    char_end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(slots=True)
class Run:
    """One run of a .docx paragraph with the form Word gives it once styles are resolved.

    `text` keeps tabs as "\t" (headers laid out with tab stops are cut there); sizes are in
    points; `caps` is the all-capitals display property (text typed in lower case shown upper)."""

    text: str
    font: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False


@dataclass(slots=True)
class ParagraphForm:
    """The form of the paragraph a line comes from: alignment, indents (mm) and its runs.

    `align` is Word's value (left, center, right, both …); `frame` says where the paragraph
    sits when not in the body flow: "textbox", "header" or "footer" (page header/footer)."""

    runs: list[Run] = field(default_factory=list)
    align: str | None = None
    indent_left: float | None = None
    indent_right: float | None = None
    indent_first: float | None = None  # negative for a hanging indent
    style: str | None = None
    frame: str | None = None
    # Which w:p of which package part this is (document order of all paragraphs of the part):
    # how `lint --fix` finds the paragraph again.
    part: str | None = None
    xml_index: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__slots__ if k != "runs"}
        data["runs"] = [{k: getattr(r, k) for k in r.__slots__} for r in self.runs]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParagraphForm:
        runs = [Run(**r) for r in data.get("runs", [])]
        return cls(runs=runs, **{k: v for k, v in data.items() if k != "runs"})


@dataclass(slots=True)
class PageSetup:
    """A section's page: size and margins in millimetres, as the .docx section states them."""

    width: float | None = None
    height: float | None = None
    top: float | None = None
    bottom: float | None = None
    left: float | None = None
    right: float | None = None
    orientation: str = "portrait"


@dataclass(slots=True)
class Line:
    """One logical line of the document (a paragraph, a text line, one line of a table cell)."""

    text: str  # NFC, whitespace runs collapsed, stripped
    loc: Loc = field(default_factory=Loc)
    zone: Zone = Zone.BODY
    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None
    size: float | None = None
    # The list label Word draws from a numbering definition ("1.", "a)", "-"); not in `text`.
    list_label: str | None = None
    index: int = -1  # position in RawDocument.lines, set by RawDocument
    # When an extractor cuts a run-together line in pieces, each piece keeps the original's
    # index and records where it starts in the original's text.
    offset: int = 0
    # Where the format carries form (.docx, and .doc/.odt through conversion): the paragraph's
    # alignment, indents and runs; None for text, Markdown, PDF.
    form: ParagraphForm | None = None

    @property
    def full_text(self) -> str:
        """The text as a reader sees it on the page, generated list label included."""
        return f"{self.list_label} {self.text}" if self.list_label else self.text


@dataclass
class PageInfo:
    """Per-page facts a reader reports (which path produced the text, OCR confidence …)."""

    number: int
    method: str  # "text-layer", "ocr", "docx", …
    confidence: float | None = None
    rotation: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class RawDocument:
    """What a reader returns: lines in reading order plus facts about the source."""

    path: str
    format: str  # txt, md, docx, doc, pdf, image, …
    lines: list[Line]
    encoding: str | None = None  # text encoding detected, or legacy font encoding converted
    sha256: str | None = None
    pages: list[PageInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # One entry per section of a .docx (the first governs page 1); empty for formats without.
    sections: list[PageSetup] = field(default_factory=list)
    # Scans only: what renders a region of a page again for a re-read (`region.PageImages`,
    # from the file's bytes). Not part of the reading: never stored, compared or printed.
    images: PageImages | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def text(self) -> str:
        """All lines joined by newlines (what bare text extraction of the file gives)."""
        return "\n".join(line.full_text for line in self.lines)

    def reindex(self) -> None:
        for i, line in enumerate(self.lines):
            line.index = i

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (the read cache stores it; no pickle)."""
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "warnings": self.warnings,
            "pages": [vars(p) for p in self.pages],
            "sections": [{k: getattr(s, k) for k in s.__slots__} for s in self.sections],
            "lines": [
                {
                    "text": ln.text,
                    "loc": ln.loc.as_dict(),
                    "zone": ln.zone.value,
                    "bold": ln.bold,
                    "italic": ln.italic,
                    "font": ln.font,
                    "size": ln.size,
                    "list_label": ln.list_label,
                    "offset": ln.offset,
                    "form": ln.form.as_dict() if ln.form is not None else None,
                }
                for ln in self.lines
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RawDocument:
        lines = []
        for d in data["lines"]:
            loc = dict(d["loc"])
            if "bbox" in loc:
                loc["bbox"] = tuple(loc["bbox"])
            form = ParagraphForm.from_dict(d["form"]) if d.get("form") else None
            fields = {**d, "loc": Loc(**loc), "zone": Zone(d["zone"]), "form": form}
            lines.append(Line(**fields))
        return cls(
            path=data["path"],
            format=data["format"],
            lines=lines,
            encoding=data["encoding"],
            sha256=data["sha256"],
            pages=[PageInfo(**p) for p in data["pages"]],
            warnings=list(data["warnings"]),
            sections=[PageSetup(**s) for s in data.get("sections", [])],
        )
