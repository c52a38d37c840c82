"""Layout facts shared by the readers that see tables (Markdown, .docx, PDF).

An administrative document puts its header (issuing body | Quốc hiệu) and its closing
(Nơi nhận | signer) side by side, usually in borderless two-column tables. Readers ask here which
table is which, and how to cut a cell whose lines a converter ran together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import cues
from ..text.charclass import LO, UP
from .base import Line, Loc, Zone


@dataclass(frozen=True)
class TableKind:
    name: str  # header, closing, addressee, plain

    def zone_for_column(self, col: int, ncols: int) -> Zone:
        if self.name == "header":
            return Zone.HEADER_LEFT if col == 0 else Zone.HEADER_RIGHT
        if self.name == "closing":
            return Zone.CLOSING_LEFT if col == 0 and ncols > 1 else Zone.CLOSING_RIGHT
        if self.name == "addressee":
            return Zone.BODY
        return Zone.TABLE


def classify_table(grid: list[list[str]], *, first: bool) -> TableKind:
    """Tell a header table from a closing table, a Kính gửi table, or an ordinary one."""
    cells = [c for row in grid for c in row]
    ncols = max((len(r) for r in grid), default=0)
    if ncols == 0 or ncols > 3:
        return TableKind("plain")
    text = " ".join(cells)
    top = " ".join(c for row in grid[:3] for c in row)
    if (first or len(grid) <= 3) and (cues.has_national_start(top) or cues.party_span(top)):
        return TableKind("header")
    if first and any(cues.NUMBER_LINE.match(c) for c in cells) and cues.DATE_PHRASE.search(text):
        return TableKind("header")
    if any(cues.RECIPIENTS.match(c) for c in cells):
        return TableKind("closing")
    if len(grid) <= 2 and any(cues.SIGN_PREFIX.match(c) for c in cells):
        return TableKind("closing")
    if len(grid) == 1 and ncols == 2 and not grid[0][0].strip() and _looks_like_signer(grid[0][1]):
        return TableKind("closing")
    if grid and grid[0] and cues.ADDRESSEE.match(grid[0][0]):
        return TableKind("addressee")
    return TableKind("plain")


_SIGNED = re.compile(r"[(\[]\s*(?:đã\s+ký|ký|daky)[^)\]]*[)\]]", re.IGNORECASE)


def table_lines(
    grid: list[list[str]], *, first: bool, loc: Callable[[int, int], Loc]
) -> list[Line]:
    """The lines of a table whose cells are text (Markdown, HTML): each cell cut back into its
    lines and placed in the zone its table and column give; `loc(row, col)` says where it stands."""
    kind = classify_table(grid, first=first)
    out: list[Line] = []
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            zone = kind.zone_for_column(c, len(row))
            out.extend(Line(part, loc(r, c), zone=zone) for part in split_cell(cell, zone))
    return out


def _looks_like_signer(cell: str) -> bool:
    """A personal name, maybe under an upper-case title and with a signature note:
    "HIỆU TRƯỞNG Nguyễn Văn A", "Nguyễn Mạnh Kiểm (Đã ký)"."""
    text = _SIGNED.sub(" ", cell).strip()
    return bool(re.match(rf"^(?:[^{LO}]{{4,}}\s+)?[{UP}][{LO}]+(\s+[{UP}][{LO}]+){{1,4}}$", text))


# Line breaks inside a table cell: <br>, and the backslash some converters write instead.
_BR = re.compile(r"<br\s*/?>|\s\\\\?(?=\s)|\\\\?$", re.IGNORECASE)
# A rule drawn with dashes/underscores under the issuing body or the motto.
_RULE = re.compile(r"\s*(?:[-_–—=]\s?){3,}\s*")
_HEADER_LEFT_BREAKS = re.compile(r"\s+(?=S[ốô]\s*:)|\s+(?=[Vv]\s*/\s*[Vv]\b)|\s+(?=Về\s+việc\b)")
# Quốc hiệu, then Tiêu ngữ, then "place, ngày …": cut after "VIỆT NAM" and after "Hạnh phúc".
_HEADER_RIGHT_BREAKS = re.compile(
    r"(?<=VIỆT NAM)\s+(?=\S)|(?<=[Hh]ạnh [Pp]húc)\s+(?=\S)|(?<=HẠNH PHÚC)\s+(?=\S)"
)
_ITEM_BREAKS = re.compile(r"(?<=[;:.,)])\s+(?=[-–+•*]\s*\S)")


def split_cell(cell: str, zone: Zone) -> list[str]:
    """Cut a table cell into the lines it had before a converter ran them together."""
    parts: list[str] = []
    for chunk in _BR.split(cell):
        for piece in _RULE.split(chunk):
            piece = piece.strip()
            if not piece:
                continue
            if zone is Zone.HEADER_LEFT:
                parts.extend(_HEADER_LEFT_BREAKS.split(piece))
            elif zone is Zone.HEADER_RIGHT:
                parts.extend(_HEADER_RIGHT_BREAKS.split(piece))
            elif zone is Zone.CLOSING_LEFT or (zone is Zone.BODY and cues.ADDRESSEE.match(piece)):
                parts.extend(_split_items(piece))
            else:
                parts.append(piece)
    return [p.strip() for p in parts if p and p.strip()]


def _split_items(text: str) -> list[str]:
    """'Nơi nhận: - A; - B.' → ['Nơi nhận:', '- A;', '- B.']"""
    head = re.match(r"^(N[ơo]i\s*nh[ậa]n\s*:|K[íi]nh\s*g[ửu]i\s*:)\s*", text, re.IGNORECASE)
    out: list[str] = []
    if head:
        out.append(head.group(1))
        text = text[head.end() :]
    out.extend(_ITEM_BREAKS.split(text) if text else [])
    return out
