"""Parent items, child units and the coverage of one by the other.

A parent item is an outline leaf of the district plan that asks something of the schools: a task,
a solution, a duty given to the schools, a reporting demand. Duties the issuing office gives
itself (IV.1 "Phòng Giáo dục và Đào tạo") and the purpose section are not items. A child unit is
any section of the school's plan with text of its own outside its purpose section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, Section
from ..text.normalize import match_key, strip_diacritics
from .similarity import TermIndex, anchor_recall, best_sentence, terms

ITEM_ROLES = {
    "tasks": "task",
    "solutions": "solution",
    "responsibilities": "duty",
    "reporting": "reporting",
    "timeline": "timeline",
    "budget": "duty",
}
NOT_ITEM_ROLES = {"purpose", "scope", "situation"}

# Score thresholds on the combined score (see `pair_score`).
COVERED = 0.45
PARTIAL = 0.22
# Exponent of the discount for a unit that answers another item better.
COMPETITION = 0.5

# The closing formula ("Trên đây là Kế hoạch …") sometimes ends up inside the last bullet.
_CLOSING = re.compile(r"\s*\bTrên đây là\b.*$", re.DOTALL)
_SKIP_WORDS = {"va", "cua", "cac", "phong", "so", "ban", "uy", "o", "tai"}


@dataclass
class Unit:
    """A section reduced to what is compared: its id, kind of item, text and source line."""

    id: str
    kind: str
    text: str
    line: int | None
    heading: str | None = None
    group: str | None = None  # heading of the enclosing section (the actor of a duty)


@dataclass
class Coverage:
    parent_id: str
    status: str  # covered | partial | missing
    score: float
    child_ids: list[str] = field(default_factory=list)
    evidence: str = ""
    shared_terms: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)


def section_text(section: Section) -> str:
    text = " ".join(p for p in (section.heading, section.text) if p)
    return _CLOSING.sub("", text).strip()


def source_line(section: Section) -> int | None:
    if section.span is None:
        return None
    line = section.span.source.get("line")
    return int(line) if isinstance(line, (int, float)) else section.span.line + 1


def acronym(name: str) -> str:
    """ "Phòng Giáo dục và Đào tạo" → "GDĐT": initials of the words that make ký hiệu codes."""
    words = [w for w in re.findall(r"\w+", name) if strip_diacritics(w).lower() not in _SKIP_WORDS]
    return "".join(w[0] for w in words).upper()


def _is_issuer(heading: str | None, doc: Document) -> bool:
    """Whether a responsibility group is the issuing office itself, not its subordinates."""
    if not heading:
        return False
    head = match_key(heading).strip(" :.")
    if doc.issuer.name and (
        head in match_key(doc.issuer.name) or match_key(doc.issuer.name) in head
    ):
        return True
    code = doc.number.issuer_code
    if code:
        short = re.sub(
            r"\b(quận|huyện|thành phố|tỉnh|thị xã)\b.*$", "", heading, flags=re.IGNORECASE
        )
        return acronym(short) == code.upper() and not re.search(r"\b(các|trường|đơn vị)\b", head)
    return False


def _walk(
    sections: list[Section],
    role: str | None,
    group: str | None,
    out: list[tuple[Section, str | None, str | None]],
) -> None:
    for s in sections:
        r = s.role or role
        out.append((s, r, group))
        _walk(s.children, r, s.heading or group, out)


def parent_items(doc: Document) -> list[Unit]:
    """The parent's items: leaves with text, in an item role, not addressed to the issuer."""
    flat: list[tuple[Section, str | None, str | None]] = []
    _walk(doc.sections, None, None, flat)
    items: list[Unit] = []
    skip_ids: set[str] = set()
    for s, role, _group in flat:
        if role == "responsibilities" and s.children and _is_issuer(s.heading, doc):
            skip_ids.update(_descendant_ids(s))
    roles_known = any(role for _s, role, _g in flat)
    for s, role, group in flat:
        if s.children or s.id in skip_ids:
            continue
        text = section_text(s)
        if len(terms(text)) < 2:
            continue
        if roles_known and (role not in ITEM_ROLES):
            continue
        if not roles_known and s.id.split(".")[0].split("-")[0] == "I":
            continue
        items.append(
            Unit(s.id, ITEM_ROLES.get(role or "", "task"), text, source_line(s), s.heading, group)
        )
    return items


def _descendant_ids(section: Section) -> list[str]:
    out = [section.id]
    for c in section.children:
        out.extend(_descendant_ids(c))
    return out


def child_units(doc: Document) -> list[Unit]:
    """Every section of the child with text of its own, outside its purpose-like sections."""
    flat: list[tuple[Section, str | None, str | None]] = []
    _walk(doc.sections, None, None, flat)
    units: list[Unit] = []
    for s, role, group in flat:
        if role in NOT_ITEM_ROLES:
            continue
        text = section_text(s)
        if len(terms(text)) < 2:
            continue
        units.append(
            Unit(s.id, ITEM_ROLES.get(role or "", "other"), text, source_line(s), s.heading, group)
        )
    return units


def pair_score(index: TermIndex, item: Unit, unit: Unit) -> tuple[float, list[str]]:
    """How well `unit` answers `item`: IDF-weighted term recall, raised by shared anchors."""
    recall = index.recall(item.text, unit.text)
    anchor, hits = anchor_recall(item.text, unit.text)
    score = recall + 0.35 * anchor * (1 - recall)
    return score, hits


@dataclass
class Alignment:
    coverage: list[Coverage]
    extras: list[Unit]
    matrix: dict[tuple[str, str], float]


def align(index: TermIndex, items: list[Unit], units: list[Unit]) -> Alignment:
    raw: dict[tuple[str, str], float] = {}
    hits_of: dict[tuple[str, str], list[str]] = {}
    for item in items:
        for unit in units:
            raw[(item.id, unit.id)], hits_of[(item.id, unit.id)] = pair_score(index, item, unit)
    # A unit that answers another item much better is weak evidence for this one: the score is
    # discounted by how far it stays below the unit's own best match.
    unit_best = {u.id: max((raw[(i.id, u.id)] for i in items), default=0.0) for u in units}
    matrix = {
        (i, u): s * (s / unit_best[u]) ** COMPETITION if unit_best[u] else 0.0
        for (i, u), s in raw.items()
    }
    coverage: list[Coverage] = []
    claimed: set[str] = set()
    for item in items:
        ranked = sorted(units, key=lambda u: matrix[(item.id, u.id)], reverse=True)
        best = matrix[(item.id, ranked[0].id)] if ranked else 0.0
        status = "covered" if best >= COVERED else "partial" if best >= PARTIAL else "missing"
        chosen = (
            []
            if status == "missing"
            else [u for u in ranked if matrix[(item.id, u.id)] >= max(PARTIAL, best * 0.8)][:3]
        )
        claimed.update(u.id for u in chosen)
        claimed.update(u.id for u in ranked if raw[(item.id, u.id)] >= max(PARTIAL, 0.6 * best))
        top = chosen[0] if chosen else None
        coverage.append(
            Coverage(
                parent_id=item.id,
                status=status,
                score=round(best, 3),
                child_ids=[u.id for u in chosen],
                evidence=best_sentence(terms(item.text), top.text) if top else "",
                shared_terms=index.shared_terms(item.text, top.text) if top else [],
                anchors=hits_of[(item.id, top.id)] if top else [],
            )
        )
    extras = [u for u in units if u.id not in claimed and _may_be_extra(u, units)]
    return Alignment(coverage, extras, matrix)


def _may_be_extra(unit: Unit, units: list[Unit]) -> bool:
    """Only substantive units can be extras: not a heading over sub-items, and not a duty the
    school hands to its own staff (the organisation section distributes the plan's work)."""
    if any(u.id.startswith((unit.id + ".", unit.id + "-")) for u in units):
        return False
    return unit.kind != "duty"
