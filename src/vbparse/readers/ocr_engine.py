"""Tesseract as an engine (in process through its C API, else the tesseract program) and the
grey scale that drops coloured ink: what the whole-page OCR (`ocr.py`) and the region re-reads
(`region.py`) both use, kept apart so that neither imports the other for it."""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
from typing import TYPE_CHECKING, Any, Protocol

from .base import ReadError
from .wordlines import Word

if TYPE_CHECKING:
    from PIL.Image import Image

LANG = "vie"


_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
MISSING_TESSERACT = "OCR needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie"
MISSING_VIE = "Tesseract has no Vietnamese model: apt-get install tesseract-ocr-vie"


class Engine(Protocol):
    """How a page is recognised: Tesseract's words with boxes and confidences, and its
    orientation guess (degrees to turn the page clockwise). For a region re-read: `whitelist`,
    the only characters it may answer; `lang`, another model than Vietnamese."""

    def words(
        self, img: Image, psm: int, whitelist: str | None = None, lang: str | None = None
    ) -> list[Word]: ...

    def orientation(self, img: Image) -> int: ...


def tessdata_dir() -> str | None:
    """The system's tessdata folder holding the Vietnamese model (TESSDATA_PREFIX first)."""
    env = os.environ.get("TESSDATA_PREFIX")
    for folder in ([env] if env else []) + list(_TESSDATA_DIRS):
        if os.path.exists(os.path.join(folder, f"{LANG}.traineddata")):
            return folder
    return None


class CApiEngine:
    """Tesseract in this process through its C API (the system's libtesseract, the library the
    tesseract program runs on, so the same reading): the page goes over as pixels in memory and
    the model is loaded once per process, not once per page."""

    def __init__(self, lib: Any, tessdata: str) -> None:
        self._lib = lib
        self._tessdata = tessdata
        self._api = self._new(LANG)
        self._osd: Any = None
        self._others: dict[str, Any] = {}  # other models, loaded when a re-read asks for one

    def _new(self, lang: str) -> Any:
        api = self._lib.TessBaseAPICreate()
        if self._lib.TessBaseAPIInit3(api, self._tessdata.encode(), lang.encode()) != 0:
            self._lib.TessBaseAPIDelete(api)
            raise OSError(f"Tesseract cannot load its {lang} model from {self._tessdata}")
        self._lib.TessBaseAPISetVariable(api, b"debug_file", os.devnull.encode())  # no chatter
        atexit.register(self._end, api)
        return api

    def _end(self, api: Any) -> None:
        self._lib.TessBaseAPIEnd(api)
        self._lib.TessBaseAPIDelete(api)

    def _set_image(self, api: Any, img: Image) -> bytes:
        grey = img if img.mode == "L" else img.convert("L")
        pixels = grey.tobytes()
        self._lib.TessBaseAPISetImage(api, pixels, grey.width, grey.height, 1, grey.width)
        return pixels  # the caller keeps the buffer alive while Tesseract reads it

    def words(
        self, img: Image, psm: int, whitelist: str | None = None, lang: str | None = None
    ) -> list[Word]:
        lib, api = self._lib, self._api
        if lang and lang != LANG:
            if lang not in self._others:
                self._others[lang] = self._new(lang)
            api = self._others[lang]
        lib.TessBaseAPISetPageSegMode(api, psm)
        if whitelist:
            lib.TessBaseAPISetVariable(api, b"tessedit_char_whitelist", whitelist.encode())
        pixels = self._set_image(api, img)
        text = lib.TessBaseAPIGetTsvText(api, 0)
        try:
            tsv = ctypes.string_at(text).decode("utf-8", "replace") if text else ""
        finally:
            if text:
                lib.TessDeleteText(text)
            lib.TessBaseAPIClear(api)
            if whitelist:  # the next page reads every character again
                lib.TessBaseAPISetVariable(api, b"tessedit_char_whitelist", b"")
        del pixels
        return _tesseract_words(_tsv_columns(tsv))

    def orientation(self, img: Image) -> int:
        if self._osd is None:
            self._osd = self._new("osd")
            self._lib.TessBaseAPISetVariable(self._osd, b"min_characters_to_try", b"20")
            self._lib.TessBaseAPISetPageSegMode(self._osd, 0)  # PSM_OSD_ONLY
        deg, conf = ctypes.c_int(0), ctypes.c_float(0.0)
        name, script_conf = ctypes.c_char_p(), ctypes.c_float(0.0)
        pixels = self._set_image(self._osd, img)
        ok = self._lib.TessBaseAPIDetectOrientationScript(
            self._osd, ctypes.byref(deg), ctypes.byref(conf), ctypes.byref(name),
            ctypes.byref(script_conf),
        )  # fmt: skip
        self._lib.TessBaseAPIClear(self._osd)
        del pixels
        if not ok or conf.value < 2.0:  # too little text to decide: leave it as it is
            return 0
        return (360 - deg.value) % 360


_TSV = (
    *("level", "page_num", "block_num", "par_num", "line_num", "word_num"),
    *("left", "top", "width", "height", "conf", "text"),
)


def _tsv_columns(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV (no header line, as the C API gives it) → columns, as pytesseract's
    image_to_data returns them."""
    columns: dict[str, list[Any]] = {name: [] for name in _TSV}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < len(_TSV):
            cells += [""] * (len(_TSV) - len(cells))
        for name, cell in zip(_TSV, cells[: len(_TSV)], strict=True):
            # Whole numbers, as pytesseract gives them (confidences truncated): the same words
            # pass the same thresholds whichever way Tesseract was run.
            columns[name].append(cell if name == "text" else int(float(cell or -1)))
    return columns


def _load_libtesseract() -> Any:
    """The system's libtesseract through ctypes, its C API's signatures declared; None when the
    library is not there."""
    import ctypes.util

    found = ctypes.util.find_library("tesseract")
    try:
        lib = ctypes.CDLL(found or "libtesseract.so.5")
    except OSError:
        return None
    p, i, f, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_char_p
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "TessBaseAPICreate": (p, []),
        "TessBaseAPIInit3": (i, [p, s, s]),
        "TessBaseAPIEnd": (None, [p]),
        "TessBaseAPIDelete": (None, [p]),
        "TessBaseAPISetVariable": (i, [p, s, s]),
        "TessBaseAPISetPageSegMode": (None, [p, i]),
        "TessBaseAPISetImage": (None, [p, s, i, i, i, i]),
        "TessBaseAPIGetTsvText": (p, [p, i]),
        "TessDeleteText": (None, [p]),
        "TessBaseAPIClear": (None, [p]),
        "TessBaseAPIDetectOrientationScript": (
            i, [p, ctypes.POINTER(i), ctypes.POINTER(f), ctypes.POINTER(s), ctypes.POINTER(f)]
        ),
    }  # fmt: skip
    try:
        for name, (restype, argtypes) in signatures.items():
            func = getattr(lib, name)
            func.restype, func.argtypes = restype, argtypes
    except AttributeError:  # too old a library
        return None
    _quiet_leptonica()
    return lib


def _quiet_leptonica() -> None:
    """Leptonica (Tesseract's image library) prints its complaints to standard error, which the
    tesseract program's did not reach: severity NONE keeps them off a clerk's screen."""
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("lept") or "liblept.so.5").setMsgSeverity(6)


class CliEngine:
    """The tesseract program through pytesseract (one process per page, the image through a
    PNG file): used where libtesseract cannot be loaded."""

    def __init__(self, pytesseract: Any) -> None:
        self._p = pytesseract

    def words(
        self, img: Image, psm: int, whitelist: str | None = None, lang: str | None = None
    ) -> list[Word]:
        config = f"--psm {psm}" + (f" -c tessedit_char_whitelist={whitelist}" if whitelist else "")
        data = self._p.image_to_data(
            img, lang=lang or LANG, config=config, output_type=self._p.Output.DICT
        )
        return _tesseract_words(data)

    def orientation(self, img: Image) -> int:
        try:
            osd = self._p.image_to_osd(
                img, config="--psm 0 -c min_characters_to_try=20", output_type=self._p.Output.DICT
            )
        except Exception:  # too little text to decide: leave it as it is
            return 0
        if float(osd.get("orientation_conf", 0.0)) < 2.0:
            return 0
        return int(osd.get("rotate", 0)) % 360


_engine: dict[str, Engine] = {}


def require_tesseract(path: str) -> Engine:
    """The OCR engine of this process, once Tesseract and its Vietnamese model are known to be
    installed: libtesseract in process when it loads, else the tesseract program."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # 2 cores: threads inside Tesseract only slow it
    if "engine" in _engine:
        return _engine["engine"]
    lib = _load_libtesseract()
    folder = tessdata_dir() if lib is not None else None
    if lib is not None and folder is None:
        raise ReadError(path, "missing_tool", MISSING_VIE)
    if lib is not None and folder is not None:
        try:
            _engine["engine"] = CApiEngine(lib, folder)
        except OSError as exc:
            raise ReadError(path, "missing_tool", f"{exc}: {MISSING_VIE}") from exc
    else:
        _engine["engine"] = CliEngine(_require_cli(path))
    return _engine["engine"]


def _require_cli(path: str) -> Any:
    try:
        import pytesseract
    except ImportError as exc:
        raise ReadError(
            path, "missing_tool", "OCR needs pytesseract: pip install 'vbparse[pdf]'"
        ) from exc
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise ReadError(path, "missing_tool", MISSING_TESSERACT)
    try:
        langs = pytesseract.get_languages(config="")
    except Exception as exc:
        raise ReadError(
            path,
            "missing_tool",
            f"Tesseract does not run ({exc}): apt-get install tesseract-ocr tesseract-ocr-vie",
        ) from exc
    if LANG not in langs:
        raise ReadError(path, "missing_tool", MISSING_VIE)
    return pytesseract


def _tesseract_words(data: dict[str, list[Any]], dx: float = 0, dy: float = 0) -> list[Word]:
    """The words of pytesseract's image_to_data, boxes shifted by (dx, dy)."""
    out = []
    for text, conf, left, top, width, height in zip(
        data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"],
        strict=True,
    ):  # fmt: skip
        text = (text or "").strip()
        if text:
            x, y = dx + float(left), dy + float(top)
            out.append(Word(text, x, y, x + float(width), y + float(height), conf=float(conf)))
    return out


_COLOUR_MODES = ("RGB", "RGBX", "RGBA", "P", "CMYK")


def ink_only(img: Image) -> Image:
    """Grey scale that keeps black/blue-black print and drops coloured ink (red seals, blue
    signatures): strongly coloured pixels (channel spread over 60) become paper white. In
    Pillow's 8-bit band operations: a numpy pass over a 200-dpi colour page took 12× longer."""
    from PIL import ImageChops

    if img.mode not in _COLOUR_MODES:
        return img.convert("L")
    r, g, b = (img if img.mode == "RGBX" else img.convert("RGB")).split()[:3]
    high = ImageChops.lighter(ImageChops.lighter(r, g), b)
    low = ImageChops.darker(ImageChops.darker(r, g), b)
    coloured = ImageChops.subtract(high, low).point([0] * 61 + [255] * 195)
    gray = img.convert("L")
    if coloured.histogram()[255] < 0.0005 * img.width * img.height:
        return gray
    gray.paste(255, mask=coloured)
    return gray
