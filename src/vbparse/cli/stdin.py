"""`vbparse parse -`: a document piped on standard input.

Readers choose by file name, so the bytes go to a temporary file whose suffix is guessed from
their first bytes (a PDF, an Office zip, RTF, HTML; plain text otherwise). The result names its
source "-", so nothing points at the temporary file, which is removed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any

from ..errors import ReadError

# (leading bytes, suffix): the formats a pipe may carry, by their magic numbers.
_MAGIC = (
    (b"%PDF", ".pdf"),
    (b"PK\x03\x04", ".docx"),
    (b"{\\rtf", ".rtf"),
    (b"\xd0\xcf\x11\xe0", ".doc"),
    (b"\x89PNG", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
)


def guess_suffix(data: bytes) -> str:
    for magic, suffix in _MAGIC:
        if data.startswith(magic):
            return suffix
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return ".html"
    return ".txt"


def parse_stdin(
    *, include_lines: bool = False, roles: str | None = None, entities: bool = False
) -> Any:
    """Parse the document on standard input; raises ReadError('-', …) when it is empty."""
    from ..pipeline import parse

    data = sys.stdin.buffer.read()
    if not data:
        raise ReadError("-", "empty", "standard input is empty")
    fd, path = tempfile.mkstemp(prefix="vbparse-stdin-", suffix=guess_suffix(data))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            doc = parse(path, include_lines=include_lines, roles=roles)
        except ReadError as exc:
            raise ReadError("-", exc.kind, exc.message) from None
    finally:
        os.unlink(path)
    doc.source.path = "-"
    if entities:
        from ..entities import add_entities

        add_entities(doc)
    return doc
