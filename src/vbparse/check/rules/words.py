"""repeated_word and spelling: the proof-reading rules over the running text.

repeated_word: a syllable (or a two-syllable word) typed twice in a row, "đội ngũ ngũ cán bộ".
Reduplications Vietnamese uses on purpose ("dần dần", "thường thường") are left alone, and so is a
doubling that is two words meeting ("đã từng từng bước": "đã từng" + "từng bước").

spelling: a two-syllable sequence no dictionary or corpus knows, one diacritic away from a
dictionary word ("Hội đồng sự phạm" → "sư phạm"). Needs the lexicon (loaded on first use).
"""

from __future__ import annotations

from ...readers.base import Line
from ..lexicon import Token, lexicon
from ..lint import LintContext
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
        if f"{a.key} {b.key}" in lex.words:
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
    words, bigrams = lex.words, lex.bigrams
    for line, runs in ctx.phrases():
        for run in runs:
            for i in range(len(run) - 1):
                a, b = run[i], run[i + 1]
                if (
                    a.text[:1].isupper()
                    or b.text[:1].isupper()
                    or (line.index, a.start) in reported
                ):
                    continue
                bigram = f"{a.key} {b.key}"
                if bigram in words or bigram in bigrams:
                    continue
                best = _best_variant(a.key, b.key)
                if best is None:
                    continue
                if in_other_word(Occurrence(line, run, i, 2)):
                    continue
                found = line.text[a.start : b.end]
                ctx.add(
                    "spelling",
                    "warning",
                    line,
                    "spelling",
                    start=a.start,
                    end=b.end,
                    fix=best,
                    found=found,
                    expected=best,
                )


def _common(word: str) -> bool:
    lex = lexicon()
    return all(lex.syllables.get(s, 0) >= _COMMON_SYLLABLE for s in word.split(" "))


def _best_variant(a: str, b: str) -> str | None:
    """The one dictionary word that differs from "a b" in the diacritics of one syllable."""
    lex = lexicon()
    candidates = [f"{v} {b}" for v in lex.variants(a)] + [f"{a} {v}" for v in lex.variants(b)]
    # The correction must be a dictionary word whose syllables published documents use.
    scored = sorted(
        ((lex.bigram_score(c), c) for c in candidates if c in lex.common and _common(c)),
        reverse=True,
    )
    if not scored or scored[0][0] < _DICT_WORD:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None  # two equally good corrections: no telling which was meant
    return scored[0][1]
