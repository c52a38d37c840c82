"""The paraphrase-aware score of a parent item against a child passage: term recall on
word-segmented, folded text after the administrative paraphrase table (data/paraphrase_vi.tsv),
with soft credit for a word whose trained vector is close to one of the passage's (vectors.py),
and generic words ("sử dụng", "giáo viên", "tổ" …) that count for little and never answer an
item alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..abbreviations import expand
from ..text.normalize import match_key
from .similarity import TermIndex, terms
from .vectors import load as load_vectors

TABLE = Path(__file__).resolve().parents[1] / "data" / "paraphrase_vi.tsv"
GENERIC_WEIGHT = 0.25
# A word whose nearest passage word is at least this close (cosine) earns SOFT_CREDIT × cosine.
SOFT_MIN = 0.62
SOFT_CREDIT = 0.7


@lru_cache(maxsize=1)
def table() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """One pattern of every variant (longest first, so "phụ huynh học sinh" wins over "phụ
    huynh"; one pass, so a canonical form is never rewritten again), their canonical forms, and
    the generic words."""
    phrases: dict[str, str] = {}
    generic: set[str] = set()
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, variant, *rest = line.split("\t")
        if kind == "phrase" and rest:
            phrases[match_key(variant)] = rest[0]
        elif kind == "generic":
            generic.add(match_key(variant))
    alternatives = "|".join(re.escape(v) for v in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)"), phrases, frozenset(generic)


# Abbreviations of the project's table that name document types, not things a plan does.
_KEEP_ABBREVIATIONS = frozenset({"KH", "CV", "QĐ", "NĐ", "TT", "TTLT", "VT", "TTg", "CP", "TP"})


def _expand_abbreviations(text: str) -> str:
    """ "GVCN", "CMHS", "CNTT" … written out, from the project's abbreviation table."""
    for short, full in expand(text).items():
        if short not in _KEEP_ABBREVIATIONS:
            text = re.sub(r"(?<![\w&])" + re.escape(short) + r"(?![\w&])", full, text)
    return text


def load_models() -> None:
    """Load now what a check loads on first use whatever the plans: the word segmenter, the word
    vectors and this table (a batch does it before its workers fork, so that they share it).
    The segmenter loads in a thread meanwhile; it is joined before returning (before a fork)."""
    from .similarity import start_loading_segmenter, wait_for_segmenter

    start_loading_segmenter()
    load_vectors()
    table()
    import sqlite3  # noqa: F401 - the batch's shared segmentation cache, in every worker

    wait_for_segmenter()


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    pattern, phrases, _generic = table()
    return pattern.sub(lambda m: phrases[m.group(0)], match_key(_expand_abbreviations(text)))


@lru_cache(maxsize=8192)
def sem_terms(text: str) -> frozenset[str]:
    return frozenset(terms(canonical(text)))


@lru_cache(maxsize=16)
def canonical_index(texts: tuple[str, ...]) -> TermIndex:
    """IDF weights fitted on the parent's items as the paraphrase table rewrites them."""
    return TermIndex.fit([canonical(t) for t in texts])


@dataclass
class Match:
    score: float  # weighted share of the item's terms the passage answers, 0–1
    distinct: float  # the same over the item's non-generic whole words only
    missing_words: list[str]


def soft_recall(index: TermIndex, item_text: str, passage: str) -> Match:
    generic = table()[2]
    vectors = load_vectors()
    q, d = sem_terms(item_text), sem_terms(passage)
    # A syllable of the item's compound also meets the same syllable standing as a word.
    exact = {t for t in q if t in d or (t.startswith("~") and t[1:] in d)}
    near: dict[str, float] = {}
    if vectors is not None:
        unmet = sorted(t for t in q - exact if not t.startswith("~") and not t.isdigit())
        whole_d = frozenset(t for t in d if not t.startswith("~"))
        near = vectors.nearest(unmet, whole_d) if unmet else {}
    total = got = dist_total = dist_got = 0.0
    missing: list[tuple[float, str]] = []
    for t in q:
        w = index.weight(t)
        is_generic = t.lstrip("~") in generic or t.isdigit()
        if is_generic:
            w *= GENERIC_WEIGHT
        credit = 1.0 if t in exact else 0.0
        if near.get(t, 0.0) >= SOFT_MIN:
            credit = SOFT_CREDIT * near[t]
        total += w
        got += w * credit
        if not is_generic and not t.startswith("~"):
            dist_total += w
            dist_got += w * credit
            if not credit:
                missing.append((w, t))
    missing.sort(key=lambda p: (-p[0], p[1]))
    return Match(
        got / total if total else 0.0,
        dist_got / dist_total if dist_total else 0.0,
        [t.replace("_", " ") for _w, t in missing[:6]],
    )


def topic_support(index: TermIndex, heading: str, theme: str, passage: str) -> float | None:
    """How much of a task's own topic (its heading's distinctive words, less those of the plan's
    title, which every passage of the plan repeats) the passage speaks of: 0–1, or None when the
    heading has no such words."""
    generic = table()[2]
    q = {
        t
        for t in sem_terms(heading) - sem_terms(theme)
        if not t.startswith("~") and not t.isdigit() and t not in generic
    }
    if not q:
        return None
    d = sem_terms(passage)
    exact = {t for t in q if t in d}
    vectors = load_vectors()
    near = vectors.nearest(sorted(q - exact), frozenset(d)) if vectors is not None else {}
    total = sum(index.weight(t) for t in q)
    got = sum(
        index.weight(t) * (1.0 if t in exact else SOFT_CREDIT * near.get(t, 0.0))
        for t in q
        if t in exact or near.get(t, 0.0) >= SOFT_MIN
    )
    return got / total if total else None
