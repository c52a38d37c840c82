"""Bases: the documents cited in the opening căn cứ / thực hiện / theo / xét paragraphs.

"Thực hiện kế hoạch số 253/KH-GDĐT ngày 20 tháng 4 năm 2020 của Phòng Giáo dục và Đào tạo về …"
→ type Kế hoạch, number 253, symbol KH-GDĐT, date 2020-04-20, issuer Phòng Giáo dục và Đào tạo,
title "Kế hoạch triển khai …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import cues
from ..model import Base
from ..readers.base import Line
from ..settings import current
from ..text.charclass import UP
from ..vocab import ORG_HEADS, TYPE_CODES, type_name_for
from . import respell
from .context import ParseContext
from .refs import SYMBOL_RE, DateMatch, find_date, find_partial_date, parse_number

_TYPES = (
    "Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|"
    "Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản hợp nhất|Văn bản|Hướng dẫn|"
    "Thông báo|Chương trình hành động|Chương trình phối hợp|Chương trình|Kết luận|Công điện|Đề án|Báo cáo|Tờ trình|Quy chế|Quy định|Điều lệ"
)
# OCR reads đ as d ("Nghị dịnh"): the type words match either way, and the name they stand for
# is found by folding (vocab.type_name_for).
_TYPE_RE = re.compile(
    rf"(?<![\wÀ-ỹ])({_TYPES.replace('đ', '[đd]').replace('Đ', '[ĐD]')})(?![\wÀ-ỹ])", re.IGNORECASE
)
# Right after "số" (and a colon), as OCR also reads it.
_AFTER_SO = (
    "(?:" + "|".join(rf"(?<=s{o}{tail})" for o in "ốóôòỗo" for tail in ("", " ", ":", ": ")) + ")"
)
# "số" as OCR also reads it ("só", "sô").
_NUM_AFTER = re.compile(
    rf"^\s*(?:s[ốóôòỗo]\s*:?\s*)?(\d{{1,3}}(?: \d{{3}})?\d{{0,3}}[a-z]?\s?[/-]\s?{SYMBOL_RE}"
    # "1675QĐ-UBND": the slash lost before a type code in capitals
    # ("07QĐÐ-HĐT": OCR's Icelandic Ð for Đ)
    rf"|\d{{1,6}}(?-i:[A-ZĐÐ]{{2,4}})[-/]{SYMBOL_RE}"
    # "Tờ trình số /TTr-SNV-TĐKT": the number left blank after "số", the ký hiệu printed
    rf"|{_AFTER_SO}/\s?(?-i:[A-ZĐ])[^\W\d_]*-{SYMBOL_RE})",
    re.IGNORECASE,
)
# An issuer's name ends at the first lower-case verb or preposition that starts the title
# ("… của Thủ tướng Chính phủ hỗ trợ người có công …"); names keep their lower-case words
# ("Phòng Giáo dục và Đào tạo"), so the stop words are matched case-sensitively.
_ISSUER_STOP = re.compile(
    # ("vê tiêu chuẩn", "sửa đối": OCR lost or changed the mark of "về", "đổi")
    r"\s+(?:về|vê|quy\s+định|hướng\s+dẫn|ban\s+hành|phê\s+duyệt|sửa\s+đ[ổôoố]i|bổ\s+sung|triển\s+khai|"
    r"thực\s+hiện|tổ\s+chức|nhiệm\s+kỳ|tại|đã|có|giao|yêu\s+cầu|thông\s+báo|hỗ\s+trợ|"
    r"điều\s+chỉnh|công\s+bố|cho|đối\s+với|xác\s+nhận|giải\s+quyết|tiếp\s+tục|tăng\s+cường|"
    r"thông\s+qua|trả\s+lời|gửi|đề\s+nghị|và\s+ý\s+kiến|lấy|chỉ\s+đạo|công\s+nhận|"
    r"phê\s+chuẩn|chấp\s+thuận|cho\s+phép|quyết\s+định)(?![\wÀ-ỹ])|[;()]"
    # A comma ends the issuer, except inside a double title ("Bộ trưởng, Chủ nhiệm Văn phòng …").
    r"|,(?!\s*(?:Chủ\s+nhiệm|Chủ\s+tịch|Bộ\s+trưởng|Trưởng\s+ban|Tổng\s+Giám\s+đốc)\s)"
    rf"|\s+và\s+(?=(?:{_TYPES})\s)"
    # Verbs that start a title in capitals when a converter lost the punctuation before it.
    r"|\s+(?=(?:Quy\s+định|Hướng\s+dẫn|Ban\s+hành|Xét|Phê\s+duyệt|Sửa\s+đổi)\s)"
)
# A law's name runs to its date or number ("Luật sửa đổi, bổ sung một số điều của Luật … ngày …").
_LAW_NAME = re.compile(
    r"^\s+((?:[\wÀ-ỹ]+)(?:[\s,]+[\wÀ-ỹ\-–]+?)*?)"
    # another law cited by its number ends the name; "pháp luật số …" inside the name
    # ("Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15") is its own number
    rf"(?=\s+(?:ngày\s*[lI]?\d|số\s*\d)|[;.()]|\s+(?:và\s+)?(?-i:{_TYPES})\s+(?:số\s*)?\d|$)",
    re.IGNORECASE,
)
# "… báo cáo của Tổng công ty Bưu điện Việt Nam về việc … (Công văn số 4736/BĐVN-TCBC …)"
_ISSUER_BEFORE_PAREN = re.compile(
    # the last "của" before the parenthesis names the issuer
    r"^.*\bcủa\s+(?P<issuer>[^,;()]{3,80}?)\s*(?:về\s[^()]*)?\(\s*$",
    re.DOTALL,
)
# "ý kiến của các Bộ: Lao động - Thương binh và Xã hội (Công văn …), Tài chính (Công văn …)":
# one body of an enumeration, named after the head word it shares.
_ENUMERATED_BODY = re.compile(r"của\s+các\s+(?P<head>Bộ|Sở|Ban|Cục|Phòng)\s*:(?P<rest>[^;]*)$")
_BODY_BEFORE_PAREN = re.compile(r"(?:^|[,:])\s*(?P<name>[^,:;()]{3,80}?)\s*\(\s*$")
# The last such phrase before the reference; a name may hold commas ("Giám đốc Sở Văn hóa, Thể
# thao và Du lịch tại Tờ trình số …").
_ISSUER_BEFORE = re.compile(
    r"^.*(?:đề\s+nghị|đề\s+xuất|ý\s+kiến|báo\s+cáo|văn\s+bản)\s+của\s+"
    r"(?P<issuer>[^;]{3,120}?)\s+(?:tại|theo|qua)\s*$",
    re.IGNORECASE | re.DOTALL,
)


# Lazy: a body named after the first reference may hold "và" ("Sở Giáo dục và Đào tạo").
_AFTER_EARLIER_REFERENCE = re.compile(r"\s+(?:tại|theo)\s+.*?\s+và\s+")


@dataclass
class _Hit:
    start: int  # where the type word starts
    end: int  # where the reference (number, date, issuer) ends
    base: Base


def extract(ctx: ParseContext) -> None:
    paragraphs = _opening_paragraphs(ctx)
    body = respell.document_text(ctx) if respell.read_by_ocr(ctx) else None
    for text, line in paragraphs:
        verb = cues.BASES_OPENER.match(text)
        kind = re.sub(r"\s+", " ", verb.group(1)).lower() if verb else None
        segments = _cited_segments(text)
        for hit in [*citations_in(segments), *_enumerated_citations(segments)]:
            hit.base.kind = kind
            if body is not None:
                _unscan(hit.base, body)
            hit.base.span = ctx.span(line, hit.start, min(hit.end, len(line.text)))
            if not _seen(ctx.doc.bases, hit.base):
                ctx.doc.bases.append(hit.base)


def _unscan(base: Base, body: str) -> None:
    """A base read by OCR: its issuer's words respelled as the body writes them ("Sở Y tê",
    "UBND tính"), its symbol's type code given the đ OCR lost ("QD-BYT" of a Quyết định)."""
    if base.issuer:
        base.issuer = respell.known_places(respell.words(base.issuer, body))
    code = TYPE_CODES.get(base.doc_type or "")
    head, dash, rest = (base.symbol or "").partition("-")
    if code and dash and head != code and cues.fold(head) == cues.fold(code):
        base.symbol = f"{code}-{rest}"


_ENUMERATION = re.compile(
    rf"\bcác\s+(?P<type>{_TYPES})\s+(?:của\s+(?P<issuer>[^:;]{{3,150}}?))?\s*:\s*", re.IGNORECASE
)
_ENUM_ITEM = re.compile(rf"\b[Ss]ố\s*(?P<num>\d{{1,6}}\s?[/-]\s?{SYMBOL_RE})")


def _enumerated_citations(text: str) -> list[_Hit]:
    """ "Căn cứ các Quyết định của Bộ trưởng …: số 1025/QĐ-LĐTBXH ngày …; số 547/QĐ-LĐTBXH …":
    one type and issuer shared by a list of numbers."""
    hits: list[_Hit] = []
    s = current().bases
    for m in _ENUMERATION.finditer(text):
        name = type_name_for(m.group("type")) or m.group("type")
        end = text.find(".", m.end())
        items = text[m.end() : end if end > 0 else len(text)]
        for item in _ENUM_ITEM.finditer(items):
            parts = parse_number(item.group("num"))
            if parts is None:
                continue
            at = m.end() + item.start()
            date = find_date(text[m.end() + item.end() : m.end() + item.end() + s.enum_date_chars])
            raw_end = m.end() + item.end() + (date.end if date else 0)
            hits.append(
                _Hit(
                    at,
                    raw_end,
                    Base(
                        raw=text[at:raw_end],
                        doc_type=name,
                        type_code=parts.type_code or TYPE_CODES.get(name),
                        number=parts.number,
                        symbol=parts.symbol,
                        year=parts.year,
                        date=date.iso if date else None,
                        issuer=(m.group("issuer") or "").strip() or None,
                    ),
                )
            )
    return hits


# Strokes OCR adds to or drops from a ký hiệu read twice ("163/2024/QHI15" for QH15).
_SYMBOL_SPECKS = str.maketrans("", "", "Il1|.' ")


def _seen(bases: list[Base], base: Base) -> bool:
    """A document mentioned again ("… hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg") is one
    base, also when OCR read its ký hiệu with a stroke more or less."""
    if base.number is None:
        return False
    key = (base.number, (base.symbol or "").translate(_SYMBOL_SPECKS), base.year)
    return any((b.number, (b.symbol or "").translate(_SYMBOL_SPECKS), b.year) == key for b in bases)


def _opening_paragraphs(ctx: ParseContext) -> list[tuple[str, Line]]:
    """Opening paragraphs (joined when a PDF wrapped them) from the header's end to the body."""
    out: list[tuple[str, Line]] = []
    lines = ctx.lines
    pos = ctx.header_end
    end = ctx.body_end
    current: list[str] = []
    first: Line | None = None
    while pos < end:
        line = lines[pos]
        text = line.text
        text = _opener_inside(text)
        if text != line.text and current:
            current.append(line.text[: len(text) - len(text.lstrip())])  # the tail before it
        if cues.BASES_OPENER.match(text) or text != line.text:
            if current and first is not None:
                out.append((" ".join(current), first))
            current, first = [text], line
        elif current and not re.search(r"[;.:]\s*$", current[-1]) and _continues(text):
            current.append(text)  # a wrapped continuation
        else:
            if current and first is not None:
                out.append((" ".join(current), first))
            current, first = [], None
            if _starts_something(text) and not cues.ADDRESSEE.match(text) and out:
                break
            # No căn cứ within the first lines, counted in text, not lines: a paragraph
            # wrapped narrow takes many.
            seen = sum(len(ln.text) for ln in lines[ctx.header_end : pos + 1])
            b = ctx.settings.bases
            if len(out) == 0 and pos - ctx.header_end > b.opening_lines and seen > b.opening_chars:
                break
        pos += 1
    if current and first is not None:
        out.append((" ".join(current), first))
    return out


# "… được miễn thuế ấn cứ Luật Tổ chức Chính phủ …", "- khoa học; Căn cứ Công văn 293/…": a
# scan's line that joined the end of the subject to the first căn cứ, whose "C" OCR may lose.
_OPENER_INSIDE = re.compile(rf"(?<=\s)(?:C?ăn|ấn)\s+cứ\s+(?=(?-i:{_TYPE_RE.pattern}))")


def _opener_inside(text: str) -> str:
    """The line with what stands before a căn cứ inside it blanked (offsets kept), or as it is."""
    if cues.BASES_OPENER.match(text):
        return text
    m = _OPENER_INSIDE.search(text)
    return " " * m.start() + text[m.start() :] if m else text


_SEGMENT_START = re.compile(
    rf"^\s*(?:và\s+)?(?:(?:{_TYPES}|Căn\s+cứ|Thực\s+hiện|Theo|Xét|Tiếp\s+theo)\b|số\s*\d)",
    re.IGNORECASE,
)


def _cited_segments(text: str) -> str:
    """Blank out the ';'-separated parts of a paragraph that cite nothing as a basis
    ("…; Sau khi thống nhất ý kiến với … (Văn bản số …)"), keeping offsets."""
    out = []
    for i, part in enumerate(re.split(r"(?<=;)", text)):
        out.append(part if i == 0 or _SEGMENT_START.match(part) else " " * len(part))
    return "".join(out)


def _continues(text: str) -> bool:
    """A line that goes on with the unfinished paragraph above it: anything but a label, or a
    dash that is a name's hyphen wrapped to the line's start ("… của Bộ Lao động" / "- Thương
    binh và Xã hội Hướng dẫn …": a bullet would follow a finished line)."""
    return not _starts_something(text) or (
        cues.BULLET.match(text) is not None and text.lstrip()[:1] in "-–"
    )


def _starts_something(text: str) -> bool:
    return bool(
        re.match(r"^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d+)*|[a-zđ])\s*[.)]\s+\S", text)
        or re.match(r"^\s*(Điều|Chương|Phần|Mục)\s+\S+", text)
        or cues.BULLET.match(text)
        or re.match(rf"^\s*({cues.OPERATIVE_WORDS})\s*:?\s*$", text)
    )


@dataclass
class _Reference:
    """What follows a type word: its number, date, a law's name, and where the reference ends."""

    num: re.Match[str] | None
    date: DateMatch | None
    law_name: str | None
    end: int


def _date_right_after(text: str, pos: int) -> DateMatch | None:
    """A date that follows the reference closely ("… ngày 20 tháng 4 năm 2020")."""
    window = text[pos : pos + current().bases.date_window_chars]
    date = find_date(window) or find_partial_date(window)
    return date if date and not text[pos : pos + date.start].strip(" ,") else None


def _reference_after(text: str, m: re.Match[str], name: str) -> _Reference | None:
    """Number and date after the type word; laws are cited by name ("Luật Tổ chức Chính phủ
    ngày 19 tháng 6 năm 2015", "Pháp lệnh Ưu đãi … số 26/2005/PL-UBTVQH11 ngày …")."""
    after = text[m.end() :]
    num = _NUM_AFTER.match(after)
    pos = m.end() + (num.end() if num else 0)
    date = _date_right_after(text, pos)
    if date:
        pos += date.end
    if num or date:
        return _Reference(num, date, None, pos)
    # "luật sư", "pháp luật" are common nouns: a law cited by name is capitalised.
    if name not in ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp") or not m.group(1)[0].isupper():
        return None
    lm = _LAW_NAME.match(after)
    if not lm:
        return None
    pos = m.end() + lm.end()
    num = _NUM_AFTER.match(text[pos:])
    if num:
        pos += num.end()
    date = _date_right_after(text, pos)
    if date:
        pos += date.end
    if not num and not date and not _at_segment_start(text, m.start()):
        return None
    return _Reference(num, date, lm.group(1).strip(), pos)


def _issuer_after(text: str, pos: int, start: int) -> tuple[str | None, int]:
    """The issuer named by "của …"/"do …" after the reference (or, failing that, the one the
    sentence names before it) and where it ends."""
    rest = text[pos:]
    im = re.match(r"^\s*,?\s*(?:của|do)\s+", rest, re.IGNORECASE)
    if im is None:
        return _issuer_before(
            text[max(0, start - current().bases.issuer_before_chars) : start]
        ), pos
    tail = rest[im.end() :]
    stops = list(_ISSUER_STOP.finditer(tail))
    if re.match(r"(?:liên|các)\s+(?:bộ|sở|ngành)\s*:", tail, re.IGNORECASE):
        # "Liên Bộ: Lao động Thương binh và Xã hội, Tài chính, Y tế": the commas list the
        # bodies that issued it together.
        stops = [s for s in stops if not s.group(0).startswith(",")]
    end = stops[0].start() if stops else len(tail)
    # "- Ủy ban …": a speck OCR read as a dash where the line wrapped
    return tail[:end].strip(" .;,)").lstrip("-– "), pos + im.end() + end


def _amendment(text: str, ref: _Reference, name: str, pos: int) -> _Hit | None:
    """ "Luật … ngày 12/11/1996 đã sửa đổi, bổ sung một số điều ngày 16/12/2002": the amending
    law is cited too, by its date."""
    amended = _AMENDED.match(text[pos:]) if ref.law_name is not None and ref.date else None
    if amended is None:
        return None
    found = find_date(amended.group(0))
    return _Hit(
        pos + amended.start(),
        pos + amended.end(),
        Base(
            raw=amended.group(0).strip(" ,;"),
            doc_type=name,
            type_code=TYPE_CODES.get(name),
            date=found.iso if found else None,
            title=ref.law_name,
        ),
    )


# The sentence that cites a plan goes on to say what the citing body does with it: "Thực hiện Kế
# hoạch số 64/KH-PGDĐT … về phòng, chống đuối nước, Trường Tiểu học X xây dựng Kế hoạch …". The
# cited title ends at that comma.
_CITING_CLAUSE = re.compile(
    r",\s+(?:"
    + "|".join(re.escape(h) for h in sorted(ORG_HEADS, key=len, reverse=True))
    + r")\s[^,;:]{0,120}?\b(?:xây dựng|ban hành|triển khai|thông báo|hướng dẫn|báo cáo|"
    r"đề nghị|yêu cầu|tổ chức|kính gửi)\b",
    re.IGNORECASE,
)


def citations_in(text: str) -> list[_Hit]:
    """Every cited document in one paragraph: a type word, its reference (number, date or a
    law's name), its issuer, and the title up to the next citation."""
    hits: list[_Hit] = []
    title_end = 0  # where the title of the previous reference ends
    for m in _TYPE_RE.finditer(text):
        if hits and m.start() < hits[-1].end:
            continue  # inside the number/date/issuer of the previous reference
        name = type_name_for(m.group(1)) or m.group(1)
        ref = _reference_after(text, m, name)
        if ref is None or (m.start() < title_end and not ref.num and not ref.date):
            # "Nghị định … quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý
            # vi phạm hành chính …": laws the cited title names, with no number or date, are
            # not cited themselves (a list of laws by name has no title between them).
            continue
        issuer, pos = _issuer_after(text, ref.end, m.start())
        nxt = _next_citation_start(text, pos)
        title_end = pos if ref.law_name else nxt
        title_text = text[pos:nxt].split("(")[0]
        clause = _CITING_CLAUSE.search(title_text)
        title_text = (title_text[: clause.start()] if clause else title_text).strip(" ,;.")
        title = (
            ref.law_name
            or re.sub(r"^(?:về\s+việc|về)\s+", "", title_text, flags=re.IGNORECASE).strip()
            or None
        )
        # "1 234/QĐ-UBND": OCR split the number's digits
        parts = parse_number(re.sub(r"(?<=\d) (?=\d)", "", ref.num.group(1))) if ref.num else None
        base = Base(
            raw=text[m.start() : nxt].strip(" ,;."),
            doc_type=name,
            type_code=(parts.type_code if parts else None) or TYPE_CODES.get(name),
            number=parts.number if parts else None,
            symbol=parts.symbol if parts else None,
            year=parts.year if parts else None,
            date=ref.date.iso if ref.date else None,
            issuer=issuer or None,
            title=title[: current().bases.title_max_chars] if title else None,
        )
        hits.append(_Hit(m.start(), pos, base))
        amendment = _amendment(text, ref, name, ref.end)
        if amendment is not None:
            hits.append(amendment)
    return hits


# The amendment of a law cited just before: "… đã (được) sửa đổi, bổ sung (một số điều) ngày …".
_AMENDED = re.compile(
    r"^\s*,?\s*(?:đã\s+(?:được\s+)?)?sửa\s+đổi,?\s*bổ\s+sung(?:\s+một\s+số\s+điều)?"
    r"(?:\s+(?:năm|ngày)\s*[\d/ -]+(?:tháng\s*\d+\s*năm\s*\d{4})?)",
    re.IGNORECASE,
)


def _issuer_before(window: str) -> str | None:
    """The issuer named before a reference: "đề nghị của X tại Tờ trình số …", "báo cáo của X
    về … (Công văn số …)", "ý kiến của các Bộ: A (Công văn số …), B (Công văn số …)"."""
    before = _ISSUER_BEFORE.search(window[-current().bases.issuer_phrase_chars :])
    if before:
        # "đề nghị của A tại Tờ trình số …, và B tại": the body named last, before this one
        return _AFTER_EARLIER_REFERENCE.split(before.group("issuer"))[-1].strip()
    enum = _ENUMERATED_BODY.search(window)
    if enum and window.rstrip().endswith("("):
        body = _BODY_BEFORE_PAREN.search(enum.group("rest"))
        if body:
            name = body.group("name").strip()
            return name if name.upper().startswith(ORG_HEADS) else f"{enum.group('head')} {name}"
    paren = _ISSUER_BEFORE_PAREN.search(window)
    return paren.group("issuer").strip() if paren else None


def _at_segment_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return (
        not before
        or before.endswith((";", ",", ":"))
        or bool(
            re.search(
                r"(?:^|\s)(?:Căn\s+cứ(?:\s+vào)?|Thực\s+hiện|Theo|Xét|và|Tiếp\s+theo)$",
                before,
                re.IGNORECASE,
            )
        )
    )


def _next_citation_start(text: str, pos: int) -> int:
    """Where the next cited document begins: after '; ' or ', ' / ' và ' followed by a type with a
    number or date."""
    for m in re.finditer(
        r";\s*|\.\s+(?=["
        + UP
        + r"])|,\s*(?=(?:và\s+)?(?:"
        + _TYPES
        + r")\s)|\s+và\s+(?=(?:"
        + _TYPES
        + r")\s)",
        text[pos:],
        re.IGNORECASE,
    ):
        if m.group(0).strip() in (";", "."):
            return pos + m.start()  # the sentence ends
        after = text[pos + m.end() :]
        t = _TYPE_RE.match(re.sub(r"^và\s+", "", after)) if after else None
        if t is None:
            continue
        rest = re.sub(r"^và\s+", "", after)[t.end() :]
        if _NUM_AFTER.match(rest) or re.match(r"^\s*,?\s*ngày\s*\d", rest, re.IGNORECASE):
            return pos + m.start()
    return len(text)
