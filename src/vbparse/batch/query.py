"""What a clerk's search query means, independent of the database that answers it.

    dân vận            both words, anywhere in the document, with these diacritics;
                       documents holding them side by side ("dân vận") rank first
    "dân vận"          the exact phrase
    đào*               a word beginning with "đào"
    dan van            no diacritics typed: diacritics are ignored (as with --no-accents)

Accent-insensitive matching (`no_accents`, or a query typed without any diacritic) compares
folded text (no marks, đ → d). For a query of several words the folded words alone say little
("dan" is dân, dần, đan …; "van" is văn, vận, vấn …: almost every document has both), so the
words are read as the spelling the archive itself uses most for that phrase
(`restore_from`): "dan van" then finds what "dân vận" finds, plus documents typed without
diacritics. A one-word query keeps every spelling.

A backend (SQLite FTS5 in registry.py, PostgreSQL elsewhere) retrieves candidates on the folded
words with its own index and ranking (BM25), then keeps those `Query.matches` accepts and puts
those where `Query.phrase_in` holds first. `group_key` says which records are one document
imported in several formats.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..text.normalize import fold

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@dataclass
class Words:
    """A text's words, lower case, as written and folded (one tokenisation per text)."""

    text: str  # NFC, lower case
    written: list[str]
    folded: list[str]

    @classmethod
    def of(cls, text: str) -> Words:
        norm = _norm(text)
        written = _WORD.findall(norm)
        folded = fold(" ".join(written)).split(" ") if written else []
        return cls(norm, written, folded)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in _WORD.finditer(self.text)]

    def without_diacritics(self) -> bool:
        """Typed without diacritics: under 2 % of the words carry any (Vietnamese text has them
        on most words)."""
        marked = sum(1 for w, f in zip(self.written, self.folded, strict=True) if w != f)
        return marked < 0.02 * max(1, len(self.written))


@dataclass
class Term:
    """One thing that must match: a word, or a quoted phrase; `prefix` for a trailing *."""

    words: tuple[str, ...]  # as typed, NFC, lower case
    phrase: bool = False
    prefix: bool = False
    loose: bool = False  # compare folded whatever the query's mode (a quoted phrase, restored)

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.words)

    def wanted(self, accents: bool) -> tuple[str, ...]:
        return self.words if accents and not self.loose else self.folded

    def at(self, words: Words, *, accents: bool) -> int | None:
        """Index of the first word where this term stands, or None."""
        exact = accents and not self.loose
        wanted = list(self.wanted(accents))
        seen = words.written if exact else words.folded
        n = len(wanted)
        if self.prefix:
            last = wanted.pop()
            return next(
                (
                    i
                    for i in range(len(seen) - n + 1)
                    if seen[i : i + n - 1] == wanted and seen[i + n - 1].startswith(last)
                ),
                None,
            )
        i = -1
        while True:  # list.index finds the first word at C speed; the rest is compared there
            try:
                i = seen.index(wanted[0], i + 1)
            except ValueError:
                return None
            if seen[i : i + n] == wanted:
                return i


@dataclass
class Query:
    terms: list[Term]
    accents: bool  # compare diacritics (False: folded comparison)
    # Set by restore_from: the archive's spelling of the terms, and the bare letters (matched only
    # in a document typed without diacritics).
    readings: list[list[Term]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.terms

    def ranking_phrase(self) -> tuple[str, ...] | None:
        """The unquoted words side by side, when there are two or more: documents holding
        them so rank first."""
        loose = [t for t in self.terms if not t.phrase]
        if len(loose) < 2 or any(t.prefix for t in loose):
            return None
        return tuple(t.words[0] for t in loose)

    def matches(self, text: str) -> bool:
        """Every term occurs in `text` (subject and body), as this query compares words."""
        return self.assess(text)[0]

    def phrase_in(self, text: str) -> bool:
        """The unquoted words stand side by side in `text` (in one accepted spelling)."""
        return self.assess(text)[1]

    def assess(self, text: str) -> tuple[bool, bool]:
        """(matches, phrase_in) of `text`, reading its words once."""
        words = Words.of(text)
        for reading, exact in self._readings_for(words):
            if all(t.at(words, accents=exact) is not None for t in reading):
                phrase = self._phrase_of(reading)
                return True, phrase is not None and phrase.at(words, accents=exact) is not None
        return False, False

    def _phrase_of(self, reading: list[Term]) -> Term | None:
        if self.ranking_phrase() is None:
            return None
        return Term(tuple(t.words[0] for t in reading if not t.phrase))

    def _readings_for(self, words: Words) -> list[tuple[list[Term], bool]]:
        """The spellings a text may match in, each with whether diacritics count."""
        if not self.readings:
            return [(self.terms, self.accents)]
        # "cong-van" in a URL of a document with diacritics is no "công văn"
        usable = self.readings if words.without_diacritics() else self.readings[:1]
        return [(r, True) for r in usable]

    def marks(self, body: str) -> list[tuple[int, int]]:
        """Character spans of `body` to highlight: the words of the query where they stand, the
        first side-by-side occurrence (or the first term's) first: a snippet centres on it."""
        words = Words.of(body)
        spans = words.spans
        reading, exact = self._readings_for(words)[-1]
        hits: set[tuple[int, int]] = set()
        for term in reading:
            seen = words.written if exact and not term.loose else words.folded
            for word in term.wanted(exact):
                hits.update(
                    spans[i]
                    for i, token in enumerate(seen)
                    if (token.startswith(word) if term.prefix else token == word)
                )
        ordered = sorted(hits)
        focus = self._phrase_of(reading) or (reading[0] if reading else None)
        at = focus.at(words, accents=exact) if focus else None
        if at is not None:
            ordered.remove(spans[at])
            ordered.insert(0, spans[at])
        return ordered

    def restore_from(self, texts: Iterable[str]) -> None:
        """Accent-insensitive query of several words: read the unquoted words as the spelling
        `texts` use most for them side by side; a document matches in that spelling or typed
        without any diacritics."""
        phrase = self.ranking_phrase()
        if self.accents or phrase is None:
            return
        target = [fold(w) for w in phrase]
        n = len(target)
        seen: Counter[tuple[str, ...]] = Counter()
        for text in texts:
            words = Words.of(text)
            for i in range(len(words.folded) - n + 1):
                if words.folded[i] == target[0] and words.folded[i : i + n] == target:
                    seen[tuple(words.written[i : i + n])] += 1
        if not seen:
            return
        best = iter(seen.most_common(1)[0][0])
        spelled = [
            Term(t.words, True, t.prefix, loose=True) if t.phrase else Term((next(best),))
            for t in self.terms
        ]
        bare = [Term(t.folded, t.phrase, t.prefix) for t in self.terms]
        self.readings = [spelled, bare]


def has_diacritics(text: str) -> bool:
    norm = _norm(text)
    return fold(norm) != norm


def parse_query(text: str, *, no_accents: bool = False) -> Query:
    """The terms of a typed query. FTS syntax in it is not honoured: every character is text."""
    terms = []
    for m in _TERM.finditer(text or ""):
        quoted = m.group(1) is not None
        raw = m.group(1) if quoted else m.group(2)
        words = tuple(_WORD.findall(_norm(raw)))
        if not words:
            continue
        prefix = not quoted and raw.endswith("*")
        # An unquoted "dân-vận" or "KH/UBND" is several words side by side: a phrase.
        terms.append(Term(words, phrase=quoted or len(words) > 1, prefix=prefix))
    accents = not no_accents and has_diacritics(text or "")
    return Query(terms, accents)


def group_key(
    path: str, number: str | None, symbol: str | None, date: str | None
) -> tuple[str, ...]:
    """Records that are one document imported in several formats share this key: the same
    số/ký hiệu and date (a number of digits only: an OCR'd number proves nothing), else the same
    file name without its extension in the same folder."""
    if number and number.isdigit() and symbol and date:
        key = fold(re.sub(r"\s+", "", f"{int(number)}/{symbol}")).upper()
        return ("number", key, date)
    stem, _ext = os.path.splitext(path)
    return ("file", stem)


def format_of(path: str, fmt: str | None) -> str:
    return (fmt or os.path.splitext(path)[1].lstrip(".") or "?").lower()


def parse_date(text: str, *, end: bool) -> str | None:
    """An ISO date or prefix bound; None when `text` is no date. `end` widens "2020" to the
    year's last day, so that --to 2020 includes December."""
    text = text.strip()
    m = re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if m:
        year, month, day = m.groups()
        try:  # "2020-13-45" is no date
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        parts = [year, f"{int(month):02d}" if month else None, f"{int(day):02d}" if day else None]
        iso = "-".join(p for p in parts if p)
        # ISO dates compare as strings: "2020-04" ≤ every April date; "2020-04~" ≥ them all.
        return iso + ("~" if end and not day else "")
    from ..extract.refs import find_date

    found = find_date(text)
    return found.iso if found and found.iso and found.text.strip() == text else None
