"""The limits that keep one hostile or broken file from taking the machine: each is named here,
documented in docs/limits.md, and exceeded with a ReadError that says which limit and how to
raise it.

Every limit has an environment variable (VBPARSE_MAX_…); `configure()` sets them for the process
and its workers (the CLI's --max-pages). Readers read `current()` when they need a value, so a
changed limit applies to the next file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .base import ReadError

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    # A file larger than this is refused before it is read.
    file_bytes: int = 200 * MiB
    # Decompressed size of one zip member of a .docx/.odt (streamed; a header's size is not
    # trusted) and of all members together.
    member_bytes: int = 256 * MiB
    archive_bytes: int = 512 * MiB
    # Pixels of one page rendered for OCR: a larger page is rendered at a lower resolution, and
    # a page that would fall under `min_ocr_dpi` to fit is not OCR'd (a warning says so).
    page_pixels: int = 60_000_000
    min_ocr_dpi: float = 100.0
    # Pages read by OCR in one file; the rest are left out with a warning.
    ocr_pages: int = 200
    # Pixels of one image file (.png/.jpg/.tif frame); larger ones are refused.
    image_pixels: int = 150_000_000
    # Characters of decoded text in one file (~2,500 pages; parse and lint hold ~80 bytes per
    # character: 5 M characters on one line took 8 s of CPU and 406 MB).
    text_chars: int = 5_000_000
    # Seconds one file may take in parse and lint (the default of their --timeout; batch has
    # its own); 0: no limit. OCR of a long scan is the slowest legitimate case.
    seconds: float = 300.0


_ENV = {
    "file_bytes": "VBPARSE_MAX_FILE_BYTES",
    "member_bytes": "VBPARSE_MAX_MEMBER_BYTES",
    "archive_bytes": "VBPARSE_MAX_ARCHIVE_BYTES",
    "page_pixels": "VBPARSE_MAX_PAGE_PIXELS",
    "min_ocr_dpi": "VBPARSE_MIN_OCR_DPI",
    "ocr_pages": "VBPARSE_MAX_PAGES",
    "image_pixels": "VBPARSE_MAX_IMAGE_PIXELS",
    "text_chars": "VBPARSE_MAX_TEXT_CHARS",
    "seconds": "VBPARSE_TIME_LIMIT",
}


def current() -> Limits:
    """The limits in force: the defaults, changed by the environment."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Limits):
        raw = os.environ.get(_ENV[f.name])
        if raw:
            with contextlib.suppress(ValueError):
                values[f.name] = float(raw) if f.type == "float" else int(float(raw))
    return Limits(**values)


def configure(**changes: Any) -> None:
    """Set limits for this process and the workers it starts, through the environment (so that
    batch workers started by fork, forkserver or spawn all see them); None changes nothing."""
    for key, value in changes.items():
        if key not in _ENV:
            raise TypeError(f"no limit named {key!r}")
        if value is not None:
            os.environ[_ENV[key]] = str(value)


def over_limit(name: str, what: str, setting: str) -> ReadError:
    """The error for a file over a limit: what is too large, and the setting that raises it."""
    return ReadError(name, "too_large", f"{what} (limit: {setting})")


# --- archives -----------------------------------------------------------------------------------


def check_archive(name: str, data: bytes) -> None:
    """Refuse a zip (.docx/.odt) whose members inflate beyond the limits, decompressing each
    member in bounded chunks (a forged header size is not believed). Broken zips pass: the
    format's reader says what is wrong with them."""
    import io

    lim = current()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    total = 0
    with zf:
        for info in zf.infolist():
            if info.file_size > lim.member_bytes:
                _too_big_member(name, info.filename, info.file_size, lim)
            try:
                size = _inflated_size(zf, info, lim.member_bytes)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
                continue  # damaged or encrypted member: the reader reports it
            except NotImplementedError:
                continue  # a compression method zipfile lacks: so does the reader
            if size > lim.member_bytes:
                _too_big_member(name, info.filename, size, lim)
            total += size
            if total > lim.archive_bytes:
                raise over_limit(
                    name,
                    f"its parts inflate to more than {lim.archive_bytes // MiB} MiB",
                    _ENV["archive_bytes"],
                )


def _inflated_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> int:
    """Bytes the member inflates to, counted up to just over `cap`."""
    size = 0
    with zf.open(info) as member:
        while chunk := member.read(MiB):
            size += len(chunk)
            if size > cap:
                break
    return size


def _too_big_member(name: str, member: str, size: int, lim: Limits) -> None:
    raise over_limit(
        name,
        f"its part {member} inflates to more than {lim.member_bytes // MiB} MiB "
        f"({size // MiB} MiB or more: a zip bomb?)",
        _ENV["member_bytes"],
    )


# --- images and rendered pages ------------------------------------------------------------------


def check_image_size(name: str, width: int, height: int) -> None:
    lim = current()
    if width * height > lim.image_pixels:
        raise over_limit(
            name,
            f"the image is {width}×{height} = {width * height / 1e6:.0f} megapixels, over the "
            f"{lim.image_pixels / 1e6:.0f} megapixel limit",
            _ENV["image_pixels"],
        )


def render_dpi(width_pt: float, height_pt: float, dpi: float) -> float:
    """The resolution to render a page of this size at: `dpi`, lowered so that the page stays
    within the pixel limit; 0 when that would be under the least resolution OCR can read."""
    lim = current()
    area_in = max(width_pt, 1.0) * max(height_pt, 1.0) / 72 / 72
    fitting = (lim.page_pixels / area_in) ** 0.5
    if fitting >= dpi:
        return dpi
    return fitting if fitting >= lim.min_ocr_dpi else 0.0


# --- time ---------------------------------------------------------------------------------------


class TimeLimitExceeded(BaseException):
    """Raised by the alarm. Not an Exception, so that no `except Exception` in a reader or an
    extractor can swallow it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise TimeLimitExceeded


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds` (0: no limit). In the main thread
    the alarm (SIGALRM) raises it; in another thread (a Dask worker runs its tasks in one) a
    watchdog timer raises it in that thread. Either interrupts Python code; a C library call
    is interrupted when it returns."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return
    if not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    """The alarm of a thread other than the main one: a timer that raises TimeLimitExceeded
    asynchronously in it (PyThreadState_SetAsyncExc, checked between bytecodes)."""
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    target, ctypes.py_object(TimeLimitExceeded)
                )

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:  # from here on the timer cannot fire
            state["done"] = True
        timer.cancel()
        if state["fired"]:
            # Not yet delivered, it would be raised at some later bytecode, out of the block:
            # withdrawn, and raised here instead.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
            raise TimeLimitExceeded
