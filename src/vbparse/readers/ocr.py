"""OCR with Tesseract for scanned PDF pages and photos of documents (shared by pdf.py, image.py).

Per page: grey scale (a PDF page is rendered once, in colour, and made grey in Pillow, its
coloured ink dropped unless its pictures are grey); rotation by quarter turns from
Tesseract's orientation detection (OSD), asked only when the text lines run up and down or the
reading is poor; small skew by a projection profile on a downscaled binarised copy (Pillow +
numpy); small text (phone photos, 100-150 dpi equivalents) enlarged so that diacritics have
enough pixels; then Tesseract's words with boxes and confidences, which
`wordlines.layout_document` turns into zoned lines exactly as it does for a PDF text layer.
A PDF page's geometry is measured on a small copy of its render (`_probe`), and the full-size
page only turned and enlarged as that says. Tesseract runs in process through its C API
(ctypes, the system's libtesseract: pixels in memory, the model loaded once per process); the
tesseract program through pytesseract is the fallback (both in `ocr_engine.py`, which the region
re-reads share).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..settings import OcrSettings, current
from .base import PageInfo
from .ocr_engine import Engine, ink_only, require_tesseract
from .wordlines import PageWords, Word

if TYPE_CHECKING:
    from PIL.Image import Image

# --- image preparation --------------------------------------------------------------------------


def _binarise(gray: Any) -> Any:
    """Otsu threshold of a grey numpy array → bool array, True for ink."""
    import numpy as np

    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    cum = np.cumsum(hist)
    cum_mean = np.cumsum(hist * np.arange(256))
    mean = cum_mean[-1] / total
    w0 = cum / total
    w1 = 1.0 - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean * w0 - cum_mean / total) ** 2 / (w0 * w1)
    if not np.isfinite(between).any():  # one grey level: a blank page
        return np.zeros(gray.shape, dtype=bool)
    t = int(np.nanargmax(np.where(np.isfinite(between), between, np.nan)))
    return gray <= t


def _ink_mask(img: Image) -> Image:
    """A downscaled binarised copy (ink white), for the cheap page-geometry tests."""
    import numpy as np
    from PIL import Image as PILImage

    small = img.copy()
    small.thumbnail((1000, 1000))
    ink = _binarise(np.asarray(small))
    return PILImage.fromarray((ink * 255).astype(np.uint8))


def _profile_sharpness(mask: Image, angle: float = 0.0, axis: int = 1) -> float:
    """How sharply the ink alternates between lines and gaps along one axis (axis=1: rows)."""
    import numpy as np
    from PIL import Image as PILImage

    rot = mask.rotate(angle, resample=PILImage.Resampling.NEAREST) if angle else mask
    profile = np.asarray(rot).mean(axis=axis, dtype=np.float64)
    return float(np.mean(np.diff(profile) ** 2)) if len(profile) > 1 else 0.0


def lines_run_across(mask: Image) -> bool:
    """Text lines run across the picture (upright or upside down), not up and down: the row
    profile alternates more sharply than the column profile. Cheap; decides whether the
    orientation detector has to run before recognition."""
    return _profile_sharpness(mask, axis=1) >= _profile_sharpness(mask, axis=0)


def estimate_skew(
    img: Image | None, max_angle: float | None = None, mask: Image | None = None
) -> float:
    """Skew in degrees (counter-clockwise positive, as PIL rotates) by projection profile.
    (A shortcut that called a page straight when 0° beat ±0.5° missed the 0.2-0.3° skews the
    full search corrects, and cost field accuracy on the scans: the search always runs.)"""
    assert img is not None or mask is not None
    most = current().ocr.max_skew if max_angle is None else max_angle
    return _InkPoints(mask if mask is not None else _ink_mask(img)).skew(most)  # type: ignore[arg-type]


class _InkPoints:
    """The ink pixels of a mask, for profiles of the mask turned by small angles: the pixels
    are projected instead of the picture being rotated (PIL's rotate for each of the 43 angles
    tried was most of the page preparation's time)."""

    def __init__(self, mask: Image) -> None:
        import numpy as np

        ys, xs = np.nonzero(np.asarray(mask))
        self.width, self.height = mask.width, mask.height
        # Centred on the picture's middle, as PIL rotates (pixel centres at +0.5).
        self.x = xs + 0.5 - self.width / 2
        self.y = ys + 0.5 - self.height / 2

    def rows(self, angle: float) -> Any:
        """Share of ink in each row of the mask turned `angle` degrees counter-clockwise about
        its centre, its size kept (ink turned out of the frame is lost, as in PIL's rotate)."""
        import math

        import numpy as np

        rad = math.radians(angle)
        cos, sin = math.cos(rad), math.sin(rad)
        col = np.floor(self.x * cos + self.y * sin + self.width / 2).astype(np.int64)
        row = np.floor(-self.x * sin + self.y * cos + self.height / 2).astype(np.int64)
        inside = (col >= 0) & (col < self.width) & (row >= 0) & (row < self.height)
        return np.bincount(row[inside], minlength=self.height) / max(1, self.width)

    def sharpness(self, angle: float) -> float:
        """How sharply ink and gaps alternate along the profile (as `_profile_sharpness`)."""
        import numpy as np

        profile = self.rows(angle)
        return float(np.mean(np.diff(profile) ** 2)) if len(profile) > 1 else 0.0

    def skew(self, max_angle: float) -> float:
        """The angle in [-max_angle, max_angle] that makes the profile sharpest: half-degree
        steps, then tenths around the best."""
        import numpy as np

        def best(angles: Any) -> float:
            return float(max((self.sharpness(float(a)), a) for a in angles)[1])

        coarse = best(np.arange(-max_angle, max_angle + 0.01, 0.5))
        return round(best(np.arange(coarse - 0.5, coarse + 0.51, 0.1)), 2)


def orientation(img: Image, engine: Engine) -> int:
    """Quarter turns (0/90/180/270, clockwise) that put the page upright, from Tesseract OSD."""
    side = current().ocr.osd_pixels
    small = img.copy()
    small.thumbnail((side, side))
    return engine.orientation(small)


def _text_height(img: Image) -> float | None:
    """Median height of the ink runs in a column profile: roughly the text size in pixels."""
    import numpy as np

    return _line_height(_binarise(np.asarray(img)).mean(axis=1))


def _line_height(rows: Any) -> float | None:
    """Median height of the runs of inked rows (over 1 % ink) of a row profile."""
    import numpy as np

    inked = rows > 0.01
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inked.astype(np.int8), [0]))))
    runs = edges[1::2] - edges[::2]
    runs = runs[runs >= 3]
    if len(runs) < 5:
        return None
    return float(np.median(runs))


_JUNK = re.compile(r"^[_|/\\⁄'`\"^.,:;~=]+$")
_DASHES = {"~": "-", "—": "-", "–": "-", "=": "-"}


@dataclass
class Prepared:
    image: Image
    rotation: int
    skew: float
    scale: float  # prepared pixels per original pixel


def prepare(img: Image, engine: Engine, *, allow_upscale: bool = True) -> Prepared:
    """Grey, upright, straight and large enough for Tesseract. The orientation detector runs
    only when the text lines run up and down (a quarter turn); upside-down pages are caught
    after recognition, by their low confidence (see `ocr_image`)."""
    from PIL import ImageOps

    gray = ink_only(ImageOps.exif_transpose(img) or img)
    mask = _ink_mask(gray)
    rotation = 0
    if not lines_run_across(mask):
        rotation = orientation(gray, engine)
        if rotation:
            gray = gray.rotate(-rotation, expand=True, fillcolor=255)
            mask = _ink_mask(gray)
    return _straighten(gray, rotation, mask, allow_upscale=allow_upscale)


def _straighten(gray: Image, rotation: int, mask: Image, *, allow_upscale: bool) -> Prepared:
    s = current().ocr
    skew = estimate_skew(gray, mask=mask)
    if abs(skew) >= s.min_skew:
        gray = _deskew(gray, skew)
    else:
        skew = 0.0  # not turned: no "deskewed by" note either
    scale = 1.0
    if allow_upscale:
        h = _text_height(gray)
        if h and h < s.target_text_height * s.small_text_share:
            scale = min(s.max_upscale, s.target_text_height / h)
    return _turn_and_enlarge(gray, rotation, 0.0, scale, skew)


def _turn_and_enlarge(
    gray: Image, rotation: int, turn: float, scale: float, skew: float | None = None
) -> Prepared:
    """The page turned `turn` degrees (Pillow's bicubic: pdfium's own turned render was blurrier
    and lost field accuracy on the scans; a turn by nearest pixels, ten times cheaper, lost
    .03 of the scans' field accuracy) and enlarged `scale` times (Lanczos)."""
    from PIL import Image as PILImage

    if turn:
        gray = _deskew(gray, turn)
    if scale != 1.0:
        size = (round(gray.width * scale), round(gray.height * scale))
        gray = gray.resize(size, PILImage.Resampling.LANCZOS)
    return Prepared(gray, rotation, turn if skew is None else skew, scale)


def _deskew(gray: Image, angle: float) -> Image:
    """The page turned `angle` degrees counter-clockwise (bicubic), paper white around it."""
    from PIL import Image as PILImage

    return gray.rotate(angle, resample=PILImage.Resampling.BICUBIC, expand=True, fillcolor=255)


# --- recognition --------------------------------------------------------------------------------


def _recognise(engine: Engine, img: Image) -> list[Word]:
    words = []
    for word in engine.words(img, current().ocr.psm):
        if word.conf is None or word.conf < 0:
            continue
        word.text = _DASHES.get(word.text, word.text)
        if _JUNK.match(word.text):  # specks, rules, stamp borders read as punctuation
            continue
        words.append(word)
    return words


def _mean_conf(words: list[Word]) -> float:
    return statistics.fmean(w.conf or 0.0 for w in words) if words else 0.0


def ocr_image(
    img: Image, number: int, path: str, *, points_per_pixel: float, allow_upscale: bool = True
) -> tuple[PageWords, PageInfo]:
    """One page image → its words (coordinates in the prepared image) and the page facts."""
    engine = require_tesseract(path)
    prep = prepare(img, engine, allow_upscale=allow_upscale)
    return _read_prepared(prep, engine, number, points_per_pixel)


def _read_prepared(
    prep: Prepared, engine: Engine, number: int, points_per_pixel: float
) -> tuple[PageWords, PageInfo]:
    words = _recognise(engine, prep.image)
    if not prep.rotation and _mean_conf(words) < current().ocr.low_confidence:
        # Poor reading of a page whose lines run across: it may be upside down.
        turn = orientation(prep.image, engine)
        if turn:
            turned = prep.image.rotate(-turn, expand=True, fillcolor=255)
            prep = _straighten(turned, turn, _ink_mask(turned), allow_upscale=False)
            words = _recognise(engine, prep.image)
    from .region import reread_signature

    words.extend(reread_signature(prep.image, words, engine))
    confs = [w.conf or 0.0 for w in words]
    info = PageInfo(
        number,
        "ocr",
        confidence=round(statistics.fmean(confs), 1) if confs else None,
        rotation=prep.rotation,
    )
    if prep.skew:
        info.notes.append(f"deskewed by {prep.skew:+.2f}°")
    if prep.scale != 1.0:
        info.notes.append(f"upscaled ×{prep.scale:.2f} for OCR")
    pw = PageWords(
        number,
        float(prep.image.width),
        float(prep.image.height),
        words,
        scale=points_per_pixel / prep.scale,
    )
    return pw, info


def _grey_page(page: Any) -> bool:
    """The page shows only grey or black-and-white pictures (most office scans): it is rendered
    in grey, which skips the colour render and the coloured-ink pass."""
    import pypdfium2.raw as pdfium_c

    grey = False
    for obj in page.get_objects(max_depth=1):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return False
        meta = obj.get_metadata()
        if meta.colorspace != pdfium_c.FPDF_COLORSPACE_DEVICEGRAY and meta.bits_per_pixel != 1:
            return False
        grey = True
    return grey


def ocr_pdf_pages(
    path: str, data: bytes, dpis: dict[int, float]
) -> dict[int, tuple[PageWords, PageInfo]]:
    """Render the given 0-based pages (page index → resolution) and OCR them: one render per
    page, at its resolution, from which the grey page and its small probe copy are derived."""
    import pypdfium2 as pdfium

    engine = require_tesseract(path)
    out: dict[int, tuple[PageWords, PageInfo]] = {}
    doc = pdfium.PdfDocument(data)
    try:
        for i, dpi in dpis.items():
            page = doc[i]
            grey = _grey_page(page)
            img = render(page, dpi / 72)
            page.close()
            gray = img.convert("L") if grey else ink_only(img)
            del img
            out[i] = _read_page(gray, i + 1, path, engine, dpi)
    finally:
        doc.close()
    return out


def _read_page(
    gray: Image, number: int, path: str, engine: Engine, dpi: float
) -> tuple[PageWords, PageInfo]:
    """One rendered page, grey: near-blank (told on its probe copy, for the scans that had no
    preview), else prepared as its probe says and read."""
    import numpy as np

    from . import blank

    small = _probe_copy(gray)
    ink = blank.ink_share(np.asarray(small))
    if ink < blank.BLANK_INK_SHARE:
        empty = PageWords(number, float(gray.width), float(gray.height), [], scale=72 / dpi)
        return empty, PageInfo(number, "text-layer", notes=[blank.note(ink)])
    plan = _probe(small, gray, dpi)
    if plan is None:  # lines up and down: the orientation detector needs the page
        return ocr_image(gray, number, path, points_per_pixel=72 / dpi)
    prep = _turn_and_enlarge(gray, 0, plan.skew, plan.scale)
    return _read_prepared(prep, engine, number, 72 / dpi)


def render(page: Any, scale: float) -> Image:
    """A PDF page in colour at `scale` pixels per point. Also for grey pages: pdfium's own grey
    render took about half as long again as the colour one, and Pillow's conversion of the
    colour render to grey gives the same pixels. In RGBX, Pillow's own layout: the picture
    shares pdfium's buffer (its default BGR was unpacked into a copy, a third of the render's
    time)."""
    return page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True).to_pil()


@dataclass
class _Plan:
    skew: float  # degrees to turn the page (0: straight enough)
    scale: float  # enlargement for small text


def _probe_copy(gray: Image) -> Image:
    """The page at `probe_pixels` on its long side, as a small render of the page."""
    from PIL import Image as PILImage

    zoom = current().ocr.probe_pixels / max(gray.width, gray.height, 1)
    size = (max(1, round(gray.width * zoom)), max(1, round(gray.height * zoom)))
    # Bicubic: the skew and text height measured on it are those of pdfium's small render, on
    # which they were tuned, on 139 of the 146 dev scans' pages (an area average: 134).
    return gray.resize(size, PILImage.Resampling.BICUBIC)


def _probe(small: Image, gray: Image, dpi: float) -> _Plan | None:
    """From the small copy of the rendered page: whether its lines run across, its skew, and
    the enlargement its text height needs; the full-size page is then only turned and enlarged
    (no ink mask, skew search or text-height pass over it). None when the lines run up and
    down: the orientation detector needs the full page."""
    import numpy as np
    from PIL import Image as PILImage

    s = current().ocr
    zoom = small.width / max(gray.width, 1)  # probe pixels per rendered pixel
    mask = PILImage.fromarray((_binarise(np.asarray(small)) * 255).astype(np.uint8))
    if not lines_run_across(mask):
        return None
    ink = _InkPoints(mask)
    skew = ink.skew(s.max_skew)
    skew = skew if abs(skew) >= s.min_skew else 0.0
    return _Plan(skew, _enlargement(s, _line_height(ink.rows(skew)), zoom, gray, dpi))


def _enlargement(s: OcrSettings, line: float | None, zoom: float, gray: Image, dpi: float) -> float:
    """How many times to enlarge a page whose text lines are `line` probe pixels high (1: not
    at all), within the render limit of readers/limits.py."""
    from . import limits

    if not line:
        return 1.0
    text_px = line / zoom  # the line height on the rendered page
    if text_px >= s.target_text_height * s.small_text_share:
        return 1.0
    width, height = gray.width * 72 / dpi, gray.height * 72 / dpi  # points
    most = limits.render_dpi(width, height, dpi * s.max_upscale) / dpi
    return max(1.0, min(s.max_upscale, most, s.target_text_height / text_px))
