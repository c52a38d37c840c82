"""The signer's title (chức vụ), chosen from candidates over the whole signer block.

Every capitals line of the block between the authority line (KT./TM./…) and the name is a
candidate. Each is scored on how well its first words match a known title (after folding
diacritics, so OCR's "PHO GIAM ĐỌC" still matches "PHÓ GIÁM ĐỐC"), how close it stands above
the name, and how much of it is letters; lines that are the Quốc hiệu, an annex's heading or a
form's caption are never titles. The best wins; a title that matches a known one through OCR
damage is given in its correct spelling. With no readable title under "KT. GIÁM ĐỐC", the
deputy's title "PHÓ GIÁM ĐỐC" follows from the rule of signing on behalf (Nghị định 30/2020,
Điều 13), and says so in a warning.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import cues
from ..settings import current
from ..text.cer import edit_distance
from ..text.syllables import is_syllable
from ..vocab import SURNAMES, TITLES

# Words that open a heading or caption of what follows the signature, never a title.
_NOT_TITLE = re.compile(
    r"^(?:PHU LUC|MAU|BIEU MAU|DANH SACH|DANH MUC|BANG|PHIEU|GIAY|XAC NHAN|QUY CHE|QUY DINH|"
    r"PHE DUYET|NOI NHAN|HUONG DAN|TOM TAT|DANG KY)\b"
)
_FOLDED_TITLES = sorted(((cues.fold(t), t) for t in TITLES), key=lambda p: -len(p[0]))


@dataclass
class TitleCandidate:
    text: str  # the line as read
    value: str  # the title it gives (vocabulary spelling where OCR damaged it)
    score: float
    reasons: list[str] = field(default_factory=list)


def vocabulary_match(text: str) -> tuple[str, str, float] | None:
    """(known title, the rest of the line, similarity) for the title the line starts with;
    similarity 1 only when the line spells it exactly so."""
    return _vocabulary_match(text, current().signer.chars_per_edit)


@functools.lru_cache(maxsize=4096)  # the same lines are asked about by several steps
def _vocabulary_match(text: str, per_edit: int) -> tuple[str, str, float] | None:
    folded = cues.fold(text)  # one character per character: offsets carry over to `text`
    skipped = len(folded) - len(re.sub(r"^[^A-Z]+", "", folded))  # OCR noise before the letters
    best: tuple[str, str, float] | None = None
    for key, title in _FOLDED_TITLES:
        end = skipped + len(key)
        glued = end < len(folded) and folded[end].isalpha()
        if glued and not _glued_noise(text, end):
            continue  # the title must end where a word ends
        dist = edit_distance(folded[skipped:end], key) + glued  # noise glued on is one edit
        sim = 1 - dist / max(len(key), 1)
        if dist <= max(1, len(key) // per_edit) and (best is None or sim > best[2]):
            best = (
                title,
                text[end:].strip(),
                sim if text[skipped:end] == title else min(sim, 0.99),
            )
            if dist == 0:
                break
    return best


def _glued_noise(text: str, end: int) -> bool:
    """The letters glued on after `end` are a signature's flourish read as letters
    ("HIỆU TRƯỞNGZZ"): the word they end is no Vietnamese syllable while the part before them
    is, and they are few."""
    word_start = text.rfind(" ", 0, end) + 1
    tail = re.match(r"[^\W\d_]+", text[end:])
    assert tail is not None  # called only when a letter follows
    return (
        len(tail.group()) <= current().signer.glued_noise_chars
        and is_syllable(text[word_start:end])
        and not is_syllable(text[word_start : end + tail.end()])
    )


def candidates(block: list[str]) -> list[TitleCandidate]:
    """Score every line of the signer block (lines above the name, in order) as the title."""
    out: list[TitleCandidate] = []
    n = len(block)
    s = current().signer
    for pos, text in enumerate(block):
        folded = cues.fold(text).strip(" .-–,:;\"'“”")
        reasons: list[str] = []
        if (
            not folded
            or cues.sign_prefix(text)
            or cues.national_span(text)
            or cues.motto_span(text)
        ):
            continue
        if _NOT_TITLE.match(folded) or cues.title_type(text):
            continue
        words = text.split()
        letters = sum(ch.isalpha() for ch in text) / max(len(text.replace(" ", "")), 1)
        match = vocabulary_match(text)
        score = 0.0
        value = text.strip(" ,")
        short = abbreviated(text)
        if short is not None:  # "P. HIỆU TRƯỞNG": as written, PHÓ abbreviated
            value, sim = short
            score += s.known_title * (sim if sim == 1 else s.guessed_title * sim)
            reasons.append(f"abbreviated deputy's title ({sim:.2f})")
        elif match is not None:
            title, rest, sim = match
            score += s.known_title * (
                sim if sim == 1 else s.guessed_title * sim
            )  # an exact spelling beats a guess
            reasons.append(f"known title {title!r} ({sim:.2f})")
            # OCR-damaged spelling is given as the title is spelt, without the noise before it;
            # of a damaged line only the words that are Vietnamese syllables stay ("ZZ" goes).
            if sim < 1:
                rest = _damaged_rest(title, rest)
            elif not any(ch.isalnum() for ch in rest):
                rest = ""  # a dash or quote mark after the title: a signature's stroke
            value = f"{title} {rest}".strip(" ,")
        elif _plain_title(text) and pos == n - 1:
            score += s.plain_title  # a title the vocabulary lacks, right above the name
            reasons.append("capitals above the name")
        else:
            continue
        score += s.nearness * (1 - (n - 1 - pos) / max(n, 1))  # nearer the name is better
        score += s.letters * letters
        if len(words) > s.title_max_words:
            score -= s.too_long
            reasons.append("too long")
        out.append(TitleCandidate(text, value, round(score, 3), reasons))
    return sorted(out, key=lambda c: -c.score)


def _damaged_rest(title: str, rest: str) -> str:
    """What follows a title OCR damaged, kept as far as it reads as words: words of the title
    read again (two columns interleaved: "GIÁM GIÁM ĐÓC ĐỌC") are an echo and go; a token that
    is no syllable ("ZZ", "„4") is a seal's speck or the gap to the next column, and ends it
    ("GIÁM ĐÓC „4 THÀNH PHÓ HÒ CHÍ MINH": the other signer's body)."""
    own = set(cues.fold(title).split())
    kept: list[str] = []
    for word in rest.split():
        if not any(ch.isalnum() for ch in word):
            continue  # a dash or a mark between words
        if not is_syllable(word.lower()):
            break
        if cues.fold(word).strip(".,") not in own:
            kept.append(word)
    return " ".join(kept)


def abbreviated(text: str) -> tuple[str, float] | None:
    """ "P. HIỆU TRƯỞNG" → ("P. HIỆU TRƯỞNG", 1.0): a head's title after the abbreviation of
    "PHÓ", as written (the head's title respelled where OCR damaged it), and its similarity."""
    m = cues.DEPUTY_ABBREVIATION.match(text)
    if m is None:
        return None
    match = vocabulary_match(text[m.end() :])
    if match is None or match[1] or match[0].startswith("PHÓ"):
        return None
    head = text[m.end() :].strip() if match[2] == 1 else match[0]
    return re.sub(r"\s+", " ", text[: m.end()].lstrip()) + head, match[2]


def not_a_title(text: str) -> bool:
    """The line opens a heading or caption (Phụ lục, Danh sách, Mẫu …), not a title."""
    return bool(_NOT_TITLE.match(cues.fold(text).strip(" .-–,:;\"'“”")))


def _plain_title(text: str) -> bool:
    """Capitals that read as words: two to eight Vietnamese syllables, not OCR noise ("TS.",
    "ZZ", "° 1N II TRƯỜNG")."""
    words = [w.strip(",.-–&()") for w in text.split()]
    words = [w for w in words if w]
    s = current().signer
    return (
        cues.is_upper(text)
        and s.plain_min_words <= len(words) <= s.plain_max_words
        and all(len(w) >= 2 and is_syllable(w.lower()) for w in words)
    )


def best_of(found: list[TitleCandidate]) -> TitleCandidate | None:
    """The winner of `candidates()`, if it scores as a title at all."""
    return found[0] if found and found[0].score >= current().signer.title_min_score else None


def best_title(block: list[str]) -> TitleCandidate | None:
    return best_of(candidates(block))


def deputy_title(authority: str) -> str | None:
    """ "KT. GIÁM ĐỐC" → "PHÓ GIÁM ĐỐC": who signs on behalf of a head is a deputy."""
    if cues.sign_prefix(authority) != "KT.":
        return None
    head = cues.SIGN_PREFIX.sub("", authority).strip()
    match = vocabulary_match(head)
    if match is None or match[2] < current().signer.known_similarity or match[0].startswith("PHÓ"):
        return None
    deputy = f"PHÓ {match[0]}"
    return deputy if deputy in TITLES else None


def head_read_for_deputy(authority: str, title: str) -> str | None:
    """ "KT. GIÁM ĐỐC" over a title read "GIÁM ĐỐC": who signs on behalf of the head is not the
    head (Nghị định 30/2020, Điều 13), so the "PHÓ" was lost under the seal; the deputy's
    title, else None."""
    deputy = deputy_title(authority)
    if deputy is None:
        return None
    match = vocabulary_match(title)
    return deputy if match is not None and not match[1] and f"PHÓ {match[0]}" == deputy else None


def respell_authority(authority: str) -> str:
    """ "KT.GIÁM ĐÓC" → "KT.GIÁM ĐỐC": the head's title after the prefix in its spelling."""
    m = cues.SIGN_PREFIX.match(authority)
    if m is None:
        return authority
    rest = authority[m.end() :]
    match = vocabulary_match(rest)
    if match is None or match[2] == 1 or match[2] < current().signer.known_similarity:
        return authority
    title, tail, _ = match
    words = [w for w in tail.split() if is_syllable(w.lower())]
    return (authority[: m.end()] + " ".join([title, *words])).strip()


def head_for_deputy(title: str, block: list[str], *, bare: bool = False) -> str | None:
    """The head's title H when the signer is "PHÓ H" and a damaged line of the block reads H
    after noise ("ZT: GIÁM ĐÓC", "VÃ. GIÁM ĐÓC"): that line was "KT. H". With `bare` (OCR text),
    also a line above the deputy's that reads H, or its first words, alone ("GIÁM ĐÓC" /
    "PHÓ GIÁM ĐỐC", "GIÁM" / "PHÓ GIÁM ĐỌC"): the "KT." was lost under the seal."""
    if not title.startswith("PHÓ "):
        return None
    head = title[4:]
    key = cues.fold(head)
    above = bare  # a bare line counts above the deputy's own line only
    for text in block:
        folded = cues.fold(text).strip(" .,:;")
        if folded.startswith("PHO ") and folded.endswith(key):
            above = False
        if above and folded and _first_words_of(folded, key):
            return head
        at = folded.rfind(key)
        before = folded[:at].strip() if at > 0 else ""
        # A garbled "KT." ("ZT:", "VÃ.", "V1.") stands before the head's title, nothing after it.
        if (
            at > 0
            and folded.endswith(key)
            and 0 < len(before) <= current().signer.prefix_noise_chars
            and not before.startswith("PHO")
        ):
            return head
    return None


def _first_words_of(folded: str, key: str) -> bool:
    """ "GIAM" or "GIAM DOC" of "GIAM DOC": whole words the title starts with, within one edit
    per word ("GIAM DOC" read "GIAM ĐOC")."""
    words, keys = folded.split(), key.split()
    return 0 < len(words) <= len(keys) and all(
        edit_distance(w, k) <= 1 and len(w) >= len(k) - 1 for w, k in zip(words, keys, strict=False)
    )


def head_read_twice(block: list[str]) -> str | None:
    """The head's title H when two lines of the block end in H through OCR damage
    ("" t1 GUÁM ĐÓC" / "GIÁM ĐỚC"): the upper was "KT. H" and the lower "PHÓ H", its "KT." and
    "PHÓ" lost under the seal or written by hand."""
    seen: dict[str, int] = {}
    for text in block:
        folded = cues.fold(text).strip(" .,:;-")
        if cues.sign_prefix(text):
            continue
        for key, title in _FOLDED_TITLES:
            if title.startswith("PHÓ ") or f"PHÓ {title}" not in TITLES or len(key) < 6:
                continue
            tail = folded[-len(key) :]
            before = folded[: -len(key)].split()
            if (
                edit_distance(tail, key) <= max(1, len(key) // 6)
                and (len(folded) <= len(key) or not folded[-len(key) - 1].isalpha())
                and not (before and before[-1] == "PHO")  # the deputy's own line
            ):
                seen[title] = seen.get(title, 0) + 1
                break
    twice = [t for t, n in seen.items() if n >= 2]
    return twice[0] if len(twice) == 1 else None


# A token OCR made of "KT." ("VT-GIÁM ĐỌC", "ZT: GIÁM ĐÓC"): one or two characters and a mark.
_GARBLED_PREFIX = re.compile(r"^[\W_]*(?P<token>[A-Za-z0-9ĐđÀ-ỹ]{1,2})\s*[.:;,\-–]\s*(?=\S)")
_PREFIXES = ("KT", "TM", "TL", "Q")


def repair_prefix(text: str) -> str:
    """ "VT-GIÁM ĐỌC" → "KT. GIÁM ĐỌC": a damaged token before a head's title, one letter from
    "KT" and further from the other prefixes, is the "KT." a deputy signs under; a prefix whose
    dot OCR read as another mark ("TL, BỘ TRƯỞNG") is that prefix."""
    m = _GARBLED_PREFIX.match(text)
    if m is None or cues.sign_prefix(text):
        return text
    rest = text[m.end() :]
    match = vocabulary_match(rest)
    if (
        match is None
        or match[2] < current().signer.known_similarity
        or match[0].startswith("PHÓ")
        or match[1]
    ):
        return text
    token = cues.fold(m.group("token"))
    if token in _PREFIXES:  # "__ TL, BỘ TRƯỞNG": the prefix whole, its dot read as a comma
        return f"{token}. {rest}"
    dist = {p: edit_distance(token, p) for p in _PREFIXES}
    if dist["KT"] == 1 and all(d > 1 for p, d in dist.items() if p != "KT"):
        return f"KT. {rest}"
    return text


def _split_names(name: str) -> tuple[str, str] | None:
    """ "Hà Văn Phúc Lê Hoàng Anh" → ("Hà Văn Phúc", "Lê Hoàng Anh"): two names run together,
    longer than one name can be, cut before a family name into the most even halves."""
    words = name.split()
    s = current().signer
    if len(words) <= s.name_max_words or words[0] not in SURNAMES:
        return None
    cuts = [
        k
        for k in range(s.name_min_words, len(words) - s.name_min_words + 1)
        if words[k] in SURNAMES and k <= s.name_max_words and len(words) - k <= s.name_max_words
    ]
    if not cuts:
        return None
    k = min(cuts, key=lambda k: abs(len(words) - 2 * k))
    return " ".join(words[:k]), " ".join(words[k:])


def _split_titles(text: str) -> tuple[str, str] | None:
    """ "HỘI CHA MẸ HỌC SINH BÍ THƯ ĐOÀN TRƯỜNG" → the two captions side by side, cut where the
    last known title after the start begins."""
    starts = [
        m.start()
        for m in re.finditer(rf"(?<![\wÀ-ỹ])(?:{_TITLE_ALTERNATION})(?![\wÀ-ỹ])", text)
        if m.start() > 0
    ]
    if not starts:
        return None
    return text[: starts[-1]].strip(" ,-–"), text[starts[-1] :].strip(" ,-–")


_TITLE_ALTERNATION = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))


def side_by_side(block: list[str], name: str) -> tuple[str, str] | None:
    """(title, name) of the signer when two signature blocks stood side by side and extraction
    ran their lines together ("CHỦ TỊCH GIÁM ĐỐC" / "Hà Văn Phúc Lê Hoàng Anh"): the leftmost
    block whose caption is a known title (a parents' association approving a request is not
    the issuer's signer)."""
    names = _split_names(name)
    if names is None or not block:
        return None
    captions = _split_titles(block[-1])
    if captions is None:
        return None
    for caption, person in zip(captions, names, strict=True):
        match = vocabulary_match(caption)
        if match is not None and match[2] >= current().signer.known_similarity:
            return caption, person
    return None
