"""Vietnamese syllable shape, and the repair of syllables a converter split apart.

PDF and web converters often cut a syllable at its accented letter: "Nh ư tr ê n",
"B Ộ LAO ĐỘNG", "t ỉ nh", "Đ ả ng". A run of tokens is re-joined only when a token in it cannot be
a syllable on its own and the joined form can: correct text is never touched, since every token
of correct Vietnamese text is already a syllable (or a number, code or foreign word, which are
left alone because they are not pure letters or do not join into a syllable).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .charclass import LO, UP

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Rhymes of Vietnamese (tones removed). Open diphthongs "iê/yê/uô/ươ" need a coda.
_RHYME = (
    r"(?:"
    r"(?:iê|yê|uyê|uô|ươ)(?:c|ch|m|n|ng|nh|p|t|u|i)"
    r"|(?:oa|oă|oe|uâ|uê|uy|uơ)(?:c|ch|m|n|ng|nh|p|t|i|y|u|o)?"
    r"|(?:ia|ua|ưa|ai|ay|ây|ao|au|âu|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|uya|uyu|oao|oeo|yêu|iêu|ươi|ươu|uôi)"
    r"|[aăâeêioôơuưy](?:c|ch|m|n|ng|nh|p|t)?"
    r")"
)
_SYLLABLE = re.compile(rf"^{_ONSET}{_RHYME}$")
# Single letters that do stand alone in text ("ở", "à", "y tế", "ý kiến").
_STANDALONE_SINGLE = set("ởàạaáyýừồờôơưoó")


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """Whether `token` (letters only, any case, any tone) has the shape of a Vietnamese syllable."""
    low = unicodedata.normalize("NFD", token.lower()).translate(_TONE_MARKS)
    low = unicodedata.normalize("NFC", low)
    if len(low) == 1:
        return low in _STANDALONE_SINGLE or token.lower() in _STANDALONE_SINGLE
    return bool(_SYLLABLE.match(low))


@lru_cache(maxsize=65536)
def _is_fragment(token: str) -> bool:
    """A short run of letters that cannot be a syllable: a piece of a split one."""
    core = token.rstrip(",;:.)")
    return 0 < len(core) <= 3 and core.isalpha() and not is_syllable(core)


_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) ([,;:.)])(?=\s|$)")


def repair_split_syllables(text: str) -> str:
    """Re-join syllables split at their accented letter; drop a space before , ; : . )."""
    tokens = text.split(" ")
    # Most lines hold no fragment: find that out in one C-level pass over cached answers.
    if not any(map(_is_fragment, tokens)):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text) if " ," in text or " ;" in text else text
        return join_letter_runs(split_joined_words(text))
    frag = [_is_fragment(t) for t in tokens]
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        best_j = i + 1
        if not any(frag[i : i + 4]):
            out.append(tokens[i])
            i += 1
            continue
        # Try joining tokens[i:j] (up to 4 pieces) when a piece is a fragment.
        for j in range(min(n, i + 4), i + 1, -1):
            pieces = tokens[i:j]
            if not all(p.isalpha() for p in pieces[:-1]):
                continue
            last = pieces[-1]
            core = last.rstrip(",;:.)")
            if not core.isalpha():
                continue
            joined = "".join(pieces[:-1]) + core
            if not any(not is_syllable(p.rstrip(",;:.)")) for p in pieces):
                continue
            if is_syllable(joined) and _case_consistent(pieces):
                best_j = j
                break
        out.append("".join(tokens[i:best_j]))
        i = best_j
    return join_letter_runs(split_joined_words(_SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(out))))


_CAPS_PIECE = re.compile(r"^[A-ZĐ]{1,3}$")


def join_letter_runs(text: str) -> str:
    """ "thuộc T W", "các Vụ: KG V X", "Thành đoàn T N C S": an abbreviation whose letters a
    converter spaced out. A run of short capital pieces is joined when it holds single letters
    and is not made of words ("TU" alone is a syllable, "T TU B" is a code)."""
    if not re.search(r"(?:^|\s)[A-ZĐ](?:\s|[,;:.)]|$)", text):
        return text
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens):
            core = tokens[j].rstrip(",;:.)") if j > i else tokens[j]
            if not _CAPS_PIECE.match(core) or (core != tokens[j] and j == i):
                break
            j += 1
            if core != tokens[j - 1]:
                break  # punctuation ends the run
        run = tokens[i:j]
        cores = [t.rstrip(",;:.)") for t in run]
        singles = sum(len(c) == 1 for c in cores)
        words = sum(len(c) > 1 and is_syllable(c) for c in cores)
        if len(run) >= 2 and singles >= 1 and (words == 0 or singles >= 2):
            out.append("".join(run))
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


_JOINED = re.compile(rf"(?<=[{LO}]{{3}})(?=[{UP}][{LO}])")


def split_joined_words(text: str) -> str:
    """ "Bộ trưởngBộ Giáo dục" → "Bộ trưởng Bộ Giáo dục": a converter dropped the space between
    two words. Codes such as "CTrTT" or "TTg" are untouched (no lower-case run before a capital)."""
    if not _JOINED.search(text):
        return text
    out = []
    for token in text.split(" "):
        parts = _JOINED.split(token)
        if len(parts) > 1 and all(is_syllable(p.strip(",;:.()")) for p in parts):
            token = " ".join(parts)
        out.append(token)
    return " ".join(out)


def _case_consistent(pieces: list[str]) -> bool:
    # "B Ộ" and "Nh ư" join; "UBND a" does not: after the first piece no capital may follow a
    # lower-case letter.
    joined = "".join(pieces)
    return not re.search(rf"[{LO}][{UP}]", joined) or joined.isupper()
