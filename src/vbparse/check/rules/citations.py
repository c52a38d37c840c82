"""citation_incomplete: the first citation of a document must give its type, number and symbol,
date and issuing body (Phụ lục I, mục II.6.b); later citations may be short.

Each số/ký hiệu in the body is keyed by its compact form; at its first mention the text just
before it must name the type ("Kế hoạch số …"), and the text after it the date ("ngày …") and the
issuer ("của …", "do … ban hành"), or the issuer must stand before the type ("… của Phòng GDĐT").
"""

from __future__ import annotations

import re

from ...extract import cues
from ...extract.refs import find_date
from ...readers.base import Line, Zone
from ...text.normalize import strip_diacritics
from ...vocab import ALL_TYPE_NAMES
from ..lint import LintContext, Severity

_REF = re.compile(
    r"(?<![\w/.-])(\d{1,6}[a-z]?(?:\s?/\s?(?:19|20)\d\d)?\s?/\s?[A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/][A-Za-zĐđ0-9&]+)*)"
)
_TYPE_BEFORE = re.compile(
    r"(?:" + "|".join(strip_diacritics(n) for n in ALL_TYPE_NAMES) + r")\s*(?:so\s*)?[:.]?\s*$",
    re.IGNORECASE,
)
_ISSUER_AFTER = re.compile(r"^[^;.]{0,80}?\b(của|do)\s+[A-ZĐÀ-Ỹ]")
_LOOKBACK = 40
_DATE_WINDOW = 25  # the date follows the number closely: "253/KH-GDĐT ngày 20 tháng 4 …"


def check(ctx: LintContext) -> None:
    own = re.sub(r"\s+", "", ctx.doc.number.raw or "")
    seen: set[str] = {own} if own else set()
    for line in _body(ctx):
        for m in _REF.finditer(line.text):
            key = re.sub(r"\s+", "", m.group(1))
            if key in seen:
                continue
            seen.add(key)
            missing = _missing_parts(line.text, m.start(1), m.end(1))
            if missing:
                start = _type_start(line.text, m.start(1))
                # The issuer alone is often plain from the symbol ("QĐ-TTg"): a lesser lapse.
                severity: Severity = "info" if missing == ["issuer"] else "warning"
                ctx.add(
                    "citation_incomplete",
                    severity,
                    line,
                    "citation_incomplete",
                    start=start,
                    end=m.end(1),
                    ref=key,
                    missing="+".join(missing),
                )


def _body(ctx: LintContext) -> list[Line]:
    """Lines after the header and before the closing (where citations stand)."""
    header_lines = {
        s.line for name, s in ctx.doc.provenance.items() if name in ("number", "issued", "subject")
    }
    return [
        ln
        for ln in ctx.lines
        if ln.index not in header_lines
        and not cues.is_upper(ln.text)
        and ln.zone
        not in (Zone.HEADER_LEFT, Zone.HEADER_RIGHT, Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)
    ]


def _missing_parts(text: str, start: int, end: int) -> list[str]:
    before = strip_diacritics(text[max(0, start - _LOOKBACK) : start])
    after = text[end:]
    missing = []
    if not _TYPE_BEFORE.search(before):
        missing.append("type")
    found = find_date(after[: _DATE_WINDOW + 30])
    if found is None or found.start > _DATE_WINDOW:
        missing.append("date")
    head = text[max(0, start - 120) : start]
    if not _ISSUER_AFTER.match(after) and not re.search(r"\b(của|do)\s+[A-ZĐÀ-Ỹ][^;]*$", head):
        missing.append("issuer")
    return missing


def _type_start(text: str, start: int) -> int:
    before = strip_diacritics(text[max(0, start - _LOOKBACK) : start])
    m = _TYPE_BEFORE.search(before)
    return max(0, start - _LOOKBACK) + m.start() if m else start
