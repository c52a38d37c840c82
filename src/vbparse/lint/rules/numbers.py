"""number_format: the số/ký hiệu against Phụ lục I (mục II.3) and the type codes of Phụ lục III.

State style "Số: 36/KH-THBTD", "Số: 49/2012/QĐ-UBND": "Số" then a colon, a slash between number
and symbol, hyphens between letter groups, no spaces, a leading zero below 10. Party and Đoàn
bodies write "Số 479-KH/TWĐTN"; that style is accepted when the issuer is such a body.
"""

from __future__ import annotations

import re

from ... import cues
from ...readers.base import Line
from ...text.normalize import strip_diacritics
from ...vocab import CODE_TYPES, TYPE_CODES
from ..model import LintContext

_GROUP = r"[A-Za-zÀ-ỹĐđƠơƯư0-9&]+"
STATE_RE = re.compile(rf"^\d+[a-z]?(?:/(?:19|20)\d\d)?/{_GROUP}(?:-{_GROUP})*$")
PARTY_RE = re.compile(rf"^\d+[a-z]?-{_GROUP}/{_GROUP}(?:[-/]{_GROUP})*$")
_PARTY_BODY = re.compile(
    r"\b(DANG|DOAN|CHI BO|(?:HUYEN|TINH|THANH|QUAN|THI|DANG) UY|TWDTN|HOI LIEN HIEP)\b"
)
# Codes a number may carry whatever the title says (a consolidated text keeps its own code).
_ANY_TITLE = {"VBHN"}


def check(ctx: LintContext) -> None:
    doc = ctx.doc
    raw = doc.number.raw
    span = doc.provenance.get("number")
    line = ctx.line_at(span)
    if not raw or line is None or span is None:
        return
    start, end = span.start, span.end
    party_ok = is_party_body(ctx)
    _label(ctx, line, party_ok)
    compact = re.sub(r"\s+", "", raw)
    if compact != raw:
        ctx.add(
            "number_format",
            "warning",
            line,
            "number_spaces",
            start=start,
            end=end,
            fix=compact,
            found=raw,
        )
    if not (STATE_RE.match(compact) or (party_ok and PARTY_RE.match(compact))):
        if PARTY_RE.match(compact):
            ctx.add(
                "number_format",
                "error",
                line,
                "number_party_style",
                start=start,
                end=end,
                fix=_state_form(compact),
                found=raw,
            )
        elif doc.number.number is not None:
            ctx.add(
                "number_format",
                "error",
                line,
                "number_separator",
                start=start,
                end=end,
                fix=_state_form(compact),
                found=raw,
            )
    number = doc.number.number
    if number and number.isdigit() and int(number) < 10 and not number.startswith("0"):
        ctx.add(
            "number_format",
            "warning",
            line,
            "number_leading_zero",
            start=start,
            end=end,
            fix="0" + compact,
            found=raw,
        )
    _type_code(ctx, line, start, end)


def is_party_body(ctx: LintContext) -> bool:
    """Whether the issuer is a Party or Đoàn body (their numbers take the Party style)."""
    if any(cues.party_span(ln.text) for ln in ctx.lines[:30]):
        return True
    issuer = ctx.doc.issuer
    text = " ".join(filter(None, (issuer.parent, issuer.name)))
    return bool(text and _PARTY_BODY.search(strip_diacritics(text).upper()))


def _label(ctx: LintContext, line: Line, party_ok: bool) -> None:
    m = cues.NUMBER_LINE.match(line.text)
    if not m or party_ok:
        return
    label = line.text[: m.start("raw")]
    if ":" not in label:
        ctx.add(
            "number_format",
            "warning",
            line,
            "number_colon",
            start=0,
            end=len(label.rstrip()),
            fix="Số:",
        )


def _state_form(compact: str) -> str | None:
    """ "36-KH-THBTD", "36/KH/THBTD" → "36/KH-THBTD" (number, then groups joined by hyphens)."""
    m = re.match(r"^(\d+[a-z]?)[-/._](.+)$", compact)
    if not m:
        return None
    groups = [g for g in re.split(r"[-/._]+", m.group(2)) if g]
    year = groups.pop(0) + "/" if groups and re.fullmatch(r"(?:19|20)\d\d", groups[0]) else ""
    return f"{m.group(1)}/{year}{'-'.join(groups)}" if groups else None


def _type_code(ctx: LintContext, line: Line, start: int, end: int) -> None:
    doc = ctx.doc
    got = doc.number.type_code
    symbol = doc.number.symbol or doc.number.raw or ""
    name = doc.doc_type.name
    if name and doc.doc_type.inferred_from == "title":
        expected = TYPE_CODES.get(name)
        if not expected or got in _ANY_TITLE:
            return
        if got is None:
            ctx.add(
                "number_format",
                "error",
                line,
                "number_type_missing",
                start=start,
                end=end,
                found=symbol,
                expected=expected,
                type_name=name,
            )
        elif got != expected:
            ctx.add(
                "number_format",
                "error",
                line,
                "number_type_mismatch",
                start=start,
                end=end,
                found=symbol,
                got=got,
                expected=expected,
                type_name=name,
                fix=(doc.number.raw or "").replace(got, expected, 1),
            )
    elif name is None and got is not None and got not in _ANY_TITLE and _is_cong_van(ctx):
        ctx.add(
            "number_format",
            "warning",
            line,
            "number_cong_van_code",
            start=start,
            end=end,
            found=symbol,
            got=got,
            type_name=CODE_TYPES.get(got, got),
        )


def _is_cong_van(ctx: LintContext) -> bool:
    """A công văn shows itself by its "V/v" trích yếu or its "Kính gửi" line."""
    if ctx.doc.addressees:
        return True
    subject = ctx.provenance("subject")
    return subject is not None and bool(cues.VV_LINE.match(subject.text))
