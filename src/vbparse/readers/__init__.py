"""Format readers. `read(path)` picks one by file signature and extension.

Each reader module exposes `read(path: Path, data: bytes) -> RawDocument`. Modules are imported
only when a file of their format is read, so heavy libraries (pdfplumber, Tesseract bindings)
never slow down start-up.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from .base import Line, Loc, PageInfo, RawDocument, ReadError, Zone

__all__ = ["READERS", "Line", "Loc", "PageInfo", "RawDocument", "ReadError", "Zone", "read"]

MAX_BYTES = 200 * 1024 * 1024  # larger files are refused with a clear message, not read

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
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ReadError(name, "not_found", "no such file")
    if p.is_dir():
        raise ReadError(name, "is_directory", "is a directory, not a file")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(name, "empty", "the file is empty")
    if size > MAX_BYTES:
        raise ReadError(
            name,
            "too_large",
            f"the file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit",
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(name, "unreadable", f"cannot be read ({exc.strerror or exc})") from exc
    fmt = sniff_format(p, data)
    if fmt is None:
        fmt = "txt"  # unknown extension: try it as text; the text reader refuses binary data
    module = importlib.import_module(f"{__name__}.{READERS[fmt]}")
    raw: RawDocument = module.read(p, data)
    raw.path = name
    raw.format = raw.format or fmt
    raw.sha256 = hashlib.sha256(data).hexdigest()
    if not any(line.text for line in raw.lines):
        raise ReadError(name, "no_text", f"no text could be read from this {fmt} file")
    return raw
