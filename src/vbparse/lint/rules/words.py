"""repeated_word and spelling: the proof-reading rules over the running text.

repeated_word: a syllable (or a two-syllable word) typed twice in a row, "đội ngũ ngũ cán bộ".
Reduplications Vietnamese uses on purpose ("dần dần", "thường thường") are left alone, and so is a
doubling that is two words meeting ("đã từng từng bước": "đã từng" + "từng bước").

spelling: a two-syllable sequence no dictionary or corpus knows, one diacritic away from a
dictionary word ("Hội đồng sự phạm" → "sư phạm") that is at least twice as well attested as any
other such word. i and y after a consonant are one letter to the lexicon ("kỳ thi" is "kì thi").
Needs the lexicon (loaded on first use).
"""

from __future__ import annotations

from functools import lru_cache

from ...readers.base import Line
from ..lexicon import Token, fold_iy, lexicon
from ..model import LintContext
from .names import Occurrence, in_other_word

# Reduplicated words in their own right: never a typing slip.
REDUPLICATIONS = frozenset(
    [
        "dần",
        "từ",
        "thường",
        "ngày",
        "người",
        "nhà",
        "đời",
        "mãi",
        "đâu",
        "ai",
        "lâu",
        "xa",
        "đều",
        "hàng",
        "lớp",
        "chốc",
        "chiều",
        "sáng",
        "tối",
        "năm",
        "tháng",
        "tuần",
        "khắp",
        "ngày",
        "nơi",
        "phút",
        "giây",
        "đêm",
        "rất",
        "cao",
        "thấp",
        "to",
        "nhỏ",
        "vừa",
        "khá",
    ]
)
_COMMON_SYLLABLE = 3  # corpus count of a syllable a correction may use
_DICT_WORD = 5  # lexicon score of a dictionary word with no corpus hits
_CLEAR_BEST = 2  # the best correction must be twice as well attested as the next one


def check_repeated(ctx: LintContext) -> None:
    for line, runs in ctx.phrases():
        for run in runs:
            _doubled_syllables(ctx, line, run)
            _doubled_words(ctx, line, run)


def _doubled_syllables(ctx: LintContext, line: Line, run: list[Token]) -> None:
    for i in range(len(run) - 1):
        a, b = run[i], run[i + 1]
        if a.key != b.key:
            continue
        if a.key in REDUPLICATIONS or len(a.key) < 2:
            continue
        lex = lexicon()
        if lex.is_word(f"{a.key} {b.key}"):
            continue
        # Two words meeting: the second copy starts a known word ("đã từng | từng bước",
        # "bình thường | thường xuyên"); a slip leaves it stranded ("đội ngũ ngũ | cán bộ").
        if i + 2 < len(run) and lex.known(f"{b.key} {run[i + 2].key}"):
            continue
        # Quote the word the doubling sits in: "đội ngũ ngũ".
        start = run[i - 1].start if i > 0 and lex.bound(run[i - 1].key, a.key) else a.start
        ctx.add(
            "repeated_word",
            "warning",
            line,
            "repeated_word",
            start=start,
            end=b.end,
            fix=line.text[start : a.end],
            word=a.text,
            found=line.text[start : b.end],
        )


def _doubled_words(ctx: LintContext, line: Line, run: list[Token]) -> None:
    for i in range(len(run) - 3):
        w = run[i : i + 4]
        if w[0].key != w[2].key or w[1].key != w[3].key or w[0].key == w[1].key:
            continue
        # "BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH" is three words, not one doubled.
        if not (i > 0 and lexicon().known(f"{run[i - 1].key} {w[0].key}")):
            word = line.text[w[0].start : w[1].end]
            ctx.add(
                "repeated_word",
                "warning",
                line,
                "repeated_word",
                start=w[0].start,
                end=w[3].end,
                fix=word,
                word=word,
                found=line.text[w[0].start : w[3].end],
            )


def check_spelling(ctx: LintContext) -> None:
    lex = lexicon()
    if not lex.words:
        return
    reported = {
        (f.index, f.start) for f in ctx.findings if f.code in ("name_variant", "repeated_word")
    }
    for line, run, i in ctx.unknown_pairs():
        a, b = run[i], run[i + 1]
        if a.text[:1].isupper() or b.text[:1].isupper() or (line.index, a.start) in reported:
            continue
        best = best_variant(a.key, b.key)
        if best is None or in_other_word(Occurrence(line, run, i, 2)):
            continue
        ctx.add(
            "spelling",
            "warning",
            line,
            "spelling",
            start=a.start,
            end=b.end,
            fix=best,
            found=line.text[a.start : b.end],
            expected=best,
        )


def _common(word: str) -> bool:
    lex = lexicon()
    return all(lex.syllable_count(s) >= _COMMON_SYLLABLE for s in word.split(" "))


@lru_cache(maxsize=65536)
def best_variant(a: str, b: str) -> str | None:
    """The one dictionary word that differs from "a b" in the diacritics of one syllable, as
    documents spell it; None when there is none, or no clear best. Cached: the lexicon is loaded
    once, and an OCR'd text repeats its unknown pairs."""
    lex = lexicon()
    # The correction must be a common dictionary word whose syllables published documents use.
    scored = sorted(
        (
            (lex.bigram_score(word), word)
            for word in lex.neighbours(a, b)
            if lex.is_common(word) and _common(word)
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < _DICT_WORD:
        return None
    # Two corrections near in evidence: no telling which was meant.
    if len(scored) > 1 and scored[1][0] * _CLEAR_BEST > scored[0][0]:
        return None
    x, y = scored[0][1].split(" ")
    # The lexicon writes y after a consonant as i; the writer's own syllable is kept as written.
    return f"{a if x == fold_iy(a) else lex.spell(x)} {b if y == fold_iy(b) else lex.spell(y)}"
