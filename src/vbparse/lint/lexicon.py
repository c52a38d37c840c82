"""The offline word lists the text rules consult: syllable and bigram frequencies of published
documents, and the two-syllable words of a Vietnamese dictionary.

Built by `scripts/build_lexicon.py` into `vbparse/data/lexicon.tsv.gz`. Loading costs a fifth of
a second, so it happens once, on first use (`lexicon()`), and only the rules that need it ask.
Also here: the tokeniser every text rule shares (`phrases`), and the i/y fold (`fold_iy`).
"""

from __future__ import annotations

import gzip
import marshal
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..text.normalize import fold_tone_placement, strip_diacritics

LEXICON_FILE = "lexicon.tsv.gz"


class Token(NamedTuple):
    text: str  # as written
    key: str  # match_key: lower case, tone placement folded
    skel: str  # the key without diacritics
    start: int
    end: int


# A run of syllables (letters only) joined by single spaces; a comma, digit, bracket or double
# space ends it.
_RUN = re.compile(r"[A-Za-zÀ-ỹĐđƠơƯư]+(?: [A-Za-zÀ-ỹĐđƠơƯư]+)*")
# Only these letter pairs can need the tone-placement fold ("hòa", "thủy"), the dearest step.
_TONE_ON_FIRST = re.compile(r"[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY]")
_KEY_CACHE: dict[str, tuple[str, str]] = {}
_KEY_CACHE_MAX = 200_000  # distinct spellings kept; a long batch must not grow it without end


def syllable_keys(syllable: str) -> tuple[str, str]:
    """A syllable's match key (lower case, tone placement folded) and skeleton (no diacritics).
    Both keep the syllable's length, so offsets into the text carry over to the keys."""
    cached = _KEY_CACHE.get(syllable)
    if cached is not None:
        return cached
    key = (fold_tone_placement(syllable) if _TONE_ON_FIRST.search(syllable) else syllable).lower()
    if len(key) != len(syllable):
        key = syllable.lower()
    skel = strip_diacritics(key)
    if len(skel) != len(key):
        skel = key
    if len(_KEY_CACHE) >= _KEY_CACHE_MAX:
        _KEY_CACHE.clear()
    _KEY_CACHE[syllable] = (key, skel)
    return key, skel


def phrases(text: str) -> list[list[Token]]:
    """Runs of syllables separated by one space: a comma, digit or bracket ends a run,
    so "ngũ, ngũ" or "2 2" are never adjacent."""
    runs = []
    new = tuple.__new__  # Token(...) goes through a Python-level __new__; this skips it
    cached = _KEY_CACHE.get
    for m in _RUN.finditer(text):
        pos = m.start()
        run = []
        for word in m.group().split(" "):
            key, skel = cached(word) or syllable_keys(word)
            end = pos + len(word)
            run.append(new(Token, (word, key, skel, pos, end)))
            pos = end + 1
        runs.append(run)
    return runs


def skeleton(key: str) -> str:
    """A syllable or bigram without any diacritics: the class of its one-diacritic variants."""
    return strip_diacritics(key)


# i and y after a consonant are one vowel spelt two ways, both correct ("kỳ thi"/"kì thi",
# "lý do"/"lí do", "quy định"/"qui định"); the lexicon compares them as one. Not after a vowel:
# "tuy", "khuy", "hay" are other syllables than "tui", "khui", "hai".
_LONE_Y = re.compile(r"\b(qu|[bcdđghklmnprstvx]+)([yỳýỷỹỵ])\b")
_ANY_Y = re.compile("[yỳýỷỹỵ]")
_I_FOR_Y = str.maketrans("yỳýỷỹỵ", "iìíỉĩị")
_IY_CACHE: dict[str, str] = {}


def _i_for_y(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).translate(_I_FOR_Y)


def _fold_iy(key: str) -> str:
    return _LONE_Y.sub(_i_for_y, key) if _ANY_Y.search(key) else key


def fold_iy(key: str) -> str:
    """A match key (a syllable or words) with the vowel y after a consonant written i."""
    folded = _IY_CACHE.get(key)
    if folded is None:
        folded = _fold_iy(key)
        if len(_IY_CACHE) < _KEY_CACHE_MAX:
            _IY_CACHE[key] = folded
    return folded


@dataclass
class Lexicon:
    """Every key held here is folded (`fold_iy`); the methods fold what they are asked."""

    syllables: dict[str, int] = field(default_factory=dict)  # key → count in the corpus
    bigrams: dict[str, int] = field(default_factory=dict)  # "w1 w2" → count in the corpus
    words: set[str] = field(default_factory=set)  # dictionary words of two syllables
    common: set[str] = field(default_factory=set)  # the commonest of them (Viet11K)
    by_skeleton: dict[str, tuple[str, ...]] = field(default_factory=dict)  # skeleton → syllables
    spelled: dict[str, str] = field(default_factory=dict)  # folded syllable → its usual spelling
    # Each dictionary word with one syllable reduced to its skeleton ("su phạm", "sư pham"):
    # which words lie one syllable's diacritics away from a pair, in two set look-ups.
    masked: tuple[dict[str, int], dict[str, int]] = field(
        default_factory=lambda: ({}, {}), repr=False
    )  # first or second syllable masked → how many words
    known_cache: dict[str, bool] = field(default_factory=dict, repr=False)
    _near: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def bigram_score(self, bigram: str) -> int:
        """How well attested a two-syllable sequence is: corpus count, plus 5 if a dictionary
        word (a dictionary entry alone outweighs a few chance co-occurrences)."""
        bigram = fold_iy(bigram)
        return self.bigrams.get(bigram, 0) + (5 if bigram in self.words else 0)

    def is_word(self, bigram: str) -> bool:
        return fold_iy(bigram) in self.words

    def is_common(self, bigram: str) -> bool:
        return fold_iy(bigram) in self.common

    def syllable_count(self, syllable: str) -> int:
        return self.syllables.get(fold_iy(syllable), 0)

    def known(self, bigram: str) -> bool:
        """Whether the dictionary or the corpus knows the pair. Cached: it is asked of every
        pair of every document."""
        hit = self.known_cache.get(bigram)
        if hit is None:
            folded = _fold_iy(bigram)
            hit = folded in self.words or self.bigrams.get(folded, 0) > 0
            if len(self.known_cache) >= _KEY_CACHE_MAX:
                self.known_cache.clear()
            self.known_cache[bigram] = hit
        return hit

    def bound(self, a: str, b: str, *, corpus: bool = True) -> bool:
        """Whether syllables a, b form a dictionary word (or, with `corpus`, a frequent pair)."""
        pair = fold_iy(f"{a} {b}")
        return pair in self.words or (corpus and self.bigrams.get(pair, 0) >= 3)

    def variants(self, syllable: str) -> list[str]:
        """Known syllables (folded) that differ from `syllable` in diacritics only, not itself."""
        syllable = fold_iy(syllable)
        return [s for s in self.by_skeleton.get(skeleton(syllable), ()) if s != syllable]

    def neighbours(self, a: str, b: str) -> tuple[str, ...]:
        """The dictionary words (folded) other than "a b" that differ from it in the diacritics
        of one syllable: what an unknown pair may be a slip for. Cached."""
        pair = f"{a} {b}"
        words = self._near.get(pair)
        if words is None:
            a, b = fold_iy(a), fold_iy(b)
            itself = 1 if f"{a} {b}" in self.words else 0
            words = ()
            # The counts say in two look-ups whether there is any; most pairs have none.
            if self.masked[0].get(f"{skeleton(a)} {b}", 0) > itself:
                words += tuple(w for v in self.variants(a) if (w := f"{v} {b}") in self.words)
            if self.masked[1].get(f"{a} {skeleton(b)}", 0) > itself:
                words += tuple(w for v in self.variants(b) if (w := f"{a} {v}") in self.words)
            if len(self._near) >= _KEY_CACHE_MAX:
                self._near.clear()
            self._near[pair] = words
        return words

    def spell(self, syllable: str) -> str:
        """A folded syllable as documents usually write it ("kì" → "kỳ")."""
        return self.spelled.get(syllable, syllable)


def parse_lexicon(lines: Iterator[str]) -> Lexicon:
    lex = Lexicon()
    seen: dict[str, int] = {}  # original spelling → count, to choose each folded key's spelling
    for line in lines:
        if not line or line.startswith("#"):
            continue
        kind, key, value = line.rstrip("\n").split("\t")
        folded = _fold_iy(key)
        if kind == "s":
            seen[key] = int(value)
            lex.syllables[folded] = lex.syllables.get(folded, 0) + int(value)
        elif kind == "b":
            lex.bigrams[folded] = lex.bigrams.get(folded, 0) + int(value)
        elif kind == "w":
            lex.words.add(folded)
            if value == "2":
                lex.common.add(folded)
    for word in lex.words:
        for syl in word.split(" "):
            lex.syllables.setdefault(syl, 0)
    for spelling, n in seen.items():
        folded = _fold_iy(spelling)
        if folded != spelling and n > seen.get(lex.spelled.get(folded, folded), -1):
            lex.spelled[folded] = spelling
    by_skeleton: dict[str, list[str]] = {}
    skeletons = {syl: skeleton(syl) for syl in lex.syllables}
    for syl, skel in skeletons.items():
        by_skeleton.setdefault(skel, []).append(syl)
    # Tuples of strings, not lists: the garbage collector stops tracking them, so that its full
    # passes do not walk thousands of lists in the middle of a document.
    lex.by_skeleton = {k: tuple(v) for k, v in by_skeleton.items()}
    first, second = lex.masked
    for word in lex.words:
        x, y = word.split(" ")
        form = f"{skeletons[x]} {y}"
        first[form] = first.get(form, 0) + 1
        form = f"{x} {skeletons[y]}"
        second[form] = second.get(form, 0) + 1
    return lex


def clear_caches() -> None:
    """Forget every cached key and look-up (the lexicon itself stays loaded): a benchmark's
    way to time a document as a fresh process would."""
    _KEY_CACHE.clear()
    _IY_CACHE.clear()
    lex = lexicon()
    lex.known_cache.clear()
    lex._near.clear()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once. An empty one when the data file is missing, so that the
    rules relying on it report nothing rather than fail."""
    try:
        data = resources.files("vbparse").joinpath("data", LEXICON_FILE).read_bytes()
    except FileNotFoundError:
        return Lexicon()
    key = f"{_PARSED_FORMAT}|{zlib.crc32(data):08x}"
    lex = _load_parsed(key)
    if lex is None:
        lex = parse_lexicon(iter(gzip.decompress(data).decode("utf-8").splitlines()))
        _save_parsed(key, lex)
    return lex


# The parsed lexicon kept in the user's cache (marshal: plain dicts, sets and tuples): parsing
# the shipped file takes 0.4 s, which every OCR'd document paid for its respelling (issue #17).
_PARSED_FORMAT = "lexicon-1"
_PARSED_FIELDS = ("syllables", "bigrams", "words", "common", "by_skeleton", "spelled", "masked")


def _parsed_file() -> Path | None:
    if os.environ.get("VBPARSE_NO_CACHE"):
        return None
    from ..user_cache import cache_dir

    return cache_dir() / f"{_PARSED_FORMAT}.marshal"


def _load_parsed(key: str) -> Lexicon | None:
    path = _parsed_file()
    try:
        if path is None:
            return None
        stored_key, values = marshal.loads(path.read_bytes())
        if stored_key != key:
            return None
        fields = dict(zip(_PARSED_FIELDS, values, strict=True))
        masked = fields["masked"]
        if not (
            isinstance(masked, tuple) and len(masked) == 2 and isinstance(fields["words"], set)
        ):
            return None
        return Lexicon(**fields)
    except Exception:  # no file yet, another version's, damaged: parse the shipped file
        return None


def _save_parsed(key: str, lex: Lexicon) -> None:
    path = _parsed_file()
    if path is None:
        return
    from ..user_cache import write_atomically

    try:
        write_atomically(path, marshal.dumps((key, tuple(getattr(lex, f) for f in _PARSED_FIELDS))))
    except Exception:  # a read-only home, a full disk: parse again next time
        return
