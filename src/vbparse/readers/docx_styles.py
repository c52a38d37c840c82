"""Paragraph and run properties resolved as Word resolves them.

Word lays properties in layers, each overriding the one before: the document defaults
(docDefaults), the paragraph style and the styles it is based on, the run's character style and
its bases, then the paragraph's and run's direct formatting. Theme font references
(minorHAnsi …) name the theme's fonts. A package without styles gets Word's own defaults
(Times New Roman, 10 pt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .docx_package import W

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_TWIP_MM = 25.4 / 1440
WORD_DEFAULT_FONT = "Times New Roman"
WORD_DEFAULT_SIZE = 10.0
_TOGGLES = (("b", "bold"), ("i", "italic"), ("caps", "caps"))


def attr(el: Any, name: str) -> str | None:
    return el.get(W + name) if el is not None else None


def _on(el: Any) -> bool:
    return attr(el, "val") not in ("0", "false", "off")


def twips_mm(value: str | None) -> float | None:
    try:
        return round(int(float(value)) * _TWIP_MM, 2) if value is not None else None
    except ValueError:
        return None


def run_props(rpr: Any, theme: dict[str, str]) -> dict[str, Any]:
    """The run properties an rPr element sets (only those it sets)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    fonts = rpr.find(W + "rFonts")
    if fonts is not None:
        name = attr(fonts, "ascii") or attr(fonts, "hAnsi")
        theme_ref = attr(fonts, "asciiTheme") or attr(fonts, "hAnsiTheme")
        if theme_ref:
            name = theme.get("major" if theme_ref.startswith("major") else "minor") or name
        if name:
            out["font"] = name
    sz = rpr.find(W + "sz")
    if sz is not None and (attr(sz, "val") or "").isdigit():
        out["size"] = int(attr(sz, "val") or 0) / 2
    for tag, key in _TOGGLES:
        el = rpr.find(W + tag)
        if el is not None:
            out[key] = _on(el)
    u = rpr.find(W + "u")
    if u is not None:
        out["underline"] = attr(u, "val") not in ("none", "0", "false")
    return out


def para_props(ppr: Any) -> dict[str, Any]:
    """The paragraph properties a pPr element sets: alignment, indents (mm), numbering."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    jc = ppr.find(W + "jc")
    if jc is not None and attr(jc, "val"):
        out["align"] = {"start": "left", "end": "right"}.get(attr(jc, "val") or "", attr(jc, "val"))
    ind = ppr.find(W + "ind")
    if ind is not None:
        for key, names in (
            ("indent_left", ("left", "start")),
            ("indent_right", ("right", "end")),
        ):
            value = next((attr(ind, n) for n in names if attr(ind, n) is not None), None)
            if value is not None:
                out[key] = twips_mm(value)
        if attr(ind, "hanging") is not None:
            out["indent_first"] = -(twips_mm(attr(ind, "hanging")) or 0.0)
        elif attr(ind, "firstLine") is not None:
            out["indent_first"] = twips_mm(attr(ind, "firstLine"))
    num = ppr.find(W + "numPr")
    if num is not None:
        nid = attr(num.find(W + "numId"), "val")
        if nid:
            out["num"] = (nid, int(attr(num.find(W + "ilvl"), "val") or 0))
    return out


@dataclass
class _Style:
    kind: str
    based_on: str | None
    ppr: dict[str, Any]
    rpr: dict[str, Any]


@dataclass
class Styles:
    """The style sheet: defaults and each style's own properties, resolved on demand."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_run: dict[str, Any] = field(default_factory=dict)
    default_para: dict[str, Any] = field(default_factory=dict)
    default_style: str | None = None
    theme: dict[str, str] = field(default_factory=dict)
    _cache: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_parts(cls, styles_root: Any, theme_root: Any) -> Styles:
        sheet = cls(theme=_theme_fonts(theme_root))
        sheet.default_run = {"font": WORD_DEFAULT_FONT, "size": WORD_DEFAULT_SIZE}
        if styles_root is None:
            return sheet
        sheet.default_run.update(
            run_props(styles_root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), sheet.theme)
        )
        sheet.default_para = para_props(styles_root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr"))
        for st in styles_root.iterchildren(W + "style"):
            sid = attr(st, "styleId") or ""
            kind = attr(st, "type") or "paragraph"
            sheet.styles[sid] = _Style(
                kind=kind,
                based_on=attr(st.find(W + "basedOn"), "val"),
                ppr=para_props(st.find(W + "pPr")),
                rpr=run_props(st.find(W + "rPr"), sheet.theme),
            )
            if kind == "paragraph" and attr(st, "default") in ("1", "true", "on"):
                sheet.default_style = sid
        return sheet

    def chain(self, style_id: str | None, which: str) -> dict[str, Any]:
        """`which` ('ppr' or 'rpr') properties of a style with everything it is based on."""
        key = (style_id or "", which)
        if key in self._cache:
            return self._cache[key]
        layers: list[dict[str, Any]] = []
        seen: set[str] = set()
        cur = style_id
        while cur and cur in self.styles and cur not in seen:
            seen.add(cur)
            layers.append(getattr(self.styles[cur], which))
            cur = self.styles[cur].based_on
        merged: dict[str, Any] = {}
        for layer in reversed(layers):
            merged.update(layer)
        self._cache[key] = merged
        return merged

    def paragraph(self, style_id: str | None, direct: dict[str, Any]) -> dict[str, Any]:
        sid = style_id if style_id in self.styles else self.default_style
        return {**self.default_para, **self.chain(sid, "ppr"), **direct}

    def run(
        self, para_style: str | None, run_style: str | None, direct: dict[str, Any]
    ) -> dict[str, Any]:
        sid = para_style if para_style in self.styles else self.default_style
        return {
            **self.default_run,
            **self.chain(sid, "rpr"),
            **self.chain(run_style, "rpr"),
            **direct,
        }


def _theme_fonts(theme_root: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if theme_root is None:
        return out
    for kind in ("major", "minor"):
        latin = theme_root.find(f".//{_A}{kind}Font/{_A}latin")
        if latin is not None and latin.get("typeface"):
            out[kind] = latin.get("typeface")
    return out
