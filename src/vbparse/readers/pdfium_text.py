"""Words with their boxes, font and size from PDFium's text layer (pypdfium2).

PDFium gives each character its box in one pass of C calls — an order of magnitude faster than
pdfminer's layout analysis — and keeps a glyph's combining marks with their letter where
pdfminer splits Word-made Vietnamese PDFs into "TH Ủ TƯỚ NG". Characters are grouped into words
at spaces, at line changes and at horizontal gaps wider than a space of that size.
"""

from __future__ import annotations

import ctypes
import unicodedata
from typing import Any

from .wordlines import Word

GAP = 0.3  # a horizontal gap wider than this many font sizes (a wide space) separates two words
_BREAKS = {" ", "\t", "\r", "\n", "\x02", "\xa0", "\ufffe"}


def _font_name(textpage: Any, index: int) -> str | None:
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, None, 0, None)
    if size <= 0:
        return None
    buf = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, size, None)
    return buf.value.decode("utf-8", "replace") or None


def page_words(page: Any) -> list[Word]:
    """The words of one pypdfium2 page, top-left origin like pdfplumber's (points)."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n else ""
        if len(text) != n:  # characters outside the BMP: read them one by one
            text = "".join(textpage.get_text_range(i, 1) or "\ufffe" for i in range(n))
        words: list[Word] = []
        chars: list[str] = []
        box: list[float] = []  # left, bottom, right, top of the word so far
        start = 0
        size = 0.0

        def flush() -> None:
            if chars and box:
                word = unicodedata.normalize("NFC", "".join(chars)).strip()
                if word:
                    words.append(
                        Word(
                            word,
                            box[0],
                            height - box[3],
                            box[2],
                            height - box[1],
                            font=_font_name(textpage, start),
                            size=size or None,
                        )
                    )
            chars.clear()
            box.clear()

        for i, ch in enumerate(text):
            if ch in _BREAKS or unicodedata.category(ch) == "Zs":
                flush()
                continue
            if unicodedata.combining(ch) and chars:
                chars.append(ch)  # a mark drawn as its own glyph belongs to its letter
                continue
            # Loose boxes span the font's ascent and descent: a dash or a quote gets the height of
            # its line, not of its ink.
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            # Text drawn at size 1 and scaled by its matrix reports size 1: the box tells then.
            ch_size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
            if ch_size < 4:
                ch_size = 0.7 * (top - bottom)
            if box:
                gap = left - box[2]
                # Another line when the boxes do not overlap vertically (quotes and marks sit
                # high, so baselines alone would split "không”").
                slack = 0.2 * max(size, 1.0)
                new_line = bottom > box[3] + slack or top < box[1] - slack
                if new_line or gap > GAP * max(size, ch_size, 1.0) or gap < -2 * max(size, 1.0):
                    flush()
            if not box:
                box.extend((left, bottom, right, top))
                start, size = i, ch_size
            else:
                box[0], box[1] = min(box[0], left), min(box[1], bottom)
                box[2], box[3] = max(box[2], right), max(box[3], top)
            chars.append(ch)
        flush()
        return words
    finally:
        textpage.close()


def page_images(page: Any) -> list[tuple[float, float, float, float, int]]:
    """(x0, top, x1, bottom, pixel width) of each image drawn on the page."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    out = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        try:
            px = int(obj.get_px_size()[0])
        except Exception:  # an image whose size pdfium cannot tell: only its area counts
            px = 0
        out.append((left, height - top, right, height - bottom, px))
    return out
