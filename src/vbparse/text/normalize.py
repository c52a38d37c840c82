"""Unicode normalisation and the folding used wherever words are *matched* (never for output).

Output keeps the document's own spelling in NFC. Matching folds case, old/new tone placement
(hoà/hòa, thuỷ/thủy) and, where asked, diacritics altogether.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that converters leave in: NBSP, thin/figure spaces, the ideographic space; and
# characters that take no room at all (zero-width space/joiners, BOM, soft hyphen).
_SPACE_LIKE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WS_RUN = re.compile(r"[ ]{2,}")


def clean(text: str) -> str:
    """NFC, invisible characters removed, every whitespace run collapsed to one space, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = text.replace("\r", " ").replace("\n", " ")
    return _WS_RUN.sub(" ", text).strip()


# In open syllables oa/oe/uy the tone mark goes on the first vowel in one convention (hòa, thủy)
# and on the second in the other (hoà, thuỷ). Folding both to one form lets them match.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_FIRST_VOWEL_TONE = re.compile(
    r"(?:([oO])([" + _TONES + r"])([aAeE])|([uU])([" + _TONES + r"])([yY]))(?!\w)"
)


def fold_tone_placement(text: str) -> str:
    """Fold "hòa"/"thủy" to "hoà"/"thuỷ" (mark on the second vowel); NFC in, NFC out.

    Only where the pair ends the syllable: "hoàn", "khuyến" have one spelling in both styles.
    """
    nfd = unicodedata.normalize("NFD", text)

    def move(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(1) + m.group(3) + m.group(2)
        return m.group(4) + m.group(6) + m.group(5)

    return unicodedata.normalize("NFC", _FIRST_VOWEL_TONE.sub(move, nfd))


def _diacritics_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {cp: None for cp in range(0x300, 0x370)}  # combining marks
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table[cp] = ord(base)
    table[ord("đ")], table[ord("Đ")] = ord("d"), ord("D")
    return table


_NO_DIACRITICS = _diacritics_table()


def strip_diacritics(text: str) -> str:
    """ASCII skeleton of Vietnamese text: "Đồng" → "Dong". For matching and search only.
    One character in, one out for NFC text, so offsets into the result are offsets into the input."""
    return text.translate(_NO_DIACRITICS)


# The same letters, combining marks kept: folding keeps every offset of the NFC text.
_FOLD_SAME_LENGTH = {cp: base for cp, base in _NO_DIACRITICS.items() if base is not None}


def fold(text: str) -> str:
    """`text` without diacritics, đ → d, as long as its NFC form (for search: the folded index
    columns and snippets' offsets). Decomposed input (NFD, as some keyboards and PDFs give it)
    is composed first, or its marks would stay."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD_SAME_LENGTH)


def match_key(text: str, *, diacritics: bool = True) -> str:
    """Key for comparing words: lower case, tone placement folded, optionally no diacritics."""
    key = fold_tone_placement(clean(text)).lower()
    return strip_diacritics(key) if not diacritics else key
