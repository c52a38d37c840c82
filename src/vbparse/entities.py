"""Named entities of a document: organisations, places, people (underthesea's CRF NER and spaCy
Matcher patterns on a syllable tokenisation), dates and periods, quoted names, cited documents.

Offsets (`start`, `end`) are character offsets into `"\\n".join(doc.lines)`; `add_entities`
fills `doc.lines` when the parse did not keep them, so the text is always in the output.
underthesea's models (read by `vbparse.nlp`) and spaCy are loaded on first use, once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .extract.refs import DATE_NUMERIC_RE, DATE_WORDS_RE, parse_number, to_iso
from .model import Document, Entity
from .nlp import import_spacy, ner

# Priority when spans of the same type overlap, and which source wins across types.
_PREFER = {"rule": 0, "signer": 0, "crf": 1}

_DOCREF = r"^\d{1,6}[a-z]?(?:/(?:19|20)\d{2})?[/-][A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/][A-Za-zĐđ0-9&]+)*$"
_YEAR_RANGE = r"^((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})$"
_QUOTED = re.compile(r"“([^”\n]{2,200})”|\"([^\"\n]{2,200})\"")
_FROM_TO = re.compile(
    r"từ\s+(?:ngày\s+)?(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})\s+đến\s+(?:hết\s+)?(?:ngày\s+)?"
    r"(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})",
    re.IGNORECASE,
)

ORG_HEADS = [
    "phòng",
    "sở",
    "bộ",
    "trường",
    "ban",
    "cục",
    "vụ",
    "viện",
    "ủy",
    "uỷ",
    "ubnd",
    "hđnd",
    "công",
    "đảng",
    "chi",
    "văn",
    "hội",
    "trung",
    "tổng",
    "liên",
]
# Multi-syllable heads and the domains that commonly follow them.
ORG_PHRASES = [
    "Phòng Giáo dục và Đào tạo",
    "Sở Giáo dục và Đào tạo",
    "Bộ Giáo dục và Đào tạo",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
    "Văn phòng Chính phủ",
    "Bộ Lao động - Thương binh và Xã hội",
    "Sở Lao động - Thương binh và Xã hội",
    "Bộ Tài chính",
    "Sở Tài chính",
    "Bộ Nội vụ",
    "Sở Nội vụ",
    "Bộ Y tế",
    "Sở Y tế",
    "Bộ Quốc phòng",
    "Bộ Công an",
    "Bộ Xây dựng",
    "Bộ Tư pháp",
    "Bộ Kế hoạch và Đầu tư",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ban giám hiệu",
    "Ban Thanh tra nhân dân",
    "Công đoàn cơ sở",
    "Đảng ủy",
    "Chi bộ",
    "Chính phủ",
    "Quốc hội",
    "Thủ tướng Chính phủ",
    "Ủy ban Thường vụ Quốc hội",
    "Mặt trận Tổ quốc Việt Nam",
]
SCHOOL_LEVELS = [
    ["Tiểu", "học"],
    ["Mầm", "non"],
    ["Trung", "học", "cơ", "sở"],
    ["Trung", "học", "phổ", "thông"],
    ["THCS"],
    ["THPT"],
    ["Mẫu", "giáo"],
]
LOC_HEADS = [
    "quận",
    "phường",
    "tỉnh",
    "huyện",
    "xã",
    "thị trấn",
    "thành phố",
    "thị xã",
    "TP",
    "TP.",
]
LOC_NAMES = [
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "TP. Hồ Chí Minh",
    "TP.HCM",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Việt Nam",
]


@lru_cache(maxsize=1)
def _nlp() -> tuple[Any, Any]:
    """A blank Vietnamese spaCy pipeline on syllables (no pyvi) with the rule patterns."""
    spacy = import_spacy()
    from spacy.lang.punctuation import TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
    from spacy.matcher import Matcher
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    # spaCy's own tokenizer with prefix/suffix punctuation split off ("Đông." → "Đông" "."),
    # so that names end where they end; no infixes, so "253/KH-GDĐT" stays one token.
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=spacy.util.compile_prefix_regex(TOKENIZER_PREFIXES).search,
        suffix_search=spacy.util.compile_suffix_regex(TOKENIZER_SUFFIXES).search,
    )
    m = Matcher(nlp.vocab)
    m.add("DOCREF", [[{"TEXT": {"REGEX": _DOCREF}}]])
    m.add(
        "PERIOD",
        [
            [{"TEXT": {"REGEX": _YEAR_RANGE}}],
            [
                {"TEXT": {"REGEX": r"^(19|20)\d{2}$"}},
                {"TEXT": {"IN": ["-", "–", "—"]}},
                {"TEXT": {"REGEX": r"^(19|20)\d{2}$"}},
            ],
        ],
    )
    Pattern = list[dict[str, Any]]
    title: dict[str, Any] = {"IS_TITLE": True, "IS_ALPHA": True}
    name_tail: Pattern = [title, {"IS_TITLE": True, "IS_ALPHA": True, "OP": "*"}]
    digit: Pattern = [{"IS_DIGIT": True}]
    number_or_name: list[Pattern] = [
        [{"LOWER": h} for h in head.split()] + tail
        for head in LOC_HEADS
        for tail in (digit, name_tail)
    ]
    m.add("LOC", number_or_name + [[{"TEXT": w} for w in n.split()] for n in LOC_NAMES])
    orgs: list[Pattern] = [[{"TEXT": w} for w in p.split()] for p in ORG_PHRASES]
    # Trường Tiểu học Bình Trưng Đông: head, level, then a capitalised name.
    orgs += [[{"LOWER": "trường"}, *[{"TEXT": w} for w in lv], *name_tail] for lv in SCHOOL_LEVELS]
    orgs += [[{"LOWER": "trường"}, *[{"TEXT": w} for w in lv]] for lv in SCHOOL_LEVELS]
    # UBND/HĐND/Ủy ban nhân dân + level + place: "Ủy ban nhân dân Quận 2", "UBND phường Thảo Điền"
    for head in (["UBND"], ["HĐND"], ["Ủy", "ban", "nhân", "dân"], ["Hội", "đồng", "nhân", "dân"]):
        for lv in ("quận", "phường", "tỉnh", "huyện", "xã", "thành phố"):
            for tail in (digit, name_tail):
                orgs.append(
                    [*[{"TEXT": w} for w in head], *[{"LOWER": w} for w in lv.split()], *tail]
                )
    m.add("ORG", orgs)
    return nlp, m


def load() -> None:
    """Load the NER models now (they load lazily otherwise); for timing and warm-up."""
    _nlp()
    ner("Hà Nội")


def document_text(doc: Document) -> str:
    if doc.lines is None:
        from .readers import read

        doc.lines = [line.text for line in read(doc.source.path).lines]
    return "\n".join(doc.lines)


def _docref_value(text: str) -> str | None:
    parts = parse_number(text)
    if parts is None or parts.number is None or parts.symbol is None:
        return None
    if parts.style == "party":
        return f"{parts.number}-{parts.symbol}"
    year = f"{parts.year}/" if parts.year else ""
    return f"{parts.number}/{year}{parts.symbol}"


def _rule_entities(text: str) -> Iterator[Entity]:
    nlp, matcher = _nlp()
    sdoc = nlp.make_doc(text)
    for match_id, start, end in matcher(sdoc):
        span = sdoc[start:end]
        label = nlp.vocab.strings[match_id]
        value: str | dict[str, str] | None = None
        if label == "DOCREF":
            value = _docref_value(span.text)
            if value is None:
                continue
        elif label == "PERIOD":
            years = re.findall(r"(?:19|20)\d{2}", span.text)
            value = {"start": years[0], "end": years[1]}
        yield Entity(
            type=label,
            text=span.text,
            value=value,
            start=span.start_char,
            end=span.end_char,
            source="rule",
        )
    for rx in (DATE_WORDS_RE, DATE_NUMERIC_RE):
        for m in rx.finditer(text):
            iso = to_iso(*m.group(1, 2, 3))
            if iso:
                yield Entity(
                    type="DATE",
                    text=m.group(0),
                    value=iso,
                    start=m.start(),
                    end=m.end(),
                    source="rule",
                )
    for m in _FROM_TO.finditer(text):
        a, b = (to_iso(*re.split(r"[/.-]", m.group(k))) for k in (1, 2))
        if a and b:
            yield Entity(
                type="PERIOD",
                text=m.group(0),
                value={"start": a, "end": b},
                start=m.start(),
                end=m.end(),
                source="rule",
            )
    for m in _QUOTED.finditer(text):
        k = 1 if m.group(1) is not None else 2
        yield Entity(
            type="QUOTE",
            text=m.group(k),
            value=m.group(k).strip(),
            start=m.start(k),
            end=m.end(k),
            source="rule",
        )


_WORD = re.compile(r"\S+")
_CONTEXT = 6  # words of context the CRF sees on each side of a capitalised word


def _name_windows(line: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a line around its capitalised words, with a few words of
    context: names are where capitals are, and the CRF's features are local, so tagging only
    these windows gives the same names for a fraction of the cost on long paragraphs."""
    words = list(_WORD.finditer(line))
    hits = [i for i, w in enumerate(words) if i > 0 and w.group()[:1].isupper()]
    if not hits:
        return
    start = end = None
    for i in hits:
        lo, hi = max(0, i - _CONTEXT), min(len(words) - 1, i + _CONTEXT)
        if start is not None and end is not None and lo <= end + 1:
            end = hi
            continue
        if start is not None and end is not None:
            yield words[start].start(), line[words[start].start() : words[end].end()]
        start, end = lo, hi
    if start is not None and end is not None:
        yield words[start].start(), line[words[start].start() : words[end].end()]


def _crf_entities(text: str) -> Iterator[Entity]:
    """underthesea's CRF tags on the name windows of each line; tokens are found back in the
    window to get offsets."""
    offset = 0
    for full_line in text.split("\n"):
        for at_window, window in _name_windows(full_line):
            yield from _crf_window(window, offset + at_window)
        offset += len(full_line) + 1


def _crf_window(line: str, offset: int) -> Iterator[Entity]:
    cursor = 0
    current: list[Any] = []  # [type, start, end]
    for token, _pos, _chunk, tag in ner(line):
        at = line.find(token, cursor)
        if at < 0:
            current = []
            continue
        cursor = at + len(token)
        if tag.startswith("I-") and current and current[0] == tag[2:]:
            current[2] = cursor
            continue
        if current:
            yield _crf_entity(line, offset, current)
        current = [tag[2:], at, cursor] if tag.startswith("B-") else []
    if current:
        yield _crf_entity(line, offset, current)


def _crf_entity(line: str, offset: int, found: list[Any]) -> Entity:
    kind, start, end = found
    kind = {"MISC": "ORG"}.get(kind, kind)
    return Entity(
        type=kind, text=line[start:end], start=offset + start, end=offset + end, source="crf"
    )


def _name_like(text: str) -> bool:
    """CRF output worth keeping: every syllable capitalised (Vietnamese proper names are), not
    an upper-case heading, no digits or section numbers."""
    words = text.split()
    return (
        bool(words)
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not (len(words) > 1 and text.isupper())
    )


def _keep_crf(e: Entity) -> bool:
    if not _name_like(e.text):
        return False
    if e.type == "PER":  # a person's name: two to five title-case syllables
        words = e.text.split()
        return 2 <= len(words) <= 5 and all(w.istitle() for w in words)
    return e.type in ("ORG", "LOC")


def _signer(doc: Document, text: str) -> Iterator[Entity]:
    name = doc.signer.name
    if name:
        for m in re.finditer(re.escape(name), text):
            yield Entity(type="PER", text=name, start=m.start(), end=m.end(), source="signer")


def _resolve(found: list[Entity]) -> list[Entity]:
    """Drop duplicates and contained spans of the same type (longest wins); a CRF name that
    overlaps a rule entity gives way to it (the rules know "Phòng … Đào tạo" is an ORG)."""
    found.sort(key=lambda e: (e.start, -(e.end - e.start), _PREFER.get(e.source or "", 2)))
    kept: list[Entity] = []
    for e in found:
        same = [k for k in kept if k.type == e.type and k.start <= e.start and e.end <= k.end]
        if same:
            continue
        if e.source == "crf" and any(
            k.start < e.end and e.start < k.end for k in kept if k.source != "crf"
        ):
            continue
        kept.append(e)
    kept = [e for e in kept if e.type in ("ORG", "LOC", "PER", "DATE", "PERIOD", "QUOTE", "DOCREF")]
    return sorted(kept, key=lambda e: (e.start, e.end))


def extract(doc: Document) -> list[Entity]:
    text = document_text(doc)
    found = [*_rule_entities(text), *_signer(doc, text)]
    crf = [e for e in _crf_entities(text) if _keep_crf(e)]
    for e in crf:
        if e.text == doc.issued.place:  # "Bình Trung Đông, ngày …": the place of issue
            e.type = "LOC"
    return _resolve(found + crf)


def add_entities(doc: Document) -> None:
    """Fill `doc.entities` (and `doc.lines`, the text the offsets point into) and `doc.expansions`."""
    from .abbreviations import add_expansions

    doc.entities = extract(doc)
    add_expansions(doc, document_text(doc))
