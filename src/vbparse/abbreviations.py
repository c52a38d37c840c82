"""Abbreviations of Vietnamese administration expanded (UBND → Ủy ban nhân dân), and the issuer
code of the document's ký hiệu tied to the body the text names (THBTD → Trường Tiểu học Bình
Trưng Đông). Pure text work, no heavy imports: cheap enough for every parse.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .model import Document
from .text.normalize import strip_diacritics

# Words that head the name of a body; the issuer code abbreviates what follows them.
ORG_HEADS = (
    "Trường",
    "Phòng",
    "Sở",
    "Bộ",
    "Ủy ban nhân dân",
    "Ủy ban",
    "Ban",
    "Cục",
    "Vụ",
    "Tổng cục",
    "Văn phòng",
    "Hội đồng nhân dân",
    "Hội đồng",
    "Công đoàn",
    "Đảng ủy",
    "Chi bộ",
    "Trung tâm",
    "Viện",
    "Học viện",
    "Đoàn",
)
_SYLLABLE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_SKIP = {"và", "&", "-"}


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    raw = resources.files("vbparse").joinpath("data/abbreviations.json").read_text("utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    keys = sorted(table(), key=len, reverse=True)  # longest first: "GD&ĐT" before "GD"
    return re.compile(r"(?<![\w&.-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w&])")


def expand(text: str) -> dict[str, str]:
    """Every known abbreviation the text uses, with its expansion, in order of first use."""
    out: dict[str, str] = {}
    for m in _pattern().finditer(text):
        out.setdefault(m.group(1), table()[m.group(1)])
    return out


def spell_out(text: str) -> str:
    """The text with every known abbreviation written in full ("Phòng GD&ĐT" → "Phòng Giáo dục
    và Đào tạo"), so that a name cited in short compares with the name written out."""
    return _pattern().sub(lambda m: table()[m.group(1)], text)


def _initials(words: list[str]) -> str:
    return "".join(strip_diacritics(w[0]).upper() for w in words if w.lower() not in _SKIP)


_PLACE_WORDS = {"tỉnh", "thành", "tp", "quận", "huyện", "thị", "xã", "phường"}


def _initial(word: str) -> str:
    """A word's part in its body's code: its first letter; an abbreviation ("TTTT" of "SỞ TTTT",
    a word without a vowel) and a number stand whole."""
    if word.isdigit() or (
        len(word) > 1 and not re.search(r"[AEIOUY]", strip_diacritics(word).upper())
    ):
        return word
    return word[0]


def body_codes(names: list[str]) -> set[str]:
    """The codes a ký hiệu may give these bodies: the initials of each name, with and without its
    head word and without the place that ends it ("SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH"
    → SGDĐTTPHCM, GDĐTTPHCM, SGDĐT, GDĐT), and the known codes of bodies (UBND, VPCP, TWĐTN)."""
    heads = "|".join(re.escape(h) for h in sorted(ORG_HEADS, key=len, reverse=True))
    codes = {
        k
        for k, v in table().items()
        if k[:1].isupper() and len(k) > 2 and re.match(rf"(?:{heads}|Trung ương|Thủ tướng)\b", v)
    }
    for name in names:
        words = _SYLLABLE.findall(name)
        cut = next((i for i, w in enumerate(words) if i and w.lower() in _PLACE_WORDS), len(words))
        head = re.match(rf"(?:{heads})\s", name, re.IGNORECASE)
        skip = len(head.group(0).split()) if head else 0
        for ws in (words, words[:cut], words[skip:], words[skip:cut]):
            code = "".join(_initial(w) for w in ws if w.lower() not in _SKIP)
            if len(code) >= 2:
                codes.add(code.upper())
    return codes


def issuer_body(code: str, text: str) -> str | None:
    """The body whose name (after a head word such as Trường/Phòng/Sở) has `code` for initials:
    "THBTD" → "Trường Tiểu học Bình Trưng Đông". The spelling the text uses most wins."""
    key = strip_diacritics(re.sub(r"[^\w]", "", code)).upper()
    if len(key) < 2:
        return None
    heads = "|".join(re.escape(h) for h in sorted(ORG_HEADS, key=len, reverse=True))
    found: Counter[str] = Counter()
    for m in re.finditer(rf"(?<!\w)({heads})\s+", text):
        words = [w.group(0) for w in _SYLLABLE.finditer(text[m.end() : m.end() + 80])]
        pos = [w.end() for w in _SYLLABLE.finditer(text[m.end() : m.end() + 80])]
        for n in range(len(words), 0, -1):
            if _initials(words[:n]) == key:
                found[m.group(1) + " " + text[m.end() : m.end() + pos[n - 1]]] += 1
                break
    if not found:
        return None
    best = max(found.values())
    return [name for name in found if found[name] == best][-1]


def add_expansions(doc: Document, text: str | None = None) -> None:
    """Fill `doc.expansions`: abbreviations used in the text, and the issuer code's body."""
    text = text if text is not None else "\n".join(doc.lines or [])
    expansions = expand(text)
    code = doc.number.issuer_code
    if code:
        for part in re.split(r"[-/]", code):
            body = issuer_body(part, text)
            if body:
                expansions[part] = body
    doc.expansions = expansions
