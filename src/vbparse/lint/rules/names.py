"""name_variant: one name or word spelled two ways in the same document, the spellings differing
in the diacritics of one syllable ("Bình Trung Đông" / "Bình Trưng Đông", "lòng ghép" /
"lồng ghép").

Capitalised runs (names of places, bodies, people) are compared among themselves: the document
cannot say which spelling is right, so the finding stands at the less frequent one and lists the
other. Lower-case two-syllable words are reported only when the evidence is plain: one spelling
is a dictionary word, the other unknown to dictionary and corpus (two real words such as
"các cấp" / "các cặp" are left alone); the document does not use the unknown spelling more often
than the word; and the pair is not two words meeting ("của cộng đồng" is not a misspelt
"của công").

Cost: only pairs the lexicon does not know, near a dictionary word, are followed up
(`LintContext.unknown_pairs`, `Lexicon.neighbours`), so a long document costs one pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from ...readers.base import Line
from ..lexicon import Token, lexicon
from ..model import LintContext, all_caps, line_number

_MAX_NAME = 4  # longest name n-gram compared
_KNOWN = 3  # lexicon score for the right spelling of a lower-case word


@dataclass(frozen=True)
class Occurrence:
    line: Line
    run: list[Token]
    at: int  # index of the first token in the run
    n: int

    @property
    def tokens(self) -> list[Token]:
        return self.run[self.at : self.at + self.n]

    @property
    def key(self) -> str:
        return " ".join(t.key for t in self.tokens)

    @property
    def text(self) -> str:
        return self.line.text[self.tokens[0].start : self.tokens[-1].end]

    @property
    def positions(self) -> set[tuple[int, int]]:
        return {(self.line.index, t.start) for t in self.tokens}


_Gram = tuple[Line, list[Token], int, int]  # line, run, index of the first token, length


def check(ctx: LintContext) -> None:
    covered: set[tuple[int, int]] = set()
    # Longer names first, so that "Trường Tiểu học Bình Trưng Đông" is reported once, not again
    # as "Bình Trưng" and "Trưng Đông".
    names = sorted(_name_grams(ctx).values(), key=lambda g: -_length(g))
    for group in names:
        if len(group) > 1:
            _name_group(ctx, [Occurrence(*o) for spell in group.values() for o in spell], covered)
    for group in _word_pairs(ctx).values():
        if len(group) > 1:
            _word_group(ctx, [Occurrence(*o) for spell in group.values() for o in spell], covered)


def _name_grams(ctx: LintContext) -> dict[str, dict[str, list[_Gram]]]:
    """The capitalised n-grams holding a syllable the document capitalises in two spellings,
    by skeleton, then spelling: only such a syllable can make a name written two ways."""
    first_key: dict[str, str] = {}
    varied: set[str] = set()
    capitalised: list[tuple[Line, list[Token]]] = []  # runs with a capitalised syllable
    for line, runs in ctx.phrases():
        for run in runs:
            capital = [t for t in run if t.text[0].isupper()]
            if capital:
                capitalised.append((line, run))
                for t in capital:
                    if first_key.setdefault(t.skel, t.key) != t.key:
                        varied.add(t.skel)
    names: dict[str, dict[str, list[_Gram]]] = defaultdict(dict)
    for line, run in capitalised if varied else ():
        upper = [t.text[0].isupper() for t in run]
        hit = [u and t.skel in varied for u, t in zip(upper, run, strict=True)]
        if not any(hit):
            continue
        for i in range(len(run) - 1):
            # Each all-capitalised n-gram from i that holds a varied syllable.
            held = hit[i]
            n = 1
            while upper[i] and n < _MAX_NAME and i + n < len(run) and upper[i + n]:
                held = held or hit[i + n]
                n += 1
                if held:
                    gram = run[i : i + n]
                    skel = " ".join(t.skel for t in gram)
                    key = " ".join(t.key for t in gram)
                    names[skel].setdefault(key, []).append((line, run, i, n))
    return names


def _word_pairs(ctx: LintContext) -> dict[str, dict[str, list[_Gram]]]:
    """Every spelling of each word pair the document writes once at least as a pair the lexicon
    does not know: only such a pair can be reported (`_word_group`), so only those are gathered."""
    pairs: dict[str, dict[str, list[_Gram]]] = defaultdict(dict)
    lex = lexicon()
    wanted = {
        f"{run[i].skel} {run[i + 1].skel}"
        for _, run, i in ctx.unknown_pairs()
        if lex.neighbours(run[i].key, run[i + 1].key)
    }
    if not wanted:
        return pairs
    firsts = {skel.split(" ")[0] for skel in wanted}
    seconds = {skel.split(" ")[1] for skel in wanted}
    for line, runs in ctx.phrases():
        for run in runs:
            for i, (a, b) in enumerate(pairwise(run)):
                if a.skel not in firsts or b.skel not in seconds:
                    continue  # most pairs stop here, before any string is built
                if all_caps(a.text) or all_caps(b.text):
                    continue
                skel = f"{a.skel} {b.skel}"
                if skel in wanted:
                    pairs[skel].setdefault(f"{a.key} {b.key}", []).append((line, run, i, 2))
    return pairs


def _length(group: dict[str, list[_Gram]]) -> int:
    return next(iter(group.values()))[0][3]


def _spellings(group: list[Occurrence]) -> dict[str, list[Occurrence]]:
    by_key: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in group:
        by_key[occ.key].append(occ)
    return by_key


def _one_syllable_apart(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a.split(" "), b.split(" "), strict=True)) == 1


def _name_group(ctx: LintContext, group: list[Occurrence], covered: set[tuple[int, int]]) -> None:
    group = [o for o in group if not (o.positions & covered)]
    by_key = _spellings(group)
    if len(by_key) < 2:
        return
    # The most frequent spelling is the reference; each other one is reported once.
    ranked = sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[1][0].line.index))
    ref_key, ref_occ = ranked[0]
    for key, occs in ranked[1:]:
        if not _one_syllable_apart(key, ref_key):
            continue
        first = occs[0]
        ctx.add(
            "name_variant",
            "warning",
            first.line,
            "name_variant",
            start=first.tokens[0].start,
            end=first.tokens[-1].end,
            related=_distinct_lines(ref_occ + occs[1:]),
            found=first.text,
            other=ref_occ[0].text,
            other_lines=", ".join(str(line_number(ln)) for ln in _distinct_lines(ref_occ)),
        )
        for occ in occs + ref_occ:
            covered |= occ.positions


def _word_group(ctx: LintContext, group: list[Occurrence], covered: set[tuple[int, int]]) -> None:
    group = [o for o in group if not (o.positions & covered)]
    by_key = _spellings(group)
    if len(by_key) < 2:
        return
    lex = lexicon()
    scores = {key: lex.bigram_score(key) for key in by_key}
    right = max(scores, key=lambda k: scores[k])
    # The right spelling must be a dictionary word: a corpus bigram alone may straddle two words
    # ("và tình"), and its variant ("và tinh") is then no misspelling.
    if scores[right] < _KNOWN or not lex.is_word(right):
        return
    for key, occs in by_key.items():
        if key == right or scores[key] > 0 or not _one_syllable_apart(key, right):
            continue
        # A slip is the rarer spelling in the document; a spelling the writer uses more often
        # than the dictionary word is more likely a word the lexicon lacks ("dựa vào" beside
        # one "đưa vào").
        if len(occs) > len(by_key[right]):
            continue
        # Once per spelling, not per slip: a long file repeats both thousands of times.
        right_lines = _distinct_lines(by_key[right])
        other_lines = ", ".join(str(line_number(ln)) for ln in right_lines)
        for occ in occs:
            if in_other_word(occ, right):
                continue
            fix = _recase(by_key[right][0].text, occ.text)
            ctx.add(
                "name_variant",
                "warning",
                occ.line,
                "word_variant",
                start=occ.tokens[0].start,
                end=occ.tokens[-1].end,
                fix=fix,
                related=right_lines,
                found=occ.text,
                other=by_key[right][0].text,
                other_lines=other_lines,
            )
            covered |= occ.positions


def in_other_word(occ: Occurrence, right: str | None = None) -> bool:
    """Whether a syllable of the pair belongs with its outer neighbour, so that the pair
    straddles two words: "khai tử do" is "khai tử" + "do", not a misspelt "tự do"; "chi tài chính"
    is "chi" + "tài chính". A neighbour already bound to its own other neighbour does not count
    ("Hội đồng sự phạm": "đồng" goes with "Hội", so "sự phạm" stands alone). With `right`, only
    the syllable that differs from it is tested."""
    run = occ.run
    keys = [t.key for t in occ.tokens]
    sides = [0, occ.n - 1]
    if right is not None:
        sides = [i for i, (k, r) in enumerate(zip(keys, right.split(" "), strict=True)) if k != r]
    for side in sides:
        pos = occ.at + side
        if side == 0 and _bound_outward(run, pos - 1, pos, pos - 2):
            return True
        if side == occ.n - 1 and _bound_outward(run, pos, pos + 1, pos + 2):
            return True
    return False


def _bound_outward(run: list[Token], left: int, right: int, beyond: int) -> bool:
    """Tokens left, right form a word, and the outer one of them is not taken by a dictionary
    word with the token `beyond` it that is at least as well attested: in "Hội đồng sự phạm",
    "hội đồng" holds "đồng" against "đồng sự"; in "của cộng đồng dân cư", "cộng đồng" keeps
    "đồng" from the weaker "đồng dân"."""
    lex = lexicon()
    if left < 0 or right >= len(run) or not lex.bound(run[left].key, run[right].key):
        return False
    if not 0 <= beyond < len(run):
        return True
    outer = (run[beyond].key, run[left].key) if beyond < left else (run[right].key, run[beyond].key)
    if not lex.bound(*outer, corpus=False):
        return True
    inner = f"{run[left].key} {run[right].key}"
    return lex.bigram_score(" ".join(outer)) < lex.bigram_score(inner)


MAX_RELATED = 50  # lines named as the other places of a finding; a file may repeat it everywhere


def _distinct_lines(occs: list[Occurrence]) -> list[Line]:
    """The first MAX_RELATED distinct lines of these occurrences, in document order."""
    by_number: dict[int, Line] = {}
    for o in occs:
        by_number.setdefault(line_number(o.line), o.line)
    return [by_number[n] for n in sorted(by_number)[:MAX_RELATED]]


def _recase(word: str, like: str) -> str:
    """`word` with the capitalisation of `like` ("lồng ghép" like "Lòng ghép" → "Lồng ghép")."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word[:1].lower() + word[1:]
