"""Format readers. `read(path)` picks one by file signature and extension.

Each reader module exposes `read(path: Path, data: bytes) -> RawDocument`. Modules are imported
only when a file of their format is read, so heavy libraries (pdfplumber, Tesseract bindings)
never slow down start-up.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
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
    sha = hashlib.sha256(data).hexdigest()
    cached = _cache_file(sha, fmt)
    if cached is not None and cached.exists():
        raw = RawDocument.from_dict(json.loads(cached.read_text(encoding="utf-8")))
        raw.path = name
        return raw
    module = importlib.import_module(f"{__name__}.{READERS[fmt]}")
    raw = module.read(p, data)
    raw.path = name
    raw.format = raw.format or fmt
    raw.sha256 = sha
    if not any(line.text for line in raw.lines):
        raise ReadError(name, "no_text", f"no text could be read from this {fmt} file")
    if cached is not None:
        _store(cached, raw)
    return raw


def _cache_file(sha: str, fmt: str) -> Path | None:
    """Where VBPARSE_READ_CACHE keeps what was read from these bytes (OCR is the slow part of a
    re-parse); the key holds the version, so a new reader never serves an old reading."""
    folder = os.environ.get("VBPARSE_READ_CACHE")
    if not folder:
        return None
    from .. import __version__

    return Path(folder) / f"{sha[:32]}-{fmt}-{__version__}.json"


def _store(target: Path, raw: RawDocument) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(raw.to_dict(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time
