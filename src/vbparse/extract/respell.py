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
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING
from unicodedata import normalize

from .. import cues
from ..settings import current
from ..text.cer import edit_distance
from ..text.charclass import LO, UP
from ..text.normalize import match_key, strip_diacritics
from ..text.syllables import is_syllable
from ..vocab import NAME_SYLLABLES, PLACE_NAMES, SURNAMES
from .context import ParseContext

if TYPE_CHECKING:
    from ..lint.lexicon import Lexicon
    from ..settings import InferenceSettings

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
    # "HÓA" and "HOÁ" are one spelling in two tone placements: the document's own is kept.
    others = [m for m in mentions if match_key(m) != match_key(name)]
    if not others:
        return name
    best = max(sorted(set(others)), key=others.count)
    agreed = others.count(best)
    return (
        best
        if agreed >= current().inference.respell_agreement and agreed > mentions.count(name.upper())
        else name
    )


@cache
def _place_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each place name, longest first, with the pattern that finds its folded spelling: built on
    the first OCR'd header, not at import (a typed document never needs it). "Tỉnh" is spelled
    only before a province's name ("TĨNH KIÊN GIANG"; "tính" is another word)."""
    names = sorted(PLACE_NAMES + tuple(f"Tỉnh {p}" for p in PLACE_NAMES), key=len, reverse=True)
    keys = (re.escape(cues.fold(name)).replace("\\ ", " ") for name in names)
    return tuple(
        (name, re.compile(rf"(?<![A-Z]){key}(?![A-Z])"))
        for name, key in zip(names, keys, strict=True)
    )


def known_places(value: str) -> str:
    """ "Cân Thơ" → "Cần Thơ", "THÀNH PHÓ CÀN THƠ" → "THÀNH PHỐ CẦN THƠ": a province's or a
    level of government's name that OCR read with a wrong mark, given its spelling (the case of
    each letter kept). Tone placement ("Hoà", "Hòa") is the writer's and stays."""
    folded = cues.fold(value)  # one character per character: offsets carry over to `value`
    found: list[tuple[int, int, str]] = []
    for name, pattern in _place_patterns():
        for m in pattern.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b, _ in found):
                continue  # a longer name holds it
            seen = value[m.start() : m.end()]
            spelled = "".join(
                c.upper() if s.isupper() else c.lower() for c, s in zip(name, seen, strict=True)
            )
            if match_key(seen) != match_key(spelled):
                found.append((m.start(), m.end(), spelled))
    for start, end, spelled in sorted(found, reverse=True):
        value = value[:start] + spelled + value[end:]
    return value


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
        if match_key(best) == match_key(pair) or n < agreement or n < 2 * variants.get(pair, 0) + 1:
            continue  # "văn hóa" against "văn hoá": tone placement is the writer's, not damage
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


def unglued(value: str, text: str) -> str:
    """ "Bộ Ytê" → "Bộ Y tê": two words OCR ran together are parted where the text writes the
    same letters (marks aside) as two words at least `respell_agreement` times (settings.py);
    a token that can be one syllable stays whole, and so does one in capitals (an acronym:
    "CNVCLĐ", "GAVI", which OCR may also read apart). `words` then gives the pair its marks."""
    by_fold: Counter[str] = Counter()
    for pair, n in _pairs(text).items():
        by_fold[cues.fold(pair)] += n
    agreement = current().inference.respell_agreement

    def part(m: re.Match[str]) -> str:
        word = m.group(0)
        if is_syllable(word) or word.isupper():
            return word
        splits = [(by_fold[cues.fold(f"{word[:k]} {word[k:]}")], k) for k in range(1, len(word))]
        n, k = max(splits, default=(0, 0))
        return f"{word[:k]} {word[k:]}" if n >= agreement else word

    return _WORD.sub(part, value)


# A number glued to its ký hiệu ("Công văn số 455SYT-NVD"): OCR lost the slash between them.
_GLUED_NUMBER = re.compile(rf"\b(\d+)([{UP}][\w]*(?:-[\w]+)+)")


def cited_numbers(value: str, text: str) -> str:
    """ "số 455SYT-NVD" → "số 455/SYT-NVD" where the text cites the number with its slash."""

    def slashed(m: re.Match[str]) -> str:
        number, code = m.group(1), m.group(2)
        cited = re.search(rf"\b{number}\s?/\s?{re.escape(code)}\b", text)
        return f"{number}/{code}" if cited else m.group(0)

    return _GLUED_NUMBER.sub(slashed, value)


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


def _undoubled(word: str) -> str:
    """ "Thâầy" → "Thầy": a vowel OCR read twice, once without its tone mark, when the word
    is no syllable and one copy less makes one."""
    if is_syllable(word):
        return word
    for j in range(len(word) - 1):
        a, b = word[j], word[j + 1]
        if a != b and strip_diacritics(a).lower() == strip_diacritics(b).lower() and a.isalpha():
            # keep the copy with more marks (the longer decomposition)
            drop = j if len(normalize("NFD", a)) < len(normalize("NFD", b)) else j + 1
            single = word[:drop] + word[drop + 1 :]
            if is_syllable(single):
                return single
    return word


def _case_as(word: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if old[:1].isupper() else word


def by_lexicon(value: str, text: str = "") -> str:
    """ "Ban Châp hành", "giây phép", "năm 2026 vôn NSTW" → "Ban Chấp hành", "giấy phép", "vốn":
    a word that makes no known pair with its neighbours, where another spelling of its letters
    (marks aside) makes a dictionary word with one of them, clearly better than any other
    spelling. A word with no pair to judge by is respelled only when it is no word the lexicon
    knows ("triên") and one other spelling is common. A word the document `text` repeats beside
    the same neighbour ("thẻ cán bộ" in the V/v and the body) needs a surer pair. A word
    respelled gives its neighbours new pairs: one more pass judges them ("cơ cầu tô chức" →
    "cơ cầu tổ chức" → "cơ cấu tổ chức"). Only for OCR'd text: typed words are the writer's."""
    once = _by_lexicon_once(value, text)
    return once if once == value else _by_lexicon_once(once, text)


def _by_lexicon_once(value: str, text: str) -> str:
    from ..lint.lexicon import lexicon, syllable_keys  # loaded on first use (a fifth of a second)

    lex = lexicon()
    s = current().inference
    found = list(_WORD.finditer(value))
    keys = [syllable_keys(m.group(0))[0] for m in found]
    lowered = [m.group(0).lower() for m in found]
    seen = _pairs(text) if text else Counter()
    out, last = [], 0
    for i, m in enumerate(found):
        word = m.group(0)
        pairs = []  # (previous, next) neighbour keys, "{}" standing for the word
        if i > 0 and value[found[i - 1].end() : m.start()] == " ":
            pairs.append(keys[i - 1] + " {}")
        if i + 1 < len(found) and value[m.end() : found[i + 1].start()] == " ":
            pairs.append("{} " + keys[i + 1])
        new = word = _undoubled(word)
        if len(word) > 1 and is_syllable(word):
            read = (f"{a} {b}" for a, b in pairwise(lowered[max(0, i - 1) : i + 2]))
            repeated = any(seen[pair] >= s.respell_agreement for pair in read)
            # A capitalised word may be a name ("tỉnh Lâm Đồng"): it needs both neighbours.
            name = word[:1].isupper() and i > 0
            best = _respelled(lex, keys[i], pairs, s, name=name, repeated=repeated)
            # Only marks change, never letters (a lexicon key writes y as i after a consonant).
            if best != keys[i] and cues.fold(best) == cues.fold(word):
                new = _case_as(best, word)
        out.append(value[last : m.start()])
        out.append(new)
        last = m.end()
    out.append(value[last:])
    return "".join(out)


def _respelled(
    lex: Lexicon,
    key: str,
    pairs: list[str],
    s: InferenceSettings,
    *,
    name: bool = False,
    repeated: bool = False,
) -> str:
    """The spelling of `key` (a lexicon key) the lexicon prefers beside its neighbours, or `key`.
    A spelling attested with both neighbours beats one attested with one ("dịch vụ chuyển phát":
    "chuyển" makes "vụ chuyển" and "chuyển phát", "chuyên" only "vụ chuyên"), also when the
    word read makes a rarer pair with one of them ("cơ cầu tổ chức": "cơ cấu" and "cấu tổ")."""
    own = [n for p in pairs if (n := lex.bigram_score(p.format(key)))]
    scored = []
    for v in lex.variants(key):
        found = [n for p in pairs if (n := lex.bigram_score(p.format(v)))]
        scored.append((len(found), sum(found), v))
    scored.sort(reverse=True)
    if own:
        if len(own) == len(pairs) or not scored or scored[0][0] <= len(own) or name:
            return key
        _, total, best = scored[0]
        return lex.spell(best) if total >= s.lexicon_margin * sum(own) else key
    pair_min = s.lexicon_pair_repeated if repeated else s.lexicon_pair_min
    if scored and scored[0][1] >= pair_min:
        sides, total, best = scored[0]
        runner_up = scored[1] if len(scored) > 1 else (0, 0, "")
        clear = sides > runner_up[0] or total >= s.lexicon_margin * runner_up[1]
        # A common word beside a name ("Công Thương tỉnh Phú Thọ") stays: only a spelling
        # clearly rarer than the other one is taken for damage.
        rarer = s.lexicon_margin * lex.syllable_count(key) <= lex.syllable_count(best)
        named = name and key in lex.syllables and sides < len(pairs)
        return lex.spell(best) if rarer and clear and not named else key
    if key in lex.syllables or (scored and scored[0][1]):
        return key  # a word the lexicon knows ("xông hơi") is not respelled on counts alone
    counts = sorted(((lex.syllable_count(v), v) for v in lex.variants(key)), reverse=True)
    if counts and counts[0][0] >= s.lexicon_word_min:
        runner_up_count = counts[1][0] if len(counts) > 1 else 0
        if counts[0][0] >= s.lexicon_margin * runner_up_count:
            return lex.spell(counts[0][1])
    return key


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
