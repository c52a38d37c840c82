"""The document model: one typed, JSON-serialisable description of a parsed document.

Every reader and extractor works towards this model; every exporter and checker reads it.
`Document.model_json_schema()` is the published JSON Schema (`vbparse schema`).
Field names follow the public JSON contract (README); extra keys are additive.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Role = Literal[
    "purpose",
    "scope",
    "situation",
    "tasks",
    "solutions",
    "responsibilities",
    "timeline",
    "budget",
    "reporting",
    "articles",
    "other",
]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]


def to_date(iso: str | None) -> _dt.date | None:
    """A full ISO date ("2020-04-23") as a datetime.date; None for none, or for a partial date
    ("2023-03", "2023": the day or month was left blank), which the ISO string keeps."""
    if not iso or len(iso) != 10:
        return None
    try:
        return _dt.date.fromisoformat(iso)
    except ValueError:
        return None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """Where a value stands: `line` is the index into the reader's lines (see `lines` in the
    output with --lines), `start`/`end` character offsets into that line's text; `source` is the
    position in the file itself (line number, paragraph, table cell, page)."""

    line: int
    start: int = 0
    end: int = 0
    source: dict[str, int | float | list[float]] = Field(default_factory=dict)


class Source(_Model):
    path: str
    format: str
    sha256: str | None = None
    encoding: str | None = None
    pages: list[dict[str, object]] = Field(default_factory=list)


class DocType(_Model):
    name: str | None = None  # "Kế hoạch"
    code: str | None = None  # "KH" (Phụ lục III), or the legal type code ("NĐ", "TT", "L")
    inferred_from: Literal["title", "number", "subject", "none"] = "none"


class DocNumber(_Model):
    """Số và ký hiệu. State style 36/KH-THBTD, 49/2012/QĐ-UBND; Party/Đoàn style 479-KH/TWĐTN."""

    raw: str | None = None  # as written after "Số:"
    number: str | None = None  # digits as written ("36", "05"); null when left blank
    symbol: str | None = None  # ký hiệu after the number, spaces removed ("KH-THBTD")
    type_code: str | None = None  # "KH"; null for công văn
    issuer_code: str | None = None  # "THBTD"
    year: int | None = None  # the year inside the number (49/2012/QĐ-UBND), if any
    style: Literal["state", "party", "unknown"] = "unknown"


class Issued(_Model):
    place: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD; YYYY-MM or YYYY when the day is blank/unreadable
    raw: str | None = None

    @property
    def date_value(self) -> _dt.date | None:
        """The date of issue as a datetime.date; None when absent or partial (see `date`)."""
        return to_date(self.date)


class Issuer(_Model):
    name: str | None = None  # cơ quan, tổ chức ban hành
    parent: str | None = None  # cơ quan, tổ chức chủ quản


class Base(_Model):
    """A document cited in the opening căn cứ / thực hiện / theo paragraphs."""

    raw: str
    kind: str | None = None  # "căn cứ", "thực hiện", "theo", …: the verb that introduces it
    doc_type: str | None = None
    type_code: str | None = None
    number: str | None = None
    symbol: str | None = None
    year: int | None = None  # the year inside the number ("62/2015/QĐ-TTg"), if any
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    span: Span | None = None

    @property
    def date_value(self) -> _dt.date | None:
        """The cited document's date as a datetime.date; None when absent or partial."""
        return to_date(self.date)


class Section(_Model):
    id: str  # label path joined by dots: "II.3", "IV.1.b"; bullets "<parent>-<k>"
    label: str | None = None  # "II", "3", "b", "-", "Điều 2"
    kind: Literal[
        "part", "chapter", "section", "capletter", "article", "roman", "number", "letter", "bullet"
    ]
    heading: str | None = None
    text: str = ""  # the section's own text (not its children's)
    role: Role | None = None
    role_source: Literal["rule", "model", "inherited", "none"] = "none"
    role_confidence: float | None = None
    children: list[Section] = Field(default_factory=list)
    span: Span | None = None
    end_line: int | None = None  # last line index the section (with children) covers


class Responsibility(_Model):
    actor: str
    duties: list[str] = Field(default_factory=list)
    section_id: str


class Signer(_Model):
    authority: str | None = (
        None  # the whole authority line, "KT. BỘ TRƯỞNG" / "TM. ỦY BAN NHÂN DÂN"
    )
    authority_prefix: str | None = None  # "TM.", "KT.", "TL.", "Q.", "TUQ."
    title: str | None = None  # chức vụ of the person who signs: "PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG"
    name: str | None = None


class Warning(_Model):
    code: str  # stable: "field_missing", "field_inferred", "ambiguous", "read", …
    field: str | None = None
    message: str


class Entity(_Model):
    type: Literal["ORG", "LOC", "PER", "DATE", "PERIOD", "QUOTE", "DOCREF"]
    text: str
    value: str | dict[str, str] | None = None
    start: int
    end: int
    source: str | None = None  # which component found it


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    doc_type: DocType = Field(default_factory=DocType)
    number: DocNumber = Field(default_factory=DocNumber)
    issued: Issued = Field(default_factory=Issued)
    issuer: Issuer = Field(default_factory=Issuer)
    national_header: bool = False  # Quốc hiệu present
    motto: bool = False  # Tiêu ngữ present
    party_header: bool = False  # "ĐẢNG CỘNG SẢN VIỆT NAM" in place of the Quốc hiệu (Party bodies)
    subject: str | None = None  # trích yếu
    addressees: list[str] = Field(default_factory=list)  # Kính gửi (công văn)
    bases: list[Base] = Field(default_factory=list)
    preamble: str | None = None  # body text before the first section (căn cứ, lead paragraph)
    sections: list[Section] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    conclusion: str | None = None  # "Trên đây là …": the closing paragraph after the sections
    recipients: list[str] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    warnings: list[Warning] = Field(default_factory=list)
    provenance: dict[str, Span] = Field(default_factory=dict)
    recipient_spans: list[Span] = Field(default_factory=list)
    entities: list[Entity] | None = None
    expansions: dict[str, str] | None = None
    lines: list[str] | None = None  # the reader's lines, only when asked for (--lines)

    @property
    def date(self) -> _dt.date | None:
        """The date of issue as a datetime.date (None when absent or partial: `issued.date`
        keeps the ISO text, "2023-03" when the day was left blank)."""
        return self.issued.date_value

    def walk_sections(self) -> list[Section]:
        """All sections depth-first, in document order."""
        out: list[Section] = []

        def visit(nodes: list[Section]) -> None:
            for node in nodes:
                out.append(node)
                visit(node.children)

        visit(self.sections)
        return out

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.walk_sections() if s.id == section_id), None)

    def inferred(self, field: str) -> bool:
        """The field was not printed where it belongs; the parser inferred it from the text."""
        return any(w.code == "field_inferred" and w.field == field for w in self.warnings)

    def warn(self, code: str, message: str, field: str | None = None) -> None:
        self.warnings.append(Warning(code=code, field=field, message=message))

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=False)


def json_schema() -> dict[str, object]:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "vbparse Document"
    return schema
