"""Consistency findings of a school's plan against the district plan it implements.

Every rule reads what the parent document says about itself (number, date, issuer, period,
deadlines, quoted names); nothing here knows any particular plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.refs import DATE_NUMERIC_RE, DATE_WORDS_RE, find_date
from ..messages import Lang, render
from ..model import Base, Document, Section
from ..text.normalize import match_key
from .align import Coverage, Unit, acronym, section_text, source_line
from .similarity import TermIndex, quote_key, quote_similarity, quotes
from .targets import actor_mismatches, weaker_targets

SEVERITY = {
    "parent_reference_missing": "error",
    "parent_reference_mismatch": "error",
    "date_order": "error",
    "period_mismatch": "warning",
    "deadline_mismatch": "error",
    "quote_mismatch": "warning",
    "target_mismatch": "error",
    "actor_mismatch": "warning",
}
# Two quoted names this close (shared words over the longer one) are one name, one altered.
QUOTE_ALTERED = 0.6


@dataclass
class Location:
    section: str | None = None
    line: int | None = None  # line number in the file (1-based) when known
    text: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"section": self.section, "line": self.line, "text": self.text}


@dataclass
class Finding:
    code: str
    message: str
    parent_location: Location = field(default_factory=Location)
    child_location: Location = field(default_factory=Location)

    @property
    def severity(self) -> str:
        return SEVERITY.get(self.code, "warning")


def _field_location(doc: Document, name: str, text: str | None) -> Location:
    span = doc.provenance.get(name)
    line = span.source.get("line") if span else None
    return Location(None, int(line) if isinstance(line, (int, float)) else None, text or "")


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the citation of the parent -----------------------------------------------------------------


def _issuer_key(name: str) -> str:
    # The place that follows the office's name is often left out or added ("Phòng GD&ĐT huyện
    # Tam Nông" for the header's "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), and the name is often cited short.
    from ..abbreviations import spell_out

    key = match_key(spell_out(name))
    return re.sub(r"\s+(quận|huyện|thành phố|tỉnh|thị xã)\b.*$", "", key).strip()


def _same_issuer(cited: str | None, parent: Document) -> bool | None:
    """True/False when it can be told, None when either side is unknown."""
    if not cited:
        return None
    if parent.issuer.name:
        a, b = _issuer_key(cited), _issuer_key(parent.issuer.name)
        return a in b or b in a
    code = parent.number.issuer_code
    if code:
        return acronym(_issuer_key(cited)) == match_key(code).upper() or None
    return None


def _title_overlap(index: TermIndex, base: Base, parent: Document) -> float:
    if not base.title or not parent.subject:
        return 0.0
    return index.recall(parent.subject, base.title)


def _base_line(base: Base) -> int | None:
    if base.span is None:
        return None
    line = base.span.source.get("line")
    return int(line) if isinstance(line, (int, float)) else base.span.line + 1


def check_reference(
    parent: Document, child: Document, index: TermIndex, lines: list[str], lang: Lang = "vi"
) -> list[Finding]:
    p_num, p_sym = parent.number.number, parent.number.symbol
    p_date = parent.issued.date
    p_loc = _field_location(parent, "number", parent.number.raw)
    if not p_num and not p_sym:
        return []
    correct, nearest = _nearest_citation(parent, child, index)
    if correct:
        return []
    if nearest is not None:
        return _mismatch(parent, *nearest, p_loc, lang)
    # The citation may stand outside the opening paragraphs the base extractor reads.
    pattern = _number_pattern(p_num, p_sym)
    if pattern and any(pattern.search(text) for text in lines):
        return []
    return [
        Finding(
            "parent_reference_missing",
            render(
                "check.parent_reference_missing" + ("" if p_date else "_undated"),
                lang,
                ref=f"{p_num}/{p_sym}",
                date=fmt_date(p_date),
            ),
            p_loc,
            Location(
                None, None, "; ".join(_short(b.raw, 120) for b in child.bases) or "(no căn cứ)"
            ),
        )
    ]


def _nearest_citation(
    parent: Document, child: Document, index: TermIndex
) -> tuple[bool, tuple[Base, list[str]] | None]:
    """(whether a base of the child cites the parent correctly, else the base that cites it
    with something wrong and the particulars it gets wrong), the one that agrees most."""
    p_num, p_sym = parent.number.number, parent.number.symbol
    p_date = parent.issued.date
    best: tuple[int, Base, list[str]] | None = None
    for base in child.bases:
        same = {
            "number": base.number is not None
            and p_num is not None
            and base.number.lstrip("0") == p_num.lstrip("0"),
            "symbol": bool(base.symbol and p_sym and match_key(base.symbol) == match_key(p_sym)),
            "date": bool(base.date and base.date == p_date),
            "issuer": _same_issuer(base.issuer, parent) is True,
            "title": _title_overlap(index, base, parent) >= 0.6,
        }
        if (
            same["number"]
            and same["symbol"]
            and base.date in (None, p_date)
            and _same_issuer(base.issuer, parent) is not False
        ):
            return True, None
        agree = sum(same.values())
        # The parent cited with something wrong: most of its particulars still agree.
        if agree >= 3 or (agree >= 2 and (same["number"] or same["symbol"])):
            wrong = [
                k for k in ("number", "symbol", "date", "issuer") if not same[k] and _known(base, k)
            ]
            if best is None or agree > best[0]:
                best = (agree, base, wrong)
    return False, (best[1], best[2]) if best is not None else None


def _mismatch(
    parent: Document, base: Base, wrong: list[str], p_loc: Location, lang: Lang
) -> list[Finding]:
    """The finding for a citation of the parent with a wrong number, date or issuer."""
    p_num, p_sym, p_date = parent.number.number, parent.number.symbol, parent.issued.date
    cited = f"{base.number or '?'}/{base.symbol or '?'}"
    own = f"{p_num or '?'}/{p_sym or '?'}"
    parts = []
    if "number" in wrong or "symbol" in wrong:
        parts.append(render("check.ref_number", lang, cited=cited, own=own))
    if "date" in wrong:
        parts.append(
            render("check.ref_date", lang, cited=fmt_date(base.date), own=fmt_date(p_date))
        )
    if "issuer" in wrong:
        own_issuer = parent.issuer.name or parent.number.issuer_code
        parts.append(render("check.ref_issuer", lang, cited=base.issuer, own=own_issuer))
    if not parts:
        return []
    return [
        Finding(
            "parent_reference_mismatch",
            render("check.parent_reference_mismatch", lang, parts="; ".join(parts)),
            p_loc,
            Location(None, _base_line(base), _short(base.raw)),
        )
    ]


def _known(base: Base, key: str) -> bool:
    return getattr(base, key, None) is not None


def _number_pattern(number: str | None, symbol: str | None) -> re.Pattern[str] | None:
    if not number or not symbol:
        return None
    sym = r"\s*-\s*".join(re.escape(p) for p in symbol.split("-"))
    return re.compile(
        rf"(?<!\d)0*{re.escape(number.lstrip('0'))}\s*/\s*{sym}(?![\wĐđ])", re.IGNORECASE
    )


def fmt_date(iso: str | None) -> str:
    """An ISO date as Vietnamese documents write it: 5/6/2020."""
    if not iso:
        return "?"
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"


# --- dates and periods --------------------------------------------------------------------------


def check_date_order(parent: Document, child: Document, lang: Lang = "vi") -> list[Finding]:
    p, c = parent.issued.date, child.issued.date
    if not p or not c or c >= p:
        return []
    return [
        Finding(
            "date_order",
            render("check.date_order", lang, child=fmt_date(c), parent=fmt_date(p)),
            _field_location(parent, "issued", parent.issued.raw),
            _field_location(child, "issued", child.issued.raw),
        )
    ]


_SCHOOL_YEAR = re.compile(
    r"năm\s+học\s*((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!tháng\s)(?<!\d)\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def period_of(text: str) -> tuple[str, str] | None:
    """("school_year", "2020-2021") or ("year", "2020") from the first period `text` names."""
    text = DATE_WORDS_RE.sub(" ", text)
    text = DATE_NUMERIC_RE.sub(" ", text)
    school = _SCHOOL_YEAR.search(text)
    year = _YEAR.search(text)
    if school and (not year or school.start() <= year.start()):
        return "school_year", f"{school.group(1)}-{school.group(2)}"
    if year:
        return "year", year.group(1)
    return None


def _period_sources(doc: Document, lines: list[str]) -> list[tuple[str, int | None]]:
    """The title (trích yếu), then the opening lines that are not citations of other documents."""
    out: list[tuple[str, int | None]] = []
    if doc.subject:
        out.append((doc.subject, _field_location(doc, "subject", None).line))
    start = doc.provenance["doc_type"].line + 1 if "doc_type" in doc.provenance else 0
    first = (
        doc.sections[0].span.line if doc.sections and doc.sections[0].span else min(len(lines), 12)
    )
    cited = {b.span.line for b in doc.bases if b.span}
    for i in range(start, first):
        if i not in cited and i < len(lines):
            out.append((lines[i], None))
    return out


def find_period(doc: Document, lines: list[str]) -> tuple[tuple[str, str], Location] | None:
    for text, line in _period_sources(doc, lines):
        period = period_of(text)
        if period:
            return period, Location(None, line, _short(text))
    return None


def _describe(period: tuple[str, str], lang: Lang) -> str:
    return render(f"check.period_{period[0]}", lang, year=period[1])


def check_period(
    parent: Document, child: Document, p_lines: list[str], c_lines: list[str], lang: Lang = "vi"
) -> list[Finding]:
    p, c = find_period(parent, p_lines), find_period(child, c_lines)
    if not p or not c or p[0] == c[0]:
        return []
    return [
        Finding(
            "period_mismatch",
            render(
                "check.period_mismatch",
                lang,
                child=_describe(c[0], lang),
                parent=_describe(p[0], lang),
            ),
            p[1],
            c[1],
        )
    ]


# --- deadlines and reporting frequency ----------------------------------------------------------

# Frequencies as months between reports; a shorter interval satisfies a longer one. Each is named
# by the message "check.every_<months>".
_FREQUENCIES = (
    (re.compile(r"\b(hàng|hằng)\s+tháng\b|\bđịnh kỳ\s+tháng\b", re.IGNORECASE), 1),
    (
        re.compile(r"\b(hàng|hằng|mỗi)\s+quý\b|\bquý\s+(I|II|III|IV|\d)\b", re.IGNORECASE),
        3,
    ),
    (
        re.compile(r"\b(6|sáu)\s+tháng\b|\bsơ\s+kết\b|\bgiữa\s+năm\b|\bhọc\s+kỳ\b", re.IGNORECASE),
        6,
    ),
    (
        re.compile(r"\b(tổng\s+kết|cuối|hàng|hằng|cả)\s+năm\b|\btổng\s+kết\b", re.IGNORECASE),
        12,
    ),
)


# A date is a deadline when a cue stands before it ("trước ngày 15/6/2020", "chậm nhất ngày …",
# "hạn nộp: …", the end of a period "đến ngày …"); the date of a cited document ("Nghị định số 130/2020/NĐ-CP ngày 30/10/2020") is not.
_DEADLINE_CUE = re.compile(
    r"(?:\btrước|\bchậm nhất|\bmuộn nhất|\bhạn(?: chót| nộp| cuối)?|\bkhông quá|\bđến(?: hết)?"
    r"|\bhoàn thành|\bgửi về[^.;]{0,80}?|\bnộp[^.;]{0,80}?)"
    r"\s*(?:là\s+|vào\s+|trong\s+)?(?:ngày\s*)?[:]?\s*$",
    re.IGNORECASE,
)
# A day of a recurring month: "trước ngày 15 của tháng cuối quý", "trước ngày 20 hằng tháng".
_RECURRING_DAY = re.compile(
    r"\bngày\s+(\d{1,2})\s+(?:của\s+)?(tháng\s+cuối\s+(?:quý|kỳ|năm|học\s+kỳ)"
    r"|tháng\s+đầu\s+(?:quý|kỳ|năm)|h[àằ]ng\s+tháng|tháng\s+(?:sau|kế\s+tiếp|tiếp\s+theo))",
    re.IGNORECASE,
)
# Months in which a recurring day falls, when the phrase fixes them.
_RECURRING_MONTHS = {
    "tháng cuối quý": {3, 6, 9, 12},
    "tháng đầu quý": {1, 4, 7, 10},
}


def _dates_in(text: str) -> list[str]:
    """Every deadline date of `text` in ISO form, in order."""
    out: list[str] = []
    pos = 0
    while (m := find_date(text[pos:])) is not None:
        before = text[max(0, pos + m.start - 100) : pos + m.start]
        if m.iso and _DEADLINE_CUE.search(before):
            out.append(m.iso)
        pos += max(m.end, 1)
    return out


def _recurring_days(text: str) -> set[tuple[str, int]]:
    return {
        (" ".join(match_key(m.group(2)).replace("hàng", "hằng").split()), int(m.group(1)))
        for m in _RECURRING_DAY.finditer(text)
    }


@dataclass
class Deadlines:
    dates: list[str]  # ISO dates
    every: set[int]  # report intervals in months
    days: set[tuple[str, int]] = field(default_factory=set)  # ("tháng cuối quý", 15)

    def describe(self, lang: Lang = "vi") -> str:
        parts = [_every(m, lang) for _rx, m in _FREQUENCIES if m in self.every]
        parts += [_by_day(day, lang) for day in sorted(self.days)]
        parts += [_by(d, lang) for d in self.dates]
        return ", ".join(parts) or render("check.no_deadline", lang)


def _every(months: int, lang: Lang) -> str:
    return render(f"check.every_{months}", lang)


def _by(iso: str, lang: Lang) -> str:
    return render("check.deadline_by", lang, date=fmt_date(iso))


def _by_day(day: tuple[str, int], lang: Lang) -> str:
    # The phrase is the parent's own Vietnamese words; only the date slot is rendered.
    return render("check.deadline_by", lang, date=f"{day[1]} {day[0]}")


def deadlines_of(text: str) -> Deadlines:
    dates = _dates_in(text)
    every = {months for rx, months in _FREQUENCIES if rx.search(text)}
    return Deadlines(dates, every, _recurring_days(text))


def _day_met(wanted: tuple[str, int], child: Deadlines) -> bool:
    """A recurring day is met by the same phrase with an earlier or equal day, or by dates that
    recur (two or more) on or before that day in the months the phrase names."""
    phrase, day = wanted
    if any(p == phrase and d <= day for p, d in child.days):
        return True
    months = _RECURRING_MONTHS.get(phrase, set())
    hits = {iso[5:7] for iso in child.dates if int(iso[5:7]) in months and int(iso[8:10]) <= day}
    return len(hits) >= 2


def _unmet(parent: Deadlines, child: Deadlines, lang: Lang) -> list[str]:
    misses = []
    for d in parent.dates:
        if not any(c <= d for c in child.dates):
            misses.append(_by(d, lang))
    for day in sorted(parent.days):
        if not _day_met(day, child):
            misses.append(_by_day(day, lang))
    for months in sorted(parent.every):
        # A yearly report is one report by a date: a dated promise answers it.
        if months == 12 and child.dates:
            continue
        if not any(c <= months for c in child.every):
            misses.append(_every(months, lang))
    return misses


def check_deadlines(
    items: list[Unit], coverage: list[Coverage], child_units: dict[str, Unit], lang: Lang = "vi"
) -> list[Finding]:
    out: list[Finding] = []
    by_id = {c.parent_id: c for c in coverage}
    for item in items:
        cov = by_id.get(item.id)
        if cov is None or cov.status == "missing" or not cov.child_ids:
            continue
        wanted = deadlines_of(item.text)
        if not wanted.dates and not wanted.every and not wanted.days:
            continue
        units = [child_units[i] for i in cov.child_ids if i in child_units]
        given = deadlines_of(" ".join(u.text for u in units))
        top = units[0]
        if item.kind == "reporting":
            misses = _unmet(wanted, given, lang)
        else:
            # A duty with a date is kept when the child states no later date for it.
            misses = [
                _by(d, lang)
                for d in wanted.dates
                if deadlines_of(top.text).dates and min(deadlines_of(top.text).dates) > d
            ]
        if misses:
            out.append(
                Finding(
                    "deadline_mismatch",
                    render(
                        "check.deadline_mismatch",
                        lang,
                        parent_id=item.id,
                        wanted=wanted.describe(lang),
                        child_id=top.id,
                        given=given.describe(lang),
                        missing=", ".join(misses),
                    ),
                    Location(item.id, item.line, _short(item.text)),
                    Location(top.id, top.line, _short(top.text)),
                )
            )
    return out


# --- targets and actors -------------------------------------------------------------------------


def _answered(
    items: list[Unit], coverage: list[Coverage], child_units: dict[str, Unit]
) -> list[tuple[Unit, list[Unit]]]:
    """Each item the child answers, with the child sections that answer it."""
    by_id = {c.parent_id: c for c in coverage}
    out = []
    for item in items:
        cov = by_id.get(item.id)
        if cov is None or cov.status == "missing":
            continue
        units = [child_units[i] for i in cov.child_ids if i in child_units]
        if units:
            out.append((item, units))
    return out


def _item_finding(code: str, item: Unit, top: Unit, message: str) -> Finding:
    """A finding on an item the child answers, located in both documents."""
    return Finding(
        code,
        message,
        Location(item.id, item.line, _short(item.text)),
        Location(top.id, top.line, _short(top.text)),
    )


def check_targets(
    items: list[Unit], coverage: list[Coverage], child_units: dict[str, Unit], lang: Lang = "vi"
) -> list[Finding]:
    out: list[Finding] = []
    for item, units in _answered(items, coverage, child_units):
        for want, given in weaker_targets(item.text, " ".join(u.text for u in units)):
            top = next((u for u in units if given.text in u.text), units[0])
            params = {"wanted": want.text, "given": given.text}
            message = render(
                "check.target_mismatch", lang, parent_id=item.id, child_id=top.id, **params
            )
            out.append(_item_finding("target_mismatch", item, top, message))
    return out


def check_actors(
    items: list[Unit], coverage: list[Coverage], child_units: dict[str, Unit], lang: Lang = "vi"
) -> list[Finding]:
    out: list[Finding] = []
    for item, units in _answered(items, coverage, child_units):
        top = units[0]
        for verb, wanted, given in actor_mismatches(item.text, top.text):
            params = {"verb": verb, "wanted": wanted, "given": given}
            message = render(
                "check.actor_mismatch", lang, parent_id=item.id, child_id=top.id, **params
            )
            out.append(_item_finding("actor_mismatch", item, top, message))
    return out


# --- quoted names -------------------------------------------------------------------------------


def _quoted(doc: Document) -> list[tuple[str, Section | None]]:
    out: list[tuple[str, Section | None]] = []
    if doc.subject:
        out.extend((q, None) for q, _s, _e in quotes(doc.subject))
    for s in doc.walk_sections():
        out.extend((q, s) for q, _s, _e in quotes(section_text(s)))
    return out


def check_quotes(parent: Document, child: Document, lang: Lang = "vi") -> list[Finding]:
    p_quotes = _quoted(parent)
    exact = {quote_key(q) for q, _s in p_quotes}
    out: list[Finding] = []
    seen: set[tuple[str, str | None]] = set()
    for q, section in _quoted(child):
        key = quote_key(q)
        if key in exact:
            continue
        scored = [(quote_similarity(q, pq), pq, ps) for pq, ps in p_quotes]
        if not scored:
            continue
        sim, pq, ps = max(scored, key=lambda t: t[0])
        where = section.id if section else None
        if sim < QUOTE_ALTERED or (key, where) in seen:
            continue
        seen.add((key, where))
        out.append(
            Finding(
                "quote_mismatch",
                render("check.quote_mismatch", lang, child=q, parent=pq),
                Location(ps.id if ps else None, source_line(ps) if ps else None, f"“{pq}”"),
                Location(where, source_line(section) if section else None, f"“{q}”"),
            )
        )
    return out


def find_all(
    parent: Document,
    child: Document,
    *,
    index: TermIndex,
    items: list[Unit],
    coverage: list[Coverage],
    child_units: list[Unit],
    parent_lines: list[str],
    child_lines: list[str],
    lang: Lang = "vi",
) -> list[Finding]:
    found = check_reference(parent, child, index, child_lines, lang)
    found += check_date_order(parent, child, lang)
    found += check_period(parent, child, parent_lines, child_lines, lang)
    by_id = {u.id: u for u in child_units}
    found += check_deadlines(items, coverage, by_id, lang)
    found += check_targets(items, coverage, by_id, lang)
    found += check_actors(items, coverage, by_id, lang)
    found += check_quotes(parent, child, lang)
    return found
