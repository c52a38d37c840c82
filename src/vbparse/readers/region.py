"""One region of a scanned page read again by OCR: the one mechanism behind every re-read.

The whole-page OCR (`ocr.py`) drops coloured ink so that a red seal and a blue signature do not
garble the text around them, reads at the page's own resolution and lets Tesseract lay the page
out. Some fields suffer from all three: a signer's title and name stamped in red, a name lost by
page layout under a seal, a number stamped in blue after "Số:", a day written in the gap of
"ngày … tháng". A re-read is a `RegionRequest` — this box of page N, at this resolution, with this
ink kept, this page segmentation and these characters — answered by `read_image` on a picture of
that box. `PageImages` (kept on the `RawDocument`, built from the file's bytes, never from its
path) renders the box again; the page OCR passes the crop of the page it is reading.
Extractors ask through their context (`ParseContext.reread`), so they do no I/O of their own.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..text.normalize import clean
from .base import Line, Loc, Zone

if TYPE_CHECKING:
    from PIL.Image import Image
    from pypdfium2 import PdfDocument

    from .ocr_engine import Engine
    from .wordlines import Word

Ink = Literal["print", "print_and_red", "all", "as_is"]

REGION_DPI = 300  # office scans are 200 dpi: Tesseract reads their bold names better upscaled
BLOCK_PSM = 6  # one uniform block: a region holding one column
A4_WIDTH_IN = 8.27  # a photo without resolution is taken to fill an A4 page's width


@dataclass(frozen=True)
class RegionRequest:
    """What to read again: a box of one page and how to read it.

    `page` is 1-based; `top`/`bottom`/`x0`/`x1` in page points (x1 None: the page's right edge);
    `left_share` moves the left edge to at least that share of the page width. `ink`: "print"
    drops coloured ink as the page OCR does, "print_and_red" keeps red stamps and drops blue
    signatures, "all" keeps every ink (a number stamped in blue or violet). `whitelist`: the only
    characters Tesseract may answer (digits for a number or a day). `lang`: another Tesseract
    model than the page's Vietnamese one ("eng" reads stamped and written digits better)."""

    page: int
    top: float
    bottom: float
    x0: float = 0.0
    x1: float | None = None
    left_share: float = 0.0
    dpi: float = REGION_DPI
    ink: Ink = "print"
    psm: int = BLOCK_PSM
    whitelist: str | None = None
    min_conf: float = 0.0
    lang: str | None = None


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


def keep_all_ink(img: Image) -> Image:
    """Grey scale from the darkest channel: ink of any colour (a blue number stamp, a red or
    violet day written in) reads as dark as print."""
    from PIL import ImageChops

    if img.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return img.convert("L")
    r, g, b = img.convert("RGB").split()
    return ImageChops.darker(ImageChops.darker(r, g), b)


def _inked(img: Image, ink: Ink) -> Image:
    if ink == "print_and_red":
        return keep_print_and_red(img)
    if ink == "all":
        return keep_all_ink(img)
    if ink == "print":
        from .ocr_engine import ink_only

        return ink_only(img)
    return img


def read_image(img: Image, request: RegionRequest, engine: Engine) -> list[Word]:
    """The words Tesseract reads in `img` (the request's box, already cut out), in the image's
    pixels, the request's ink, segmentation, characters and confidence applied."""
    words = engine.words(
        _inked(img, request.ink), request.psm, whitelist=request.whitelist, lang=request.lang
    )
    return [w for w in words if (w.conf or 0) >= request.min_conf and w.text.strip()]


class PageImages:
    """The pages of a scanned PDF or an image, rendered again on request from the file's bytes
    (kept in memory; nothing is decoded until a region is asked for)."""

    def __init__(self, fmt: str, data: bytes, name: str) -> None:
        self.format, self._data, self._name = fmt, data, name
        self._doc: PdfDocument | None = None

    def _pdf(self) -> PdfDocument:
        """The PDF, opened on the first request and kept for the next ones (a header, a signer
        and each page's pictures are asked for in turn)."""
        if self._doc is None:
            import pypdfium2 as pdfium

            self._doc = pdfium.PdfDocument(self._data)
        return self._doc

    def words(self, request: RegionRequest) -> list[Word]:
        """The words of the request's box, their boxes in page points; [] when the page cannot
        be rendered or Tesseract is missing (the first reading then stands)."""
        from .ocr_engine import require_tesseract

        try:
            engine = require_tesseract(self._name)
            found = self._render(request)
        except Exception:  # no renderer, no Tesseract, a page gone: the first reading stands
            return []
        if found is None:
            return []
        img, origin, scale = found
        out = []
        for w in read_image(img, request, engine):
            w.x0, w.x1 = origin[0] + w.x0 * scale, origin[0] + w.x1 * scale
            w.top, w.bottom = origin[1] + w.top * scale, origin[1] + w.bottom * scale
            out.append(w)
        return out

    def pictures(self, page: int) -> tuple[float, list[tuple[float, float, float, float]]]:
        """(the page's width, the boxes (x0, top, x1, bottom) of the pictures drawn on it), in
        points, for a PDF page; (0, []) for another format or a page that cannot be opened."""
        if self.format != "pdf":
            return 0.0, []
        import pypdfium2 as pdfium

        from .pdfium_text import page_images

        try:
            doc = self._pdf()
        except pdfium.PdfiumError:
            return 0.0, []
        if not 1 <= page <= len(doc):
            return 0.0, []
        pdf_page = doc[page - 1]
        width = pdf_page.get_width()
        boxes = [box[:4] for box in page_images(pdf_page)]
        pdf_page.close()
        return width, boxes

    def _render(self, req: RegionRequest) -> tuple[Image, tuple[float, float], float] | None:
        """(picture of the box, its top-left corner in points, points per picture pixel)."""
        if self.format == "pdf":
            return self._render_pdf(req)
        if self.format == "image":
            return self._render_image(req)
        return None

    @staticmethod
    def _box(req: RegionRequest, width: float, height: float) -> tuple[float, ...] | None:
        x0 = max(0.0, req.x0, width * req.left_share)
        x1 = min(width, req.x1 if req.x1 is not None else width)
        top, bottom = max(0.0, req.top), min(height, req.bottom)
        if x1 - x0 < 4 or bottom - top < 4:
            return None
        return x0, top, x1, bottom

    def _render_pdf(self, req: RegionRequest) -> tuple[Image, tuple[float, float], float] | None:
        doc = self._pdf()
        if not 1 <= req.page <= len(doc):
            return None
        page = doc[req.page - 1]
        width, height = page.get_size()
        box = self._box(req, width, height)
        if box is None:
            return None
        x0, top, x1, bottom = box
        # pdfium crops by (left, bottom, right, top) margins in points.
        crop = (x0, height - bottom, width - x1, top)
        img = page.render(scale=req.dpi / 72, crop=crop).to_pil()
        page.close()
        return img, (x0, top), 72 / req.dpi

    def _render_image(self, req: RegionRequest) -> tuple[Image, tuple[float, float], float] | None:
        from PIL import Image as PILImage
        from PIL import ImageSequence

        img = PILImage.open(io.BytesIO(self._data))
        for n, frame in enumerate(ImageSequence.Iterator(img), start=1):
            if n != req.page:
                continue
            ppp = points_per_pixel(frame)
            box = self._box(req, frame.width * ppp, frame.height * ppp)
            if box is None:
                return None
            pixels = tuple(round(v / ppp) for v in box)
            zoom = max(1.0, req.dpi * ppp / 72)  # never below the picture's own resolution
            part = frame.crop(pixels)  # type: ignore[arg-type]
            part = part.resize((round(part.width * zoom), round(part.height * zoom)))
            return part, (box[0], box[1]), ppp / zoom
        return None


def points_per_pixel(frame: Image) -> float:
    """Page points per pixel of a picture: from its resolution, else as if it filled an A4
    page's width."""
    dpi = frame.info.get("dpi")
    if dpi and float(dpi[0]) > 30:
        return 72 / float(dpi[0])
    return 72 / max(30.0, min(frame.size) / A4_WIDTH_IN)


def as_lines(words: list[Word], page: int, zone: Zone = Zone.CLOSING_RIGHT) -> list[Line]:
    """Words (boxes in page points) → lines in reading order."""
    from .wordlines import group_lines  # the layout's patterns: only when a scan is re-read

    out = []
    for vline in group_lines(words, page):
        text = clean(" ".join(w.text for w in vline.words))
        box = (vline.x0, vline.top, vline.x1, max(w.bottom for w in vline.words))
        out.append(Line(text, Loc(page=page, bbox=box), zone))
    return out


# --- the signer block, re-read while its page is OCR'd ------------------------------------------

# Words of a signer's title ("PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG PHÒNG"), diacritics folded.
_TITLE_WORDS = {"GIAM", "DOC", "CHU", "TICH", "TRUONG", "CHANH", "HIEU", "BI", "THU", "VIEN"}
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")
# How: the crop is of the page being read (its coloured ink already dropped), one block.
_SIGNER_BLOCK = RegionRequest(page=0, top=0.0, bottom=math.inf, ink="as_is", psm=BLOCK_PSM)


def reread_signature(img: Image, words: list[Word], engine: Engine) -> list[Word]:
    """The signer's name under a seal and a signature is often lost by whole-page layout
    analysis. When a title stands in the right half with no name-like words under it, the
    block under the title is read again on its own (one small extra Tesseract call) from the
    page picture being read (its coloured ink already dropped)."""
    from ..text.normalize import strip_diacritics

    width, height = img.width, img.height
    titles = [
        w
        for w in words
        if w.x0 > width * 0.4
        and w.top > height * 0.25
        and strip_diacritics(w.text).upper().strip(".,:") in _TITLE_WORDS
        and w.text.isupper()
    ]
    if len(titles) < 2:
        return []
    bottom = max(w.bottom for w in titles)
    below = (bottom, min(height, bottom + height * 0.25))
    if any(
        _NAME_WORD.match(w.text) and w.x0 > width * 0.4 and below[0] < w.top < below[1]
        for w in words
    ):
        return []
    x0 = int(width * 0.4)
    crop = img.crop((x0, int(below[0]), width, int(below[1])))
    out = []
    for word in read_image(crop, _SIGNER_BLOCK, engine):
        word.x0, word.x1 = word.x0 + x0, word.x1 + x0
        word.top, word.bottom = word.top + below[0], word.bottom + below[0]
        # Seal rims and signature strokes read as digits and signs: only words are kept.
        if (word.conf or 0) >= 40 and sum(ch.isalpha() for ch in word.text) >= 2:
            out.append(word)
    return out
