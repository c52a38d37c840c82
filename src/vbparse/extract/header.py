"""Header: issuing body (and its parent), Quốc hiệu/Tiêu ngữ, số/ký hiệu, place and date, type and
trích yếu. Works on zoned lines (tables, PDF columns) and on flat text where the two header
columns were flattened or interleaved onto one line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .. import abbreviations, cues
from ..model import Document
from ..readers.base import Line, Zone
from ..settings import current
from ..text.charclass import LO, UP
from ..vocab import CODE_TYPES, ORG_HEADS, TITLES, TYPE_CODES
from . import candidates, closing, respell, signer, tagging
from .context import ParseContext
from .refs import BLANK_DATE_RE, NumberParts, find_date, parse_number, partial_date, to_iso

# --- run-together header lines ----------------------------------------------------------------


def unflatten(ctx: ParseContext) -> None:
    """Cut lines where a flattened two-column header put left and right blocks on one line:
    "UBND QUẬN 2 CỘNG HÒA XÃ HỘI…", "TRƯỜNG TH … Độc lập - Tự do - Hạnh phúc",
    "Số: 36/KH-THBTD Bình Trưng Đông, ngày 23 tháng 4 năm 2020"."""
    zoned = any(ln.zone in (Zone.HEADER_LEFT, Zone.HEADER_RIGHT) for ln in ctx.lines)
    if not zoned:
        ctx.flat_header = True
        ctx.lines = _join_wrapped_header_lines(ctx.lines)
    out: list[Line] = []
    s = ctx.settings.header
    for pos, line in enumerate(ctx.lines):
        # Where the reader saw columns, only a line that still runs two of them together is cut
        # (OCR and PDF layout sometimes join "Số: … Kiên Giang, ngày …" across the gap).
        cut = (
            pos < s.scan_lines
            and len(line.text) < s.run_together_max_chars
            and (not zoned or _run_together(line))
        )
        out.extend(_cut(line) if cut else [line])
    ctx.lines = _rejoin_cut_date_rows(_rejoin_fixed_phrases(out))


def _heading_span(
    finder: Callable[[str], tuple[int, int] | None], text: str
) -> tuple[int, int] | None:
    """The Quốc hiệu or Party heading as a heading, in capitals; "… Hiến pháp nước Cộng hòa xã
    hội chủ nghĩa Việt Nam" in a căn cứ names the Republic and is not cut."""
    span = finder(text)
    if span and finder is not cues.motto_span and not cues.is_upper(text[span[0] : span[1]]):
        return None
    return span


def _run_together(line: Line) -> bool:
    text = line.text
    for finder in (cues.national_span, cues.party_span, cues.motto_span):
        span = _heading_span(finder, text)
        if span and re.search(r"\w", text[: span[0]]):
            return True  # "BINH VÀ XÃ HỘI Độc lập - Tự do - Hạnh phúc": two columns on one line
    if any(f(text) is not None for f in (_number_start, _title_subject, _vv_start)):
        return True
    return line.zone is not Zone.HEADER_RIGHT and _place_date_start(text) is not None


def _rejoin_fixed_phrases(lines: list[Line]) -> list[Line]:
    """A Quốc hiệu cut off by its column ("… CHỦ NGHĨA VIỆT") gets back its rest from one of the
    next lines ("NAM"), even when the left column's rule or name came in between."""
    out = list(lines)
    s = current().header
    for pos in range(min(len(out), s.scan_lines)):
        for nxt in range(pos + 1, min(len(out), pos + 1 + s.fixed_phrase_lines)):
            if cues.continues_fixed_phrase(out[pos].text, out[nxt].text):
                out[pos] = replace(out[pos], text=f"{out[pos].text} {out[nxt].text}")
                del out[nxt]
                break
    return out


# A place-date line whose year is missing, and the rest that holds it.
_DATE_HEAD = re.compile(r",\s*ng[àa]y(?!.*n[ăa]m\s*\d{4})", re.IGNORECASE)
_DATE_REST = re.compile(r"n[ăa]m\s*\d{4}\s*$", re.IGNORECASE)


def _rejoin_cut_date_rows(lines: list[Line]) -> list[Line]:
    """A place-date the page OCR cut at a gap in its row ("Tp. Hồ Chí Minh, ngày22tháng" |
    "- 01 năm 2013", a handwritten day leaving a wide gap) is one line again: the rest is a later
    line of the same page that starts just right of it on the same row and ends in the year."""
    out = list(lines)
    s = current().header
    for pos in range(min(len(out), s.scan_lines)):
        head = out[pos] if pos < len(out) else None  # (a rest joined shortens the list)
        if head is None or head.loc.bbox is None or not _DATE_HEAD.search(head.text):
            continue
        x0, top, x1, bottom = head.loc.bbox
        for nxt in range(pos + 1, min(len(out), s.scan_lines)):
            rest = out[nxt]
            b = rest.loc.bbox
            if b is None or rest.loc.page != head.loc.page or not _DATE_REST.search(rest.text):
                continue
            overlap = min(bottom, b[3]) - max(top, b[1])
            if 0 <= b[0] - x1 <= s.date_row_gap_points and overlap > (b[3] - b[1]) / 2:
                box = (x0, min(top, b[1]), b[2], max(bottom, b[3]))
                loc = replace(head.loc, bbox=box)
                out[pos] = replace(head, text=f"{head.text} {rest.text}", loc=loc, zone=rest.zone)
                del out[nxt]
                break
    return out


def _join_wrapped_header_lines(lines: list[Line]) -> list[Line]:
    """Join what a narrow column wrapped: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM", and
    "…, ngày 23 tháng 4 năm" / "2020"."""
    out: list[Line] = []
    for pos, line in enumerate(lines):
        prev = out[-1] if out and pos < current().header.scan_lines else None
        if prev is not None and (
            cues.continues_fixed_phrase(prev.text, line.text)
            or (
                re.search(r"ng[àa]y.*n[ăa]m\s*$", prev.text, re.IGNORECASE)
                and re.match(r"^\s*\d{4}\b", line.text)
            )
        ):
            out[-1] = replace(prev, text=f"{prev.text} {line.text}")
            continue
        out.append(line)
    return out


def _piece(line: Line, start: int, end: int, zone: Zone) -> Line:
    text = line.text[start:end]
    lead = len(text) - len(text.lstrip())
    return replace(line, text=text.strip(), zone=zone, offset=line.offset + start + lead)


def _cut(line: Line) -> list[Line]:
    text = line.text
    for finder in (cues.national_span, cues.party_span, cues.motto_span):
        span = _heading_span(finder, text)
        if span:
            s, e = span
            pieces = []
            if s > 0 and text[:s].strip(" -–"):
                pieces.append(_piece(line, 0, s, Zone.HEADER_LEFT))
            pieces.append(_piece(line, s, e, Zone.HEADER_RIGHT))
            if e < len(text) and text[e:].strip(" -–"):
                rest = _piece(line, e, len(text), Zone.HEADER_RIGHT)
                pieces.extend(_cut(rest) if cues.motto_span(rest.text) else [rest])
            return pieces
    vv = _vv_start(text)
    if vv is not None:
        # "Số: 507 /UBND-KGVX Quảng Ngãi, ngày 24 … năm 2025 V/v góp ý …": the left column's
        # Số and V/v with the right column's place-date between them on one line.
        return [*_cut(_piece(line, 0, vv, line.zone)), _piece(line, vv, len(text), line.zone)]
    about = _title_subject(text)
    if about is not None:
        # "THÔNG BÁO (V/v Tăng cường giám sát …)": the title and its trích yếu on one line.
        title_end, start, end = about
        return [_piece(line, 0, title_end, line.zone), _piece(line, start, end, line.zone)]
    at = _number_start(text)
    if at is not None:
        # "SỞ Y TẾ  Số: 2276/TB-SYT": OCR or a converter joined the body's name and the Số line.
        name_end, cue = at
        return [_piece(line, 0, name_end, line.zone), _piece(line, cue, len(text), line.zone)]
    cut = _place_date_start(text)
    if cut:
        # "Số: 36/KH-THBTD Bình Trưng Đông, ngày 23 …", "V/v … Hà Nội, ngày …": the right
        # column's place-date follows the left column's text on the same line.
        return [
            _piece(line, 0, cut, Zone.HEADER_LEFT),
            _piece(line, cut, len(text), Zone.HEADER_RIGHT),
        ]
    return [line]


# "(V/v …", "Về việc …", and in capitals "VỀ VIỆC …" or a bare "VỀ …" ("NGHỊ ĐỊNH VỀ …").
_ABOUT_IN_LINE = re.compile(
    r"\s*(?P<open>\()?\s*(?<!\w)(?=(?:V\s*/\s*v|Về\s+việc|VỀ\s+VIỆC|VỀ(?=\s+\w)))"
)


def _title_subject(text: str) -> tuple[int, int, int] | None:
    """Where a title in capitals ends and the "V/v …" or "(Về việc …)" after it on the same line
    starts and ends (its brackets left out)."""
    m = _ABOUT_IN_LINE.search(text)
    if m is None or m.start() == 0:
        return _title_then_sentence(text)
    title = text[: m.start()].strip()
    if not (cues.is_upper(title) and cues.title_type(title)):
        return None
    end = len(text.rstrip())
    if m.group("open") and text[:end].endswith(")"):
        end -= 1
    return m.start(), m.end(), end


_VV_IN_LINE = re.compile(r"\s(?=(?:V\s*/\s*v|Về\s+việc)\b)")


def _vv_start(text: str) -> int | None:
    """Where a "V/v …" starts after a Số line or a place-date on the same line."""
    m = _VV_IN_LINE.search(text)
    if m is None:
        return None
    before = text[: m.start()]
    return m.end() if cues.NUMBER_LINE.match(before) or cues.PLACE_DATE.match(before) else None


# "KẾ HOẠCH Triển khai công tác …": a title in capitals, then a trích yếu in sentence case.
_TITLE_THEN_SENTENCE = re.compile(rf"^(?P<title>[^{LO}]+?)\s+(?=[{UP}][{LO}])")


def _title_then_sentence(text: str) -> tuple[int, int, int] | None:
    """A converter ran the title and the trích yếu under it onto one line: where the title ends
    and its trích yếu starts and ends. Not "QUYẾT ĐỊNH: Điều 1. …" (the enacting word)."""
    m = _TITLE_THEN_SENTENCE.match(text)
    if m is None or m.group("title").rstrip().endswith(":"):
        return None
    title, rest = m.group("title").strip(), text[m.end() :]
    if not (cues.is_upper(title) and cues.type_name_for(title)) or cues.OUTLINE_LABEL.match(rest):
        return None
    return m.end("title"), m.end(), len(text.rstrip())


_NUMBER_IN_LINE = re.compile(
    r"(?:\s\S{1,2})?\s(?P<cue>S[ốôoóòỏõọồổỗộơớờởỡợỐÔOÓÒỎÕỌỒỔỖỘ]{1,2}\s*[:.]\s*[\d.…_ /])", re.I
)


def _number_start(text: str) -> tuple[int, int] | None:
    """Where a "Số:" line starts after a body's name on the same line ("SỞ Y TẾ l só:.2.16 /T8")."""
    m = _NUMBER_IN_LINE.search(text)
    if m is None:
        return None
    name = text[: m.start()].strip()
    return (m.start(), m.start("cue")) if cues.is_upper(name) and _starts_org(name) else None


# The day and month may be written in by hand, which OCR reads as a few stray signs.
_DATE_TAIL = re.compile(
    r",\s*ng[àa]y[^,]{0,12}?th[áa]ng[^,]{0,12}?n[ăa]m\s*[-–.]?\s*[\d.…_ ]*\s*$", re.IGNORECASE
)
# A sign OCR read from a speck between words ("Hà ¬ Nội").
_GLYPH = r"[^\w\s.,;:()/-]+"
_STRAY_GLYPH = re.compile(rf"(?<=\s){_GLYPH}(?=\s)")
_STRAY_LETTER = re.compile(rf"(?<=\s)(\w)\s(?=[{UP}]\w*[^,]*,\s*[Nn]g[àa]y)")
_PLACE_WORD = re.compile(rf"^(?:[{UP}][\w.]*|\d+|phố|xã|huyện|quận|tỉnh)$")


def _place_date_start(text: str) -> int | None:
    """Where a trailing "Place, ngày … tháng … năm …" starts, when other text stands before it."""
    m = _DATE_TAIL.search(text)
    if not m or m.start() == 0:
        return None
    words = text[: m.start()].split(" ")
    k = len(words)
    while (
        k > 0
        and (_PLACE_WORD.match(words[k - 1]) or re.fullmatch(_GLYPH, words[k - 1]))
        and len(words) - k < current().header.place_words
    ):
        k -= 1
    if k == len(words) or k == 0:
        return None  # no place words, or the whole line is the place-date
    return len(" ".join(words[:k])) + 1


# --- the header proper --------------------------------------------------------------------------


def extract(ctx: ParseContext) -> None:
    """Tag the header window's lines, resolve each field's line from scored candidates, then
    read the fields from the winning lines."""
    doc = ctx.doc
    lines = ctx.lines
    ctx.tags = tagging.tag_lines(lines)
    # The Số line and "Về việc" of a document attached after this one are not its own.
    limit = min(len(lines), ctx.settings.tagging.header_window, closing.second_document(lines))
    resolution = candidates.resolve(ctx.tags, limit)
    ctx.candidates = resolution.fields
    number_pos = resolution.best("number")
    date_pos = resolution.best("date")
    title_pos = resolution.best("title")
    vv_pos = resolution.best("vv")
    # The Quốc hiệu and the Tiêu ngữ count where the header stands, not in an annexed form.
    top = max(
        p
        for p in (
            number_pos,
            date_pos,
            title_pos,
            vv_pos,
            resolution.body_cue,
            ctx.settings.header.national_lines,
        )
        if p
    )
    for pos in range(min(len(lines), top + 1)):
        t = ctx.tags[pos]
        if t.has("national"):
            doc.national_header = True
            ctx.mark("national_header", lines[pos])
        doc.motto = doc.motto or t.has("motto")
        doc.party_header = doc.party_header or t.has("party")
    seal = _consolidation_seal(ctx, number_pos, resolution.body_cue)
    if seal is None:
        _number(ctx, number_pos)
        _place_date(ctx, date_pos)
        _issuer(ctx, number_pos, title_pos)
    else:  # the seal block stands at the end: where the header ends is still told at the top
        _number(ctx, seal[0])
        _place_date(ctx, date_pos if date_pos is not None else seal[1])
        _issuer(ctx, None, title_pos)
        ctx.doc.issuer.name = ctx.doc.issuer.name or seal[2]
    _number_by_issuer(ctx)
    end = _type_and_subject(ctx, title_pos, vv_pos)
    _gazette_title(ctx)
    if doc.subject is None:
        _enacted_subject(ctx, end)
    _respell_subject(ctx)
    ctx.header_end = max(end, *(p + 1 for p in (number_pos, date_pos, vv_pos) if p is not None), 0)
    # Lines of the header zones that come later (e.g. a date cell) still belong to the header.
    while ctx.header_end < len(lines) and lines[ctx.header_end].zone in (
        Zone.HEADER_LEFT,
        Zone.HEADER_RIGHT,
    ):
        ctx.header_end += 1
    _addressees(ctx)
    _warn_missing(ctx)


def _consolidation_seal(
    ctx: ParseContext, number_pos: int | None, body_cue: int | None
) -> tuple[int, int | None, str | None] | None:
    """(Số line, place-date line, issuing body) of a consolidated text printed without its header
    (the Công báo's VBHN: "VĂN PHÒNG QUỐC HỘI  XÁC THỰC VĂN BẢN HỢP NHẤT" / "Số: 16/VBHN-VPQH" /
    "Hà Nội, ngày …" after the last article), when the top gave no Số line above the body."""
    if number_pos is not None and (body_cue is None or number_pos < body_cue):
        return None
    s = ctx.settings.header
    lines = ctx.lines
    for pos in range(len(lines) - 1, max(-1, len(lines) - 1 - s.seal_tail_lines), -1):
        m = cues.CONSOLIDATION_SEAL.search(lines[pos].text)
        if m is None:
            continue
        block = range(pos + 1, min(len(lines), pos + 1 + s.seal_block_lines))
        number = next((i for i in block if cues.NUMBER_LINE.match(lines[i].text)), None)
        if number is None:
            return None
        date = next((i for i in block if cues.PLACE_DATE.match(lines[i].text)), None)
        body = lines[pos].text[: m.start()].strip(" -–")
        return number, date, body if cues.is_upper(body) and _starts_org(body) else None
    return None


def _number(ctx: ParseContext, pos: int | None) -> None:
    if pos is None:
        return
    line = ctx.lines[pos]
    m = cues.NUMBER_LINE.match(line.text)
    assert m is not None
    raw = m.group("raw")
    if not raw.strip():
        raw = _number_read_apart(ctx, pos)
    # A joint ký hiệu wrapped by its column ("…/TTLT-VKSNDTC" / "TANDTC-BCA-BQP-BLĐTBXH"),
    # the date of the other column perhaps read in between.
    for nxt in ctx.lines[pos + 1 : pos + 1 + ctx.settings.header.wrapped_code_lines]:
        if _WRAPPED_CODES.match(nxt.text) and nxt.zone is not Zone.HEADER_RIGHT:
            raw = raw.rstrip().rstrip("-") + "-" + nxt.text.strip()
            break
    # Cut what follows the ký hiệu on the same line (a run-together "V/v …").
    raw = re.split(r"\s+(?=[Vv]\s*/\s*[Vv]\b)", raw)[0].strip()
    parts = parse_number(raw)
    if parts is not None:
        raw = raw[: parts.end].strip()  # a flattened line may run on after the ký hiệu
    doc = ctx.doc
    doc.number.raw = raw or None
    if parts is None:
        if raw:  # an empty "Số:" is reported once, as a missing field
            ctx.doc.warn(
                "ambiguous", f"'Số:' line found but its number could not be read: {raw!r}", "number"
            )
        ctx.mark("number", line, m.start("raw"))
        return
    _fill_number(doc, parts)
    ctx.mark("number", line, m.start("raw"), m.start("raw") + len(raw))
    if parts.number is None:
        doc.warn(
            "field_blank",
            "the number is left blank in the printed form (it may have been filled in by hand)",
            "number.number",
        )


# What the page OCR may cut from "Số:" into a line of its own: the number (perhaps unread) and
# the ký hiệu after its "/" ("Jl2 /BKHCN-TTra").
_NUMBER_TAIL = re.compile(r"^\s*\S{0,6}\s*/\s*[A-ZĐ]")


def _number_read_apart(ctx: ParseContext, pos: int) -> str:
    """The number and ký hiệu of an empty "Số:" that the page OCR read as a line apart (the
    right column's lines perhaps read in between), else ""."""
    limit = pos + 1 + ctx.settings.header.number_apart_lines
    for nxt in ctx.lines[pos + 1 : limit]:
        if nxt.zone is Zone.HEADER_RIGHT:
            continue
        parts = parse_number(nxt.text) if _NUMBER_TAIL.match(nxt.text) else None
        return nxt.text.strip() if parts is not None and parts.symbol else ""
    return ""


def _fill_number(doc: Document, parts: NumberParts) -> None:
    doc.number.number = parts.number
    doc.number.symbol = parts.symbol
    doc.number.type_code = parts.type_code
    doc.number.issuer_code = parts.issuer_code
    doc.number.year = parts.year
    doc.number.style = parts.style  # type: ignore[assignment]


def _number_by_issuer(ctx: ParseContext) -> None:
    """A ký hiệu that lost all its dashes ("4646/SGDĐTTCCB") is read again knowing the issuer:
    its code, the initials of the issuer's name, says where the dash stood."""
    doc = ctx.doc
    if not doc.number.raw or not doc.number.symbol or re.search(r"[^\W\d_]\s?-", doc.number.raw):
        return
    if doc.number.style == "party" and "-" in doc.number.raw:
        # "36-HD/VPTW": the number's own dash is there, so none was lost; a Party unit's code
        # is one word (the Văn phòng Trung ương's VPTW). "12KH/TWĐTNVP" lost them all.
        return
    names = [n for n in (doc.issuer.name, doc.issuer.parent) if n]
    parts = parse_number(doc.number.raw, abbreviations.body_codes(names))
    if parts is not None and parts.symbol != doc.number.symbol:
        _fill_number(doc, parts)


_WRAPPED_CODES = re.compile(r"^[A-ZĐ]{2,}[A-ZĐ0-9&]*(?:-[A-ZĐ][A-ZĐ0-9&]+)+$")


def _place_date(ctx: ParseContext, pos: int | None) -> None:
    if pos is None:
        return
    line = ctx.lines[pos]
    doc = ctx.doc
    # A stray glyph OCR read between a place's words ("Hà ¬ Nội") goes; a line holding the end
    # of another column's text before the place-date keeps only the place.
    text = re.sub(r"\s+", " ", _STRAY_GLYPH.sub(" ", line.text))
    # "Tp. ứ Hồ Chí Minh": a lone small letter before a place's capitalised word is a speck.
    if respell.read_by_ocr(ctx):
        text = _STRAY_LETTER.sub(lambda m: "" if m.group(1).islower() else m.group(0), text)
    start = _place_date_start(text)
    m = cues.PLACE_DATE.match(text[start:] if start is not None else text)
    if m:
        place = m.group("place").strip(" .-")
        doc.issued.place = respell.known_places(place) if respell.read_by_ocr(ctx) else place
    found = find_date(line.text, numeric=False)
    doc.issued.raw = line.text
    partial = partial_date(line.text)
    if found and found.iso:
        doc.issued.date = found.iso
    elif partial:
        # A day left blank for the signing, or written by hand where OCR cannot read it.
        doc.issued.date = partial
        doc.warn(
            "field_partial",
            f"the day{'' if '-' in partial else ' and month'} could not be read (blank or "
            f"handwritten): the date is given as {partial}",
            "issued.date",
        )
    elif found and not found.iso:
        doc.warn("invalid", f"the date {found.text!r} is not a real date", "issued.date")
    elif BLANK_DATE_RE.search(line.text):
        doc.warn("field_blank", "the date is left blank in the printed form", "issued.date")
    ctx.mark("issued", line)


def _issuer_lines(ctx: ParseContext, number_pos: int | None, title_pos: int | None) -> list[Line]:
    """The header lines that may name the issuing body and its parent, top to bottom."""
    lines = ctx.lines
    stop = (
        number_pos
        if number_pos is not None
        else (
            title_pos
            if title_pos is not None
            else min(len(lines), ctx.settings.header.issuer_lines)
        )
    )
    candidates: list[Line] = []
    # Columns the reader saw (a table, PDF x positions) say which lines are the left block; in
    # flat text only the cues do.
    zoned = not ctx.flat_header and any(
        ln.zone is Zone.HEADER_LEFT for ln in lines[: ctx.settings.header.scan_lines]
    )
    for line in lines[:stop] + _above_number(ctx, number_pos):
        text = line.text
        if zoned and line.zone is not Zone.HEADER_LEFT:
            continue
        if cues.national_span(text) or cues.motto_span(text) or cues.party_span(text):
            continue
        if cues.RULE_LINE.match(text) or text.strip() in ("*", "***"):
            continue
        if cues.is_date_line(text) or not cues.is_upper(text):
            continue
        if _is_stamp(text) or cues.GAZETTE_SECTION.match(text):
            continue
        candidates.append(line)
    if candidates and all(c.loc.bbox is not None for c in candidates):
        candidates.sort(key=lambda c: (c.loc.page or 0, c.loc.bbox[1]))  # type: ignore[index]
    return candidates


def _joint_bodies(names: list[str], symbol: str | None) -> tuple[str | None, str]:
    """A liên tịch document: the bodies stand side by side, none is the others' parent."""
    bodies: list[str] = []
    for n in names:
        if bodies and not _starts_org(n):
            bodies[-1] = f"{bodies[-1]} {n}"  # a body's name wrapped onto the next line
        else:
            bodies.append(n)
    bodies = list(dict.fromkeys(bodies))
    # A body above the joint ones whose code is not in the ký hiệu is their parent (the
    # UBND above "SỞ GDĐT – TẠP CHÍ GIÁO DỤC" of KHLT-SGDĐT-TCGD).
    codes = re.split(r"[-/]", symbol or "")[1:]
    first = next((i for i, b in enumerate(bodies) if any(_code_of(c, b) for c in codes)), 0)
    return " ".join(bodies[:first]) or None, " - ".join(bodies[first:])


def _issuer(ctx: ParseContext, number_pos: int | None, title_pos: int | None) -> None:
    candidates = _issuer_lines(ctx, number_pos, title_pos)
    if not candidates:
        return
    # "LIÊN ĐOÀN LAO ĐỘNG -" over "SỞ VĂN HÓA …": a dash closing a body's line joins two
    # issuing bodies of equal standing.
    dash_joined = any(re.search(r"\S\s*[-–]$", c.text.strip()) for c in candidates[:-1])
    names = [c.text.strip(" -") for c in candidates]
    names = [_fix_spaced_letters(n) for n in names]
    if respell.read_by_ocr(ctx):  # specks are a scan's
        names = [_drop_specks(n) for n in names]
    # A text layer that holds the header twice ("THỦ TƯỚNG CHÍNH PHỦ" on two lines): once.
    names = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
    if (dash_joined or _joint(ctx.doc.number.symbol)) and len(names) > 1:
        parent, name = _joint_bodies(names, ctx.doc.number.symbol)
    elif len(names) == 1:
        parent, name = _split_run_together(names[0])
    else:
        # The issuing body starts at the last line that begins like a body's name; lines above it
        # name the parent body (cơ quan chủ quản). A body's name wrapped over two lines stays one.
        start = max((i for i, n in enumerate(names) if _starts_org(n)), default=0)
        parent = " ".join(names[:start]) or None
        name = " ".join(names[start:])
    if parent and cues.fold(parent).replace(" ", "") == cues.fold(name).replace(" ", ""):
        parent = None  # the gazette printed the body's name above its own header
    if respell.read_by_ocr(ctx):
        text = respell.document_text(ctx)
        name = respell.words(respell.phrase(name, text), text)
        parent = parent and respell.words(respell.phrase(parent, text), text)
        name, parent = respell.known_places(name), parent and respell.known_places(parent)
    # "SỞ Y TẾ -CÔNG ĐOÀN NGÀNH": a dash OCR or typing left half-spaced joins two names.
    name = re.sub(r"(?<=\S) [-–](?=\S)|(?<=\S)[-–] (?=\S)", " - ", name)
    ctx.doc.issuer.name = name or None
    ctx.doc.issuer.parent = parent
    ctx.mark("issuer", candidates[-1])
    if parent:
        ctx.mark("issuer.parent", candidates[0])


def _above_number(ctx: ParseContext, number_pos: int | None) -> list[Line]:
    """Left-column lines the OCR read after the Số line that stand above it on the page (a
    parent body's name read last, "UBND TỈNH KIÊN GIANG" under "SỞ Y TẾ" / "Số: …"); the lines
    above the Số line are then taken top to bottom."""
    if number_pos is None:
        return []
    at = ctx.lines[number_pos].loc
    if at.bbox is None or at.page is None:
        return []
    end = min(len(ctx.lines), ctx.settings.header.scan_lines)
    return [
        ln
        for ln in ctx.lines[number_pos + 1 : end]
        if ln.zone is Zone.HEADER_LEFT
        and ln.loc.page == at.page
        and ln.loc.bbox is not None
        and ln.loc.bbox[3] <= at.bbox[1]
    ]


def _joint(symbol: str | None) -> bool:
    """The ký hiệu of a joint document: a liên tịch type (TTLT, KHLT, NQLT …) or three or more
    bodies' codes ("TTLT-VKSNDTC-TANDTC-BCA")."""
    if not symbol:
        return False
    parts = re.split(r"[-/]", symbol)
    return parts[0].upper().endswith("LT") or len(parts) >= 4


def _code_of(code: str, body: str) -> bool:
    """The ký hiệu code abbreviates the body: its letters are the body's initials, in order
    ("SGDĐT" for "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "VKSNDTC" for "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO")."""
    initials = "".join(w[0] for w in cues.fold(body).split() if w[:1].isalpha())
    letters = cues.fold(code)
    if not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(ch in rest for ch in letters)


def _is_stamp(text: str) -> bool:
    f = cues.fold(text)
    return (
        bool(re.match(r"^(DEN|HOA TOC|KHAN|THUONG KHAN|MAT|TOI MAT)\b", f))
        and len(text) < current().header.stamp_max_chars
    )


def _fix_spaced_letters(text: str) -> str:
    """Repair "B Ộ LAO ĐỘNG … V À X Ã HỘI": a converter split letters from their marks."""
    return re.sub(
        r"\b([A-ZĐ]) (?=[À-ỸĂÂÊÔƠƯ]\b)|\b([A-ZĐ]) (?=[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ][A-ZĐ]?\b)",
        lambda m: m.group(1) or m.group(2),
        text,
    )


def _drop_specks(name: str) -> str:
    """ "Ị ị TRƯỜNG ĐẠI HỌC TÂY ĐÔ" → "TRƯỜNG ĐẠI HỌC TÂY ĐÔ": lone letters a scan's specks or a
    logo's edge were read as, before a body's name (none of which starts with a lone letter)."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and len(words[k]) == 1 and not words[k].isdigit():
        k += 1
    rest = " ".join(words[k:])
    return rest if k and _starts_org(rest) and not _starts_org(name) else name


_FOLDED_HEADS = tuple(sorted({cues.fold(h) for h in ORG_HEADS}, key=len, reverse=True))


def _starts_org(name: str) -> bool:
    """Begins like a body's name; compared without marks, so OCR's "SỐ Y TẾ" is "SỞ Y TẾ"."""
    folded = cues.fold(name)
    if folded.startswith("KHOA HOC"):  # "KHOA HỌC VÀ CÔNG NGHỆ" wraps a name, opens none
        return False
    return any(folded.startswith(h + " ") or folded == h for h in _FOLDED_HEADS)


def _split_run_together(text: str) -> tuple[str | None, str]:
    """ "BỘ TÀI CHÍNH TỔNG CỤC THUẾ" → ("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"); one body stays whole."""
    heads = "|".join(re.escape(h) for h in sorted(ORG_HEADS, key=len, reverse=True))
    # "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG": the subordinate body may be a head alone.
    for m in re.finditer(rf"(?<=\S)\s+(?=(?:{heads})(?:\s|$))", text):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if len(right.split()) < 2:
            continue  # "… SỞ": no body's name
        # A split is real only when the left part is a body on its own (not "VĂN" of "VĂN PHÒNG",
        # not "ỦY BAN NHÂN DÂN" of "… DÂN TỈNH") and the right part starts a subordinate body.
        if len(left.split()) < 2 or left.endswith(("VĂN", "ỦY", "UỶ", "NHÂN DÂN", "HỘI ĐỒNG")):
            continue
        if right.startswith("KHOA HỌC"):
            continue
        if re.match(r"^(BỘ|VỤ|BAN|HỘI|ĐÀI|BÁO|ĐOÀN)\s", right) and not re.match(
            r"^BAN\s+(QUẢN|CHỈ|TỔ|THƯỜNG)", right
        ):
            continue
        if _starts_org(left):
            return left, right
    return None, text


def _type_and_subject(ctx: ParseContext, title_pos: int | None, vv_pos: int | None) -> int:
    """Fill doc_type and subject; return the position of the first line after them."""
    end = 0
    if title_pos is not None:
        _type_from_title(ctx, title_pos)
        end = _subject_after_title(ctx, title_pos + 1)
    if vv_pos is not None:
        end = max(end, _vv_subject(ctx, vv_pos))
    _type_from_number(ctx)
    return end


def _type_from_title(ctx: ParseContext, pos: int) -> None:
    doc = ctx.doc
    line = ctx.lines[pos]
    name = cues.title_type(line.text)
    # The ký hiệu may name the type more exactly than the title line: "KẾ HOẠCH" over
    # 90/KHLT-SGDĐT-TCGD is a kế hoạch liên tịch.
    by_code = CODE_TYPES.get(doc.number.type_code or "")
    if name and by_code and by_code != name and by_code.startswith(name + " "):
        name = by_code
    doc.doc_type.name = name
    doc.doc_type.code = TYPE_CODES.get(name or "")
    doc.doc_type.inferred_from = "title"
    ctx.mark("doc_type", line)


def _ends_vv(line: Line) -> bool:
    """A line of flat text that cannot continue a V/v subject."""
    text = line.text
    return bool(
        cues.is_date_line(text)
        or cues.ADDRESSEE.match(text)
        or (cues.OPENER.match(text) and text[:1].isupper())
        or cues.title_type(text)
        or len(text) > current().header.vv_line_max_chars
        or cues.OUTLINE_LABEL.match(text)
        or line.zone is Zone.HEADER_RIGHT
        or cues.national_span(text)
        or cues.motto_span(text)
    )


def _vv_subject(ctx: ParseContext, vv_pos: int) -> int:
    """The subject after "V/v", over the lines it wrapped onto; a công văn when no title said
    otherwise. Returns the position after it."""
    doc = ctx.doc
    lines = ctx.lines
    head = lines[vv_pos]
    m = cues.VV_LINE.match(head.text)
    texts = [m.group("subject") if m else head.text]
    pos = vv_pos + 1
    crossed = False  # the right column was read between the V/v and its wrapped rest
    while pos < len(lines) and pos < vv_pos + ctx.settings.header.vv_lines:
        nxt = lines[pos]
        if head.zone is Zone.HEADER_LEFT and nxt.zone is not Zone.HEADER_LEFT:
            if nxt.zone is Zone.HEADER_RIGHT:  # the other column read in between
                crossed = True
                pos += 1
                continue
            rest = _column_rest(ctx, nxt, texts) if crossed else None
            if rest is None:
                break
            texts.append(rest)
            pos += 1
            continue
        if head.zone is not Zone.HEADER_LEFT and _ends_vv(nxt):
            break
        if _stray_issuer_line(nxt.text, texts):
            pos += 1  # "UBND TỈNH KIÊN GIANG": the column's issuer block, read out of order
            continue
        if (
            cues.NUMBER_LINE.match(nxt.text)
            or cues.RULE_LINE.match(nxt.text)
            or cues.ADDRESSEE.match(nxt.text)  # "Kính gửi:" OCR set in the left column
        ):
            break
        texts.append(nxt.text)
        pos += 1
    if doc.subject is None:
        doc.subject = _join(texts)
        ctx.mark("subject", head, m.start("subject") if m else 0)
    # A trích yếu led by a bare "Về" leaves the type to the ký hiệu's code (93/HD-CĐGD: a
    # hướng dẫn); a V/v is a công văn's.
    by_code = not m and doc.number.type_code in CODE_TYPES
    if doc.doc_type.name is None and not by_code:
        doc.doc_type.name = "Công văn"
        doc.doc_type.code = None
        doc.doc_type.inferred_from = "subject"
    return pos


# Scan specks before a wrapped piece of the left column.
_LEADING_SPECKS = re.compile(r"^[-_~.,'`|\s]+(?=\w)")


def _column_rest(ctx: ParseContext, line: Line, texts: list[str]) -> str | None:
    """The text of a body line that is the rest of a V/v block whose column the reader left
    for the right one (OCR of a two-column header): a short line, the first of them in lower
    case unless the block so far ends mid-phrase; None when the line is not that."""
    text = _LEADING_SPECKS.sub("", line.text).strip()
    too_long = len(text) > ctx.settings.header.vv_column_max_chars  # the column is narrow
    if not text or too_long or _ends_vv(line) or cues.ADDRESSEE.match(text):
        return None
    if len(texts) == 1 and not (
        text[:1].islower() or text[:1] in _OPENING_QUOTES or _MID_PHRASE.search(texts[0])
    ):
        return None  # (a quoted name the block ends on: "Về … Dự thảo" / "“Chương trình …”")
    return text


def _stray_issuer_line(text: str, texts: list[str]) -> bool:
    """A line in capitals that names a body, inside a V/v block typed in lower case."""
    return cues.is_upper(text) and not cues.is_upper(" ".join(texts)) and _starts_org(text.strip())


_OPENING_QUOTES = '“"«‘'


def _type_from_number(ctx: ParseContext) -> None:
    """A consolidated text, or no title line: the type from the ký hiệu's code."""
    doc = ctx.doc
    if doc.number.type_code == "VBHN" and doc.doc_type.name != "Văn bản hợp nhất":
        # A consolidated text carries the title of the document it consolidates.
        doc.doc_type.name, doc.doc_type.code, doc.doc_type.inferred_from = (
            "Văn bản hợp nhất",
            "VBHN",
            "number",
        )
    if doc.doc_type.name is not None:
        return
    code = doc.number.type_code
    if code and code in CODE_TYPES:
        doc.doc_type.name = CODE_TYPES[code]
        doc.doc_type.code = code
        doc.doc_type.inferred_from = "number"
        doc.warn(
            "field_inferred",
            f"no title line: type taken from the code {code!r} in the number",
            "doc_type",
        )
    elif doc.number.symbol and any(
        cues.ADDRESSEE.match(ln.text) for ln in ctx.lines[: ctx.settings.header.scan_lines]
    ):
        doc.doc_type.name = "Công văn"
        doc.doc_type.inferred_from = "number"
        doc.warn(
            "field_inferred",
            "no title line: a công văn, judged from its number and 'Kính gửi'",
            "doc_type",
        )


# The old Công báo title: "NGHỊ ĐỊNH / CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007 /
# VỀ MINH BẠCH TÀI SẢN, THU NHẬP" — the number and date repeated (or only given) in the title.
_GAZETTE_TITLE = re.compile(
    r"^(?:CỦA\s+.+?\s+)?SỐ\s*:?\s*(?P<number>\S+)\s+NGÀY\s+(?P<day>\d{1,2})\s*(?:THÁNG\s*|/)"
    r"(?P<month>\d{1,2})\s*(?:NĂM\s*|/)(?P<year>\d{4})\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _gazette_title(ctx: ParseContext) -> None:
    """The trích yếu starts at the content; a number or date the header lacks comes from it."""
    doc = ctx.doc
    m = _GAZETTE_TITLE.match(doc.subject or "")
    if m is None:
        return
    doc.subject = m.group("rest").strip()
    parts = parse_number(m.group("number"))
    if doc.number.raw is None and parts is not None:
        doc.number.raw = m.group("number")
        doc.number.number, doc.number.symbol = parts.number, parts.symbol
        doc.number.type_code, doc.number.issuer_code = parts.type_code, parts.issuer_code
        doc.number.year, doc.number.style = parts.year, parts.style  # type: ignore[assignment]
    if doc.issued.date is None:
        doc.issued.date = to_iso(m.group("day"), m.group("month"), m.group("year"))


_STAMP_IN_SUBJECT = re.compile(
    r"\s*[\[(]\s*(?:H[oỏó]a|Hoả)\s+[tr]ốc\s*[\])]|\s*[\[(]\s*(?:Thượng\s+)?khẩn\s*[\])]", re.I
)


def _enacted_subject(ctx: ParseContext, start: int) -> None:
    """A trích yếu the header lost (a seal over it, a scan's columns read across) from the
    sentence that enacts the document, which repeats it ("… ban hành Quyết định bãi bỏ …")."""
    name = ctx.doc.doc_type.name
    if not name:
        return
    type_words = r"\s+".join(re.escape(w) for w in name.split())
    enacting = re.compile(cues.ENACTING.format(type=type_words), re.IGNORECASE)
    for line in ctx.lines[start : start + ctx.settings.inference.issuing_sentence_lines]:
        m = enacting.search(line.text)
        if m:
            subject = m.group("subject")
            ctx.doc.subject = subject[:1].upper() + subject[1:]
            ctx.mark("subject", line, m.start("subject"), m.end("subject"))
            return


def _respell_subject(ctx: ParseContext) -> None:
    """A scan's trích yếu: words whose marks OCR lost get the spelling the text agrees on, and a
    lone quote mark inside a word run ("Phạm "Ngọc Thạch") is a speck."""
    doc = ctx.doc
    if doc.subject is None or not respell.read_by_ocr(ctx):
        return
    text = respell.document_text(ctx)
    subject = respell.cited_numbers(respell.unglued(doc.subject, text), text)
    subject = respell.by_lexicon(respell.words(subject, text), text)
    # Specks ("* năm 2017", "bệnh viện ˆ") and an urgency stamp read into the block ("[Hỏa rốc]") go.
    subject = _STAMP_IN_SUBJECT.sub("", subject)
    # (a lone spacing mark, "ˆ", is a letter to the regex: named)
    subject = re.sub(r"(?<=\s)(?:[^\w\s()\-–\"“”]|[ˆ˜ˇ˘˙])+(?=\s|$)", " ", subject)
    subject = re.sub(r"\s+", " ", subject).strip()
    for quote in ('"', "“", "”"):
        if subject.count(quote) == 1 and doc.subject.count("“") + doc.subject.count("”") < 2:
            subject = re.sub(rf"\s{quote}(?=\w)", " ", subject)
    doc.subject = subject


def _subject_after_title(ctx: ParseContext, pos: int) -> int:
    """The trích yếu: the lines under the title, until the body starts."""
    lines = ctx.lines
    texts: list[str] = []
    first: Line | None = None
    s = ctx.settings.header
    while pos < len(lines) and len(texts) < s.subject_max_lines:
        line = lines[pos]
        text = line.text
        if cues.RULE_LINE.match(text) or (not texts and _title_authority(text)):
            if texts:
                pos += 1
                break
            pos += 1
            continue
        if (
            # A lower-case "thực hiện …" continues a wrapped trích yếu; it opens no paragraph.
            (cues.OPENER.match(text) and text[:1].isupper() and (texts or _cites(text)))
            or cues.ADDRESSEE.match(text)
            or cues.OUTLINE_LABEL.match(text)
            or line.zone not in (Zone.BODY, Zone.TABLE)
            or cues.RECIPIENTS.match(text)
            or cues.DATED_OPENING.match(text)
            or _weight_drops(first, line)
        ):
            break
        if texts and _is_authority_line(ctx, pos):
            head = _before_authority(ctx, text)
            if head:  # "… TIẾP TỤC CÓ HIỆU LỰC CHÍNH PHỦ": the authority ran into the last line
                texts.append(head)
            break
        if texts and not (
            _continues_subject(texts, text)
            or _same_emphasis(first, line)
            or _last_before_body(lines, pos)
            or _is_authority_line(ctx, pos + 1)  # the thẩm quyền line ends the trích yếu
        ):
            break
        if text.rstrip().endswith(":") and len(text) > s.colon_line_chars:
            break
        annexed = _ANNEXED_TO.search(text)
        if annexed and annexed.start() > 0:  # "MẪU … (Ban hành kèm theo Nghị định số …": not it
            texts.append(text[: annexed.start()])
            first = first or line
            pos += 1
            break
        texts.append(text)
        first = first or line
        pos += 1
        if len(" ".join(texts)) > s.subject_max_chars:
            break
    if texts and first is not None:
        ctx.doc.subject = _join(texts)
        ctx.mark("subject", first)
    return pos


# The gazette's title names its authority on the line under the type ("CHỈ THỊ" / "CỦA BỘ TRƯỞNG
# BỘ THÔNG TIN VÀ TRUYỀN THÔNG" / "Về việc …"); with a number and date on it, _GAZETTE_TITLE
# reads that line.
_OF_AUTHORITY = re.compile(r"^\s*CỦA\s+\S")


def _title_authority(text: str) -> bool:
    return (
        bool(_OF_AUTHORITY.match(text)) and cues.is_upper(text) and not _GAZETTE_NUMBER.search(text)
    )


_GAZETTE_NUMBER = re.compile(r"\bSỐ\b|\bNGÀY\s+\d")

_ANNEXED_TO = re.compile(r"\s*\((?:Ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)


def _before_authority(ctx: ParseContext, text: str) -> str | None:
    """The subject's words before the issuer's name that a converter ran onto its line."""
    issuer = (ctx.doc.issuer.name or "").upper()
    stripped = text.strip()
    if issuer and stripped.upper().endswith(" " + issuer):
        head = stripped[: len(stripped) - len(issuer)].strip()
        if re.search(r"\b(?:của|thuộc|tại|cho|với|và)$", head, re.IGNORECASE):
            return stripped  # "… THUỘC THẨM QUYỀN CỦA BỘ Y TẾ": the subject names the issuer
        # "GIÁM ĐỐC SỞ Y TẾ", "BỘ TRƯỞNG BỘ …": the authority's own title, not the subject.
        return None if not head or _starts_title(head) else head
    return None


def _last_before_body(lines: list[Line], pos: int) -> bool:
    """A short line right above the body's first cue (Căn cứ, Kính gửi, a section label) ends the
    trích yếu that wrapped onto it ("Tham dự cuộc họp đánh giá và phân loại" / "Ban giám đốc Sở
    Y tế năm 2017" / "Căn cứ …"): nothing but the subject stands between title and body."""
    text = lines[pos].text.strip()
    nxt = lines[pos + 1].text if pos + 1 < len(lines) else ""
    body_next = bool(
        (cues.OPENER.match(nxt) and nxt[:1].isupper())
        or cues.ADDRESSEE.match(nxt)
        or cues.OUTLINE_LABEL.match(nxt)
    )
    return (
        body_next
        and len(text) < current().header.subject_tail_chars
        and not text.endswith((".", ":", ";"))
        # "Kế số 29/05/2024 của Hội đồng trường về": a piece of the body's first sentence that
        # OCR set apart breaks off mid-phrase, where a trích yếu's last line ends its phrase.
        and not _MID_PHRASE.search(text)
    )


def _same_emphasis(first: Line | None, line: Line) -> bool:
    """A line set in bold like the trích yếu's first line, at its size, continues it ("Tình hình
    triển khai … phần mềm" / "Quản lý xét nghiệm …" under a BÁO CÁO): the body is not bold.
    Only where the reader knows the type's weight (born-digital PDF, Word), and never for a
    paragraph's length of text."""
    return (
        first is not None
        and len(line.text) <= current().header.bold_subject_line_chars
        and first.bold is True
        and line.bold is True
        and (first.size is None or line.size is None or first.size == line.size)
    )


def _weight_drops(first: Line | None, line: Line) -> bool:
    """A line in regular type under a trích yếu set in bold is the body ("Ngày 03/01/2025, Phó
    Chủ tịch … chủ trì họp …" under a thông báo kết luận), whatever its first line ends on. Only
    where the reader knows the type's weight of both lines."""
    return first is not None and first.bold is True and line.bold is False


def _cites(text: str) -> bool:
    """A "Thực hiện …" line right under the title is the subject ("Thực hiện công tác dân vận …")
    unless it cites a document or reads as a căn cứ paragraph."""
    return (
        # a number with its symbol ("số 45/KH-SGDĐT", "05/9/2024"), not a school year "2024 - 2025"
        bool(re.search(r"\d+\s?/\s?\w|\d+-[^\W\d]", text))
        or text.rstrip().endswith((";", ",", ":"))
        or len(text) > current().header.citing_line_chars
    )


def _continues_subject(texts: list[str], text: str) -> bool:
    prev = texts[-1]
    if cues.is_upper(prev) and cues.is_upper(text):
        return True
    if text[:1].islower() or text[:1] in _OPENING_QUOTES:
        return True  # (a quoted name wrapped onto its own line: "Tổ chức Cuộc thi" / "“Đại sứ …”")
    if text[:1].isdigit() and re.match(r"^\d+\s*[/-]\s*\d*\s*[/-]?\s*[^\W\d]", text):
        return True  # "289/2025/NĐ-CP ngày …": the number of the document the subject cites
    if _ACRONYM_END.search(prev) and _ACRONYM_START.match(text):
        return True  # "… Công ty TNHH" / "MTV Đầu tư, …": a name's acronyms run across the wrap
    # A title-case first subject line (seed: "Triển khai công tác …") ends at the next sentence
    # unless it visibly breaks off on a connective.
    return bool(_MID_PHRASE.search(prev))


_ACRONYM_END = re.compile(rf"[{LO}].*\s[{UP}]{{2,}}$")
_ACRONYM_START = re.compile(rf"^[{UP}]{{2,}}\s")


# A line that breaks off on a connective or a dash: the phrase goes on on the next line.
_MID_PHRASE = re.compile(
    r"(\b(và|của|về|cho|tại|với|trong|ở|các|năm|đến|giai đoạn|số|theo|thi hành)|[,–-])\s*$",
    re.IGNORECASE,
)


def _is_authority_line(ctx: ParseContext, pos: int) -> bool:
    """The thẩm quyền ban hành line of a quyết định ("ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …")
    stands in capitals between the subject and the first "Căn cứ"."""
    lines = ctx.lines
    text = lines[pos].text
    if not cues.is_upper(text):
        return False
    nxt = lines[pos + 1].text if pos + 1 < len(lines) else ""
    issuer = (ctx.doc.issuer.name or "").upper()
    if not cues.OPENER.match(nxt):
        if not (
            cues.is_upper(nxt) and pos + 2 < len(lines) and cues.OPENER.match(lines[pos + 2].text)
        ):
            return False
        if nxt.strip().upper() == issuer or _starts_title(nxt) or _starts_org(nxt):
            return False  # the next line is the authority; this one ends the trích yếu
    return (
        (bool(issuer) and issuer in text.upper())
        or _starts_title(text)
        or _starts_org(text)
        or text.strip()
        in (
            "CHÍNH PHỦ",
            "QUỐC HỘI",
        )
    )


def _starts_title(text: str) -> bool:
    """Begins with a head's title, also as OCR damaged it ("GIÁM ĐÓC SỞ Y TẾ")."""
    match = signer.vocabulary_match(text)
    return text.startswith(TITLES) or (
        match is not None and match[2] >= current().signer.known_similarity
    )


def _join(texts: list[str]) -> str:
    text = " ".join(t.strip() for t in texts if t.strip())
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()


def _addressees(ctx: ParseContext) -> None:
    """The Kính gửi list: items on its line, dashed or undashed lines under it, wrapped items, a
    Đồng kính gửi list after it. A scan's layout may set "Kính gửi:" among the header's cells
    (left column) with its items after the Quốc hiệu, Tiêu ngữ and date of the right one."""
    lines = ctx.lines
    s = ctx.settings.header
    for pos in range(min(len(lines), ctx.header_end + s.addressee_lines)):
        m = cues.ADDRESSEE.match(lines[pos].text)
        if not m:
            continue
        rest = lines[pos].text[m.end() :].strip()
        items = _items(rest)
        nxt = pos + 1
        while not rest and nxt < len(lines) and _header_cell(lines[nxt].text):
            nxt += 1
        dashed = bool(nxt < len(lines) and cues.BULLET.match(lines[nxt].text))
        last = rest  # the list's last line as written: its ";" or "." tells whether it ends
        while nxt < len(lines) and len(items) < s.addressee_max_items:
            text = lines[nxt].text
            after = lines[nxt + 1].text if nxt + 1 < len(lines) else ""
            co = cues.CO_ADDRESSEE.match(text)
            if co:
                items.extend(_items(text[co.end() :]))
            elif not _addressee_line(last if items else None, text, after, dashed=dashed):
                break
            elif items and _wrapped_addressee(last, text, dashed=dashed):
                items[-1] = f"{items[-1]} {text.strip()}"
            else:
                items.extend(_items(text))
            last = text
            nxt += 1
        items = [i.strip(" ;,.:-–") for i in items]
        if respell.read_by_ocr(ctx):
            items = closing.scan_items(items)
        ctx.doc.addressees = [i for i in items if i]
        ctx.header_end = max(ctx.header_end, nxt)
        return


def _header_cell(text: str) -> bool:
    return bool(
        cues.national_span(text)
        or cues.motto_span(text)
        or cues.is_date_line(text)
        or cues.NUMBER_LINE.match(text)
    )


def _addressee_line(last: str | None, text: str, after: str, *, dashed: bool) -> bool:
    """Whether `text`, under the Kính gửi list's `last` line (None before its first item),
    still belongs to the list: a dashed item, an item's wrapped end, or in an undashed list a
    further short name; not the body's first line (a căn cứ, a section, a sentence ending in
    ":" or ".", a paragraph, a sentence that wraps onto the line `after` it)."""
    s = current().header
    plain = cues.BULLET.sub("", text, count=1).strip()
    if (
        not plain
        or len(plain) > s.addressee_line_chars
        or cues.OPENER.match(plain)
        or cues.BASES_OPENER.match(plain)
        or cues.OUTLINE_LABEL.match(plain)
        or cues.title_type(plain)
        or cues.RECIPIENTS.match(plain)
        or cues.VV_LINE.match(plain)
        or _header_cell(plain)
    ):
        return False
    if cues.BULLET.match(text):
        return True
    if last is not None and _wrapped_addressee(last, text, dashed=dashed):
        return True
    ended = (last or "").rstrip()
    return (
        not dashed
        and (last is None or ended.endswith(";") or not ended.endswith((".", ":")))
        and plain[:1].isupper()
        and len(plain) < s.addressee_item_chars
        and not plain.endswith((":", "."))
        and not after.strip()[:1].islower()
    )


def _wrapped_addressee(item: str, text: str, *, dashed: bool) -> bool:
    """ "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc" / "Trung ương.": an undashed line
    that ends the item above, left open (no ";" or "." after it)."""
    plain = text.strip()
    return (
        not cues.BULLET.match(text)
        and not item.rstrip().endswith((";", ".", ":"))
        and (plain[:1].islower() or (dashed and len(plain) < current().header.addressee_item_chars))
    )


def _items(text: str) -> list[str]:
    # "- A; - B" is a list run onto one line; "Bộ Lao động - Thương binh và Xã hội" is one name.
    listed = bool(re.match(r"^\s*[-–+•]\s", text)) and ";" not in text
    pattern = r"(?<=[;])\s*(?=[-–+•]?\s*\S)|^\s*[-–+•]\s*" + (
        rf"|\s+[-–+•]\s+(?=[{UP}])" if listed else ""
    )
    parts = re.split(pattern, text)
    # "Kính gửi: ……………": a form's blank, no addressee.
    return [
        p.strip(" ;,.:-–") for p in parts if p.strip(" ;,.:-–") and not cues.FILL_BLANK.search(p)
    ]


def _warn_missing(ctx: ParseContext) -> None:
    doc = ctx.doc
    checks = [
        (doc.issuer.name, "issuer", "issuing body (tên cơ quan ban hành) not found"),
        (doc.number.raw, "number", "số/ký hiệu not found"),
        (doc.issued.place or doc.issued.date, "issued", "place and date not found"),
        (doc.doc_type.name, "doc_type", "document type not found (no title line, no type code)"),
        (doc.subject, "subject", "trích yếu (subject) not found"),
    ]
    for value, field_name, message in checks:
        if not value:
            doc.warn("field_missing", message, field_name)
