"""`vbparse lint --fix IN.docx -o OUT.docx`: set the form to the decree's values, never the text.

Only properties change: the page size and margins (clamped into the decree's ranges), the font
of every run (Times New Roman; runs in a legacy Vietnamese font are left alone, since their
letters are legacy bytes that another font would show as other letters), and for each
recognised component its size (the nearest allowed), bold, italic, capitals display and
alignment. No w:t element is touched, so the text read back is the text read before; each
change is reported.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...readers.base import RawDocument, Run
from ...readers.docx import text_runs
from ...readers.docx_package import Package, W
from ...text import legacy
from .check import _bad_size, _font_key, covered_runs
from .parts import ARTICLE, Piece, name_pieces, pieces, shown
from .tables import FONT, PAGE_RULES, RULES_BY_COMPONENT, SYMBOL_FONTS, ComponentRule

_MM_TWIPS = 1440 / 25.4
A4_TWIPS = (11906, 16838)


@dataclass
class Change:
    where: str  # "trang", "đoạn 12, run 3" …
    what: str  # property: font, size, bold, italic, caps, align, margin.left …
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what} {self.before} → {self.after}"


def fix_docx(raw: RawDocument, data: bytes) -> tuple[bytes, list[Change]]:
    """The package with its form set to the decree's values, and the changes made."""
    package = Package(raw.path, data)
    roots: dict[str, Any] = {}
    changes: list[Change] = []

    def root_of(part: str) -> Any:
        if part not in roots:
            roots[part] = package.xml(part)
        return roots[part]

    main = root_of(package.main)
    _fix_page(main, changes)
    items = pieces(raw.lines)
    name_pieces(items)
    paragraphs: dict[str, list[Any]] = {}
    done: set[tuple[str, int]] = set()
    for piece in items:
        form = piece.form
        if form.part is None or form.xml_index is None:
            continue
        paras = paragraphs.setdefault(form.part, list(root_of(form.part).iter(W + "p")))
        p = paras[form.xml_index]
        runs = text_runs(p)
        if (form.part, form.xml_index) not in done:
            done.add((form.part, form.xml_index))
            _fix_fonts(runs, form.runs, form.xml_index, changes)
        rule = RULES_BY_COMPONENT.get(piece.component or "")
        if rule is not None:
            _fix_component(piece, rule, p, runs, changes)
        if piece.component == "noi_dung" and piece.first_of_paragraph and ARTICLE.match(piece.text):
            _fix_component(piece, RULES_BY_COMPONENT["dieu"], p, runs, changes)
    return _write(package, roots, data), changes


def _fix_page(main: Any, changes: list[Change]) -> None:
    for sect in main.iter(W + "sectPr"):
        size = sect.find(W + "pgSz")
        if size is not None:
            landscape = size.get(W + "orient") == "landscape" or int(size.get(W + "w") or 0) > int(
                size.get(W + "h") or 1
            )
            w, h = A4_TWIPS[::-1] if landscape else A4_TWIPS
            for name, want in (("w", w), ("h", h)):
                have = size.get(W + name)
                if have is None or abs(int(have) - want) > 0.5 * _MM_TWIPS:
                    size.set(W + name, str(want))
                    changes.append(Change("trang", f"page.{name}", _mm(have), _mm(str(want))))
        margins = sect.find(W + "pgMar")
        if margins is None:
            continue
        for rule in PAGE_RULES:
            if rule.field in ("width", "height") or margins.get(W + rule.field) is None:
                continue
            have = int(float(margins.get(W + rule.field) or 0))
            mm = abs(have) / _MM_TWIPS
            if rule.low - 0.5 <= mm <= rule.high + 0.5:
                continue
            want = round((rule.low if mm < rule.low else rule.high) * _MM_TWIPS)
            margins.set(W + rule.field, str(want if have >= 0 else -want))
            changes.append(Change("trang", rule.rule, _mm(str(have)), _mm(str(want))))


def _mm(twips: str | None) -> str:
    return "?" if twips is None else f"{abs(int(float(twips))) / _MM_TWIPS:.1f} mm"


# The schema's order of rPr and pPr children (a sequence: Word refuses other orders).
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _child(parent: Any, tag: str, order: list[str]) -> Any:
    """parent's child `tag`, created at its place in the schema's order when missing."""
    from lxml import etree

    el = parent.find(W + tag)
    if el is not None:
        return el
    el = etree.Element(W + tag)
    rank = order.index(tag) if tag in order else len(order)
    for k, sibling in enumerate(parent):
        name = sibling.tag.split("}")[-1] if isinstance(sibling.tag, str) else ""
        if name in order and order.index(name) > rank:
            parent.insert(k, el)
            return el
    parent.append(el)
    return el


def _rpr(run: Any) -> Any:
    """The run's properties, created as its first child (where the schema puts them)."""
    rpr = run.find(W + "rPr")
    if rpr is None:
        from lxml import etree

        rpr = etree.Element(W + "rPr")
        run.insert(0, rpr)
    return rpr


def _set(rpr: Any, tag: str, attrs: dict[str, str] | None) -> None:
    """Set (attrs) or remove (None) a run property element."""
    el = rpr.find(W + tag)
    if attrs is None:
        if el is not None:
            rpr.remove(el)
        return
    el = _child(rpr, tag, _RPR_ORDER)
    for k in list(el.attrib):
        del el.attrib[k]
    for k, v in attrs.items():
        el.set(W + k, v)


def _fix_fonts(runs: list[Any], resolved: list[Run], para: int, changes: list[Change]) -> None:
    """Times New Roman on every run whose font, styles resolved, is another one."""
    for k, (run, form) in enumerate(zip(runs, resolved, strict=False)):
        key = _font_key(form.font)
        if key in SYMBOL_FONTS or key == _font_key(FONT):
            continue
        if legacy.font_encoding(form.font)[0] is not None:
            continue  # legacy-encoded letters: another font would show other letters
        _set(_rpr(run), "rFonts", {"ascii": FONT, "hAnsi": FONT, "cs": FONT, "eastAsia": FONT})
        changes.append(Change(f"đoạn {para}, run {k}", "font", form.font or "?", FONT))


def _fix_component(
    piece: Piece, rule: ComponentRule, p: Any, runs: list[Any], changes: list[Change]
) -> None:
    where = f"đoạn {piece.form.xml_index}"
    for k, run in covered_runs(piece, rule):
        if k >= len(runs):
            continue
        el = runs[k]
        if _bad_size(run, rule) and rule.sizes is not None and run.size is not None:
            size = min(max(run.size, rule.sizes[0]), rule.sizes[1])
            half = str(round(size * 2))
            _set(_rpr(el), "sz", {"val": half})
            _set(_rpr(el), "szCs", {"val": half})
            changes.append(Change(f"{where}, run {k}", "size", f"{run.size:g}", f"{size:g}"))
        for prop, tag, wanted in (("bold", "b", rule.bold), ("italic", "i", rule.italic)):
            if wanted is not None and bool(getattr(run, prop)) != wanted:
                _set(_rpr(el), tag, {} if wanted else {"val": "0"})
                _set(_rpr(el), tag + "Cs", {} if wanted else {"val": "0"})
                changes.append(Change(f"{where}, run {k}", prop, str(not wanted), str(wanted)))
        if rule.upper is True and shown(run) != shown(run).upper():
            _set(_rpr(el), "caps", {})
            changes.append(Change(f"{where}, run {k}", "caps", "False", "True"))
        if rule.upper is False and run.caps:  # in thường: the capitals display off (text kept)
            _set(_rpr(el), "caps", {"val": "0"})
            changes.append(Change(f"{where}, run {k}", "caps", "True", "False"))
    alone = piece.side is None and piece.form.frame is None and piece.line.loc.table is None
    if rule.align and piece.first_of_paragraph and alone and piece.form.align != rule.align:
        _set_align(p, rule.align)
        changes.append(Change(where, "align", piece.form.align or "left", rule.align))


def _set_align(p: Any, align: str) -> None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        from lxml import etree

        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    _child(ppr, "jc", _PPR_ORDER).set(W + "val", align)


def _write(package: Package, roots: dict[str, Any], data: bytes) -> bytes:
    """The package again, the changed parts serialised, every other member copied as it was."""
    from lxml import etree

    out = io.BytesIO()
    source = package.zip
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = info.filename.lstrip("/")
            if part in roots and roots[part] is not None:
                content = etree.tostring(roots[part], xml_declaration=True, encoding="UTF-8",
                                         standalone=True)  # fmt: skip
                target.writestr(info, content)
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def fix_path(src: Path, dst: Path) -> list[Change]:
    """Read `src`, write the fixed package to `dst`; the changes made."""
    from ...readers import read

    raw = read(src)
    fixed, changes = fix_docx(raw, src.read_bytes())
    dst.write_bytes(fixed)
    return changes
