"""Near-blank pages, told cheaply: the share of dark pixels on a small grey render. A page with
a speck, a rule or a page number only is not worth a Tesseract run (seconds per page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

PREVIEW_PIXELS = 500_000  # the low-resolution copy that tells a blank page
# Under this share of dark pixels a page holds no text worth OCR. On the corpus's 571 PDF pages
# the least inked real page has 0.85 %, seventeen times more.
BLANK_INK_SHARE = 0.0005
INK_LEVEL = 160  # grey level under which a preview pixel is ink
# On white paper, anything this much darker than the paper is ink too: the thin strokes of a
# faint 200-dpi scan average to light grey (186-232) in the preview and were taken for blank.
INK_BELOW_PAPER = 48


def note(ink: float) -> str:
    """The page note of a page left out as near-blank."""
    return f"near-blank page (ink {ink:.3%}): not read by OCR"


def ink_share(grey: Any) -> float:
    """Share of ink pixels in a grey numpy array (0 for an empty one)."""
    if not grey.size:
        return 0.0
    import numpy as np

    level = max(INK_LEVEL, float(np.median(grey)) - INK_BELOW_PAPER)
    return float((grey < level).mean())


def image_ink_share(img: Image) -> float:
    """The same for a picture, measured on a copy of at most PREVIEW_PIXELS."""
    import numpy as np

    small = img.convert("L") if img.width * img.height <= PREVIEW_PIXELS else _preview(img)
    return ink_share(np.asarray(small))


def _preview(img: Image) -> Image:
    side = (PREVIEW_PIXELS / (img.width * img.height)) ** 0.5
    size = (max(1, int(img.width * side)), max(1, int(img.height * side)))
    # reduce() in draft-like steps keeps it cheap on a large picture; then grey.
    return img.resize(size, reducing_gap=2.0).convert("L")
