"""A second, targeted reading of a scanned page's signer block (chức vụ, họ tên).

The whole-page OCR (`ocr.py`) drops coloured ink so that a red seal and a blue signature do not
garble the text around them; but many offices stamp the signer's title and name in the same red
as the seal ("PHÓ GIÁM ĐỐC" / "Nguyễn Trúc Giang"), and a name half under a seal is lost to page
layout analysis. This module reads one region again: rendered from the PDF at a higher
resolution, black and red ink kept, blue (the handwritten signature) dropped, Tesseract told the
region is one block of text. The extractor asks for it only when the signer is missing, and only
for the closing region of one page, so the cost stays one small render and one OCR call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.normalize import clean
from .base import Line, Loc, Zone
from .wordlines import Word, group_lines

if TYPE_CHECKING:
    from PIL.Image import Image

REGION_DPI = 300  # office scans are 200 dpi: Tesseract reads their bold names better upscaled
BLOCK_PSM = 6  # one uniform block: the region holds one column
MIN_CONF = 30.0  # words under this are a seal's rim or a signature stroke


def keep_print_and_red(img: Image) -> Image:
    """Grey scale where black print and red ink are dark and blue ink is paper: the title and
    name stamped in red stay, the blue signature over them goes. A grey page passes as it is."""
    import numpy as np
    from PIL import Image as PILImage

    if img.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return img.convert("L")
    rgb = np.asarray(img.convert("RGB")).astype(np.int16)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    red = r - np.maximum(g, b) > 60
    blue = b - r > 40
    grey = np.minimum(np.minimum(r, g), b)  # darkest channel: red ink reads as dark as black
    out = np.where(blue & ~red, 255, np.where(red, np.minimum(g, b), grey))
    return PILImage.fromarray(out.clip(0, 255).astype(np.uint8))


def read_region(
    path: str, page: int, top: float, bottom: float, *, left: float = 0.4, dpi: float = REGION_DPI
) -> list[Line]:
    """The lines between `top` and `bottom` (points from the top) on the 1-based `page` of a
    PDF, right of `left` (a fraction of the page width), read again by OCR; [] when the file
    cannot be rendered or Tesseract is missing."""
    from .ocr import require_tesseract

    try:
        import pypdfium2 as pdfium

        engine = require_tesseract(path)
        doc = pdfium.PdfDocument(path)
    except Exception:  # no renderer, no Tesseract, a file gone: the first reading stands
        return []
    try:
        if not 1 <= page <= len(doc):
            return []
        pdf_page = doc[page - 1]
        width, height = pdf_page.get_size()
        x0, top, bottom = width * left, max(0.0, top), min(height, bottom)
        if bottom - top < 20:
            return []
        # pdfium crops by (left, bottom, right, top) margins in points.
        img = pdf_page.render(scale=dpi / 72, crop=(x0, height - bottom, 0, top)).to_pil()
        pdf_page.close()
    finally:
        doc.close()
    words = [
        w
        for w in engine.words(keep_print_and_red(img), BLOCK_PSM)
        if (w.conf or 0) >= MIN_CONF and any(ch.isalpha() for ch in w.text)
    ]
    return _lines(words, page, 72 / dpi, (x0, top))


def _lines(words: list[Word], page: int, scale: float, origin: tuple[float, float]) -> list[Line]:
    """Words → lines in reading order, boxes in page points."""
    out = []
    for vline in group_lines(words, page):
        text = clean(" ".join(w.text for w in vline.words))
        box = (
            origin[0] + vline.x0 * scale,
            origin[1] + vline.top * scale,
            origin[0] + vline.x1 * scale,
            origin[1] + max(w.bottom for w in vline.words) * scale,
        )
        out.append(Line(text, Loc(page=page, bbox=box), Zone.CLOSING_RIGHT))
    return out
