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
