"""Format readers. `read(path)` picks one by file signature and extension.

Each reader module exposes `read(path: Path, data: bytes) -> RawDocument`. Modules are imported
only when a file of their format is read, so heavy libraries (pdfplumber, Tesseract bindings)
never slow down start-up.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from . import limits
from .base import Line, Loc, PageInfo, RawDocument, ReadError, Zone

if TYPE_CHECKING:
    from .region import PageImages

__all__ = [
    "READERS",
    "Line",
    "Loc",
    "PageInfo",
    "RawDocument",
    "ReadError",
    "Zone",
    "read",
    "read_data",
]

# format name -> module in this package. A new reader is a module plus one line here.
READERS: dict[str, str] = {
    "txt": "text",
    "md": "markdown",
    "html": "html",
    "docx": "docx",
    "pdf": "pdf",
    "image": "image",
    "doc": "office",
    "rtf": "office",
    "odt": "office",
}

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
}


def sniff_format(path: Path, data: bytes) -> str | None:
    """The format from the file's first bytes; the extension decides only among text formats."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        ext = path.suffix.lower()
        return "odt" if ext == ".odt" else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97-2003
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"  # a web page, whatever its name says
    return _EXTENSIONS.get(path.suffix.lower())


def read(path: str | Path) -> RawDocument:
    """Read any supported file into the intermediate form, or raise ReadError saying why."""
    return read_data(read_bytes(Path(path), str(path)), str(path))


def read_data(data: bytes, name: str = "") -> RawDocument:
    """Read a file's bytes (an upload, a message part); `name` is what messages call it and its
    extension decides among text formats. A scan keeps its bytes for region re-reads."""
    p = Path(name)
    if not data:
        raise ReadError(name, "empty", "the file is empty")
    _check_size(name, len(data))
    fmt = sniff_format(p, data)
    if fmt is None:
        fmt = "txt"  # unknown extension: try it as text; the text reader refuses binary data
    if data.startswith(b"PK\x03\x04"):
        limits.check_archive(name, data)  # before any reader inflates a member
    sha = hashlib.sha256(data).hexdigest()
    cached = _cache_file(sha, fmt)
    hit = _cached_reading(cached)
    if hit is not None:
        hit.path = name
        hit.images = _page_images(hit.format, data, name)
        return hit
    module = importlib.import_module(f"{__name__}.{READERS[fmt]}")
    raw = module.read(p, data)
    raw.path = name
    raw.format = raw.format or fmt
    raw.sha256 = sha
    if not any(line.text for line in raw.lines):
        # The reader's first warning often says why (a page too large to OCR, a blank scan).
        why = f" ({raw.warnings[0]})" if raw.warnings else ""
        raise ReadError(name, "no_text", f"no text could be read from this {fmt} file{why}")
    if cached is not None:
        _store(cached if _ocred(raw) else _text_key(cached), raw)
    raw.images = _page_images(raw.format, data, name)
    return raw


# What a path that is not a regular file is, for the message that refuses it.
_NOT_REGULAR = (
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
)


def check_regular(p: Path, name: str) -> os.stat_result:
    """The file's status, or ReadError when it is missing, a dangling or looping link, a
    directory, a FIFO, a device or a socket: opening one of those could block for ever."""
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        if p.is_symlink():
            raise ReadError(
                name, "dangling_link", "is a link to a file that does not exist"
            ) from exc
        raise ReadError(name, "not_found", "no such file") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(name, "link_loop", "is a symbolic link that loops") from exc
        raise ReadError(name, "unreadable", f"cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(name, "is_directory", "is a directory, not a file")
    for test, why in _NOT_REGULAR:
        if test(st.st_mode):
            raise ReadError(name, "not_regular", why)
    return st


def read_bytes(p: Path, name: str) -> bytes:
    """The bytes of a regular, non-empty file within the size limit, or ReadError saying why."""
    size = check_regular(p, name).st_size
    if size == 0:
        raise ReadError(name, "empty", "the file is empty")
    _check_size(name, size)  # before the bytes are read
    try:
        return p.read_bytes()
    except OSError as exc:
        raise ReadError(name, "unreadable", f"cannot be read ({exc.strerror or exc})") from exc


def _check_size(name: str, size: int) -> None:
    most = limits.current().file_bytes
    if size > most:
        raise limits.over_limit(
            name,
            f"the file is {size // 2**20} MiB, over the {most // 2**20} MiB limit",
            "VBPARSE_MAX_FILE_BYTES",
        )


# Raised whenever a reader's output changes (OCR of scans: skew and resolution from a probe
# render, since 2; one render per page, the skew turn by nearest pixels, since 3; no "deskewed"
# note on a page read as it is, since 4): the read cache then never serves a reading of an
# older reader.
READ_REVISION = 4
# Raised whenever what is read without OCR changes (text layers, .doc/.docx, layout of their
# words; e-signature stamp blocks as META and a number's blank kept with its "Số:", since 1): a
# reading that OCR'd no page is kept under a key of its own, so a change to the text path
# re-reads only those (cheap) and leaves the OCR'd scans in the cache valid.
TEXT_REVISION = 1


def _ocred(raw: RawDocument) -> bool:
    return any(p.method == "ocr" for p in raw.pages)


def _text_key(cached: Path) -> Path:
    return cached.with_name(f"{cached.stem}-t{TEXT_REVISION}{cached.suffix}")


def _cached_reading(cached: Path | None) -> RawDocument | None:
    """What the cache holds for these bytes: an OCR'd reading under the reader's key, any other
    under the text revision's key (a text reading under the plain key is an older text path's)."""
    if cached is None:
        return None
    for target in (_text_key(cached), cached):
        if not target.exists():
            continue
        raw = RawDocument.from_dict(json.loads(target.read_text(encoding="utf-8")))
        if target is cached and not _ocred(raw):
            return None
        return raw
    return None


def _cache_file(sha: str, fmt: str) -> Path | None:
    """Where VBPARSE_READ_CACHE keeps what was read from these bytes (OCR is the slow part of a
    re-parse); the key holds the version, so a new reader never serves an old reading."""
    folder = os.environ.get("VBPARSE_READ_CACHE")
    if not folder:
        return None
    import zlib

    from .. import __version__
    from ..settings import DEFAULT, current

    ocr = current().ocr  # other OCR settings read a scan otherwise: a key of their own
    scan = fmt in ("pdf", "image") and ocr != DEFAULT.ocr
    tag = f"-o{zlib.crc32(repr(ocr).encode()):08x}" if scan else ""
    return Path(folder) / f"{sha[:32]}-{fmt}-{__version__}-r{READ_REVISION}{tag}.json"


def _store(target: Path, raw: RawDocument) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(raw.to_dict(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _page_images(fmt: str, data: bytes, name: str) -> PageImages | None:
    """What re-reads a region of a scan's pages (readers.region, imported for scans only: it
    brings the word-line layout and its patterns, which a .txt parse never needs)."""
    if fmt not in ("pdf", "image"):
        return None
    from .region import PageImages

    return PageImages(fmt, data, name)
