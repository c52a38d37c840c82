"""The document model: one typed, JSON-serialisable description of a parsed document.

Every reader and extractor works towards this model; every exporter and checker reads it.
`json_schema()` is the published JSON Schema (`vbparse schema`).
Field names follow the public JSON contract (README); extra keys are additive.

The classes are plain dataclasses, so that parsing a document imports nothing heavy (issue #17).
Their JSON (`to_json`) is exactly what pydantic writes for them; pydantic itself is imported only
where JSON is validated into a model (`model_validate`) or the JSON Schema is generated.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import MISSING, dataclass
from dataclasses import field as _field
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter

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


_M = TypeVar("_M", bound="_Model")
_T = TypeVar("_T")


def _model(cls: type[_T]) -> type[_T]:
    """A model class: a slotted dataclass (what pydantic reads for validation and the schema)
    whose __init__ (keyword arguments only), __eq__ and __repr__ are `_Model`'s: the ones
    dataclass generates cost a compile each at import, most of a cold start's model time."""
    return dataclass(slots=True, init=False, repr=False, eq=False)(cls)


# Per class: (name, default, default factory) of each field, MISSING where there is none.
_Spec = tuple[tuple[str, Any, Any], ...]
_SPECS: dict[type, _Spec] = {}


def _spec(cls: type[_Model]) -> _Spec:
    spec = _SPECS.get(cls)
    if spec is None:
        fields = cls.__dataclass_fields__.values()
        spec = _SPECS[cls] = tuple((f.name, f.default, f.default_factory) for f in fields)
    return spec


class _Model:
    """Shared behaviour of the model classes, with pydantic's method names where they meet."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]
    # Read by pydantic (schema, validation): unknown keys are an error.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __init__(self, **values: Any) -> None:
        for name, default, factory in _spec(type(self)):
            if name in values:
                value = values.pop(name)
            elif default is not MISSING:
                value = default
            elif factory is not MISSING:
                value = factory()
            else:
                raise TypeError(f"{type(self).__name__}() missing keyword argument {name!r}")
            setattr(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword(s) {sorted(values)}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__dataclass_fields__)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclasses would be

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__dataclass_fields__)
        return f"{type(self).__name__}({args})"

    def to_dict(self, *, exclude: set[str] | None = None) -> dict[str, Any]:
        """Plain Python data (nested models as dicts), field by field in declaration order."""
        return {
            name: _plain(getattr(self, name))
            for name in self.__dataclass_fields__
            if not exclude or name not in exclude
        }

    def model_dump(self, *, exclude: set[str] | None = None) -> dict[str, Any]:
        return self.to_dict(exclude=exclude)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON text, byte for byte what pydantic's `model_dump_json` writes: non-ASCII as
        is, `indent=None` compact without spaces."""
        out: list[str] = []
        _write(self, out, "\n", indent)
        return "".join(out)

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return self.to_json(indent=indent)

    @classmethod
    def model_validate(cls: type[_M], data: Any) -> _M:
        """Validate plain data (parsed JSON) into this model; pydantic.ValidationError if it does
        not fit."""
        return _adapter(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls: type[_M], text: str | bytes) -> _M:
        return _adapter(cls).validate_json(text)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        schema = _adapter(cls).json_schema()
        _describe(schema, cls)
        return schema


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(cls: type) -> TypeAdapter[Any]:
    """Pydantic's validator and schema of `cls`, built on first use: parsing never pays for it."""
    if cls not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def _plain(value: Any) -> Any:
    if isinstance(value, _Model):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _float(x: float) -> str:
    """A float as pydantic writes it: null for inf/nan, 0.000012 for 1.2e-05, 1e-7 for 1e-07."""
    if not math.isfinite(x):
        return "null"
    text = repr(x)
    if "e-" not in text:
        return text
    mantissa, exponent = text.split("e-")
    if exponent == "05":
        sign = "-" if mantissa.startswith("-") else ""
        return sign + "0.0000" + mantissa.lstrip("-").replace(".", "")
    return f"{mantissa}e-{int(exponent)}"


def _write(value: Any, out: list[str], newline: str, step: int | None) -> None:
    """Append the JSON of `value` to `out`: `newline` is the line break and indent of the current
    level, `step` the indent per level (None: compact, no line breaks or spaces)."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None or isinstance(value, bool):
        out.append("null" if value is None else "true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, _Model | dict):
        items = (
            [(k, getattr(value, k)) for k in value.__dataclass_fields__]
            if isinstance(value, _Model)
            else list(value.items())
        )
        _write_items(items, out, newline, step, "{}")
    elif isinstance(value, list | tuple):
        _write_items(list(value), out, newline, step, "[]")
    else:
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _write_items(
    items: list[Any], out: list[str], newline: str, step: int | None, ends: str
) -> None:
    if not items:
        out.append(ends)
        return
    inner = "" if step is None else newline + " " * step
    out.append(ends[0] + inner)
    for k, item in enumerate(items):
        if k:
            out.append("," + inner)
        if ends == "{}":
            out.append(encode_basestring(item[0]) + (":" if step is None else ": "))
            item = item[1]
        _write(item, out, inner, step)
    out.append(("" if step is None else newline) + ends[1])


def _describe(schema: dict[str, Any], root: type) -> None:
    """Give each class's schema its docstring as the description, as pydantic does for its own
    models (for dataclasses it leaves the description out)."""
    import inspect

    defs = schema.get("$defs", {})
    for cls in _Model.__subclasses__():
        target = schema if cls is root else defs.get(cls.__name__)
        doc = cls.__doc__ or ""
        if target is None or not doc or doc.startswith(cls.__name__ + "("):  # generated doc
            continue
        target["description"] = inspect.cleandoc(doc)
        ordered = dict(sorted(target.items()))  # pydantic's key order
        target.clear()
        target.update(ordered)


@_model
class Span(_Model):
    """Where a value stands: `line` is the index into the reader's lines (see `lines` in the
    output with --lines), `start`/`end` character offsets into that line's text; `source` is the
    position in the file itself (line number, paragraph, table cell, page)."""

    line: int
    start: int = 0
    end: int = 0
    source: dict[str, int | float | list[float]] = _field(default_factory=dict)

    def __post_init__(self) -> None:
        # What validation made of a bbox: a list of floats (a tuple of ints reads as 12.0, …).
        for key, value in self.source.items():
            if isinstance(value, list | tuple):
                self.source[key] = [float(v) for v in value]


@_model
class Source(_Model):
    path: str
    format: str
    sha256: str | None = None
    encoding: str | None = None
    pages: list[dict[str, object]] = _field(default_factory=list)


@_model
class DocType(_Model):
    name: str | None = None  # "Kế hoạch"
    code: str | None = None  # "KH" (Phụ lục III), or the legal type code ("NĐ", "TT", "L")
    inferred_from: Literal["title", "number", "subject", "none"] = "none"


@_model
class DocNumber(_Model):
    """Số và ký hiệu. State style 36/KH-THBTD, 49/2012/QĐ-UBND; Party/Đoàn style 479-KH/TWĐTN."""

    raw: str | None = None  # as written after "Số:"
    number: str | None = None  # digits as written ("36", "05"); null when left blank
    symbol: str | None = None  # ký hiệu after the number, spaces removed ("KH-THBTD")
    type_code: str | None = None  # "KH"; null for công văn
    issuer_code: str | None = None  # "THBTD"
    year: int | None = None  # the year inside the number (49/2012/QĐ-UBND), if any
    style: Literal["state", "party", "unknown"] = "unknown"


@_model
class Issued(_Model):
    place: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD; YYYY-MM or YYYY when the day is blank/unreadable
    raw: str | None = None

    @property
    def date_value(self) -> _dt.date | None:
        """The date of issue as a datetime.date; None when absent or partial (see `date`)."""
        return to_date(self.date)


@_model
class Issuer(_Model):
    name: str | None = None  # cơ quan, tổ chức ban hành
    parent: str | None = None  # cơ quan, tổ chức chủ quản


@_model
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


@_model
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
    children: list[Section] = _field(default_factory=list)
    span: Span | None = None
    end_line: int | None = None  # last line index the section (with children) covers


@_model
class Responsibility(_Model):
    actor: str
    duties: list[str] = _field(default_factory=list)
    section_id: str


@_model
class Signer(_Model):
    authority: str | None = (
        None  # the whole authority line, "KT. BỘ TRƯỞNG" / "TM. ỦY BAN NHÂN DÂN"
    )
    authority_prefix: str | None = None  # "TM.", "KT.", "TL.", "Q.", "TUQ."
    title: str | None = None  # chức vụ of the person who signs: "PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG"
    name: str | None = (
        None  # as printed, with a rank or degree before it: "Thượng tướng Vũ Hải Sản"
    )
    rank: str | None = None  # that rank or degree alone ("Thượng tướng", "TS."), else None


@_model
class Warning(_Model):
    code: str  # stable: "field_missing", "field_inferred", "ambiguous", "read", …
    field: str | None = None
    message: str


@_model
class Entity(_Model):
    type: Literal["ORG", "LOC", "PER", "DATE", "PERIOD", "QUOTE", "DOCREF"]
    text: str
    value: str | dict[str, str] | None = None
    start: int
    end: int
    source: str | None = None  # which component found it


@_model
class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    doc_type: DocType = _field(default_factory=DocType)
    number: DocNumber = _field(default_factory=DocNumber)
    issued: Issued = _field(default_factory=Issued)
    issuer: Issuer = _field(default_factory=Issuer)
    national_header: bool = False  # Quốc hiệu present
    motto: bool = False  # Tiêu ngữ present
    party_header: bool = False  # "ĐẢNG CỘNG SẢN VIỆT NAM" in place of the Quốc hiệu (Party bodies)
    subject: str | None = None  # trích yếu
    addressees: list[str] = _field(default_factory=list)  # Kính gửi (công văn)
    bases: list[Base] = _field(default_factory=list)
    preamble: str | None = None  # body text before the first section (căn cứ, lead paragraph)
    sections: list[Section] = _field(default_factory=list)
    responsibilities: list[Responsibility] = _field(default_factory=list)
    conclusion: str | None = None  # "Trên đây là …": the closing paragraph after the sections
    recipients: list[str] = _field(default_factory=list)
    signer: Signer = _field(default_factory=Signer)
    warnings: list[Warning] = _field(default_factory=list)
    provenance: dict[str, Span] = _field(default_factory=dict)
    recipient_spans: list[Span] = _field(default_factory=list)
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


def json_schema() -> dict[str, object]:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "vbparse Document"
    return schema
