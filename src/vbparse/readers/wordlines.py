"""Words with boxes → zoned lines in reading order. Shared by the PDF text layer and OCR.

A PDF page or a scanned image gives words with positions, not lines. An administrative document
puts its header in two columns (issuing body and Số on the left; Quốc hiệu, Tiêu ngữ, place and
date on the right) and its closing in two columns (Nơi nhận on the left, the signer on the
right). Reading a page row by row interleaves those columns; this module rebuilds them:

1. words are grouped into visual lines by vertical overlap, and each visual line is cut into
   segments at wide horizontal gaps;
2. running page numbers and headers/footers repeated on most pages are dropped;
3. the header band at the top of the first page (down to the title or the first full-width line)
   is split into its left and right column, the closing block on the last page likewise;
4. stamps in the header band (ĐẾN, Số/Ngày of an incoming stamp, HỎA TỐC, KHẨN, MẬT) are kept
   as Zone.META lines with a warning;
5. visual lines that continue a paragraph (or a wrapped header or closing element) are joined,
   across page breaks too.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .. import cues
from ..text.normalize import clean
from .base import Line, Loc, Zone

# --- input ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    """One word and its box (x0, top, x1, bottom) in page units (points for PDF, pixels for OCR)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str | None = None
    size: float | None = None
    conf: float | None = None


@dataclass
class PageWords:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    scale: float = 1.0  # multiply coordinates by this to get points (72/dpi for OCR)


# --- visual lines -----------------------------------------------------------------------------


@dataclass(slots=True)
class VLine:
    """A row of words on one page; `segments` are its runs separated by wide gaps."""

    page: int
    words: list[Word]
    segments: list[list[Word]] = field(default_factory=list)
    text: str = ""
    zone: Zone = Zone.BODY

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)


def _seg_text(seg: Sequence[Word]) -> str:
    return " ".join(w.text for w in seg)


def group_lines(words: Sequence[Word], page: int) -> list[VLine]:
    """Words → visual lines: a word joins the line whose vertical band holds its middle."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    rows: list[tuple[float, float, list[Word]]] = []  # (top, bottom, words)
    for w in ordered:
        mid = (w.top + w.bottom) / 2
        placed = False
        # Only the last few rows can hold it: words are sorted by top.
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom, row = rows[i]
            if top <= mid <= bottom:
                row.append(w)
                placed = True
                break
        if not placed:
            rows.append((w.top, w.bottom, [w]))
    lines: list[VLine] = []
    for _, _, row in rows:
        row.sort(key=lambda w: w.x0)
        lines.append(_make_vline(page, row))
    lines.sort(key=lambda ln: ln.top)
    return lines


def _make_vline(page: int, row: list[Word]) -> VLine:
    heights = [w.bottom - w.top for w in row]
    h = statistics.median(heights) if heights else 10.0
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
    # A column gap is wider than a word box is tall, and much wider than this line's spaces
    # (justified lines stretch every space alike).
    gap_limit = max(1.0 * h, 2.5 * statistics.median(gaps)) if gaps else h
    segments: list[list[Word]] = [[row[0]]]
    for prev, w in itertools.pairwise(row):
        if w.x0 - prev.x1 > gap_limit:
            segments.append([w])
        else:
            segments[-1].append(w)
    line = VLine(page=page, words=row, segments=segments)
    line.text = " ".join(w.text for w in row)
    return line


# --- page furniture: page numbers, running headers and footers ----------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)


def _band(line: VLine, height: float) -> str | None:
    if line.bottom <= height * 0.09:
        return "top"
    if line.top >= height * 0.91:
        return "bottom"
    return None


def drop_furniture(pages: list[tuple[PageWords, list[VLine]]]) -> None:
    """Remove running page numbers, lines repeated in the top/bottom band of most pages, and the
    visible text of digital signatures."""
    n = len(pages)
    keys: dict[tuple[str, str], set[int]] = {}
    for pw, lines in pages:
        for ln in lines:
            band = _band(ln, pw.height)
            if band:
                key = re.sub(r"\d+", "#", clean(ln.text).lower())
                keys.setdefault((band, key), set()).add(pw.number)
    repeated = {k for k, on in keys.items() if n >= 2 and len(on) >= max(2, -(-n * 6 // 10))}
    for pw, lines in pages:
        keep = []
        signed = any(cues.ESIGN_START.match(ln.text) for ln in lines)
        for ln in lines:
            if signed and cues.ESIGN_FIELD.match(ln.text):
                continue  # a digital signature's visible text, not the document's
            if _band(ln, pw.height) and cues.GAZETTE_HEADER.match(ln.text):
                continue  # Công báo's running header, also on a first page

            band = _band(ln, pw.height)
            if band:
                text = clean(ln.text)
                if _PAGE_NUMBER.match(text):
                    continue
                if (band, re.sub(r"\d+", "#", text.lower())) in repeated:
                    continue
            keep.append(ln)
        lines[:] = keep


# --- header and closing columns -----------------------------------------------------------------

_STAMP_FIELDS = re.compile(
    r"^\W*(S[ốo]|Ng[àa]y|Chuy[ểe]n|L[ưu]u\s*h[ồo]\s*s[ơo])\s*[:.]", re.IGNORECASE
)
_STAMP_NUMBER_DATE = re.compile(r"S[ốo]\s*[:.].{0,30}Ng[àa]y\s*[:.]", re.IGNORECASE)


@dataclass
class _Geometry:
    left: float
    right: float
    indents: bool = False  # paragraphs start with a first-line indent

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2

    @property
    def width(self) -> float:
        return self.right - self.left


def _geometry(lines: Sequence[VLine], page_width: float) -> _Geometry:
    if not lines:
        return _Geometry(0.0, page_width)
    x0s = sorted(ln.x0 for ln in lines)
    x1s = sorted(ln.x1 for ln in lines)
    # The text block: where most lines start, where the longest lines end.
    left = x0s[len(x0s) // 10]
    right = x1s[min(len(x1s) - 1, (len(x1s) * 9) // 10)]
    if right - left < page_width * 0.3:
        return _Geometry(0.0, page_width)
    return _Geometry(left, right)


def _center(seg: Sequence[Word]) -> float:
    return (seg[0].x0 + max(w.x1 for w in seg)) / 2


def mark_header(lines: list[VLine], geo: _Geometry, page_height: float) -> list[VLine]:
    """Zone the two-column header at the top of the first page; return its lines.

    Lines are split into segments at wide gaps; the first line with two segments fixes the
    column split. Following one-segment lines belong to the column whose centre they are near;
    the header ends at the first line that is centred on the page (the title) or that runs
    across the split (a body line).
    """
    header: list[VLine] = []
    pending: list[VLine] = []
    split: float | None = None
    c_left: list[float] = []
    c_right: list[float] = []
    for idx, ln in enumerate(lines):
        if ln.top > page_height * 0.5:
            break
        if ln.zone is Zone.META:
            continue
        segs = ln.segments
        if len(segs) >= 2:
            # Cut at the widest gap between segments.
            gaps = [
                (segs[i + 1][0].x0 - max(w.x1 for w in segs[i]), i) for i in range(len(segs) - 1)
            ]
            _, cut = max(gaps)
            left_x1 = max(w.x1 for seg in segs[: cut + 1] for w in seg)
            right_x0 = segs[cut + 1][0].x0
            if split is None:
                split = (left_x1 + right_x0) / 2
                for p in pending:
                    (c_left if _center(p.words) < split else c_right).append(_center(p.words))
                    p.zone = Zone.HEADER_LEFT if _center(p.words) < split else Zone.HEADER_RIGHT
                header.extend(pending)
                pending = []
            ln.zone = Zone.HEADER_LEFT  # split into two lines by the caller
            c_left.append(_center([w for seg in segs[: cut + 1] for w in seg]))
            c_right.append(_center([w for seg in segs[cut + 1 :] for w in seg]))
            header.append(ln)
            continue
        center = _center(ln.words)
        if split is None:
            if idx >= 4 or abs(center - geo.center) < geo.width * 0.08:
                break
            pending.append(ln)
            continue
        tol = max(12.0, ln.height)
        if ln.x0 < split - tol and ln.x1 > split + tol:
            break
        if cues.ADDRESSEE.match(ln.text) or (
            header and ln.top - header[-1].bottom > 2.5 * ln.height
        ):
            break
        cl = statistics.fmean(c_left) if c_left else geo.left
        cr = statistics.fmean(c_right) if c_right else geo.right
        d_mid = abs(center - geo.center)
        if d_mid < min(abs(center - cl), abs(center - cr)) and d_mid < geo.width * 0.08:
            break
        ln.zone = Zone.HEADER_LEFT if abs(center - cl) <= abs(center - cr) else Zone.HEADER_RIGHT
        header.append(ln)
    if split is None:
        for p in pending:
            p.zone = Zone.BODY
        return []
    return header


def find_closing(pages: list[list[VLine]]) -> tuple[int, int] | None:
    """(page index, line index) where the closing block starts: the Nơi nhận / signer line."""
    for pi in range(len(pages) - 1, max(-1, len(pages) - 3), -1):
        for li, ln in enumerate(pages[pi]):
            if ln.zone is not Zone.BODY:
                continue
            if cues.RECIPIENTS.match(_seg_text(ln.segments[0])):
                return pi, li
            if len(ln.segments) >= 2 and any(
                cues.SIGN_PREFIX.match(_seg_text(s)) for s in ln.segments[1:]
            ):
                return pi, li
    return None


def _is_stamp(text: str, after_stamp: bool) -> bool:
    if cues.STAMP_WORD.match(text) or _STAMP_NUMBER_DATE.search(text):
        return True
    return after_stamp and bool(_STAMP_FIELDS.match(text)) and len(text) < 40


# --- joining lines into paragraphs ----------------------------------------------------------------

_LIST_LABEL = re.compile(
    r"^(?:[-–—+•*▪●○◦]\s|[-–—+•*]\S|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+[.)]\s|"
    r"(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+|Nơi\s*nhận|Noi\s*nhận|Kính\s*gửi|Căn\s*cứ)",
)
_SENTENCE_END = re.compile(r"(?:[.;:!?…]|\./\.|\.\)|;\))[\"”’)]*$")


def _open_start(text: str) -> bool:
    """Starts like the middle of a sentence: lower case, a digit, an opening bracket, a comma."""
    c = text[:1]
    return c.islower() or c.isdigit() or c in '("“‘,;'


_UPPER_HEADER = re.compile(r"^C[ỘO]NG\s*H[ÒOÓ]A\b", re.IGNORECASE)


@dataclass
class _Para:
    parts: list[VLine]
    texts: list[str]
    zone: Zone


def _joinable(
    prev: VLine,
    prev_text: str,
    nxt: VLine,
    nxt_text: str,
    zone: Zone,
    geo: _Geometry,
    group_text: str,
    same_page: bool,
) -> bool:
    if not prev_text or not nxt_text:
        return False
    if prev_text.endswith("\u00ad") or (
        prev_text.endswith("-")
        and not prev_text.endswith(" -")
        and len(prev_text) > 1
        and prev_text[-2].isalnum()
    ):
        return not _LIST_LABEL.match(nxt_text)
    lower_start = _open_start(nxt_text)
    if same_page:
        gap = nxt.top - prev.bottom
        if gap > 1.2 * max(prev.height, nxt.height):
            return False
    if zone is Zone.HEADER_LEFT:
        return lower_start or group_text.lstrip().lower().startswith(("v/v", "về việc"))
    if zone is Zone.HEADER_RIGHT:
        if lower_start:
            return True
        return (
            bool(_UPPER_HEADER.match(group_text)) and "NAM" not in group_text.upper().split()[-1:]
        )
    if zone is Zone.CLOSING_LEFT:
        if _LIST_LABEL.match(nxt_text):
            return False
        return not _SENTENCE_END.search(prev_text) or lower_start
    if zone is Zone.CLOSING_RIGHT:
        return lower_start and not prev_text.isupper()
    if zone is Zone.META:
        return False
    # Body: a list label always starts a new paragraph.
    if _LIST_LABEL.match(nxt_text):
        return False
    ends = bool(_SENTENCE_END.search(prev_text))
    if lower_start and not ends:
        return True
    tol = max(6.0, geo.width * 0.02)
    full = prev.x1 >= geo.right - tol
    not_indented = nxt.x0 <= geo.left + tol
    # A justified line that reaches the right margin, followed by one that starts at the margin
    # without the first-line indent: the paragraph goes on.
    if full and not_indented and (not ends or lower_start or geo.indents):
        return True
    return full and not_indented and not _is_heading(nxt_text) and not ends


def _is_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _join_text(a: str, b: str) -> str:
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalnum():
        return a + b  # "2018-" + "2020", "xanh-" + "sạch-đẹp": the hyphen is part of the word
    return a + " " + b


# --- the whole document -------------------------------------------------------------------------


@dataclass
class Layout:
    lines: list[Line]
    warnings: list[str]


def layout_document(
    pages: Sequence[PageWords],
    *,
    convert: Callable[[list[str]], list[str]] | None = None,
) -> Layout:
    """Words of every page → zoned, joined `Line`s in reading order.

    `convert` maps the visual lines' texts (all pages at once) to their Unicode form, e.g. the
    legacy TCVN3/VNI conversion; it must return as many texts as it was given.
    """
    warnings: list[str] = []
    per_page = _visual_lines(pages, convert)
    if not per_page:
        return Layout([], warnings)
    geos = _page_geometries(per_page)
    first_pw, first_lines = per_page[0]
    # Stamps and marks first, so that they neither start nor end the header columns.
    warnings.extend(_pull_out_stamps(first_pw, first_lines))
    header = mark_header(first_lines, geos[first_pw.number], first_pw.height)
    closing = _closing_block(per_page)
    h_left, h_right = _split_columns(header, Zone.HEADER_LEFT, Zone.HEADER_RIGHT, None)
    c_left, c_right = _closing_columns(closing, geos)
    meta, body = _meta_and_body(per_page, header, closing)
    ordered: list[VLine] = [*meta, *h_left, *h_right, *body, *c_left, *c_right]
    out = [_to_line(para, pages) for para in _paragraphs(ordered, geos)]
    return Layout([ln for ln in out if ln.text], warnings)


def _visual_lines(
    pages: Sequence[PageWords], convert: Callable[[list[str]], list[str]] | None
) -> list[tuple[PageWords, list[VLine]]]:
    """Each page's visual lines, converted to Unicode, without running headers and footers;
    pages left empty are dropped."""
    per_page: list[tuple[PageWords, list[VLine]]] = [
        (pw, group_lines(pw.words, pw.number)) for pw in pages if pw.words
    ]
    if convert is not None:
        all_lines = [ln for _, lines in per_page for ln in lines]
        texts = convert([ln.text for ln in all_lines])
        if len(texts) == len(all_lines):
            for ln, t in zip(all_lines, texts, strict=True):
                if t != ln.text:
                    _retext(ln, t)
    drop_furniture(per_page)
    return [(pw, lines) for pw, lines in per_page if lines]


def _page_geometries(per_page: list[tuple[PageWords, list[VLine]]]) -> dict[int, _Geometry]:
    """The text block of each page, by page number; one for the whole document when it has
    several pages or enough single-segment lines (it is steadier than one page's)."""
    geos = {
        pw.number: _geometry([ln for ln in lines if len(ln.segments) == 1] or lines, pw.width)
        for pw, lines in per_page
    }
    all_single = [ln for _, lines in per_page for ln in lines if len(ln.segments) == 1]
    doc_geo = (
        _geometry(all_single, per_page[0][0].width) if all_single else geos[per_page[0][0].number]
    )
    if len(per_page) > 1 or len(all_single) >= 8:
        geos = {k: doc_geo for k in geos}
    for geo in {id(g): g for g in geos.values()}.values():
        starts = [ln.x0 - geo.left for ln in all_single]
        indented = sum(1 for d in starts if 10 <= d <= 60)
        geo.indents = indented >= 3 and indented >= 0.1 * len(starts)
    return geos


def _pull_out_stamps(first_pw: PageWords, first_lines: list[VLine]) -> list[str]:
    """Short text in the top band of the first page and the field lines of an incoming stamp
    box become META lines (a stamp beside a header element its own line); `first_lines` is
    changed in place and stays sorted top-down. Returns one warning per stamp."""
    warnings: list[str] = []
    stamp_box_until = -1.0
    signature = _signature_block(first_pw, first_lines)
    for ln in list(first_lines):
        if ln.top > first_pw.height * 0.35:
            break
        for seg in list(ln.segments):
            text = clean(_seg_text(seg))
            if id(seg) not in signature and (
                len(text) > 40 or not _is_stamp(text, ln.top <= stamp_box_until)
            ):
                continue
            if re.search(r"ĐẾN", text):
                stamp_box_until = ln.bottom + 4 * ln.height
            if len(ln.segments) == 1:
                ln.zone = Zone.META
            else:  # a stamp beside a header element: pull it out as its own line
                ln.segments = [s for s in ln.segments if s is not seg]
                ln.words = [w for s in ln.segments for w in s]
                ln.text = " ".join(w.text for w in ln.words)
                first_lines.append(_stamp_line(ln.page, seg))
            warnings.append(f"page {ln.page}: stamp or mark read as text, kept as META: {text!r}")
    first_lines.sort(key=lambda v: v.top)
    return warnings


def _signature_block(first_pw: PageWords, first_lines: list[VLine]) -> set[int]:
    """ids of the segments of an unlabelled digital-signature stamp in the top band: its e-mail,
    signing time and time zone lines (`cues.ESIGN_MARK`), and the short lines stacked right
    above them in the same column — the signing body's name ("TRUNG TÂM CÔNG / BÁO VÀ TIN
    HỌC"), which would otherwise pass for the issuing body's parent."""
    found: set[int] = set()
    timed = False  # a signing time among the marks: an e-mail alone may be a letterhead's
    anchors: list[tuple[float, float, float]] = []  # x0, top, line height of stamp segments
    band = [ln for ln in first_lines if ln.top <= first_pw.height * 0.35]
    for ln in reversed(band):  # bottom-up: a stamp's name sits above its marks
        for seg in ln.segments:
            text = clean(_seg_text(seg))
            x0 = seg[0].x0
            stacked = len(text) <= 40 and any(
                abs(x0 - ax) <= ah and -ah / 2 <= atop - ln.bottom <= ah for ax, atop, ah in anchors
            )
            mark = cues.ESIGN_MARK.match(text)
            if mark or stacked:
                found.add(id(seg))
                anchors.append((x0, ln.top, ln.height))
                timed = timed or bool(mark and ":" in text and "@" not in text)
    return found if timed else set()


def _closing_block(per_page: list[tuple[PageWords, list[VLine]]]) -> list[VLine]:
    """The body lines from where the closing starts to the end of the document."""
    closing_at = find_closing([lines for _, lines in per_page])
    if closing_at is None:
        return []
    pi, li = closing_at
    return [
        ln
        for p in range(pi, len(per_page))
        for ln in per_page[p][1][li if p == pi else 0 :]
        if ln.zone is Zone.BODY
    ]


def _split_columns(
    lines: list[VLine], left: Zone, right: Zone, at: float | None
) -> tuple[list[VLine], list[VLine]]:
    """Two-column lines expanded into one visual line per column: cut at `at` (x), or at the
    widest gap of the line."""
    lefts: list[VLine] = []
    rights: list[VLine] = []
    for ln in lines:
        if len(ln.segments) == 1 and ln.zone in (left, right):
            (lefts if ln.zone is left else rights).append(ln)
            continue
        segs = ln.segments
        if at is None:
            gaps = [
                (segs[i + 1][0].x0 - max(w.x1 for w in segs[i]), i) for i in range(len(segs) - 1)
            ]
            cut = max(gaps)[1] + 1 if gaps else len(segs)
        else:
            cut = sum(1 for s in segs if _center(s) < at)
        lw = [w for s in segs[:cut] for w in s]
        rw = [w for s in segs[cut:] for w in s]
        if lw:
            v = _make_vline(ln.page, lw)
            v.text = _texts_of(ln, lw)
            v.zone = left
            lefts.append(v)
        if rw:
            v = _make_vline(ln.page, rw)
            v.text = _texts_of(ln, rw)
            v.zone = right
            rights.append(v)
    return lefts, rights


def _closing_columns(
    closing: list[VLine], geos: dict[int, _Geometry]
) -> tuple[list[VLine], list[VLine]]:
    """Nơi nhận on the left, the signer on the right: a one-segment line goes by its centre."""
    if not closing:
        return [], []
    geo = geos[closing[0].page]
    for ln in closing:
        ln.zone = Zone.CLOSING_LEFT
        if len(ln.segments) == 1:
            ln.zone = Zone.CLOSING_LEFT if _center(ln.words) < geo.center else Zone.CLOSING_RIGHT
    return _split_columns(closing, Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT, geo.center)


def _meta_and_body(
    per_page: list[tuple[PageWords, list[VLine]]], header: list[VLine], closing: list[VLine]
) -> tuple[list[VLine], list[VLine]]:
    """The lines neither in the header nor in the closing: stamps (META) and the body."""
    taken = {id(ln) for ln in header} | {id(ln) for ln in closing}
    body: list[VLine] = []
    meta: list[VLine] = []
    for _, lines in per_page:
        for ln in lines:
            if id(ln) in taken:
                continue
            if ln.zone is Zone.META:
                meta.append(ln)
            else:
                ln.zone = Zone.BODY
                body.append(ln)
    return meta, body


def _texts_of(ln: VLine, words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _stamp_line(page: int, seg: list[Word]) -> VLine:
    v = _make_vline(page, seg)
    v.zone = Zone.META
    return v


def _retext(ln: VLine, text: str) -> None:
    """Put converted text back on the words (same word count: word by word; else on the line)."""
    parts = text.split(" ")
    if len(parts) == len(ln.words):
        for w, t in zip(ln.words, parts, strict=True):
            w.text = t
    else:
        ln.words[0].text = text
        for w in ln.words[1:]:
            w.text = ""
    ln.text = text


def _paragraphs(lines: list[VLine], geos: dict[int, _Geometry]) -> list[_Para]:
    paras: list[_Para] = []
    for ln in lines:
        text = clean(ln.text)
        if not text:
            continue
        if paras:
            cur = paras[-1]
            prev = cur.parts[-1]
            if cur.zone is ln.zone and _joinable(
                prev,
                cur.texts[-1],
                ln,
                text,
                ln.zone,
                geos[ln.page],
                " ".join(cur.texts),
                same_page=prev.page == ln.page,
            ):
                cur.parts.append(ln)
                cur.texts.append(text)
                continue
        paras.append(_Para([ln], [text], ln.zone))
    return paras


def _to_line(para: _Para, pages: Sequence[PageWords]) -> Line:
    text = para.texts[0]
    for t in para.texts[1:]:
        text = _join_text(text, t)
    text = clean(text)
    first = para.parts[0]
    same_page = [p for p in para.parts if p.page == first.page]
    scale = next((pw.scale for pw in pages if pw.number == first.page), 1.0)
    bbox = (
        round(min(p.x0 for p in same_page) * scale, 2),
        round(min(p.top for p in same_page) * scale, 2),
        round(max(p.x1 for p in same_page) * scale, 2),
        round(max(p.bottom for p in same_page) * scale, 2),
    )
    words = [w for p in para.parts for w in p.words if w.text]
    fonts = [w.font for w in words if w.font]
    sizes = [w.size for w in words if w.size]
    font = max(set(fonts), key=fonts.count) if fonts else None
    bold = all("bold" in (w.font or "").lower() for w in words) if fonts else None
    italic = (
        all(any(k in (w.font or "").lower() for k in ("italic", "oblique")) for w in words)
        if fonts
        else None
    )
    return Line(
        text,
        Loc(page=first.page, bbox=bbox),
        zone=para.zone,
        bold=bold,
        italic=italic,
        font=font.split("+", 1)[-1] if font else None,
        size=round(statistics.median(sizes), 1) if sizes else None,
    )
