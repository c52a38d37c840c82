"""missing_component: a component Nghị định 30/2020 (Phụ lục I, mục II) requires is absent.

The parsed Document says first whether a component was found. Where the parser found nothing,
the reader's lines get a second look for the component's cue (a header-left line in capitals, a
known title in the signer block, a person's name, a "Lưu" line), so that a parser gap is not
reported to the clerk as a defect of the document.
"""

from __future__ import annotations

import re

from ...extract import cues
from ...readers.base import Line, Zone
from ...vocab import TITLES
from ..lint import LintContext

_HEADER_SCAN = 30
_CLOSING_TAIL = 12  # flat text: the signer block is within the last lines
_TRAILING_NAME = re.compile(r"((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*$")
_SIGNED_NOTE = re.compile(r"\((?:đã\s+)?ký[^)]*\)", re.IGNORECASE)
_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*L[ưu]u\b", re.IGNORECASE)


def check(ctx: LintContext) -> None:
    doc = ctx.doc
    lines = ctx.lines
    if not lines:
        return
    first = lines[0]
    number_line = ctx.provenance("number") or _find(lines[:_HEADER_SCAN], cues.NUMBER_LINE.match)
    header_anchor = number_line or first

    if not doc.national_header and not _find(lines[:_HEADER_SCAN], cues.national_span):
        _missing(ctx, header_anchor, "national_header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    if not doc.motto and not _find(lines[:_HEADER_SCAN], cues.motto_span):
        _missing(ctx, header_anchor, "motto", "Độc lập - Tự do - Hạnh phúc")
    if not doc.issuer.name and not _issuer_line(lines, number_line):
        _missing(ctx, header_anchor, "issuer")
    if not doc.number.raw and number_line is None:
        _missing(ctx, first, "number")
    if not doc.issued.date and not doc.issued.raw:
        _missing(ctx, header_anchor, "issued")
    is_cong_van = doc.doc_type.name is None and doc.number.type_code is None
    type_line = ctx.provenance("doc_type") or ctx.provenance("subject") or header_anchor
    if doc.doc_type.name is None and not is_cong_van:
        _missing(ctx, type_line, "doc_type")
    if not doc.subject:
        _missing(ctx, type_line, "subject")

    closing = _closing_lines(ctx)
    name_line = ctx.provenance("signer.name") or _find(closing, _person_name)
    title_line = ctx.provenance("signer") if doc.signer.title else _find(closing, _title)
    signer_anchor = name_line or title_line or lines[-1]
    if not doc.signer.title and title_line is None:
        _missing(ctx, signer_anchor, "signer_title")
    if not doc.signer.name and name_line is None:
        _missing(ctx, signer_anchor, "signer_name")
    recipients_line = ctx.provenance("recipients") or _find(lines, cues.RECIPIENTS.match)
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


def _missing(ctx: LintContext, anchor: Line | None, component: str, fix: str | None = None) -> None:
    ctx.add("missing_component", "error", anchor, "missing_component", fix=fix, component=component)


def _find(lines: list[Line], predicate: object) -> Line | None:
    return next((ln for ln in lines if predicate(ln.text)), None)  # type: ignore[operator]


def issuer_text(ctx: LintContext) -> str | None:
    """The issuing body as parsed, or the header line in capitals where it stands."""
    if ctx.doc.issuer.name:
        return " ".join(filter(None, (ctx.doc.issuer.parent, ctx.doc.issuer.name)))
    number_line = ctx.provenance("number")
    line = _issuer_line(ctx.lines, number_line)
    return line.text if line is not None else None


def _issuer_line(lines: list[Line], number_line: Line | None) -> Line | None:
    """A line in capitals where the issuing body stands: the header's left column, or above the
    number line in flat text. Quốc hiệu, Tiêu ngữ and the title are not it."""
    stop = number_line.index if number_line is not None else None
    for line in lines[:_HEADER_SCAN]:
        if stop is not None and line.index >= stop and line.zone is not Zone.HEADER_LEFT:
            break
        text = line.text
        if line.zone is Zone.HEADER_RIGHT or cues.national_span(text) or cues.motto_span(text):
            continue
        if cues.NUMBER_LINE.match(text) or cues.VV_LINE.match(text) or cues.title_type(text):
            continue
        if cues.is_upper(text) and not cues.RULE_LINE.match(text):
            return line
    return None


def _closing_lines(ctx: LintContext) -> list[Line]:
    zoned = [ln for ln in ctx.lines if ln.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)]
    return zoned or ctx.lines[-_CLOSING_TAIL:]


def _person_name(text: str) -> bool:
    text = _SIGNED_NOTE.sub("", text).strip()
    if cues.is_person_name(text):
        return True
    m = _TRAILING_NAME.search(text)
    return bool(m and cues.is_person_name(m.group(1)) and cues.is_upper(text[: m.start(1)] or "XX"))


def _title(text: str) -> bool:
    """An upper-case line (or an upper-case head before the name) holding a known title."""
    m = _TRAILING_NAME.search(text)
    head = text[: m.start(1)] if m else text
    return cues.is_upper(head) and any(t in head for t in TITLES)
