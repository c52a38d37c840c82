"""citation_incomplete: the first citation of a document must give its type, number and symbol,
date and issuing body (Phụ lục I, mục II.6.b); later citations may be short.

Each số/ký hiệu in the running text is keyed by its number and symbol (the year left out, so that
"Quyết định số 62/QĐ-TTg" after "số 62/2011/QĐ-TTg" is a later mention). At its first mention
the text around it must give:
- the type: "Kế hoạch số …", "Pháp lệnh Ưu đãi người có công số …", "Văn bản số …", or the type
  of the citation it continues ("các Quyết định … số 142/2008/QĐ-TTg …, số 53/2010/QĐ-TTg");
- the date: just after the number ("253/KH-GDĐT ngày 20 tháng 4 …"), or earlier in the same clause
  ("Ngày 12/6/2015, Bộ Quốc phòng đã có Công văn số 4966/BQP-CT");
- the issuer: "của …", "do … ban hành", or a body named before the type ("Bộ Tài chính (Văn bản
  số …)", "Văn phòng Chính phủ có văn bản số …").
Laws, codes, the Constitution and ordinances are cited by type and name alone (the decree says
so), and citations in tables are left alone: a table lists documents, it does not introduce them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import cues
from ...extract.refs import find_date
from ...readers.base import Line, Zone
from ...text.normalize import strip_diacritics
from ...vocab import ALL_TYPE_NAMES, ORG_HEADS
from ..model import LintContext, Severity

_REF = re.compile(
    r"(?<![\w/.-])(\d{1,6}[a-z]?(?:\s?/\s?(?:19|20)\d\d)?\s?/\s?[A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/][A-Za-zĐđ0-9&]+)*)"
)
_YEAR = re.compile(r"/(?:19|20)\d\d/")
_TYPES = "|".join(strip_diacritics(n) for n in (*ALL_TYPE_NAMES, "Văn bản"))
# On the text before the number, without diacritics: the type right before "số", or the type and
# a few words of its name ("Pháp lệnh Ưu đãi người có công với cách mạng số").
_TYPE_BEFORE = re.compile(
    rf"^.*\b({_TYPES})(?:\s*(?:so\s*)?[:.]?|\s[^;:.,()/\d]{{0,70}}?\bso)\s*$", re.IGNORECASE
)
# Cited by type and name: no number, date or issuer is asked for.
_NAMED_ONLY = {strip_diacritics(n).lower() for n in ("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")}
_ISSUER_AFTER = re.compile(r"^[^;.]{0,80}?\b(của|do)\s+[A-ZĐÀ-Ỹ]")
_ISSUER_HEAD = re.compile(r"\b(của|do)\s+[A-ZĐÀ-Ỹ][^;]*$")


def _org_pattern() -> str:
    heads = {strip_diacritics(h) for h in (*ORG_HEADS, "CHÍNH PHỦ", "THỦ TƯỚNG", "QUỐC HỘI")}
    # Running text writes a body "Bộ Tài chính" (first letter capital) or "UBND".
    forms = heads | {h[0] + h[1:].lower() for h in heads}
    return "|".join(sorted(forms, key=len, reverse=True))


# A body named before the type, as the subject ("Bộ Quốc phòng đã có Công văn số") or with the
# citation in brackets after it ("Bộ Tài chính (Văn bản số …)").
_ISSUER_BEFORE = re.compile(
    rf"\b(?:{_org_pattern()})\b[^;]{{0,80}}?(?:\s(?:da\s+)?(?:co|ban hanh|gui)(?:\s+cac)?\s*|\s*\(\s*)$"
)
_CONTINUES = re.compile(r"^[^;.]{0,40}?(?:,|\bva)\s*(?:so\s*)?$")  # "…, số 53/…", "… và số 62/…"
_LOOKBACK = 120
_DATE_WINDOW = 25  # the date follows the number closely: "253/KH-GDĐT ngày 20 tháng 4 …"
_CLAUSE = re.compile(r"[;]|\.\s")


@dataclass
class _Cited:
    end: int
    typed: bool
    issuer: bool


def check(ctx: LintContext) -> None:
    seen: set[str] = set()
    if ctx.doc.number.raw:
        seen.add(_key(ctx.doc.number.raw))
    for line in _body(ctx):
        prev: _Cited | None = None
        for m in _REF.finditer(line.text):
            key = _key(m.group(1))
            cited = _cite(ctx, line, m, prev, first=key not in seen)
            seen.add(key)
            prev = cited


def _key(ref: str) -> str:
    """A number and symbol as one key, the year left out: "62/2011/QĐ-TTg" → "62/QĐ-TTg"."""
    return _YEAR.sub("/", re.sub(r"\s+", "", ref))


def _cite(
    ctx: LintContext, line: Line, m: re.Match[str], prev: _Cited | None, *, first: bool
) -> _Cited:
    text = line.text
    start, end = m.start(1), m.end(1)
    lookback = max(0, start - _LOOKBACK)
    before = strip_diacritics(text[lookback:start])
    type_m = _TYPE_BEFORE.search(before)
    continued = prev is not None and _CONTINUES.match(strip_diacritics(text[prev.end : start]))
    typed = bool(type_m) or bool(continued and prev and prev.typed)
    type_start = lookback + type_m.start(1) if type_m else start
    head = text[lookback:type_start]
    issuer = bool(
        _ISSUER_AFTER.match(text[end:])
        or _ISSUER_HEAD.search(text[max(0, start - _LOOKBACK) : start])
        or _ISSUER_BEFORE.search(strip_diacritics(_clause_tail(head)))
        or (continued and prev and prev.issuer)
    )
    cited = _Cited(end=end, typed=typed, issuer=issuer)
    if not first or (type_m and type_m.group(1).lower() in _NAMED_ONLY):
        return cited
    missing = []
    if not typed:
        missing.append("type")
    if not _dated(text[end:], _clause_tail(head)):
        missing.append("date")
    if not issuer:
        missing.append("issuer")
    if missing:
        # The issuer alone is often plain from the symbol ("QĐ-TTg"): a lesser lapse.
        severity: Severity = "info" if missing == ["issuer"] else "warning"
        ctx.add(
            "citation_incomplete",
            severity,
            line,
            "citation_incomplete",
            start=type_start,
            end=end,
            ref=re.sub(r"\s+", "", m.group(1)),
            missing="+".join(missing),
        )
    return cited


def _clause_tail(head: str) -> str:
    """The part of `head` after its last clause boundary (a semicolon or a full stop)."""
    bounds = [b.end() for b in _CLAUSE.finditer(head)]
    return head[bounds[-1] :] if bounds else head


def _dated(after: str, clause_head: str) -> bool:
    found = find_date(after[: _DATE_WINDOW + 30])
    if found is not None and found.start <= _DATE_WINDOW:
        return True
    # "Ngày 19 tháng 9 năm 2013, Văn phòng Chính phủ có văn bản số …": dated before the type.
    return find_date(clause_head) is not None and not _REF.search(clause_head)


def _body(ctx: LintContext) -> list[Line]:
    """Lines of running text after the header and before the closing (where citations stand)."""
    header_lines = {
        s.line for name, s in ctx.doc.provenance.items() if name in ("number", "issued", "subject")
    }
    skipped = (Zone.HEADER_LEFT, Zone.HEADER_RIGHT, Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)
    return [
        ln
        for ln in ctx.lines
        if ln.zone not in skipped
        and ln.zone is not Zone.TABLE
        and ln.index not in header_lines
        and _REF.search(ln.text)
        and not cues.is_upper(ln.text)
    ]
