"""Markdown as converters write it: paragraphs, `#` headings, and pipe tables.

Converters (thuvienphapluat exports, pandoc, PDF-to-Markdown tools) put the two-column header and
the closing block (Nơi nhận | signer) into pipe tables, with each cell's lines run together.
Cells are split back into lines at `<br>` and at the dash rules under the issuing body and the
motto; which zone a table belongs to is decided by `layout.classify_table`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..text.normalize import clean
from ..text.syllables import repair_split_syllables
from .base import Line, Loc, RawDocument, Zone
from .layout import table_lines
from .text import decode, split_lines

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(\s*:?-{2,}:?\s*\|)+\s*$")
_SOURCE_NOTE = re.compile(r"^\s*[*_]*(source|nguồn)\s*:", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


_INLINE_TAG = re.compile(
    r"</?(?:sup|sub|b|i|u|em|strong|span)\b[^>]*>"
)  # not <br>: it breaks lines


def _strip_inline(text: str) -> str:
    # Each rewrite only where its marker occurs: most lines have none, and this runs per line.
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return repair_split_syllables(clean(text))


def _cells(row: str) -> list[str]:
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    # A pipe escaped as \| belongs to the cell text.
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def read(path: Path, data: bytes) -> RawDocument:
    text, encoding, warnings = decode(path, data)
    raw_lines = [line.rstrip("\r\n") for line in split_lines(text)]
    offsets: list[int] = []
    pos = 0
    for raw_line in split_lines(text):
        offsets.append(pos)
        pos += len(raw_line)

    lines: list[Line] = []
    table_index = 0
    seen_table = False
    i = 0
    while i < len(raw_lines):
        raw_line = raw_lines[i]
        if _TABLE_ROW.match(raw_line):
            rows: list[tuple[int, list[str]]] = []
            while i < len(raw_lines) and _TABLE_ROW.match(raw_lines[i]):
                if not _TABLE_RULE.match(raw_lines[i]):
                    rows.append((i, [_strip_inline(c) for c in _cells(raw_lines[i])]))
                i += 1
            lines.extend(_table_lines(rows, table_index, offsets, before_body=not seen_table))
            table_index += 1
            seen_table = True
            continue
        stripped = raw_line.strip()
        if stripped:
            zone = Zone.BODY
            if not lines and _SOURCE_NOTE.match(stripped):
                zone = Zone.META
            elif (
                _HEADING.match(stripped)
                and not seen_table
                and not any(ln.zone is not Zone.META for ln in lines)
            ):
                # A page title above the header table (as web exports write it) is not the
                # document's own text; the real title follows the header.
                zone = Zone.META
            content = _strip_inline(_HEADING.sub("", stripped))
            if content and not re.fullmatch(r"[-_=*\s]{3,}", content):
                start = offsets[i] + (len(raw_line) - len(raw_line.lstrip()))
                lines.append(
                    Line(
                        content,
                        Loc(
                            line=i + 1,
                            char_start=start,
                            char_end=offsets[i] + len(raw_line.rstrip()),
                        ),
                        zone=zone,
                    )
                )
        i += 1
    _demote_title_if_no_header(lines)
    return RawDocument(
        path=str(path), format="md", lines=lines, encoding=encoding, warnings=warnings
    )


def _demote_title_if_no_header(lines: list[Line]) -> None:
    """With no header table at all, a leading `#` title is the document's own title: keep it."""
    if any(ln.zone in (Zone.HEADER_LEFT, Zone.HEADER_RIGHT) for ln in lines):
        return
    for ln in lines:
        if ln.zone is Zone.META and not _SOURCE_NOTE.match(ln.text):
            ln.zone = Zone.BODY


def _table_lines(
    rows: list[tuple[int, list[str]]], table_index: int, offsets: list[int], *, before_body: bool
) -> list[Line]:
    def loc(r: int, c: int) -> Loc:
        line_no = rows[r][0]
        return Loc(line=line_no + 1, table=table_index, row=r, col=c, char_start=offsets[line_no])

    return table_lines([cells for _, cells in rows], first=before_body, loc=loc)
