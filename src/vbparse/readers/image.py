"""Photos and scans of documents (.png, .jpg, .tif — multi-page TIFF too) through Tesseract.

Each image (each TIFF frame) is one page; `ocr.py` straightens and reads it, and
`wordlines.layout_document` rebuilds the header and closing columns as for a PDF.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from . import blank, limits
from .base import PageInfo, RawDocument, ReadError
from .region import points_per_pixel
from .wordlines import PageWords, layout_document

if TYPE_CHECKING:
    from PIL.Image import Image


def _within_page_pixels(frame: Image, ppp: float) -> tuple[Image, float, bool]:
    """(frame, points per pixel, whether it was scaled down) within the rendered-page limit."""
    most = limits.current().page_pixels
    pixels = frame.width * frame.height
    if pixels <= most:
        return frame, ppp, False
    factor = (most / pixels) ** 0.5
    size = (max(1, int(frame.width * factor)), max(1, int(frame.height * factor)))
    return frame.resize(size), ppp / factor, True


def read(path: Path, data: bytes) -> RawDocument:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from . import ocr

    name = str(path)
    ocr.require_tesseract(name)
    # Pillow's own bomb check is replaced by the named limit, checked before pixels are decoded.
    Image.MAX_IMAGE_PIXELS = None
    try:
        img = Image.open(io.BytesIO(data))
        limits.check_image_size(name, *img.size)
        img.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ReadError(name, "corrupt", f"is not a readable image ({exc})") from exc
    pages: list[PageWords] = []
    infos: list[PageInfo] = []
    warnings: list[str] = []
    for n, frame in enumerate(ImageSequence.Iterator(img), start=1):
        if n > limits.current().ocr_pages:
            warnings.append(
                f"only the first {n - 1} frames were read (raise the limit with --max-pages)"
            )
            break
        limits.check_image_size(name, *frame.size)
        frame = frame.copy()
        ppp = points_per_pixel(frame)  # as a region re-read maps points back to pixels
        ink = blank.image_ink_share(frame)
        if ink < blank.BLANK_INK_SHARE:
            info = PageInfo(n, "ocr", notes=[blank.note(ink)])
            pages.append(PageWords(n, float(frame.width), float(frame.height), [], scale=ppp))
            infos.append(info)
            continue
        frame, ppp, fitted = _within_page_pixels(frame, ppp)
        # A picture scaled down to the limit is not upscaled again for OCR (×3 a side at most).
        pw, info = ocr.ocr_image(frame, n, name, points_per_pixel=ppp, allow_upscale=not fitted)
        if fitted:
            info.notes.append("scaled down to stay within the pixel limit")
        pages.append(pw)
        infos.append(info)
    layout = layout_document(pages)
    if not any(line.text for line in layout.lines):
        raise ReadError(
            name, "no_text", "no text was found in the image (blank, or not a document)"
        )
    return RawDocument(
        path=name,
        format="image",
        lines=layout.lines,
        pages=infos,
        warnings=warnings + layout.warnings,
    )
