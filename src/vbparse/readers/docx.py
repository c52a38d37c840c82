"""Word .docx: paragraphs and tables in document order, with the form of each paragraph and run.

Walks the package's XML once with lxml (docx_package finds the parts, docx_styles resolves the
styles as Word does). Reads what sits inside content controls (w:sdt), text boxes, field results
and page headers/footers; recovers what Word draws but does not store in the paragraph text —
list labels generated from numbering definitions — and converts runs typed in legacy Vietnamese
fonts (.VnTime, VNI-Times) by their font name. Each line keeps its paragraph's form (alignment,
indents, runs with font, size, bold, italic, caps) and the document its sections' page setup, for
the form check of Nghị định 30/2020 (lint/form).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cues
from ..text import legacy
from ..text.normalize import clean
from .base import Line, Loc, PageSetup, ParagraphForm, RawDocument, Run, Zone
from .docx_package import Package, R, W
from .docx_styles import Styles, attr, para_props, run_props, twips_mm
from .layout import classify_table, split_cell

_attr = attr


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
    def from_root(cls, root: Any) -> _Numbering:
        numbering = cls()
        if root is None:
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


# --- paragraphs -------------------------------------------------------------------------------

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Containers whose runs are not the paragraph's visible text: deleted revisions, the fallback
# copy of an mc:AlternateContent (the same text again), text boxes (read as paragraphs of their
# own), the paragraph's properties.
_SKIP = {W + "del", W + "moveFrom", _MC + "Fallback", W + "pPr", W + "txbxContent", W + "rPr"}
_RUN_TEXT = {
    W + "t": None,
    W + "tab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}


@dataclass
class _Para:
    text: str
    form: ParagraphForm
    bold: bool | None
    italic: bool | None
    font: str | None
    size: float | None
    list_label: str | None
    converted: bool
    textboxes: list[Any] = field(default_factory=list)


@dataclass
class _Reader:
    styles: Styles
    numbering: _Numbering
    # every w:p of the part being read -> its document-order index (kept alive with the
    # elements, so lxml hands back the same proxies)
    positions: dict[Any, int] = field(default_factory=dict)
    part: str | None = None

    def enter(self, part: str, root: Any) -> None:
        self.part = part
        self.positions = {p: i for i, p in enumerate(root.iter(W + "p"))}

    def paragraph(self, p: Any, frame: str | None = None) -> _Para:
        ppr = p.find(W + "pPr")
        style_id = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        pprops = self.styles.paragraph(style_id, para_props(ppr))
        runs: list[Run] = []
        converted = False
        for r in text_runs(p):
            rpr = r.find(W + "rPr")
            rstyle = _attr(rpr.find(W + "rStyle"), "val") if rpr is not None else None
            props = self.styles.run(style_id, rstyle, run_props(rpr, self.styles.theme))
            text = "".join(_run_text(r))
            if not text:
                continue
            new = legacy.convert_run(text, props.get("font"))
            converted = converted or new != text
            runs.append(_make_run(new, props))
        form = ParagraphForm(
            runs=runs,
            align=pprops.get("align"),
            indent_left=pprops.get("indent_left"),
            indent_right=pprops.get("indent_right"),
            indent_first=pprops.get("indent_first"),
            style=style_id,
            frame=frame,
            part=self.part,
            xml_index=self.positions.get(p),
        )
        text = clean("".join(r.text for r in runs).replace("\t", " ").replace("\n", " "))
        label = self.numbering.label(*pprops["num"]) if text and "num" in pprops else None
        return _summary(text, form, label, converted, _textboxes(p))


def text_runs(p: Any) -> list[Any]:
    """The runs of a paragraph that hold text, in the order ParagraphForm.runs lists them."""
    return [r for r in _runs(p) if "".join(_run_text(r))]


def _runs(el: Any) -> Iterator[Any]:
    """The runs of a paragraph in reading order, through hyperlinks, content controls, fields,
    insertions and smart tags."""
    for child in el.iterchildren():
        tag = child.tag
        if tag == W + "r":
            yield child
        elif tag == _MC + "AlternateContent":
            choice = child.find(_MC + "Choice")
            if choice is not None:
                yield from _runs(choice)
        elif isinstance(tag, str) and tag not in _SKIP:
            yield from _runs(child)


def _t_text(t: Any) -> str:
    """A w:t's text. An entity reference the parser leaves unresolved (a DOCTYPE in a hostile
    file) is a child node: it is dropped, and the text after it, its tail, kept."""
    text = t.text or ""
    return text + "".join(c.tail or "" for c in t) if len(t) else text


def _run_text(r: Any) -> Iterator[str]:
    for child in r.iterchildren():
        if child.tag == W + "t":
            yield _t_text(child)
        elif child.tag in _RUN_TEXT:
            yield _RUN_TEXT[child.tag] or ""


def _textboxes(p: Any) -> list[Any]:
    """Text boxes anchored in this paragraph, once each (not their mc:Fallback copies)."""
    out = []
    for box in p.iter(W + "txbxContent"):
        if not any(a.tag == _MC + "Fallback" for a in box.iterancestors()):
            out.append(box)
    return out


def _make_run(text: str, props: dict[str, Any]) -> Run:
    return Run(
        text=text,
        font=props.get("font"),
        size=props.get("size"),
        bold=bool(props.get("bold")),
        italic=bool(props.get("italic")),
        caps=bool(props.get("caps")),
        underline=bool(props.get("underline")),
    )


def _summary(
    text: str, form: ParagraphForm, label: str | None, converted: bool, boxes: list[Any]
) -> _Para:
    """The paragraph-level facts the parser reads: all-bold, all-italic, main font and size."""
    inked = [r for r in form.runs if r.text.strip()]
    weights: dict[Any, int] = {}
    sizes: dict[Any, int] = {}
    for r in inked:
        weights[r.font] = weights.get(r.font, 0) + len(r.text)
        sizes[r.size] = sizes.get(r.size, 0) + len(r.text)
    return _Para(
        text=text,
        form=form,
        bold=all(r.bold for r in inked) if inked else None,
        italic=all(r.italic for r in inked) if inked else None,
        font=max(weights, key=weights.__getitem__) if weights else None,
        size=max(sizes, key=sizes.__getitem__) if sizes else None,
        list_label=label,
        converted=converted,
        textboxes=boxes,
    )


_WRAPPERS = (W + "sdt", W + "customXml", W + "ins", W + "smartTag")


def _children(parent: Any, wanted: tuple[str, ...]) -> Iterator[Any]:
    """`parent`'s children of the `wanted` tags in order, looking through content controls
    (w:sdt), custom XML, insertions and smart tags wrapped around them."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag in _WRAPPERS:
            inner = child.find(W + "sdtContent") if tag == W + "sdt" else child
            if inner is not None:
                yield from _children(inner, wanted)


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order."""
    return _children(parent, (W + "p", W + "tbl"))


def _rows(tbl: Any) -> Iterator[Any]:
    return _children(tbl, (W + "tr",))


def _cells(tr: Any) -> Iterator[Any]:
    return _children(tr, (W + "tc",))


# --- tab-laid headers and closings ------------------------------------------------------------

_TAB_SPLIT_BLOCKS = 14  # a header laid with tab stops sits in the first paragraphs
_CLOSING_BLOCKS = 12  # and a closing within a few paragraphs of "Nơi nhận:"
_SIDE_MAX = 90  # characters: a side of a header or closing is a short line
_RIGHT_INDENT_MM = 50.0
# what parts the two sides: tab stops, line breaks, or a wide run of spaces typed instead
_SIDES = re.compile(r"[\t\n]+| {4,}|\u00a0{4,}")
_NUMBER_BLANK = re.compile(r"^S[ốô]\s*:?$")


def _tab_zones(para: _Para, block: int, closing: bool) -> list[tuple[str, Zone]] | None:
    """A header or closing laid out with tab stops ("BỘ NỘI VỤ<tab>CỘNG HÒA …"): its two
    sides as (text, zone); None for an ordinary paragraph."""
    raw = "".join(r.text for r in para.form.runs)
    sides = [clean(s) for s in _SIDES.split(raw)]
    sides = [s for s in sides if s]
    if len(sides) > 2 and _NUMBER_BLANK.match(sides[0]) and sides[1].startswith("/"):
        # "Số:<spaces>/QĐ-UBND": the blank left for the number, not the gap between the sides
        sides[:2] = [f"{sides[0]} {sides[1]}"]
    if len(sides) == 1 and closing:
        # one side of a tab-laid closing: pushed right (the signer) or at the margin (a recipient)
        pushed = bool(_SIDES.match(raw)) or (para.form.indent_left or 0) >= _RIGHT_INDENT_MM
        return [(sides[0], Zone.CLOSING_RIGHT if pushed else Zone.CLOSING_LEFT)]
    if len(sides) < 2:
        return None
    left, right = sides[0], " ".join(sides[1:])
    if len(left) > _SIDE_MAX or len(right) > _SIDE_MAX:
        return None  # a paragraph of running text with a tab or a break in it
    if closing or cues.RECIPIENTS_LABEL.match(left):
        return [(left, Zone.CLOSING_LEFT), (right, Zone.CLOSING_RIGHT)]
    header = (
        cues.has_national_start(right)
        or cues.motto_span(right)
        or cues.PLACE_DATE.match(right)
        or cues.is_date_line(right)
        or cues.NUMBER_LINE.match(left)
    )
    if block < _TAB_SPLIT_BLOCKS and header:
        return [(left, Zone.HEADER_LEFT), (right, Zone.HEADER_RIGHT)]
    return None


def _title_lines(para: _Para) -> list[str]:
    """A type name and its trích yếu typed in one paragraph with a line break ("QUYẾT ĐỊNH⏎Về
    việc …"): one line each, as they stand on the page; any other paragraph stays one line."""
    raw = "".join(r.text for r in para.form.runs)
    parts = [clean(s.replace("\t", " ")) for s in raw.split("\n")]
    parts = [s for s in parts if s]
    if len(parts) > 1 and cues.title_type(parts[0]) and cues.is_upper(parts[0]):
        return parts
    return [para.text]


# --- the walk ---------------------------------------------------------------------------------


@dataclass
class _Walk:
    reader: _Reader
    lines: list[Line] = field(default_factory=list)
    block: int = 0
    table_index: int = 0
    seen_body_text: bool = False
    converted: bool = False
    closing_from: int | None = None  # the block where a tab-laid "Nơi nhận:" stands

    def body(self, parent: Any, frame: str | None = None, zone: Zone = Zone.BODY) -> None:
        for el in _blocks(parent):
            if el.tag == W + "p":
                self.paragraph(el, frame, zone)
            else:
                self.table(el, frame)

    def add(self, para: _Para, loc: Loc, zone: Zone, text: str | None = None) -> None:
        self.lines.append(
            Line(
                para.text if text is None else text,
                loc,
                zone=zone,
                bold=para.bold,
                italic=para.italic,
                font=para.font,
                size=para.size,
                list_label=para.list_label,
                form=para.form,
            )
        )

    def paragraph(self, p: Any, frame: str | None, zone: Zone) -> None:
        para = self.reader.paragraph(p, frame)
        self.converted = self.converted or para.converted
        if para.text:
            loc = Loc(paragraph=self.block)
            closing = (
                self.closing_from is not None and self.block - self.closing_from < _CLOSING_BLOCKS
            )
            split = _tab_zones(para, self.block, closing) if zone is Zone.BODY else None
            if split:
                if split[0][1] is Zone.CLOSING_LEFT and self.closing_from is None:
                    self.closing_from = self.block
                for text, side in split:
                    self.add(para, Loc(paragraph=self.block), side, text)
            else:
                for text in _title_lines(para) if zone is Zone.BODY else [para.text]:
                    self.add(para, loc, zone, text)
            self.seen_body_text = True
        for box in para.textboxes:
            self.body(box, "textbox", zone)
        self.block += 1

    def table(self, tbl: Any, frame: str | None) -> None:
        grid: list[list[list[_Para]]] = []
        for tr in _rows(tbl):
            row: list[list[_Para]] = []
            for tc in _cells(tr):
                paras = [self.reader.paragraph(p, frame) for p in tc.iter(W + "p")]
                row.append([p for p in paras if p.text])
            grid.append(row)
        text_grid = [[" ".join(p.text for p in cell) for cell in row] for row in grid]
        kind = classify_table(text_grid, first=not self.seen_body_text or self.table_index == 0)
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                zone = kind.zone_for_column(c, len(row))
                for para in cell:
                    self.converted = self.converted or para.converted
                    parts = split_cell(para.text, zone) if zone is not Zone.TABLE else [para.text]
                    for part in parts:
                        loc = Loc(paragraph=self.block, table=self.table_index, row=r, col=c)
                        self.add(para, loc, zone, part)
        self.table_index += 1
        self.block += 1


def _page_setup(sect: Any) -> PageSetup:
    size = sect.find(W + "pgSz")
    margins = sect.find(W + "pgMar")
    setup = PageSetup(
        width=twips_mm(_attr(size, "w")),
        height=twips_mm(_attr(size, "h")),
        top=twips_mm(_attr(margins, "top")),
        bottom=twips_mm(_attr(margins, "bottom")),
        left=twips_mm(_attr(margins, "left")),
        right=twips_mm(_attr(margins, "right")),
    )
    landscape = _attr(size, "orient") == "landscape"
    if landscape or (setup.width and setup.height and setup.width > setup.height):
        setup.orientation = "landscape"
    for side in ("top", "bottom"):  # a negative margin means "at least", text never overlaps
        value = getattr(setup, side)
        if value is not None:
            setattr(setup, side, abs(value))
    return setup


_PAGE_NUMBER = re.compile(
    r"^\W*(?:trang\s*)?[\dIVXivx]+(?:\s*(?:/|trên)\s*\d+)?\W*$", re.IGNORECASE
)


def _header_footer_lines(package: Package, body: Any, reader: _Reader) -> list[Line]:
    """Page headers and footers as lines outside the document's text (Zone.META)."""
    names: list[tuple[str, str]] = []
    for ref_tag, frame in (("headerReference", "header"), ("footerReference", "footer")):
        for ref in body.iter(W + ref_tag):
            target = package.target(ref.get(R + "id"))
            if target and (target, frame) not in names:
                names.append((target, frame))
    if not names and not package.rels:
        names = [(n, "header") for n in package.parts_like("header")]
        names += [(n, "footer") for n in package.parts_like("footer")]
    out: list[Line] = []
    for name, frame in names:
        root = package.xml(name)
        if root is None:
            continue
        reader.enter(name, root)
        walk = _Walk(reader)
        walk.body(root, frame, Zone.META)
        # a page number is the result of a PAGE field: it changes with the layout, not the text
        out.extend(ln for ln in walk.lines if not _PAGE_NUMBER.match(ln.text))
    return out


def read(path: Path, data: bytes) -> RawDocument:
    package = Package(str(path), data)
    root = package.document()
    body = root.find(W + "body")
    styles = Styles.from_parts(
        package.xml(package.related("styles")), package.xml(package.related("theme"))
    )
    reader = _Reader(styles, _Numbering.from_root(package.xml(package.related("numbering"))))
    reader.enter(package.main, root)
    walk = _Walk(reader)
    walk.body(body)
    sections = [_page_setup(s) for s in body.iter(W + "sectPr")]
    lines = walk.lines + _header_footer_lines(package, body, reader)
    encoding = "legacy-fonts" if walk.converted else None
    return RawDocument(
        path=str(path), format="docx", lines=lines, encoding=encoding, sections=sections
    )
