"""PDF: words with positions → lines in reading order, with layout zones.

Words, boxes and fonts come from PDFium (`pdfium_text.py`; pdfplumber only when PDFium refuses
a file); the reading order (two-column header and closing, page
numbers and running headers dropped, paragraphs joined across lines and pages) is rebuilt by
`wordlines.layout_document`, the same code the OCR path uses. Text typed in legacy Vietnamese
fonts (.VnTime → TCVN3 code points) is converted. A page with no text layer, or a scanned page
whose embedded OCR text is garbage, is rendered and read with Tesseract (`ocr.py`).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..settings import current
from ..text import legacy
from . import blank, limits
from .base import PageInfo, RawDocument, ReadError
from .wordlines import PageWords, Word, layout_document

_WORD_ATTRS = ["fontname", "size"]

# --- is this text layer real text? --------------------------------------------------------------

_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
# Vowel groups of Vietnamese syllables (tone marks removed); "ie", "uo", "ae" … are not among
# them, which is what text read without the Vietnamese model is full of ("Trién", "thaéng").
# fmt: off
_NUCLEI = (
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
    "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê",
    "ui", "uô", "uơ", "ưa", "ưi", "ưu", "ươ", "uy", "yê", "iêu", "oai", "oay", "oao", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "yêu", "uyu",
)
# fmt: on
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|gh|gi|ch|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_STRIP = re.compile(r"^[^\w]+|[^\w]+$")
_VIET_MARKED = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def text_quality(texts: list[str]) -> tuple[float, float, int]:
    """(share of words that are Vietnamese syllables, share carrying Vietnamese marks, words).

    Codes, numbers and upper-case abbreviations are not counted.
    """
    considered = valid = marked = 0
    for raw in texts:
        if "(cid:" in raw:
            considered += 1
            continue
        tok = _STRIP.sub("", raw)
        if not tok or any(c.isdigit() for c in tok) or "/" in tok or "-" in tok:
            continue
        if tok.isupper() and len(tok) <= 6 and tok.isascii():
            continue
        low = unicodedata.normalize("NFC", tok.lower())
        considered += 1
        if _VIET_MARKED.search(low):
            marked += 1
        base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", low).translate(_TONES))
        tones = sum(1 for c in unicodedata.normalize("NFD", low) if ord(c) in _TONES)
        if tones <= 1 and _SYLLABLE.match(base):
            valid += 1
    if considered == 0:
        return 0.0, 0.0, 0
    return valid / considered, marked / considered, considered


def is_garbage(texts: list[str]) -> bool:
    """A text layer that is not Vietnamese text (embedded OCR gone wrong, missing ToUnicode)."""
    valid, marked, n = text_quality(texts)
    if n < 5:
        return n > 0 and valid < 0.5
    # Vietnamese prose: ~99 % syllables, ~85-90 % of words with a mark. English-model OCR of a
    # Vietnamese page: ~70 % and ~25 %.
    return valid < 0.85 or (n >= 20 and marked < 0.45)


# --- reading ------------------------------------------------------------------------------------


def _open(name: str, data: bytes) -> Any:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages  # parses the page tree
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if type(cause).__name__ in (
            "PDFPasswordIncorrect",
            "PDFEncryptionError",
            "PDFEncryptionWarning",
        ):
            raise ReadError(
                name,
                "encrypted",
                "is encrypted (password protected); remove the password and try again",
            ) from exc
        raise ReadError(
            name, "corrupt", f"is not a readable PDF (damaged or truncated: {cause!r})"
        ) from exc
    except Exception as exc:
        raise ReadError(
            name, "corrupt", f"is not a readable PDF ({type(exc).__name__}: {exc})"
        ) from exc
    if not pages:
        raise ReadError(name, "no_pages", "the PDF has no pages")
    return pdf


@dataclass
class _Page:
    """What the reader needs of one page, whichever library read it."""

    number: int
    width: float
    height: float
    words: list[Word]
    images: list[tuple[float, float, float, float, int]]  # x0, top, x1, bottom, pixel width
    drawn: bool  # anything drawn besides text (images, paths)
    error: str | None = None  # the text layer could not be read


def _pdfium_pages(name: str, data: bytes) -> Iterator[_Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from .pdfium_text import page_images, page_words

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError(
                name,
                "encrypted",
                "is encrypted (password protected); remove the password and try again",
            ) from exc
        raise
    try:
        if len(pdf) == 0:
            raise ReadError(name, "no_pages", "the PDF has no pages")
        for i in range(len(pdf)):
            page = pdf[i]
            # E-office systems stamp the number and the day into form fields after signing
            # ("Số: 2858 /QĐ-UBND", "ngày 21 tháng 11"): flattened, they are page text.
            annotated = pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0
            if annotated and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == 1:
                page.close()
                page = pdf[i]
            try:
                width, height = page.get_size()
                error = None
                try:
                    words = page_words(page)
                except pdfium.PdfiumError as exc:
                    words, error = [], type(exc).__name__
                images = page_images(page)
                drawn = bool(images) or any(
                    True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,))
                )
                yield _Page(i + 1, width, height, words, images, drawn, error)
            finally:
                page.close()
    finally:
        pdf.close()


def _pdfplumber_pages(name: str, data: bytes) -> Iterator[_Page]:
    """The fallback for files PDFium refuses: pdfminer is slower but more forgiving."""
    pdf = _open(name, data)
    try:
        for i, page in enumerate(pdf.pages):
            error = None
            try:
                raw = page.extract_words(
                    keep_blank_chars=False, use_text_flow=False, extra_attrs=_WORD_ATTRS
                )
            except Exception as exc:  # a damaged content stream: try the picture instead
                raw, error = [], type(exc).__name__
            words = [
                Word(
                    w["text"],
                    float(w["x0"]),
                    float(w["top"]),
                    float(w["x1"]),
                    float(w["bottom"]),
                    font=w.get("fontname"),
                    size=float(w["size"]) if w.get("size") else None,
                )
                for w in raw
            ]
            images = [
                (
                    float(im["x0"]),
                    float(im["top"]),
                    float(im["x1"]),
                    float(im["bottom"]),
                    int((im.get("srcsize") or (0, 0))[0]),
                )
                for im in page.images
            ]
            drawn = bool(page.images or page.curves or page.rects)
            yield _Page(i + 1, float(page.width), float(page.height), words, images, drawn, error)
            page.close()  # frees the parsed objects of this page
    finally:
        pdf.close()


def _render_dpi(page: _Page) -> float:
    """Resolution to render a page at for OCR: the scan's own, within the OCR settings' range."""
    s = current().ocr
    best = 0.0
    for x0, _top, x1, _bottom, px in page.images:
        width_pt = x1 - x0
        if width_pt > 0 and px:
            best = max(best, px / (width_pt / 72))
    if not best:
        return float(s.render_dpi)
    return float(min(s.max_dpi, max(s.min_dpi, best)))


def _picture_share(page: _Page) -> float:
    area = page.width * page.height or 1.0
    return sum(max(0.0, x1 - x0) * max(0.0, b - t) for x0, t, x1, b, _ in page.images) / area


def _scanned(page: _Page) -> bool:
    """The page is (mostly) one picture: a scan or a photo — or a large picture under a few
    words of running header (the body of a Công báo page pasted as an image)."""
    share = _picture_share(page)
    return share >= SCAN_SHARE or (share >= 0.25 and len(page.words) < FURNITURE_WORDS)


SCAN_SHARE = 0.5  # share of the page a picture covers when the page is a scan
FURNITURE_WORDS = 40  # fewer words than this over a page-sized picture are not its text


def _furniture_only(texts: list[str]) -> bool:
    """A scanned page whose only text is what was stamped on it afterwards: a digital signature
    ("Người ký: Sở Y tế / Email: …") or a Công báo running header over a page that is a picture
    (TB-02-2023: "CÔNG BÁO/Số 577 + 578/Ngày 07-3-2023"). The document itself is the picture."""
    return len(texts) < FURNITURE_WORDS


class _Converter:
    """Legacy TCVN3/VNI text (.VnTime fonts extract as their code points) → Unicode; remembers
    which legacy encoding it met."""

    def __init__(self) -> None:
        self.encoding: str | None = None

    def __call__(self, texts: list[str]) -> list[str]:
        joined = "\n".join(texts)
        converted, encoding = legacy.convert_text(joined)
        if encoding is None or converted == joined:
            return texts
        self.encoding = encoding
        out = converted.split("\n")
        return out if len(out) == len(texts) else [legacy.convert_text(t)[0] for t in texts]


def _convert_lines(texts: list[str]) -> list[str]:
    return _Converter()(texts)


def _pages(name: str, data: bytes) -> list[_Page]:
    import pypdfium2 as pdfium

    try:
        return list(_pdfium_pages(name, data))
    except (pdfium.PdfiumError, ValueError, OSError):  # PDFium refuses files pdfminer reads
        return list(_pdfplumber_pages(name, data))


# --- which pages OCR reads ----------------------------------------------------------------------


def _ocr_plan(
    data: bytes,
    pages: list[PageWords],
    infos: list[PageInfo],
    dpis: dict[int, float],
    warnings: list[str],
    pictures: frozenset[int] = frozenset(),
) -> dict[int, float]:
    """The pages OCR will read, at what resolution: near-blank pages left out (a cheap
    preview tells them), each page within the pixel limit, at most the page limit. The pages
    that are `pictures` (scans) get no preview: decoding the scan was most of its cost, and
    OCR tells a blank one from its own render (`ocr.ocr_pdf_pages`)."""
    if not dpis:
        return {}
    lim = limits.current()
    plan: dict[int, float] = {}
    previewed = dict(_ink_shares(data, sorted(set(dpis) - pictures)))
    for i in sorted(dpis):
        ink = previewed.get(i, 1.0)
        if ink < blank.BLANK_INK_SHARE:
            infos[i].notes.append(blank.note(ink))
            continue
        dpi = limits.render_dpi(pages[i].width, pages[i].height, dpis[i])
        if not dpi:
            warnings.append(
                f"page {i + 1}: too large to OCR ({pages[i].width:.0f}×{pages[i].height:.0f} pt "
                f"needs over {lim.page_pixels / 1e6:.0f} megapixels; VBPARSE_MAX_PAGE_PIXELS)"
            )
            continue
        if dpi < dpis[i]:
            infos[i].notes.append(f"rendered at {dpi:.0f} dpi to stay within the pixel limit")
        plan[i] = dpi
    if len(plan) > lim.ocr_pages:
        kept = sorted(plan)[: lim.ocr_pages]
        warnings.append(
            f"only the first {lim.ocr_pages} of the {len(plan)} pages to OCR were read "
            f"(pages after {kept[-1] + 1} left out; raise it with --max-pages)"
        )
        plan = {i: plan[i] for i in kept}
    return plan


def _ink_shares(data: bytes, indexes: list[int]) -> Iterator[tuple[int, float]]:
    """(page index, share of ink pixels) from a small grey render of each page."""
    import numpy as np
    import pypdfium2 as pdfium

    from . import ocr

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:  # read by pdfminer: no preview, OCR decides
        yield from ((i, 1.0) for i in indexes)
        return
    try:
        for i in indexes:
            page = doc[i]
            try:
                width, height = page.get_size()
                scale = min(1.0, (blank.PREVIEW_PIXELS / max(1.0, width * height)) ** 0.5)
                ink = blank.ink_share(np.asarray(ocr.render(page, scale).convert("L")))
            except pdfium.PdfiumError:
                ink = 1.0  # cannot tell: let OCR try
            finally:
                page.close()
            yield i, ink
    finally:
        doc.close()


@dataclass
class _Plan:
    pages: list[PageWords]
    infos: list[PageInfo]
    warnings: list[str]
    dpis: dict[int, float]  # the pages to OCR (0-based index) → resolution


def _plan(name: str, data: bytes) -> _Plan:
    """The text layer of every page, and which pages OCR must read."""
    pages: list[PageWords] = []
    infos: list[PageInfo] = []
    warnings: list[str] = []
    to_ocr: set[int] = set()
    pictures: set[int] = set()  # pages to OCR that are mostly one picture (scans)
    dpis: dict[int, float] = {}
    for i, page in enumerate(_pages(name, data)):
        number = page.number
        words = page.words
        if page.error:
            warnings.append(f"page {number}: text layer unreadable ({page.error}); read by OCR")
            to_ocr.add(i)
        info = PageInfo(number, "text-layer")
        if i not in to_ocr:
            if not words and page.drawn:
                to_ocr.add(i)  # a page drawn as a picture: read it by OCR
            elif not words:
                info.notes.append("blank page: no text and nothing drawn")
            elif _scanned(page):
                texts = _convert_lines([w.text for w in words])
                if is_garbage(texts):
                    info.notes.append("embedded OCR text layer rejected as garbage")
                    warnings.append(
                        f"page {number}: the embedded OCR text is garbage; read again by OCR"
                    )
                    to_ocr.add(i)
                elif _furniture_only(texts):
                    info.notes.append(
                        "text layer holds only a signature or a running header; read by OCR"
                    )
                    to_ocr.add(i)
        if i in to_ocr:
            dpis[i] = _render_dpi(page)
            if _picture_share(page) >= SCAN_SHARE:
                pictures.add(i)
        pages.append(PageWords(number, page.width, page.height, words))
        infos.append(info)
    dpis = _ocr_plan(data, pages, infos, dpis, warnings, frozenset(pictures))
    return _Plan(pages, infos, warnings, dpis)


# --- a long scan OCR'd in parts (batch on Dask) --------------------------------------------------

OcrPages = dict[int, tuple[PageWords, PageInfo]]


@dataclass
class _Given:
    sha256: str  # of the file's bytes: what is given applies to this file only
    plan: _Plan | None
    ocr: OcrPages


# What a batch already did for a file, which `read` takes instead of doing it again: the plan
# (text layer, pages to OCR) made to decide whether to split it, and pages OCR'd by other
# workers — how a long scan is split into page ranges.
_given: contextvars.ContextVar[_Given | None] = contextvars.ContextVar("pdf_given", default=None)


def plan_ocr(path: str) -> tuple[str, _Plan]:
    """(sha256 of the file, its plan): the text layer, and the pages `read` would OCR
    (`plan.dpis`: 0-based index → resolution)."""
    from . import read_bytes

    data = read_bytes(Path(path), path)
    return hashlib.sha256(data).hexdigest(), _plan(path, data)


def ocr_pages(path: str, dpis: dict[int, float]) -> OcrPages:
    """OCR these pages of the file, as `read` would."""
    from . import ocr, read_bytes

    return ocr.ocr_pdf_pages(path, read_bytes(Path(path), path), dpis)


@contextlib.contextmanager
def given(sha256: str, plan: _Plan | None = None, ocr: OcrPages | None = None) -> Iterator[None]:
    """Within the block, reading the file whose bytes hash to `sha256` takes this plan and
    these OCR'd pages as done (the other pages are OCR'd as usual)."""
    token = _given.set(_Given(sha256, plan, ocr or {}))
    try:
        yield
    finally:
        _given.reset(token)


def _given_for(data: bytes) -> _Given | None:
    mine = _given.get()
    return mine if mine is not None and mine.sha256 == hashlib.sha256(data).hexdigest() else None


def _run_ocr(name: str, data: bytes, dpis: dict[int, float], mine: _Given | None) -> OcrPages:
    done = {i: mine.ocr[i] for i in dpis if i in mine.ocr} if mine is not None else {}
    todo = {i: dpi for i, dpi in dpis.items() if i not in done}
    if todo:
        from . import ocr

        done.update(ocr.ocr_pdf_pages(name, data, todo))
    return done


def read(path: Path, data: bytes) -> RawDocument:
    name = str(path)
    mine = _given_for(data)
    plan = mine.plan if mine is not None and mine.plan is not None else _plan(name, data)
    # Copies: a given plan stays as it was made.
    pages, infos, warnings = list(plan.pages), list(plan.infos), list(plan.warnings)
    dpis = plan.dpis
    if dpis:
        done = _run_ocr(name, data, dpis, mine)
        for i, (pw, info) in done.items():
            pages[i] = pw
            infos[i] = dataclasses.replace(info, notes=infos[i].notes + info.notes)
        for i in dpis:
            if not pages[i].words and infos[i].method == "ocr":  # not left out as near-blank
                warnings.append(f"page {i + 1}: no text found (blank page?)")

    converter = _Converter()
    layout = layout_document(pages, convert=converter)
    encoding = converter.encoding
    return RawDocument(
        path=name,
        format="pdf",
        lines=layout.lines,
        encoding=encoding,
        pages=infos,
        warnings=warnings + layout.warnings,
    )
