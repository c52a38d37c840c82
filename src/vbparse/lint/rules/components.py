"""missing_component: a component Nghị định 30/2020 (Phụ lục I, mục II) requires is absent.

The parsed Document says whether a component was found. Two second looks remain, where the
parser is known to fall short: the signer's name on a line it does not read as a name
("Nguyễn Mạnh Kiểm (Đã ký)"), and the "Lưu" line after Nơi nhận when the recipients list ends
early. When the parser gives no position, the finding stands at the number line, the last line or
the first: lint never fails on a Document with parts missing.
"""

from __future__ import annotations

import re

from ... import cues
from ...model import Document
from ...readers.base import Line, Zone
from ..form.tables import MISSING_REFS
from ..model import LintContext

_HEADER_SCAN = 30
_CLOSING_TAIL = 12  # flat text: the signer block is within the last lines
_TRAILING_NAME = re.compile(r"((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*$")
# Types printed without a type name (công văn), or titled by the text they consolidate.
_NAMELESS_TYPES = frozenset({"Công văn", "Thư công", "Văn bản hợp nhất"})
_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*L[ưu]u\b", re.IGNORECASE)


def check(ctx: LintContext) -> None:
    doc = ctx.doc
    lines = ctx.lines
    if not lines:
        return
    first = lines[0]
    number_line = ctx.provenance("number") or _find(lines[:_HEADER_SCAN], cues.NUMBER_LINE.match)
    header_anchor = number_line or first

    if not doc.national_header:
        _missing(ctx, header_anchor, "national_header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    if not doc.motto:
        _missing(ctx, header_anchor, "motto", "Độc lập - Tự do - Hạnh phúc")
    if not doc.issuer.name or doc.inferred("issuer"):
        _missing(ctx, header_anchor, "issuer")
    if not doc.number.raw and number_line is None:
        _missing(ctx, first, "number")
    if not doc.issued.date and not doc.issued.raw:
        _missing(ctx, header_anchor, "issued")
    is_cong_van = doc.doc_type.name is None and doc.number.type_code is None
    type_line = ctx.provenance("doc_type") or ctx.provenance("subject") or header_anchor
    if (doc.doc_type.name is None and not is_cong_van) or _type_name_unprinted(doc):
        _missing(ctx, type_line, "doc_type")
    if not doc.subject:
        _missing(ctx, type_line, "subject")
    cong_van = is_cong_van or doc.doc_type.name == "Công văn"
    if (
        cong_van
        and not doc.addressees
        and not _find(lines[: _HEADER_SCAN + 10], cues.ADDRESSEE.match)
    ):
        _missing(ctx, ctx.provenance("subject") or header_anchor, "addressee", "Kính gửi: …")

    name_line = ctx.provenance("signer.name")
    if not doc.signer.name and name_line is None:
        name_line = _find(_closing_lines(ctx), _person_name)
    title_line = ctx.provenance("signer") if doc.signer.title else None
    signer_anchor = name_line or title_line or lines[-1]
    # "Q. GIÁM ĐỐC" is the acting head's title itself (Phụ lục I, mục II, khoản 7, điểm b)
    acting = doc.signer.authority_prefix == "Q." and bool(doc.signer.authority)
    if (not doc.signer.title or doc.inferred("signer.title")) and not acting:
        _missing(ctx, signer_anchor, "signer_title")
    if not doc.signer.name and name_line is None:
        _missing(ctx, signer_anchor, "signer_name")
    recipients_line = ctx.provenance("recipients")
    if recipients_line is None and not doc.recipients:
        _missing(ctx, signer_anchor, "recipients", "Nơi nhận:")
        return
    after = [ln for ln in lines if recipients_line is None or ln.index >= recipients_line.index]
    if not any(r.lower().startswith("lưu") for r in doc.recipients) and not _find(
        after, _ARCHIVE.match
    ):
        spans = doc.recipient_spans
        last = ctx.line_at(spans[-1]) if spans else recipients_line
        _missing(ctx, last, "archive", "- Lưu: VT, …")


def _type_name_unprinted(doc: Document) -> bool:
    """A type that has a name (not công văn) read only from the number's code: no title line."""
    return (
        doc.inferred("doc_type")
        and doc.doc_type.inferred_from == "number"
        and doc.doc_type.name not in _NAMELESS_TYPES
    )


def _missing(ctx: LintContext, anchor: Line | None, component: str, fix: str | None = None) -> None:
    ref = MISSING_REFS.get(component, "")
    ctx.add(
        "missing_component", "error", anchor, "missing_component", fix=fix, component=component,
        ref=ref,
    )  # fmt: skip


def _find(lines: list[Line], predicate: object) -> Line | None:
    return next((ln for ln in lines if predicate(ln.text)), None)  # type: ignore[operator]


def _closing_lines(ctx: LintContext) -> list[Line]:
    zoned = [ln for ln in ctx.lines if ln.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)]
    return zoned or ctx.lines[-_CLOSING_TAIL:]


def _person_name(text: str) -> bool:
    text = cues.SIGNED_NOTE_IN_LINE.sub("", text).strip()
    if cues.is_person_name(text):
        return True
    m = _TRAILING_NAME.search(text)
    return bool(m and cues.is_person_name(m.group(1)) and cues.is_upper(text[: m.start(1)] or "XX"))
