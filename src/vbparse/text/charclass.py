"""Regex character classes for Vietnamese letters by case.

The handy range "À-Ỹ" spans lower-case letters too (à is U+00E0, inside it), so case-sensitive
patterns must use these classes instead."""

from __future__ import annotations

_VOWELS = "aăâeêioôơuưy"
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _letters() -> str:
    import unicodedata

    out = set("bcdđfghjklmnpqrstvwxz")
    for v in _VOWELS:
        for m in _MARKS:
            out.add(unicodedata.normalize("NFC", v + m))
    return "".join(sorted(out))


LOWER_CHARS = _letters()
UPPER_CHARS = LOWER_CHARS.upper()
UP = f"A-Z{''.join(c for c in UPPER_CHARS if not ('A' <= c <= 'Z'))}"  # for use inside [...]
LO = f"a-z{''.join(c for c in LOWER_CHARS if not ('a' <= c <= 'z'))}"

# Every character text decoded from 8-bit bytes through cp1252 (or latin-1, for the bytes cp1252
# leaves undefined) can hold; for use inside [...]. A line of TCVN3/VNI/VISCII read that way holds
# no other, so a line with another character (ư, ạ, đ …) is not legacy text: see text.legacy.
BYTE_READ = "\x00-\xff" + bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")
