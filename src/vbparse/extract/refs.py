"""Số/ký hiệu and dates as Vietnamese documents write them, tolerant of extraction noise.

Shared by the header (the document's own number and date), the citations (numbers and dates of
the documents it cites) and the checkers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from ..text.normalize import strip_diacritics
from ..vocab import CODE_TYPES, canonical_code

_CODES_LONGEST_FIRST = sorted((c for c in CODE_TYPES if len(c) >= 2), key=len, reverse=True)

_LETTER = "A-Za-zÀ-ỹĐđƠơƯư"
# A ký hiệu: letter/digit groups joined by - or / ("KH-THBTD", "QĐ-UBND", "KH/TWĐTN", "NĐ-CP").
# A dot may join two codes ("KH-THPT.PB"), also when the dash before it was lost ("KHTHPT.PB").
SYMBOL_RE = rf"[{_LETTER}0-9&]+(?:\.[{_LETTER}]+)*(?:\s?[-/]\s?[{_LETTER}0-9&.]+)*"

# Number then separator then symbol; noise allowed: "773 /QĐ-TTg", "389 KH/TWĐTNVP".
_NUMBER = re.compile(
    rf"^\s*(?P<num>\d{{1,6}}[a-zA-Z]?)?\s*(?P<sep>[/-]|\s(?=[{_LETTER}]))\s*(?P<sym>{SYMBOL_RE})"
)
_YEAR_PART = re.compile(r"^((?:19|20)\d{2})\s*/\s*")


@dataclass
class NumberParts:
    raw: str
    number: str | None
    symbol: str | None
    type_code: str | None
    issuer_code: str | None
    year: int | None
    style: str
    end: int = 0  # where the số/ký hiệu ends in `raw`: text after it is not part of it


def parse_number(raw: str, body_codes: Collection[str] = ()) -> NumberParts | None:
    """Split a số/ký hiệu as written after "Số:" into its parts; None when it is not one.
    `body_codes` are the issuer's codes (its initials, "SGDĐT"): where extraction lost every dash
    of the ký hiệu they say where one stood ("SGDĐTTCCB" → "SGDĐT-TCCB")."""
    stripped = raw.strip().lstrip(".,;")
    offset = raw.find(stripped) if stripped else 0
    text = stripped.rstrip(".,;")
    # Dotted blanks of an unfilled template, replaced length for length so offsets still hold.
    text = re.sub(r"[_.…]{2,}", lambda d: " " * len(d.group()), text)
    text = text.translate(_LOOKALIKES)
    text, shift = _restore_separator(text)
    m = _NUMBER.match(text)
    if not m:
        return _symbol_only(raw, text, offset)
    number = m.group("num")
    # a speck after a dash ("BVHTTDL- .TLĐLĐVN") is no part of the code
    symbol = re.sub(r"([-/])\.+", r"\1", re.sub(r"\s+", "", m.group("sym"))).strip("-/.")
    year = None
    if m.group("sep") == "/":  # "Số: /2024/TT-BGDĐT": the year also after a blank number
        y = _YEAR_PART.match(symbol)
        if y:
            year = int(y.group(1))
            symbol = symbol[y.end() :]
    if not symbol or not re.search(rf"[{_LETTER}]", symbol):
        return None
    sep = m.group("sep").strip()
    party = sep == "-" or (sep == "" and "/" in symbol and "-" not in symbol.split("/")[0])
    if not party and "-" not in symbol and "/" not in symbol:
        symbol = _restore_dash(symbol, body_codes)
    elif "-" not in symbol and body_codes:
        symbol = "/".join(_split_glued(p, body_codes) for p in symbol.split("/"))
    elif not party:
        # "TTLTVKSNDTC-TANDTC-…": the dash after a joint type lost, the others kept
        first, dash, rest = symbol.partition("-")
        joint = next(
            (c for c in _CODES_LONGEST_FIRST if c.endswith("LT") and first.startswith(c)), None
        )
        if joint and len(first) - len(joint) >= 2:
            symbol = f"{joint}-{first[len(joint) :]}{dash}{rest}"
    symbol = _respell_type_code(symbol)
    type_code, issuer_code = _split_symbol(symbol, party=party)
    return NumberParts(
        raw=raw.strip(),
        number=number,
        symbol=symbol,
        type_code=type_code,
        issuer_code=issuer_code,
        year=year,
        style="party" if party else "state",
        end=offset + m.end() - shift,
    )


# A number written by hand that OCR could not read ("4 #12 /SYT-TCCB", "{34.2 /KH-SYT"): the
# printed ký hiệu after the slash still reads.
_SYMBOL_AFTER_SLASH = re.compile(
    rf"/\s*(?P<sym>[{_LETTER}][{_LETTER}0-9&]*(?:\s?-\s?[{_LETTER}0-9&.]+)+)"
)


def _symbol_only(raw: str, text: str, offset: int) -> NumberParts | None:
    m = _SYMBOL_AFTER_SLASH.search(text)
    if m is None or m.start() > 12:
        return None
    symbol = _respell_type_code(re.sub(r"\s+", "", m.group("sym")).strip("-/."))
    type_code, issuer_code = _split_symbol(symbol, party=False)
    return NumberParts(
        raw.strip(), None, symbol, type_code, issuer_code, None, "state", offset + m.end()
    )


# Cyrillic and Greek capitals that look like Latin ones, typed into a ký hiệu by a keyboard
# layout or an OCR engine ("КН-UBND", the Icelandic "Ð" for "Đ"); one character for one, so
# offsets hold.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХУІЅАΑΒΕΗΙΚΜΝΟΡΤΧΥΖÐ", "ABEKMHOPCTXYISAABEHIKMNOPTXYZĐ")
_GLUED = re.compile(rf"^(\d{{1,6}})([A-ZĐ][{_LETTER}&]*)([/-])")


def _restore_separator(text: str) -> tuple[str, int]:
    """ "12KH/TWĐTN-VP" → "12-KH/TWĐTN-VP" (Party style), "203BGDĐT-GDPT" → "203/BGDĐT-GDPT":
    the number glued to its ký hiệu where a dash was lost or a stamp hid the slash. Returns the
    text and how many characters were inserted."""
    m = _GLUED.match(text)
    if not m:
        return text, 0
    party = m.group(3) == "/" and canonical_code(m.group(2)) is not None
    return f"{m.group(1)}{'-' if party else '/'}{text[m.end(1) :]}", 1


def _restore_dash(symbol: str, body_codes: Collection[str] = ()) -> str:
    """ "QĐUBND" → "QĐ-UBND", "KHTHBTD" → "KH-THBTD": extraction lost the dash between the type
    code and the issuer's code; a symbol that starts with no type code stays as it is, unless
    the issuer's own code starts it ("SGDĐTTCCB"). A body code longer than the type code that
    also starts it wins: "TTTT…" of a Trung tâm is no Thông tư."""
    body = _split_glued(symbol, body_codes)
    body_len = body.find("-") if "-" in body else 0
    for code in _CODES_LONGEST_FIRST:
        if symbol.startswith(code) and len(symbol) - len(code) >= 2 and symbol[len(code)].isupper():
            if body_len > len(code):
                return body
            return f"{code}-{_split_glued(symbol[len(code) :], body_codes)}"
    return body


def _split_glued(part: str, body_codes: Collection[str]) -> str:
    """ "SGDĐTTCCB" → "SGDĐT-TCCB", "NVKSSTTTT" → "NVKS-STTTT": the longest issuer code that
    starts (else ends) a glued code, with at least two capitals on the other side (a code that
    is the whole part stays whole)."""
    folded = strip_diacritics(part).upper()
    keys = sorted({strip_diacritics(c).upper() for c in body_codes if len(c) >= 2}, key=len)[::-1]
    if folded in keys:
        return part  # "BLĐTBXH" is the whole code of its body
    for key in keys:
        rest = part[len(key) :]
        # the other side is a unit's code, letters only ("UBTVQH13" keeps its term "QH13")
        if folded.startswith(key) and len(rest) >= 2 and rest.isalpha() and rest[:2].isupper():
            return f"{part[: len(key)]}-{rest}"
    for key in keys:
        cut = len(part) - len(key)
        if folded.endswith(key) and cut >= 2 and part[:cut].isalpha() and part[:cut].isupper():
            return f"{part[:cut]}-{part[cut:]}"
    return part


# Digits OCR reads for the capitals they resemble ("T8-SYT" for TB-SYT, "KH-S0YT"), and a T
# whose bar it lost ("CIPH" for CTPH).
_DIGIT_LOOKALIKES = str.maketrans("80156I", "BOISGT")


def _respell_type_code(symbol: str) -> str:
    """ "T8-SYT" → "TB-SYT", "CIPH-…" → "CTPH-…", "QĐĐ-…" → "QĐ-…": an unknown first code that,
    read with the letters its characters look like or a doubled letter once, is a known type
    code."""
    m = re.match(r"^([A-ZĐa-zđ0-9]{2,5})(?=[-/])", symbol)
    if m is None or not re.search(r"[A-ZĐ]", m.group(1)) or canonical_code(m.group(1)):
        return symbol
    fixed = m.group(1).translate(_DIGIT_LOOKALIKES)
    if canonical_code(fixed) != fixed:
        # "QĐĐ-HĐT": one letter OCR read twice ("BTTTT" is no doubled "BTT")
        pairs = [i for i in range(1, len(fixed)) if fixed[i] == fixed[i - 1]]
        fixed = fixed[: pairs[0]] + fixed[pairs[0] + 1 :] if len(pairs) == 1 else fixed
    return fixed + symbol[m.end() :] if canonical_code(fixed) == fixed else symbol


def _split_symbol(symbol: str, *, party: bool) -> tuple[str | None, str | None]:
    """("KH-THBTD") → ("KH", "THBTD"); Party "KH/TWĐTN" → ("KH", "TWĐTN"); công văn
    "VPCP-KGVX" → (None, "VPCP-KGVX")."""
    first, _, rest = symbol.partition("/" if party else "-")
    code = canonical_code(first)
    if code and rest:
        return code, rest
    if party and "-" in symbol:
        first, _, rest = symbol.partition("-")
        code = canonical_code(first)
        if code:
            return code, rest
    return None, symbol


# --- dates --------------------------------------------------------------------------------------

# After "ngày" and before "tháng", OCR reads a digit as the letter it resembles ("ngày l6",
# "ngày O1").
_MONTH_DAY = r"([\dlIO]\s?\d|\d\s?[\dlIO]|[\dlI])"
_OCR_DIGITS = str.maketrans("lIO", "110")
DATE_WORDS_RE = re.compile(
    rf"ng[àa]y\s*{_MONTH_DAY}\s*(?:th[áa]ng|/|-)\s*{_MONTH_DAY}\s*(?:n[ăa]m|/|-)\s*(\d\s?\d\s?\d\s?\d)",
    re.IGNORECASE,
)
DATE_NUMERIC_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d{2})(?!\d)"
)
BLANK_DATE_RE = re.compile(r"ng[àa]y\s*[.…_ ]*\s*th[áa]ng\s*[.…_ \d]*\s*n[ăa]m", re.IGNORECASE)


def to_iso(day: str, month: str, year: str) -> str | None:
    try:
        day, month = day.translate(_OCR_DIGITS), month.translate(_OCR_DIGITS)
        d = date(int(year.replace(" ", "")), int(month.replace(" ", "")), int(day.replace(" ", "")))
    except ValueError:
        return None
    return d.isoformat()


@dataclass
class DateMatch:
    iso: str | None
    start: int
    end: int
    text: str


# OCR may read a speck between "năm" and the year ("năm - 2012").
_MONTH_YEAR = re.compile(r"th[áa]ng\s*(\d\s?\d|\d)\s*n[ăa]m\s*[-–.]?\s*(\d\s?\d\s?\d\s?\d)", re.I)
# "ðhăm 2017": "năm" under a month written in over its "n" (as in cues.PLACE_DATE).
_YEAR_ONLY = re.compile(r"(?:n|\S?h)[ăa]m\s*[-–.]?\s*(\d\s?\d\s?\d\s?\d)\b", re.I)


def partial_date(text: str) -> str | None:
    """ "ngày   tháng 3 năm 2023" (the day blank or unreadable) → "2023-03"; only the year →
    "2023"."""
    m = _MONTH_YEAR.search(text)
    if m:
        month, year = int(m.group(1).replace(" ", "")), m.group(2).replace(" ", "")
        if 1 <= month <= 12 and year[:2] in ("19", "20"):
            return f"{year}-{month:02d}"
    y = _YEAR_ONLY.search(text)
    if y and y.group(1).replace(" ", "")[:2] in ("19", "20"):
        return y.group(1).replace(" ", "")
    return None


# A cited date whose day was left blank: "ngày /10/2022", "ngày   tháng 10 năm 2022".
_BLANK_DAY = re.compile(
    r"ng[àa]y\s*[.…_]*\s*(?:/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})|th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*((?:19|20)\d{2}))(?!\d)",
    re.IGNORECASE,
)


def find_partial_date(text: str) -> DateMatch | None:
    """The first date with a blank day in `text`, as "2022-10"."""
    m = _BLANK_DAY.search(text)
    if m is None:
        return None
    month, year = m.group(1) or m.group(3), m.group(2) or m.group(4)
    iso = f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    return DateMatch(iso, m.start(), m.end(), m.group(0))


def find_date(text: str, *, numeric: bool = True) -> DateMatch | None:
    """The first date in `text`: "ngày 23 tháng 4 năm 2020", "ngày 25/6/2019", or "25/6/2019"."""
    m = DATE_WORDS_RE.search(text)
    n = DATE_NUMERIC_RE.search(text) if numeric else None
    if m and (not n or m.start() <= n.start()):
        return DateMatch(to_iso(m.group(1), m.group(2), m.group(3)), m.start(), m.end(), m.group(0))
    if n:
        return DateMatch(to_iso(n.group(1), n.group(2), n.group(3)), n.start(), n.end(), n.group(0))
    return None
