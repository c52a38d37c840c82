"""Parent items, child units and the coverage of one by the other.

A parent item is an outline leaf of the district plan that asks something of the schools: a task,
a solution, a duty given to the schools, a reporting demand. Not items: the purpose section;
duties the issuing office gives itself (IV.1 "Phòng Giáo dục và Đào tạo", "Văn phòng Sở", a bullet
"Phòng GDĐT giao bộ phận …"); and, when the plan assigns duties both to intermediate offices
("Các phòng GDĐT huyện") and to the units themselves ("Các đơn vị trực thuộc", "Các trường"), the
offices' duties, since the plans checked are the units'. A reporting demand written as a paragraph
of its own under a section ("Các đơn vị báo cáo … trước ngày 25/5/2021") is an item with that
section's id. A child unit is any section of the school's plan with text of its own outside its
purpose section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, Section
from ..text.normalize import match_key, strip_diacritics
from .paraphrase import canonical_index, soft_recall, topic_support
from .similarity import TermIndex, anchor_recall, anchors, best_sentence, terms

ITEM_ROLES = {
    "tasks": "task",
    "solutions": "solution",
    "responsibilities": "duty",
    "reporting": "reporting",
    "timeline": "timeline",
    "budget": "duty",
}
NOT_ITEM_ROLES = {"purpose", "scope", "situation"}
# A section whose heading names no role ("4. Tuyên truyền:") among a plan's items asks for work.
UNNAMED_ROLES = {None, "other"}

# Score thresholds on the combined score (see `pair_score`).
COVERED = 0.45
PARTIAL = 0.2
# Exponent of the discount for a unit that answers another item better.
COMPETITION = 0.5
# Term recall at which shared anchors count in full (see `pair_score`).
ANCHOR_SUPPORT = 0.25
# Paraphrase-aware matching (paraphrase.py); False gives the lexical matcher, for comparison.
SEMANTIC = True
# How much more of an item two child passages must answer together than the best one alone.
SPLIT_GAIN = 0.12
# Below this share of its distinctive words answered, an item is not answered at all, whatever
# generic words and numbers the passage shares with it.
DISTINCT_MIN = 0.2

# The closing formula ("Trên đây là Kế hoạch …") sometimes ends up inside the last bullet.
_CLOSING = re.compile(
    r"\s*\b(?:Trên đây là|Nhận được (?:công văn|kế hoạch|văn bản) này)\b.*$", re.DOTALL | re.I
)
# A sentence that asks for a report: "báo cáo … về Phòng …", "… trước ngày …", "định kỳ …".
_REPORT_DEMAND = re.compile(
    r"\bbáo cáo\b.{0,200}?(?:\btrước ngày\b|\bchậm nhất\b|\bđịnh kỳ\b|\bh[àằ]ng (?:tháng|quý|năm)\b"
    r"|\bvề (?:Phòng|Sở|Bộ|Ủy ban|UBND)\b)",
    re.IGNORECASE | re.DOTALL,
)
# Group headings that name the units the plans come from, and those that name offices above them.
_UNIT_GROUP = re.compile(
    r"\b(?:trường|nhà trường|đơn vị|cơ sở giáo dục|trung tâm|cơ sở)\b", re.IGNORECASE
)
_OFFICE_GROUP = re.compile(
    r"^(?:các\s+)?(?:phòng|sở|ủy ban|ubnd|ban|ngành|cơ quan|văn phòng|thanh tra)\b", re.IGNORECASE
)
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
    # What differs: the item's distinctive words and its numbers the chosen child text lacks.
    unmatched: list[str] = field(default_factory=list)
    child_lines: list[int | None] = field(default_factory=list)  # where each child section starts


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


def _issuer_head(doc: Document) -> str:
    """The issuer's head noun, folded: "sở", "phòng", "ubnd"."""
    words = match_key(doc.issuer.name or "").split()
    return words[0] if words else ""


def _internal_unit(heading: str, doc: Document) -> bool:
    """A group of the issuing office itself: "Văn phòng Sở", "Thanh tra Sở", "Lãnh đạo Phòng"."""
    head = _issuer_head(doc)
    words = re.findall(r"\w+", match_key(heading))
    return bool(head) and len(words) > 1 and words[-1] == head


def _opens_with_issuer(text: str, doc: Document) -> bool:
    """A duty whose subject is the issuing office: "Phòng GDĐT giao bộ phận …", "Sở Giáo dục …"."""
    key = " ".join(re.findall(r"[\w&]+", match_key(text)[:120]))
    names = [" ".join(re.findall(r"[\w&]+", match_key(doc.issuer.name or "")))]
    head, code = _issuer_head(doc), match_key(doc.number.issuer_code or "")
    if head and code[:1] == head[:1] and len(code) > 2:
        # PGDĐT → "phòng gdđt", "phòng gd&đt"
        rest = code[1:]
        names += [f"{head} {rest}", f"{head} {rest.replace('đ', '&đ', 1)}"]
    return any(n and (key == n or key.startswith(n + " ")) for n in names)


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


def _skipped_groups(flat: list[tuple[Section, str | None, str | None]], doc: Document) -> set[str]:
    """Ids under duty groups that are not the units': the issuer's own, and the offices'."""
    groups = [s for s, role, _g in flat if role == "responsibilities" and s.children and s.heading]
    skip: set[str] = set()
    for s in groups:
        if _is_issuer(s.heading, doc) or _internal_unit(s.heading or "", doc):
            skip.update(_descendant_ids(s))
    kept = [s for s in groups if s.id not in skip]
    if any(_UNIT_GROUP.search(s.heading or "") for s in kept):
        for s in kept:
            heading = s.heading or ""
            if _OFFICE_GROUP.match(heading) and not _UNIT_GROUP.search(heading):
                skip.update(_descendant_ids(s))
    return skip


def _trailing_reports(section: Section, text: str, lines: list[str]) -> tuple[str, str]:
    """Split off the reporting demands that stand as paragraphs of their own after a leaf's first
    paragraph (the reader joins a paragraph under the last bullet of a list to that bullet)."""
    starts = sorted(
        i
        for line in lines
        if len(line.strip()) >= 30
        and (i := text.find(line.strip()[:60])) > 0
        and _REPORT_DEMAND.search(line)
    )
    if not starts:
        return text, ""
    return text[: starts[0]].strip(), text[starts[0] :].strip()


def parent_items(doc: Document) -> list[Unit]:
    """The parent's items: leaves with text, in an item role, not addressed to the issuer."""
    flat: list[tuple[Section, str | None, str | None]] = []
    _walk(doc.sections, None, None, flat)
    enclosing = {c.id: s for s, _r, _g in flat for c in s.children}
    skip_ids = _skipped_groups(flat, doc)
    roles_known = any(role for _s, role, _g in flat)
    lines = doc.lines or []
    items: list[Unit] = []
    reports: dict[str, Unit] = {}  # reporting paragraphs, by the id of the section they stand in

    def add_report(section: Section, text: str) -> None:
        if section.id in reports:
            reports[section.id].text += " " + text
            return
        reports[section.id] = Unit(
            section.id, "reporting", text, source_line(section), section.heading
        )
        items.append(reports[section.id])

    for s, role, group in flat:
        if s.id in skip_ids:
            continue
        if s.children:
            # Text of its own over sub-items: a reporting demand the parser kept at this level.
            own = _CLOSING.sub("", s.text or "").strip()
            if role not in NOT_ITEM_ROLES and own and _REPORT_DEMAND.search(own):
                add_report(s, own)
            continue
        text = section_text(s)
        if len(terms(text)) < 2:
            continue
        if roles_known and role not in ITEM_ROLES and role not in UNNAMED_ROLES:
            continue
        if not roles_known and s.id.split(".")[0].split("-")[0] == "I":
            continue
        if role == "responsibilities" and _opens_with_issuer(text, doc):
            continue
        report = ""
        if s.id in enclosing and role != "reporting":
            text, report = _trailing_reports(s, text, lines)
        items.append(
            Unit(s.id, ITEM_ROLES.get(role or "", "task"), text, source_line(s), s.heading, group)
        )
        if report:
            add_report(enclosing[s.id], report)
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
    if SEMANTIC:
        match = soft_recall(index, item.text, unit.text)
        if match.distinct < DISTINCT_MIN:
            # Shared generic words and numbers ("sử dụng", "100") are no answer, anchors or not.
            return min(match.score, PARTIAL / 2), []
        recall = match.score
    else:
        recall = index.recall(item.text, unit.text)
    anchor, hits = anchor_recall(item.text, unit.text)
    # Anchors confirm a text that speaks of the item; alone (the same decree cited for another
    # task) they are no answer, so their weight grows with the words the texts share.
    support = min(1.0, recall / ANCHOR_SUPPORT)
    score = recall + 0.35 * anchor * (1 - recall) * support
    return score, hits


@dataclass
class Alignment:
    coverage: list[Coverage]
    extras: list[Unit]
    matrix: dict[tuple[str, str], float]


def item_weights(index: TermIndex, items: list[Unit]) -> TermIndex:
    """The term weights the scores use: the items' words after the paraphrase table (fitted once
    per parent, then cached), or the plain index without the semantic score."""
    return canonical_index(tuple(i.text for i in items)) if SEMANTIC else index


def align(index: TermIndex, items: list[Unit], units: list[Unit], theme: str = "") -> Alignment:
    """Match every parent item with the child passages that answer it. `theme`: the parent's
    trích yếu, whose words say nothing about any one item."""
    raw: dict[tuple[str, str], float] = {}
    hits_of: dict[tuple[str, str], list[str]] = {}
    # The paraphrase-aware score weighs the items' words after the paraphrase table.
    weights = item_weights(index, items)
    for item in items:
        for unit in units:
            raw[(item.id, unit.id)], hits_of[(item.id, unit.id)] = pair_score(weights, item, unit)
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
        split = _split_answer(weights, item, ranked, matrix) if PARTIAL <= best < COVERED else []
        if split:
            best = max(best, soft_recall(weights, item.text, " ".join(u.text for u in split)).score)
        status = "covered" if best >= COVERED else "partial" if best >= PARTIAL else "missing"
        if status == "partial" and _off_task(weights, item, theme, split or ranked[:1]):
            status, best = "missing", min(best, PARTIAL / 2)
        chosen = split or (
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
                unmatched=_unmatched(weights, item, chosen),
                child_lines=[u.line for u in chosen],
            )
        )
    extras = [u for u in units if u.id not in claimed and _may_be_extra(u, units)]
    return Alignment(coverage, extras, matrix)


def _off_task(weights: TermIndex, item: Unit, theme: str, chosen: list[Unit]) -> bool:
    """A sub-item of a titled task half-answered by a passage that never speaks of the task's
    topic: the passage shares the sub-item's everyday words ("cha mẹ học sinh", "ít nhất 02
    lần"), not its subject, so the task was dropped."""
    # Only a bullet of a numbered task ("II.7-2"): above it the enclosing heading is a section's
    # ("NHIỆM VỤ TRỌNG TÂM") or an actor's ("Các trường"), not a topic.
    bullet = "-" in item.id.rsplit(".", 1)[-1]
    if not SEMANTIC or item.kind != "task" or not bullet or not item.group or not chosen:
        return False
    support = topic_support(weights, item.group, theme, " ".join(u.text for u in chosen))
    return support is not None and support < DISTINCT_MIN


def _split_answer(
    index: TermIndex, item: Unit, ranked: list[Unit], matrix: dict[tuple[str, str], float]
) -> list[Unit]:
    """Two child passages that together answer an item one of them answers in part (an item
    split over two sections): both must speak of it, and together they must answer clearly more."""
    if not SEMANTIC or len(ranked) < 2:
        return []
    first, second = ranked[0], ranked[1]
    # A passage capped for sharing only generic words (score PARTIAL / 2 at most) is no part.
    if matrix[(item.id, second.id)] <= PARTIAL / 2:
        return []
    alone = soft_recall(index, item.text, first.text).score
    both = soft_recall(index, item.text, f"{first.text} {second.text}")
    return [first, second] if both.score >= alone + SPLIT_GAIN else []


def _unmatched(index: TermIndex, item: Unit, chosen: list[Unit]) -> list[str]:
    if not chosen:
        return []
    text = " ".join(u.text for u in chosen)
    numbers = [n for n in anchors(item.text).numbers if n not in anchors(text).numbers]
    return soft_recall(index, item.text, text).missing_words + numbers


def _may_be_extra(unit: Unit, units: list[Unit]) -> bool:
    """Only substantive units can be extras: not a heading over sub-items, and not a duty the
    school hands to its own staff (the organisation section distributes the plan's work)."""
    if any(u.id.startswith((unit.id + ".", unit.id + "-")) for u in units):
        return False
    return unit.kind != "duty"
