"""Word .docx through python-docx: paragraphs and tables in document order.

Walks the body XML once (python-docx's object layer is slow per run). Recovers what Word draws
but does not store in the paragraph text — list labels generated from numbering definitions —
and converts runs typed in legacy Vietnamese fonts (.VnTime, VNI-Times) by their font name.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text import legacy
from ..text.normalize import clean
from .base import Line, Loc, RawDocument, ReadError, Zone
from .layout import classify_table, split_cell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _attr(el: Any, name: str) -> str | None:
    return el.get(W + name) if el is not None else None


# --- numbering --------------------------------------------------------------------------------


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Numbering definitions and the running counters Word keeps while laying out the document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> levels
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstractNumId -> per level

    @classmethod
    def from_document(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for absn in root.iterchildren(W + "abstractNum"):
            aid = _attr(absn, "abstractNumId") or ""
            levels: dict[int, _Level] = {}
            for lvl in absn.iterchildren(W + "lvl"):
                level = _Level()
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                level.start = int(_attr(start, "val") or 1)
                level.fmt = _attr(fmt, "val") or "decimal"
                level.text = _attr(text, "val") or ""
                levels[int(_attr(lvl, "ilvl") or 0)] = level
            numbering.levels[aid] = levels
        for num in root.iterchildren(W + "num"):
            nid = _attr(num, "numId") or ""
            absref = num.find(W + "abstractNumId")
            numbering.num_to_abstract[nid] = _attr(absref, "val") or ""
            for ov in num.iterchildren(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    numbering.overrides[(nid, int(_attr(ov, "ilvl") or 0))] = int(
                        _attr(so, "val") or 1
                    )
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        aid = self.num_to_abstract.get(num_id)
        if aid is None or num_id == "0":
            return None
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none":
            return level.text or None
        counters = self.counters.setdefault(aid, [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = self.overrides.get((num_id, ilvl), level.start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k, _Level())
            value = counters[k] or self.overrides.get((num_id, k), lv.start)
            text = text.replace(f"%{k + 1}", _format_number(value, lv.fmt))
        return text.strip() or None


def _bullet(symbol: str) -> str:
    # Symbol/Wingdings bullets are private-use code points; what matters is that it is a bullet.
    if not symbol or ord(symbol[0]) >= 0xE000 or symbol in "·•▪■●○◦":
        return "•"
    return symbol.strip() or "•"


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghiklmnopqrstuvxy"  # Vietnamese lists skip j, w, z
        ch = letters[(value - 1) % len(letters)]
        return ch if fmt == "lowerLetter" else ch.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = []
    for n, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= n:
            out.append(s)
            value -= n
    return "".join(out)


# --- styles -----------------------------------------------------------------------------------


@dataclass
class _Styles:
    """What a paragraph inherits from its style: font name and numbering."""

    fonts: dict[str, str] = field(default_factory=dict)
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    default_font: str | None = None

    @classmethod
    def from_document(cls, document: Any) -> _Styles:
        styles = cls()
        try:
            root = document.styles.element
        except (KeyError, AttributeError):
            return styles
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        styles.default_font = _font_of(defaults)
        based_on: dict[str, str] = {}
        for st in root.iterchildren(W + "style"):
            sid = _attr(st, "styleId") or ""
            fonts = st.find(f"{W}rPr/{W}rFonts")
            if _font_of(fonts):
                styles.fonts[sid] = _font_of(fonts) or ""
            num = st.find(f"{W}pPr/{W}numPr")
            if num is not None:
                nid = _attr(num.find(W + "numId"), "val")
                if nid:
                    styles.numbering[sid] = (nid, int(_attr(num.find(W + "ilvl"), "val") or 0))
            parent = st.find(W + "basedOn")
            if parent is not None:
                based_on[sid] = _attr(parent, "val") or ""
        for sid in list(based_on):
            seen = {sid}
            cur = sid
            while sid not in styles.fonts and cur in based_on and based_on[cur] not in seen:
                cur = based_on[cur]
                seen.add(cur)
                if cur in styles.fonts:
                    styles.fonts[sid] = styles.fonts[cur]
        return styles


def _font_of(rfonts: Any) -> str | None:
    if rfonts is None:
        return None
    return _attr(rfonts, "ascii") or _attr(rfonts, "hAnsi") or _attr(rfonts, "cs")


# --- paragraphs -------------------------------------------------------------------------------


@dataclass
class _Para:
    text: str
    bold: bool | None
    italic: bool | None
    font: str | None
    list_label: str | None
    converted: bool


def _t_text(t: Any) -> str:
    """A w:t's text. An entity reference the parser leaves unresolved (a DOCTYPE in a hostile
    file) is a child node: it is dropped, and the text after it, its tail, kept."""
    text = t.text or ""
    return text + "".join(c.tail or "" for c in t) if len(t) else text


def _paragraph(p: Any, styles: _Styles, numbering: _Numbering) -> _Para:
    ppr = p.find(W + "pPr")
    style_id = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
    para_font = styles.fonts.get(style_id or "", styles.default_font)
    pieces: list[str] = []
    bold_all = True
    italic_all = True
    any_text = False
    fonts: list[str] = []
    converted = False
    for r in p.iter(W + "r"):
        rpr = r.find(W + "rPr")
        font = _font_of(rpr.find(W + "rFonts")) if rpr is not None else None
        font = font or para_font
        run_text = []
        for child in r:
            tag = child.tag
            if tag == W + "t":
                run_text.append(_t_text(child))
            elif tag in (W + "tab", W + "br", W + "cr"):
                run_text.append(" ")
            elif tag == W + "noBreakHyphen":
                run_text.append("-")
        text = "".join(run_text)
        if not text:
            continue
        new = legacy.convert_run(text, font)
        converted = converted or new != text
        pieces.append(new)
        if text.strip():
            any_text = True
            if font:
                fonts.append(font)
            b = rpr.find(W + "b") if rpr is not None else None
            i = rpr.find(W + "i") if rpr is not None else None
            bold_all = bold_all and b is not None and _attr(b, "val") not in ("0", "false")
            italic_all = italic_all and i is not None and _attr(i, "val") not in ("0", "false")
    label = None
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    ref: tuple[str, int] | None = None
    if num_pr is not None:
        nid = _attr(num_pr.find(W + "numId"), "val")
        if nid:
            ref = (nid, int(_attr(num_pr.find(W + "ilvl"), "val") or 0))
    elif style_id in styles.numbering:
        ref = styles.numbering[style_id]
    text = clean("".join(pieces))
    if ref and text:
        label = numbering.label(*ref)
    return _Para(
        text=text,
        bold=bold_all if any_text else None,
        italic=italic_all if any_text else None,
        font=max(set(fonts), key=fonts.count) if fonts else para_font,
        list_label=label,
        converted=converted,
    )


def read(path: Path, data: bytes) -> RawDocument:
    import docx  # python-docx; imported here so other formats never pay for it
    from docx.opc.exceptions import PackageNotFoundError

    name = str(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError(
            name, "corrupt", f"is not a readable .docx (damaged or truncated: {exc})"
        ) from exc
    except Exception as exc:  # lxml and zip errors of many kinds on damaged files
        raise ReadError(
            name, "corrupt", f"is not a readable .docx ({type(exc).__name__}: {exc})"
        ) from exc

    styles = _Styles.from_document(document)
    numbering = _Numbering.from_document(document)
    lines: list[Line] = []
    converted_any = False
    block = 0
    table_index = 0
    seen_body_text = False
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            para = _paragraph(child, styles, numbering)
            converted_any = converted_any or para.converted
            if para.text:
                lines.append(
                    Line(
                        para.text,
                        Loc(paragraph=block),
                        bold=para.bold,
                        italic=para.italic,
                        font=para.font,
                        list_label=para.list_label,
                    )
                )
                seen_body_text = True
            block += 1
        elif child.tag == W + "tbl":
            grid: list[list[list[_Para]]] = []
            for tr in child.iterchildren(W + "tr"):
                row: list[list[_Para]] = []
                for tc in tr.iterchildren(W + "tc"):
                    paras = [_paragraph(p, styles, numbering) for p in tc.iter(W + "p")]
                    row.append([p for p in paras if p.text])
                grid.append(row)
            text_grid = [[" ".join(p.text for p in cell) for cell in row] for row in grid]
            kind = classify_table(text_grid, first=not seen_body_text or table_index == 0)
            for r, row in enumerate(grid):
                for c, cell in enumerate(row):
                    zone = kind.zone_for_column(c, len(row))
                    for para in cell:
                        converted_any = converted_any or para.converted
                        for part in (
                            split_cell(para.text, zone) if zone is not Zone.TABLE else [para.text]
                        ):
                            lines.append(
                                Line(
                                    part,
                                    Loc(paragraph=block, table=table_index, row=r, col=c),
                                    zone=zone,
                                    bold=para.bold,
                                    italic=para.italic,
                                    font=para.font,
                                    list_label=para.list_label,
                                )
                            )
            table_index += 1
            block += 1
    encoding = None
    if converted_any:
        encoding = "legacy-fonts"
    return RawDocument(path=name, format="docx", lines=lines, encoding=encoding)
