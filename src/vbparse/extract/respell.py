"""OCR damage repaired by agreement with the document itself.

A scan's header or trích yếu may lose a mark ("SỐ Y TẾ", "y tê", "Quyết định sô 6110") while the
body writes the same words again, correctly, many times. A word is given the spelling the text
agrees on when the damaged spelling is (almost) never repeated and another spelling of the same
letters (marks aside) is; words the text never repeats stay as read. Only for pages read by OCR:
a typed header is kept as written.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from .. import cues
from ..settings import current
from ..text.cer import edit_distance
from ..text.charclass import LO, UP
from ..text.syllables import is_syllable
from ..vocab import NAME_SYLLABLES, SURNAMES
from .context import ParseContext

_WORD = re.compile(r"[^\W\d_]+")


def read_by_ocr(ctx: ParseContext) -> bool:
    return any(p.method == "ocr" for p in ctx.raw.pages)


def document_text(ctx: ParseContext) -> str:
    return "\n".join(ln.text for ln in ctx.lines)


def phrase(name: str, text: str) -> str:
    """ "SỐ Y TẾ" → "SỞ Y TẾ": a name in capitals, respelled as the text names it."""
    if not cues.is_upper(name) or len(name) < 5:
        return name
    folded = cues.fold(text)  # one character per character: offsets carry over to `text`
    key = re.escape(cues.fold(name)).replace("\\ ", r"\s+")
    mentions = [
        re.sub(r"\s+", " ", text[m.start() : m.end()]).upper()
        for m in re.finditer(rf"(?<![A-Z]){key}(?![A-Z])", folded)
    ]
    others = [m for m in mentions if m != name.upper()]
    if not others:
        return name
    best = max(sorted(set(others)), key=others.count)
    agreed = others.count(best)
    return (
        best
        if agreed >= current().inference.respell_agreement and agreed > mentions.count(name.upper())
        else name
    )


def _pairs(text: str) -> Counter[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return Counter(f"{a} {b}" for a, b in pairwise(words))


def words(value: str, text: str) -> str:
    """ "báo cáo sô lượng … y tê" → "báo cáo số lượng … y tế": each pair of neighbouring words
    read once is respelled as the text writes that pair (same letters, other marks) at least
    `respell_agreement` times more often (settings.py)."""
    pairs = _pairs(text)
    agreement = current().inference.respell_agreement
    by_fold: dict[str, Counter[str]] = {}
    for pair, n in pairs.items():
        by_fold.setdefault(cues.fold(pair), Counter())[pair] = n
    found = list(_WORD.finditer(value))
    spelled = [m.group(0) for m in found]
    for i in range(len(found) - 1):
        pair = f"{spelled[i].lower()} {spelled[i + 1].lower()}"
        variants = by_fold.get(cues.fold(pair), Counter())
        best, n = max(variants.items(), key=lambda kv: (kv[1], kv[0]), default=(pair, 0))
        if best == pair or n < agreement or n < 2 * variants.get(pair, 0) + 1:
            continue
        for k, word in enumerate(best.split()):
            old = spelled[i + k]
            spelled[i + k] = (
                word.upper()
                if old.isupper() and len(old) > 1
                else (word[:1].upper() + word[1:] if old[:1].isupper() else word)
            )
    out, last = [], 0
    for m, word in zip(found, spelled, strict=True):
        out.append(value[last : m.start()])
        out.append(word)
        last = m.end()
    out.append(value[last:])
    return "".join(out)


def _closest(word: str, known: tuple[str, ...], same_letters: bool) -> str | None:
    """The one entry of `known` one edit from `word` (with `same_letters`: only its marks
    differ), or None when there is none or more than one."""
    folded = cues.fold(word)
    near = {
        k
        for k in known
        if (cues.fold(k) == folded if same_letters else edit_distance(k.lower(), word.lower()) == 1)
    }
    return near.pop() if len(near) == 1 else None


def person_name(name: str) -> str:
    """ "Trân Văn Thanh" → "Trần Văn Thanh", "Nguyễn Trúc Glang" → "Nguyễn Trúc Giang": a first
    word that is no name syllable but has the letters of one family name (marks aside), and a
    later word that is no Vietnamese syllable but one letter from one common name syllable."""
    ranked = cues.rank_prefix(name)
    if ranked is not None:  # "Thiếu tướng …": the rank is no family name
        return f"{ranked[0]} {person_name(ranked[1])}"
    words = name.split()
    if len(words) < 2:
        return name
    # A first word that is a given-name syllable ("Vân Anh") is a name cut short, not damage.
    if words[0] not in SURNAMES and words[0] not in NAME_SYLLABLES:
        words[0] = _closest(words[0], SURNAMES, same_letters=True) or words[0]
    for i, word in enumerate(words[1:], 1):
        if not is_syllable(word):
            words[i] = _closest(word, NAME_SYLLABLES, same_letters=False) or word
    return " ".join(words)


_NAME_KEYS = {cues.fold(n): n for n in (*NAME_SYLLABLES, *SURNAMES)}
_CASE_TURN = re.compile(rf"(?<=[{LO}])(?=[{UP}])")


def name_spacing(text: str) -> str:
    """ "HàVănPhúc" → "Hà Văn Phúc", "Nguy ên Văn Hải" → "Nguyễn Văn Hải": the spaces OCR lost
    inside a name or put inside one of its syllables, where the pieces make name syllables."""
    words: list[str] = []
    for token in text.split():
        parts = _CASE_TURN.split(token)
        # The first piece may be a speck of the seal ("êHoàngAnh"): only the rest must be names.
        words.extend(parts if len(parts) > 1 and all(map(is_syllable, parts[1:])) else [token])
    out: list[str] = []
    for word in words:
        if out and word.islower() and out[-1][:1].isupper():
            joined = _NAME_KEYS.get(cues.fold(out[-1] + word))
            # Only where a piece is no name on its own ("Nguy", "ên"): "Trần Văn an" stays.
            if joined is not None and (out[-1] not in _NAME_KEYS.values() or not is_syllable(word)):
                out[-1] = joined
                continue
        out.append(word)
    return " ".join(out)


_TITLE_CASE = re.compile(rf"^[{UP}][{LO}]+$")


def _surname_like(token: str) -> str | None:
    """The family name a capitalised token reads as: itself, else the most frequent one a letter
    away with the same first letter ("Tân" → "Trần")."""
    token = token.strip(".,;:'\"“”")
    if not _TITLE_CASE.match(token):
        return None
    if token in SURNAMES:
        return token
    folded = cues.fold(token)
    return next(
        (
            s
            for s in SURNAMES
            if cues.fold(s)[:1] == folded[:1] and edit_distance(cues.fold(s), folded) <= 1
        ),
        None,
    )


def rejoin_surname(texts: list[str]) -> list[str]:
    """A name whose family name OCR set on another line: "hi Tân" / "Duy Đông" (the surname read
    at the end of the seal's noise above a two-word name) → "Trần Duy Đông"; "Văn Hải" /
    "Nguyễn" (the surname alone under it) → "Nguyễn Văn Hải"."""
    out = list(texts)
    short = current().closing.full_name_words - 1
    for i, text in enumerate(texts):
        words = text.split()
        if not words or len(words) > short or not all(_TITLE_CASE.match(w) for w in words):
            continue
        below = texts[i + 1].strip() if i + 1 < len(texts) else ""
        if below in SURNAMES and cues.is_person_name(f"{below} {text}"):
            out[i] = f"{below} {text.strip()}"
            continue
        above = texts[i - 1].split() if i > 0 else []
        surname = _surname_like(above[-1]) if above else None
        if surname and words[0] not in SURNAMES and cues.is_person_name(f"{surname} {text}"):
            out[i] = f"{surname} {text.strip()}"
    return out
