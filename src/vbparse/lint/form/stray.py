"""stray_character: a keyboard character typed inside a word ("p`hủ", "Tĩ~nh", "gi\\áo").

Such a character is no letter of Vietnamese and breaks the word for search, spelling and the
Unicode text the decree asks for (Phụ lục I, Phần I, mục I, khoản 4). It is found between two
letters of one word; addresses, links and codes (with @, ://, digits) are left alone. A text
rule: it applies to every format.
"""

from __future__ import annotations

import re

from ...text.charclass import LO, UP
from ..model import LintContext
from .tables import STRAY_REF

_STRAY = "`~^\\\\*#|$%=<>{}\\[\\]"
_WORD = re.compile(rf"(?<![\w@/:.{_STRAY}])([{UP}{LO}]+)([{_STRAY}]+)([{LO}]+)(?![\w@/:])")
_SKIP = re.compile(r"@|://|www\.", re.IGNORECASE)


def check(ctx: LintContext) -> None:
    for line in ctx.lines:
        text = line.text
        if _SKIP.search(text):
            continue
        for m in _WORD.finditer(text):
            word = m.group(0)
            fixed = m.group(1) + m.group(3)
            if len(fixed) < 3:  # "x=y", "a*b": a formula, not a word
                continue
            ctx.add("stray_character", "error", line, "stray_character", start=m.start(),
                    end=m.end(), fix=fixed, found=m.group(2), word=word, expected=fixed,
                    ref=STRAY_REF, rule="stray_character")  # fmt: skip
