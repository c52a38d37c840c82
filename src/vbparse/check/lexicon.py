"""The offline word lists the text rules consult: syllable and bigram frequencies of published
documents, and the two-syllable words of a Vietnamese dictionary.

Built by `scripts/build_lexicon.py` into `vbparse/data/lexicon.tsv.gz`. Loading costs tens of
milliseconds, so it happens once, on first use (`lexicon()`), and only the rules that need it ask.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..text.normalize import fold_tone_placement, strip_diacritics

LEXICON_FILE = "lexicon.tsv.gz"

# A syllable: letters only (digits, codes and punctuation end a run).
_SYLLABLE = re.compile(r"[A-Za-zÀ-ỹĐđƠơƯư]+")


class Token(NamedTuple):
    text: str  # as written
    key: str  # match_key: lower case, tone placement folded
    skel: str  # the key without diacritics
    start: int
    end: int


def phrases(text: str) -> Iterator[list[Token]]:
    """Runs of syllables separated by one space: a comma, digit or bracket ends a run,
    so "ngũ, ngũ" or "2 2" are never adjacent."""
    run: list[Token] = []
    prev_end = -1
    # Folding tone placement and case keeps every NFC letter one letter, so offsets carry over.
    keys = fold_tone_placement(text).lower()
    if len(keys) != len(text):
        keys = text.lower()
    skels = strip_diacritics(keys)
    if len(skels) != len(keys):
        skels = keys
    for m in _SYLLABLE.finditer(text):
        a, b = m.span()
        if run and (a - prev_end != 1 or text[prev_end] != " "):
            yield run
            run = []
        run.append(Token(m.group(), keys[a:b], skels[a:b], a, b))
        prev_end = b
    if run:
        yield run


def skeleton(key: str) -> str:
    """A syllable or bigram without any diacritics: the class of its one-diacritic variants."""
    return strip_diacritics(key)


@dataclass
class Lexicon:
    syllables: dict[str, int] = field(default_factory=dict)  # key → count in the corpus
    bigrams: dict[str, int] = field(default_factory=dict)  # "w1 w2" → count in the corpus
    words: set[str] = field(default_factory=set)  # dictionary words of two syllables
    common: set[str] = field(default_factory=set)  # the commonest of them (Viet11K)
    by_skeleton: dict[str, list[str]] = field(default_factory=dict)  # syllable skeleton → keys

    def bigram_score(self, bigram: str) -> int:
        """How well attested a two-syllable sequence is: corpus count, plus 5 if a dictionary
        word (a dictionary entry alone outweighs a few chance co-occurrences)."""
        return self.bigrams.get(bigram, 0) + (5 if bigram in self.words else 0)

    def known(self, bigram: str) -> bool:
        return bigram in self.words or self.bigrams.get(bigram, 0) > 0

    def bound(self, a: str, b: str, *, corpus: bool = True) -> bool:
        """Whether syllables a, b form a dictionary word (or, with `corpus`, a frequent pair)."""
        pair = f"{a} {b}"
        return pair in self.words or (corpus and self.bigrams.get(pair, 0) >= 3)

    def variants(self, syllable: str) -> list[str]:
        """Known syllables that differ from `syllable` in diacritics only (itself excluded)."""
        return [s for s in self.by_skeleton.get(skeleton(syllable), ()) if s != syllable]


def parse_lexicon(lines: Iterator[str]) -> Lexicon:
    lex = Lexicon()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        kind, key, value = line.rstrip("\n").split("\t")
        if kind == "s":
            lex.syllables[key] = int(value)
        elif kind == "b":
            lex.bigrams[key] = int(value)
        elif kind == "w":
            lex.words.add(key)
            if value == "2":
                lex.common.add(key)
    for word in lex.words:
        for syl in word.split(" "):
            lex.syllables.setdefault(syl, 0)
    for syl in lex.syllables:
        lex.by_skeleton.setdefault(skeleton(syl), []).append(syl)
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once. An empty one when the data file is missing, so that the
    rules relying on it report nothing rather than fail."""
    try:
        data = resources.files("vbparse").joinpath("data", LEXICON_FILE).read_bytes()
    except FileNotFoundError:
        return Lexicon()
    return parse_lexicon(iter(gzip.decompress(data).decode("utf-8").splitlines()))
