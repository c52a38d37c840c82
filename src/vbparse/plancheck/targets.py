"""What an item demands beyond its words: numeric targets ("100% giáo viên", "ít nhất 02 buổi")
and the actor a duty is given to ("một Phó Hiệu trưởng trực tiếp phụ trách"). A child that
answers the item with a weaker target or hands the duty to an actor of another level raises
target_mismatch or actor_mismatch."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.normalize import match_key
from .similarity import _DATE, _DOCNUM

# Words for "all of them": a target of 100 %.
_ALL = re.compile(r"\b(?:tất cả|toàn bộ|toàn thể|mọi|100\s*%)\s+", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:[.,]\d+)?)\s*%\s+((?:\w+\s+){0,1}\w+)")
# Counted quantities: the unit words a plan counts in.
_COUNT_UNITS = (
    "buổi",
    "bài giảng",
    "bài",
    "lần",
    "tiết",
    "chuyên đề",
    "sáng kiến",
    "đợt",
    "lượt",
    "cuốn",
    "tiết dạy",
    "giờ",
)
# Numbers written as words before a counted unit ("một buổi", "hai lần").
_NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
# Reports, meetings and lessons per period: a count per period is compared as a count per year.
_PER_YEAR = {"tuần": 52, "tháng": 12, "quý": 4, "học kỳ": 2, "kỳ": 2, "năm học": 1, "năm": 1}
_COUNT = re.compile(
    r"(?<![\d/.,\w])(\d{1,3}|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+("
    + "|".join(sorted(_COUNT_UNITS, key=len, reverse=True))
    + r")\b(?:[^.;\d]{0,40}?(?:/|\bmỗi\b|\bmột\b|\btrên\b|\btrong\b)\s*("
    + "|".join(sorted(_PER_YEAR, key=len, reverse=True))
    + r")\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Target:
    value: float
    unit: str  # "%" or a counted unit ("buổi")
    what: str  # the noun after a percentage ("giáo viên"), "" for counts
    text: str  # as written
    per_year: float | None = None  # a count per period, as a count per year

    def describe(self) -> str:
        return self.text


def _plain(text: str) -> str:
    """The text without dates and document numbers, whose digits are no targets."""
    return _DATE.sub(" ", _DOCNUM.sub(" ", text))


def targets_of(text: str) -> list[Target]:
    text = _ALL.sub("100% ", _plain(text))
    out: list[Target] = []
    for m in _PERCENT.finditer(text):
        out.append(
            Target(float(m.group(1).replace(",", ".")), "%", match_key(m.group(2)), m.group(0))
        )
    for m in _COUNT.finditer(text):
        number = m.group(1).lower()
        value = float(_NUMBER_WORDS.get(number, 0) or int(number))
        period = _PER_YEAR.get(match_key(m.group(3))) if m.group(3) else None
        shown = m.group(0).strip()
        rate = value * period if period else None
        out.append(Target(value, match_key(m.group(2)), "", shown, rate))
    return out


def _same_target(p: Target, c: Target) -> bool:
    if p.unit != c.unit:
        return False
    if p.unit != "%":
        return True
    # A percentage of the same people: the first word after % agrees ("giáo viên …").
    return p.what.split()[:2] == c.what.split()[:2] or p.what.split()[:1] == c.what.split()[:1]


def _weaker(child: Target, parent: Target) -> bool:
    """Lower, as counts per year when both name their period, else as written."""
    if child.per_year is not None and parent.per_year is not None:
        return child.per_year < parent.per_year
    return child.value < parent.value


def weaker_targets(item_text: str, child_text: str) -> list[tuple[Target, Target]]:
    """(parent's, child's) targets the child sets lower, when the child sets the same kind."""
    child = targets_of(child_text)
    out: list[tuple[Target, Target]] = []
    for p in targets_of(item_text):
        same = [c for c in child if _same_target(p, c)]
        if same and all(_weaker(c, p) for c in same):
            out.append((p, max(same, key=lambda c: c.value)))
    return out


# --- actors -------------------------------------------------------------------------------------

# Roles in a school, with their level. A duty the parent gives to the head or the leadership is
# given to the wrong actor when the child hands it to staff; a duty given to generic staff
# ("một cán bộ") may go to anyone.
ROLE_LEVELS = (
    ("phó hiệu trưởng", "deputy"),
    ("phó giám đốc", "deputy"),
    ("hiệu trưởng", "head"),
    ("thủ trưởng", "head"),
    ("người đứng đầu", "head"),
    ("giám đốc", "head"),
    ("ban giám hiệu", "leader"),
    ("lãnh đạo", "leader"),
    ("tổ trưởng", "staff"),
    ("tổ phó", "staff"),
    ("giáo viên chủ nhiệm", "staff"),
    ("giáo viên", "staff"),
    ("tổng phụ trách đội", "staff"),
    ("kế toán", "staff"),
    ("thủ quỹ", "staff"),
    ("văn thư", "staff"),
    ("nhân viên", "staff"),
    ("cán bộ", "any"),
)
# Which levels may carry a duty the parent gives to each level.
ACCEPTS = {
    "head": {"head"},
    "deputy": {"deputy", "head", "leader"},
    "leader": {"deputy", "head", "leader"},
}
_ROLE = re.compile(r"\b(" + "|".join(r for r, _l in ROLE_LEVELS) + r")\b")
_DUTY = re.compile(r"\b(trực tiếp phụ trách|phụ trách|chịu trách nhiệm|làm đầu mối)\b")
_LEVEL = dict(ROLE_LEVELS)


def actors_of(text: str) -> dict[str, str]:
    """Duty verb → role of its actor: the nearest role within a few words before the verb."""
    key = match_key(text)
    out: dict[str, str] = {}
    for m in _DUTY.finditer(key):
        verb = m.group(1).replace("trực tiếp ", "")
        before = key[max(0, m.start() - 60) : m.start()]
        roles = list(_ROLE.finditer(before))
        if roles and verb not in out:
            out[verb] = roles[-1].group(1)
    return out


def actor_mismatches(item_text: str, child_text: str) -> list[tuple[str, str, str]]:
    """(verb, parent's role, child's role) where the child gives the duty to another level."""
    child = actors_of(child_text)
    out = []
    for verb, role in actors_of(item_text).items():
        level = _LEVEL[role]
        other = child.get(verb)
        if level in ACCEPTS and other and _LEVEL[other] not in ACCEPTS[level] | {"any"}:
            out.append((verb, role, other))
    return out
