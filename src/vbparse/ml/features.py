"""What the role classifier sees of a section: its heading, the opening of its text, its kind and
where it stands among its siblings, turned into prefixed string features.

The same `features()` runs at training (as scikit-learn's analyzer) and at prediction (on the
saved vocabulary), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Section
from ..text.normalize import clean, match_key

FEATURE_VERSION = 1
OPENING_CHARS = 240  # the first sentence or two carry the role of a headingless section
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SectionView:
    """The parts of a section the features read, detached from the parse tree."""

    heading: str
    opening: str
    kind: str
    position: int  # index among its siblings
    siblings: int
    depth: int


def view(section: Section, position: int, siblings: int, depth: int = 0) -> SectionView:
    heading = clean(section.heading or "")
    text = clean(section.text)
    if not text and section.children:
        first = section.children[0]
        text = clean(" ".join(x for x in (first.heading, first.text) if x))
    if not heading and text and len(text) <= 120 and text.upper() == text:
        heading, text = text, ""  # an upper-case first line is a heading the outline left in text
    return SectionView(heading, text[:OPENING_CHARS], section.kind, position, siblings, depth)


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """Vietnamese words (underthesea's segmentation), folded for matching: "giáo_dục"."""
    if not text:
        return ()
    from ..nlp import word_tokenize  # equal to underthesea's, without importing the package

    words = []
    for token in word_tokenize(text):
        key = "_".join(_WORD.findall(match_key(token)))
        if key:
            words.append(key)
    return tuple(words)


def _ngrams(prefix: str, words: tuple[str, ...], n_max: int) -> list[str]:
    out = []
    for n in range(1, n_max + 1):
        for i in range(len(words) - n + 1):
            out.append(prefix + " ".join(words[i : i + n]))
    return out


def features(v: SectionView) -> list[str]:
    """Prefixed features: h: heading words, b: opening words, c: heading character n-grams
    without diacritics (robust to OCR and typing without accents), s: structure."""
    head = segment(v.heading)
    body = segment(v.opening)[:40]
    out = _ngrams("h:", head, 2) + _ngrams("b:", body, 2)
    if body:
        out.append("b0:" + body[0])  # the opening verb or actor: "chỉ_đạo", "định_kỳ", "bộ"
        if len(body) > 1:
            out.append("b01:" + " ".join(body[:2]))
    folded = " ".join(match_key(v.heading, diacritics=False).split())
    padded = f" {folded} "
    for n in (3, 4, 5):
        out.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    out.append("s:kind=" + v.kind)
    out.append("s:heading=" + ("yes" if v.heading else "no"))
    out.append("s:depth=" + str(min(v.depth, 2)))
    if v.position == 0:
        out.append("s:first")
    if v.position == v.siblings - 1:
        out.append("s:last")
    return out


@dataclass
class Example:
    """One labelled section the role model learns from (built by `ml.data.collect`)."""

    view: SectionView
    role: str
    group: str  # the document; cross-validation never splits one
    top: bool  # a top-level labelled section (an evaluation unit)
    explicit: bool  # labelled on itself, not inherited
    weight: float
    rule_role: str | None  # what the rules said
    rule_certain: bool  # the rules decided from a heading keyword or structure (confidence 1)
    rule_confidence: float  # how sure the rule was (0 when no rule applied)
    rule_source: str  # the parser's role_source for it
    inherited: str | None  # the role the parser gave by inheritance, if any
