"""HTML pages (documents saved from a web portal, or Word's "Save as web page").

Block elements become lines; tables become grids that `layout.classify_table` places like the
Markdown reader does (header, closing, Kính gửi, ordinary), so a header table keeps its two
columns. Scripts, styles and the page's head are dropped.
"""

from __future__ import annotations

from functools import partial
from html.parser import HTMLParser
from pathlib import Path

from ..text.normalize import clean
from ..text.syllables import repair_split_syllables
from .base import Line, Loc, RawDocument, Zone
from .layout import table_lines
from .text import decode

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title", "section"}
_SKIP = {"script", "style", "head", "noscript", "template"}


class _Collector(HTMLParser):
    """Paragraphs and tables in document order, with the source line of each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (source line, paragraph text or table grid), in document order
        self.items: list[tuple[int, str | list[list[str]]]] = []
        self._text: list[str] = []
        self._skip = 0
        self._tables: list[list[list[str]]] = []  # nested tables: innermost last
        self._cell: list[str] | None = None
        self._line = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "table":
            self._flush()
            self._tables.append([])
        elif tag == "tr" and self._tables:
            self._tables[-1].append([])
        elif tag in ("td", "th") and self._tables:
            self._cell = []
        elif tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._tables and self._cell is not None:
            if not self._tables[-1]:
                self._tables[-1].append([])
            self._tables[-1][-1].append(" ".join(self._cell))
            self._cell = None
        elif tag == "table" and self._tables:
            grid = self._tables.pop()
            if (
                self._tables and self._cell is not None
            ):  # a table inside a cell: its text joins the cell
                self._cell.extend(" ".join(row) for row in grid)
            else:
                self.items.append((self._line, grid))
        elif tag in _BLOCKS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif not self._tables:
            if not self._text:
                self._line = self.getpos()[0]
            self._text.append(data)

    def _newline(self) -> None:
        if self._cell is not None:
            self._cell.append("<br>")
        else:
            self._flush()

    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        if text.strip():
            self.items.append((self._line, text))

    def close(self) -> None:
        super().close()
        self._flush()


def _cell_loc(line: int, table: int, row: int, col: int) -> Loc:
    return Loc(line=line, table=table, row=row, col=col)


def read(path: Path, data: bytes) -> RawDocument:
    text, encoding, warnings = decode(path, data)
    collector = _Collector()
    collector.feed(text)
    collector.close()
    lines: list[Line] = []
    tables = 0
    for line_no, value in collector.items:
        if isinstance(value, str):
            for part in value.splitlines():
                cleaned = repair_split_syllables(clean(part))
                if cleaned:
                    lines.append(Line(cleaned, Loc(line=line_no)))
            continue
        # Cells keep their "<br>": split_cell cuts them there into the cell's lines.
        grid = [[repair_split_syllables(clean(cell)) for cell in row] for row in value]
        where = partial(_cell_loc, line_no, tables)
        # A page's layout tables come before the document: the header is the first table that
        # looks like one, wherever it stands.
        first = not any(ln.zone is Zone.HEADER_RIGHT for ln in lines)
        lines.extend(table_lines(grid, first=first, loc=where))
        tables += 1
    return RawDocument(
        path=str(path), format="html", lines=lines, encoding=encoding, warnings=warnings
    )
