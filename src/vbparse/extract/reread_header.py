"""A scan's Số line and date line read again: to find a number or a day the page OCR missed,
and to check one it read.

Offices stamp the number after "Số:" (often in blue or violet, an e-office numbering stamp) and
write or stamp the day into "ngày … tháng": the page OCR drops coloured ink and reads the line at
the scan's resolution, so the line is found but its number or day is lost. The line's region is
read again (readers/region.py, through the context) with every ink kept, at each resolution of
`settings.reread.dpis`, by Tesseract's Latin model (its digits are better trained than the
Vietnamese model's). A value is taken only when every reading gives the same one and it fits (a
number of 1 to `number_max_digits` digits, a real day and month of the year already read); it
is marked `low_confidence`, for a clerk to check. Handwritten digits mostly stay unread. A number
or a day the page did read is dropped, flagged `ambiguous`, when no reading gives it again (a
handwritten number read "304", then "2046" and "20/4"): a wrong number is worse for a clerk than a
flagged gap.
(Reading only the blank gap, digits whitelisted, was tried: it read fewer numbers right.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .. import cues
from ..readers.region import RegionRequest
from ..text.normalize import strip_diacritics
from .context import ParseContext
from .refs import find_date

# After "Số:" (read "S6:", "$6;" by the Latin model): digits up to the "/" of the ký hiệu.
_NUMBER = re.compile(r"^\W*\S{1,3}\s*[:;]\s*(\d[\d ]*?)\s*\.?\s*/")
# The year a ký hiệu may carry before its codes ("01/2025/QĐ-TTg").
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*/\s*")
# "ngày 28 tháng 8 năm 2025", diacritics folded: the day, the month (each may be unread).
# A day written in may read as a few signs or letters ("ngayQY thang 3").
_DATE = re.compile(r"ngay\s*(\d*)\D{0,6}?thang\s*(\d*)", re.IGNORECASE)
_STALE = ("ambiguous", "field_partial", "field_blank", "field_missing")


def reread(ctx: ParseContext) -> None:
    if ctx.raw.images is None:
        return
    _number(ctx)
    _date(ctx)


def _readings(
    ctx: ParseContext, field: str, confirms: Callable[[str], bool] | None = None
) -> list[str] | None:
    """The field's line read again at each resolution (its text, diacritics folded); None when
    the line has no place on an OCR'd page. A first reading that `confirms` the value the page
    gave is enough: a second one could not change the outcome (a check costs one reading)."""
    span = ctx.doc.provenance.get(field)
    if span is None or not 0 <= span.line < len(ctx.raw.lines):
        return None
    loc = ctx.raw.lines[span.line].loc  # the reader's line the field was read from
    if loc.page is None or loc.bbox is None:
        return None
    s = ctx.settings.reread
    x0, top, x1, bottom = _row(ctx, loc.page, loc.bbox)
    pad = (bottom - top) * s.pad_share
    texts = []
    for dpi in s.dpis:
        request = RegionRequest(
            loc.page, top - pad, bottom + pad, x0=x0 - s.pad_points,
            x1=x1 + s.pad_points, dpi=dpi, ink="all", psm=s.psm, lang=s.lang,
        )  # fmt: skip
        words = ctx.reread(request)
        if not words:
            return None
        texts.append(strip_diacritics(" ".join(w.text for w in words)))
        if confirms is not None and confirms(texts[0]):
            break
    return texts


def _row(ctx: ParseContext, page: int, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    """The line's box joined with the reader's lines that carry on its row right after it: the
    page OCR may cut "Số:" from its handwritten number and ký hiệu."""
    x0, top, x1, bottom = box
    gap = ctx.settings.reread.row_gap_points
    grown = True
    while grown:
        grown = False
        for line in ctx.raw.lines:
            b = line.loc.bbox
            if line.loc.page != page or b is None or not 0 <= b[0] - x1 <= gap:
                continue
            overlap = min(bottom, b[3]) - max(top, b[1])
            if overlap > ctx.settings.reread.row_overlap * min(bottom - top, b[3] - b[1]):
                x1, top, bottom, grown = b[2], min(top, b[1]), max(bottom, b[3]), True
    return x0, top, x1, bottom


def _agreed(values: list[str | None]) -> str | None:
    """The one value every reading gave, else None."""
    return values[0] if values and values[0] and len(set(values)) == 1 else None


def _settle(ctx: ParseContext, field: str, message: str) -> None:
    """The field's warnings of a value not read replaced by one of a value read again."""
    doc = ctx.doc
    parent = field.split(".")[0]
    doc.warnings = [
        w for w in doc.warnings if w.field not in (field, parent) or w.code not in _STALE
    ]
    doc.warn("low_confidence", message, field)


def _number(ctx: ParseContext) -> None:
    """A number the page OCR missed is taken when every reading agrees on one. A number it did
    read is checked the same way: readings that agree on another number replace it (the page's
    Vietnamese model misreads a stamp's "4" as "1", "0" as "2"); readings where it appears
    nowhere leave it empty with a warning (a wrong number is worse for a clerk than a flagged
    gap)."""
    doc = ctx.doc
    if not doc.number.symbol:
        return
    s = ctx.settings.reread
    # The ký hiệu of the first reading must follow the "/" ("3/62. /QĐ-SYT" is no number 3).
    code = strip_diacritics(doc.number.symbol).upper()[: s.symbol_chars]
    page = doc.number.number
    texts = _readings(
        ctx,
        "number",
        lambda t: page is not None and _number_in(t, code) == page and _seen(page, [t]),
    )
    if texts is None:
        return
    read = [_number_in(t, code) for t in texts]
    fit = [n if n and len(n) <= s.number_max_digits and int(n) else None for n in read]
    number = _agreed(fit)
    if number is not None and number != page:
        doc.number.number = number
        doc.number.raw = f"{number}/{doc.number.symbol}"
        _settle(ctx, "number.number", "the number was read again from the page image")
    elif number is None and page is not None and page.isdigit() and not _seen(page, texts):
        doc.number.number = None
        doc.warn(
            "ambiguous",
            f"the number read on the page ({page}) is not found again in a second reading of "
            f"the Số line ({' | '.join(texts)}): left empty, to be checked on the scan",
            "number.number",
        )


def _seen(number: str, texts: list[str]) -> bool:
    """The number stands, as digits of their own, in some reading of its line."""
    return any(int(d) == int(number) for t in texts for d in re.findall(r"\d+", t))


def _number_in(text: str, code: str) -> str | None:
    """The number of a Số line read again ("S6: 2094. /TB-SYT", "S6: 01/2025/QD-TTg") when the
    ký hiệu's first letters follow it."""
    m = _NUMBER.match(text)
    if m is None:
        return None
    rest = _YEAR.sub("", text[m.end() :]).upper()
    return m.group(1).replace(" ", "") if rest.startswith(code) else None


def _date(ctx: ParseContext) -> None:
    doc = ctx.doc
    partial = doc.issued.date
    if not partial:
        return
    full = len(partial.split("-")) > 2
    page_day = partial.rsplit("-", 1)[1] if full else ""

    def confirms(text: str) -> bool:
        m = _DATE.search(text)
        return full and m is not None and m.group(1).isdigit() and int(m.group(1)) == int(page_day)

    texts = _readings(ctx, "issued", confirms)
    if texts is None:
        return
    found = [_DATE.search(t) for t in texts]
    if full:
        _check_day(ctx, [m.group(1) if m else None for m in found])
        return
    day = _agreed([m.group(1) if m else None for m in found])
    year, _, month = partial.partition("-")
    month = month or _agreed([m.group(2) if m else None for m in found]) or ""
    most = ctx.settings.reread.day_max_digits
    if len(month) > most:
        return
    iso = _iso(year, month, day) if day is not None and len(day) <= most else None
    if iso is not None:
        doc.issued.date = iso
        _settle(ctx, "issued.date", "the day was read again from the page image")
    elif partial == year and _iso(year, month, "1") is not None:
        # The day stays unread, the month stamped or written in is read: the date as far as read.
        doc.issued.date = f"{year}-{int(month):02d}"
        _settle(ctx, "issued.date", "the month was read again from the page image; the day not")
        doc.warn("field_partial", f"the day could not be read: the date is given as "
                 f"{doc.issued.date}", "issued.date")  # fmt: skip


def _check_day(ctx: ParseContext, days: list[str | None]) -> None:
    """A day the page OCR read that every second reading gives otherwise (a day written in by
    hand: "13" read "03", then "45" twice) is dropped, flagged: the date stays year and month."""
    doc = ctx.doc
    assert doc.issued.date is not None
    page_day = int(doc.issued.date.rsplit("-", 1)[1])
    read = [d for d in days if d]
    if not read or len(read) != len(days) or any(int(d) == page_day for d in read):
        return
    doc.issued.date = doc.issued.date.rsplit("-", 1)[0]
    doc.warn(
        "ambiguous",
        f"the day read on the page ({page_day}) differs from a second reading of the date line "
        f"({', '.join(read)}): the date is given as {doc.issued.date}, to be checked on the scan",
        "issued.date",
    )


def _iso(year: str, month: str, day: str) -> str | None:
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # no such day (0, 32, 30 February)
        return None


def annex_reference(ctx: ParseContext) -> None:
    """A number or day the header left unread (written in by hand) taken from an annex that
    names this document: "(Kèm theo Công văn số: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)" typed
    under the annex's heading. Only a reference to this document's own ký hiệu whose date agrees
    with what the header did read (its year, its month) counts, marked `low_confidence`."""
    doc = ctx.doc
    symbol = doc.number.symbol
    partial = doc.issued.date or ""
    # Without the year the header read, any reference to the same ký hiệu would do: none is taken.
    if not symbol or not partial or (doc.number.number is not None and partial.count("-") == 2):
        return
    own = _compact(symbol)
    for line in ctx.lines[ctx.header_end or 0 :]:
        for m in cues.ANNEXED_TO_REF.finditer(line.text):
            number, iso = _reference(m.group("ref"), own)
            if iso is not None and iso.startswith(partial):
                _take_reference(ctx, number, iso)
                return


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", strip_diacritics(text)).upper()


def _reference(ref: str, own: str) -> tuple[str | None, str | None]:
    """(the number, the ISO date) of a reference to the ký hiệu `own` ("5689/BCA-C04 ngày …");
    (None, None) for a reference to another document."""
    m = re.match(r"\s*(\d*)\s*/\s*(\S+)", ref)
    # The whole ký hiệu, not a prefix: "45/UBND-VX" is another document than "…/UBND".
    if m is None or _compact(m.group(2)).rstrip(").,;:") != own:
        return None, None
    found = find_date(ref[m.end() :])
    return m.group(1) or None, found.iso if found else None


def _take_reference(ctx: ParseContext, number: str | None, iso: str) -> None:
    doc = ctx.doc
    if (
        doc.number.number is None
        and number
        and len(number) <= ctx.settings.reread.number_max_digits
    ):
        doc.number.number = number
        doc.number.raw = f"{number}/{doc.number.symbol}"
        _settle(ctx, "number.number", "the number was taken from an annex naming this document")
    if (doc.issued.date or "").count("-") < 2:
        doc.issued.date = iso
        _settle(ctx, "issued.date", "the date was taken from an annex naming this document")
