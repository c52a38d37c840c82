"""The form rules on a document that carries form (.docx; .doc and .odt through conversion):
page size and margins, font, and each component's size, case, emphasis, alignment and side.

Values come from tables.py; a finding says what was found and what the decree expects
("cỡ chữ 11, quy định 12–13") with the rule's reference, and points at the paragraph (and, in
`detail`, the run) it is about.
"""

from __future__ import annotations

import re
from collections import Counter

from ... import cues
from ...readers.base import PageSetup, Run
from ..model import LintContext, Severity
from .parts import ARTICLE, Piece, name_pieces, pieces, shown
from .tables import (
    BODY_SHARE,
    FONT,
    FONT_REF,
    MISSING_REFS,
    PAGE_RULES,
    PAGE_TOLERANCE_MM,
    RULES_BY_COMPONENT,
    SYMBOL_FONTS,
    ComponentRule,
)


def has_form(ctx: LintContext) -> bool:
    return bool(ctx.raw.sections) or any(ln.form is not None for ln in ctx.lines)


def named_pieces(ctx: LintContext) -> list[Piece]:
    items = pieces(ctx.lines)
    name_pieces(items)
    return items


def check(ctx: LintContext) -> None:
    if not has_form(ctx):
        return  # text, Markdown, PDF: only the rules the text can show apply
    _page(ctx)
    items = named_pieces(ctx)
    _fonts(ctx, items)
    body = [p for p in items if p.component == "noi_dung"]
    for p in items:
        if p.component and p.component != "noi_dung":
            _component(ctx, p, RULES_BY_COMPONENT[p.component])
    _body(ctx, body)
    for p in body:  # the "Điều 1." label of an article (mục II, khoản 6, điểm đ)
        if ARTICLE.match(p.text) and p.first_of_paragraph:
            _component(ctx, p, RULES_BY_COMPONENT["dieu"])
    _missing_subject(ctx, items)


def _missing_subject(ctx: LintContext, items: list[Piece]) -> None:
    """A type name with no trích yếu under it (the next line is the authority or a căn cứ): the
    parser may have read that line as the subject, so the text rule cannot see the gap."""
    names = [k for k, p in enumerate(items) if p.component == "ten_loai"]
    if not names or any(p.component == "trich_yeu" for p in items):
        return
    if any(f.code == "missing_component" and f.detail.get("component") == "subject"
           for f in ctx.findings):  # fmt: skip
        return
    nxt = next((p for p in items[names[0] + 1 :] if not cues.RULE_LINE.match(p.text)), None)
    if nxt is None or cues.is_upper(nxt.text) or cues.BASES_OPENER.match(nxt.text):
        line = items[names[0]].line
        ref = MISSING_REFS["subject"]
        ctx.add("missing_component", "error", line, "missing_component", component="subject",
                ref=ref)  # fmt: skip


# --- page -------------------------------------------------------------------------------------


def _page(ctx: LintContext) -> None:
    anchor = ctx.lines[0] if ctx.lines else None
    reported: set[str] = set()
    for section in ctx.raw.sections:
        for rule in PAGE_RULES:
            value = _page_value(section, rule.field)
            if value is None or rule.rule in reported:
                continue
            if rule.low - PAGE_TOLERANCE_MM <= value <= rule.high + PAGE_TOLERANCE_MM:
                continue
            reported.add(rule.rule)
            if rule.field in ("width", "height"):
                if "page.size" in reported:
                    continue
                reported.add("page.size")
                found = f"{_num(section.width)} × {_num(section.height)}"
                ctx.add(
                    "page_setup",
                    rule.severity,
                    anchor,
                    "form_page_size",
                    quote="",
                    found=found,
                    expected="210 × 297",
                    ref=rule.ref,
                    rule="page.size",
                )
                continue
            expected = f"{_num(rule.low)}–{_num(rule.high)}"
            ctx.add(
                "page_setup",
                rule.severity,
                anchor,
                "form_margin",
                quote="",
                side=f"form.{rule.field}",
                found=_num(value),
                expected=expected,
                ref=rule.ref,
                rule=rule.rule,
            )


def _page_value(section: PageSetup, name: str) -> float | None:
    """A landscape section (allowed for wide tables, mục I khoản 2) is measured turned back."""
    if section.orientation == "landscape" and name in ("width", "height"):
        name = "height" if name == "width" else "width"
    value = getattr(section, name)
    return float(value) if value is not None else None


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return (
        str(round(value)) if abs(value - round(value)) < 0.05 else f"{value:.1f}".replace(".", ",")
    )


# --- font -------------------------------------------------------------------------------------


_FACE_SUFFIX = re.compile(r"[\s,-]*(bold|italic|regular|psmt|ps|mt)\b", re.IGNORECASE)


def _font_key(font: str | None) -> str:
    """A font's family: "Times New Roman Bold", "TimesNewRomanPSMT" are Times New Roman."""
    family = _FACE_SUFFIX.sub("", font or "")
    key = " ".join(family.lower().split())
    return "times new roman" if key.replace(" ", "") == "timesnewroman" else key


def _fonts(ctx: LintContext, items: list[Piece]) -> None:
    """One finding per font other than Times New Roman, at the first paragraph that uses it."""
    first: dict[str, tuple[Piece, int, Run]] = {}
    counts: Counter[str] = Counter()
    for p in items:
        for i, run in p.inked:
            key = _font_key(run.font)
            if not key or key == _font_key(FONT) or key in SYMBOL_FONTS:
                continue
            counts[run.font or ""] += len(run.text)
            first.setdefault(run.font or "", (p, i, run))
    for font, (p, i, _run) in first.items():
        ctx.add(
            "font",
            "error",
            p.line,
            "form_font",
            quote=p.text,
            found=font,
            expected=FONT,
            ref=FONT_REF,
            rule="font",
            run=str(i),
            chars=str(counts[font]),
        )


# --- components -------------------------------------------------------------------------------


def _range(rule: ComponentRule) -> str:
    assert rule.sizes is not None
    low, high = rule.sizes
    return _num(low) if low == high else f"{_num(low)}–{_num(high)}"


def _bad_size(run: Run, rule: ComponentRule) -> bool:
    if rule.sizes is None or run.size is None:
        return False
    return not rule.sizes[0] - 0.01 <= run.size <= rule.sizes[1] + 0.01


def covered_runs(p: Piece, rule: ComponentRule) -> list[tuple[int, Run]]:
    """The inked runs the rule is about: all, or those under the rule's `only` pattern."""
    if rule.only is None:
        return p.inked
    m = re.match(rule.only, p.text)
    if m is None:
        return []
    out, pos, lead = [], 0, len(p.text) - len(p.text.lstrip())
    for i, r in p.runs:
        if pos < m.end() + lead and any(ch.isalpha() for ch in r.text):
            out.append((i, r))
        pos += len(r.text)
    return out


def _component(ctx: LintContext, p: Piece, rule: ComponentRule) -> None:
    inked = covered_runs(p, rule)
    if not inked:
        return
    bad = [(i, r) for i, r in inked if _bad_size(r, rule)]
    if bad:
        size = Counter(r.size for _, r in bad).most_common(1)[0][0]
        _add(
            ctx,
            p,
            rule,
            "font_size",
            rule.severity,
            "form_size",
            bad[0][0],
            found=_num(size),
            expected=_range(rule),
        )
    text = "".join(shown(r) for _, r in inked)
    if rule.upper is True and not cues.is_upper(text):
        _add(ctx, p, rule, "emphasis", rule.severity, "form_upper", inked[0][0])
    if rule.upper is False and cues.is_upper(text) and sum(ch.isalpha() for ch in text) > 3:
        _add(ctx, p, rule, "emphasis", rule.severity, "form_lower", inked[0][0])
    _toggle(ctx, p, rule, inked, "bold", rule.bold)
    _toggle(ctx, p, rule, inked, "italic", rule.italic)
    if rule.align and p.first_of_paragraph and _alone(p) and p.form.align != rule.align:
        _add(
            ctx,
            p,
            rule,
            "alignment",
            rule.align_severity,
            "form_align",
            None,
            found=f"form.align.{p.form.align or 'none'}",
            expected=f"form.align.{rule.align}",
        )
    if rule.side and p.side and p.side != rule.side:
        _add(
            ctx,
            p,
            rule,
            "position",
            "warning",
            "form_side",
            None,
            found=f"form.side.{p.side}",
            expected=f"form.side.{rule.side}",
        )


def _alone(p: Piece) -> bool:
    """A paragraph of the page's width: not a table cell, a text box or a tab-laid half."""
    return p.line.loc.table is None and p.form.frame is None and p.side is None


def _toggle(
    ctx: LintContext,
    p: Piece,
    rule: ComponentRule,
    inked: list[tuple[int, Run]],
    prop: str,
    wanted: bool | None,
) -> None:
    """Bold or italic: missing where the decree asks for it is the rule's severity; present
    where it does not, a warning (the decree's "đứng" is read leniently)."""
    if wanted is None:
        return
    off = [(i, r) for i, r in inked if bool(getattr(r, prop)) != wanted]
    if not off:
        return
    if wanted:
        key = "form_bold" if prop == "bold" else "form_italic"
        _add(ctx, p, rule, "emphasis", rule.severity, key, off[0][0])
    elif len(off) == len(inked):
        key = "form_not_bold" if prop == "bold" else "form_not_italic"
        _add(ctx, p, rule, "emphasis", "warning", key, off[0][0])


def _add(
    ctx: LintContext,
    p: Piece,
    rule: ComponentRule,
    code: str,
    severity: Severity,
    key: str,
    run: int | None,
    **params: str,
) -> None:
    params = {
        **params,
        "component": f"form.{rule.component}",
        "ref": rule.ref,
        "rule": f"{rule.component}.{code}",
    }
    if run is not None:
        params["run"] = str(run)
    # params holds message fields only (str); none of add()'s own keywords
    ctx.add(code, severity, p.line, key, quote=p.text, **params)  # type: ignore[arg-type]


def _body(ctx: LintContext, body: list[Piece]) -> None:
    """The body text: sizes and justification summed up over its paragraphs."""
    rule = RULES_BY_COMPONENT["noi_dung"]
    if not body:
        return
    bad = [p for p in body if any(_bad_size(r, rule) for _, r in p.inked)]
    if bad and len(bad) >= BODY_SHARE * len(body):
        sizes = Counter(r.size for p in bad for _, r in p.inked if _bad_size(r, rule))
        _add(
            ctx,
            bad[0],
            rule,
            "font_size",
            rule.severity,
            "form_body_size",
            None,
            found=_num(sizes.most_common(1)[0][0]),
            expected=_range(rule),
            count=str(len(bad)),
        )
    loose = [p for p in body if _alone(p) and p.form.align not in ("both", "distribute")]
    if loose and len(loose) >= BODY_SHARE * len(body):
        _add(
            ctx,
            loose[0],
            rule,
            "alignment",
            rule.align_severity,
            "form_body_align",
            None,
            count=str(len(loose)),
        )
