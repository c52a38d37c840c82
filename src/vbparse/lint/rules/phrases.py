"""fixed_phrase: the fixed words of the form written exactly (Phụ lục I, mục II): Quốc hiệu,
Tiêu ngữ, "Nơi nhận:", "Lưu: VT, …", "Kính gửi:", "V/v".

Old and new tone placement (hòa/hoà) are both correct and never reported. A phrase whose letters
or diacritics are wrong is an error; wrong case or punctuation is a warning.
"""

from __future__ import annotations

import re

from ... import cues
from ...readers.base import Line, Zone
from ...text.normalize import fold_tone_placement, match_key
from ..model import LintContext, Severity

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_HEADER_SCAN = 30
_PHRASE_LINE = 160  # Quốc hiệu and Tiêu ngữ stand on short lines; folding long ones costs time
_MOTTO_PARTS = re.compile(r"^(.+?\S)(\s*[-–—,.]?\s*)(T.+?\S)(\s*[-–—,.]?\s*)(H.+)$", re.IGNORECASE)
_ARCHIVE = re.compile(r"^(\s*[-–+•]?\s*)(L[ưu]u)(\s*:?)", re.IGNORECASE)


def compare(found: str, expected: str) -> str:
    """ "ok", "case" (letters right, case wrong) or "spelling" (letters or diacritics wrong)."""
    f = re.sub(r"\s+", " ", fold_tone_placement(found.strip()))
    e = fold_tone_placement(expected)
    if f == e:
        return "ok"
    return "case" if match_key(f) == match_key(e) else "spelling"


def check(ctx: LintContext) -> None:
    header = ctx.lines[:_HEADER_SCAN]
    for line in header:
        if len(line.text) < _PHRASE_LINE:
            _national(ctx, line)
            _motto(ctx, line)
        _addressee(ctx, line)
    _vv(ctx)
    closing = _closing(ctx)
    for line in closing:
        _recipients(ctx, line)
    for line in closing:
        _archive(ctx, line)


def _national(ctx: LintContext, line: Line) -> None:
    span = cues.national_span(line.text)
    if not span:
        return
    found = line.text[span[0] : span[1]]
    verdict = compare(found, NATIONAL)
    if verdict == "ok":
        return
    # Wrong letters or marks: an error; right letters in the wrong case: a warning.
    severity: Severity = "error" if verdict == "spelling" else "warning"
    key = "phrase_misspelled" if verdict == "spelling" else "phrase_case"
    phrase = "Quốc hiệu" if ctx.lang == "vi" else "national title"
    ctx.add(
        "fixed_phrase",
        severity,
        line,
        key,
        start=span[0],
        end=span[1],
        fix=NATIONAL,
        found=found,
        phrase=phrase,
        expected=NATIONAL,
    )


def _motto(ctx: LintContext, line: Line) -> None:
    span = cues.motto_span(line.text)
    if not span:
        return
    found = line.text[span[0] : span[1]]
    m = _MOTTO_PARTS.match(found)
    words = " ".join(m.group(i) for i in (1, 3, 5)) if m else found
    verdict = compare(words, "Độc lập Tự do Hạnh phúc")
    if verdict != "ok":
        ctx.add(
            "fixed_phrase",
            "error" if verdict == "spelling" else "warning",
            line,
            "phrase_misspelled",
            start=span[0],
            end=span[1],
            fix=MOTTO,
            found=found,
            expected=MOTTO,
        )
    elif m and any(m.group(i) != " - " for i in (2, 4)):
        ctx.add(
            "fixed_phrase", "warning", line, "phrase_dash", start=span[0], end=span[1], fix=MOTTO
        )


def _labelled(ctx: LintContext, line: Line, m: re.Match[str] | None, expected: str) -> None:
    """A label that must read `expected` and be followed by a colon ("Nơi nhận:", "Kính gửi:")."""
    if not m:
        return
    found = m.group(0).strip()
    word = found.rstrip(" :")
    verdict = compare(word, expected)
    if verdict == "spelling":
        ctx.add(
            "fixed_phrase",
            "error",
            line,
            "phrase_misspelled",
            start=m.start(),
            end=m.start() + len(word) + (m.group(0).find(word)),
            quote=word,
            fix=expected + ":",
            found=word,
            expected=expected,
        )
    elif not found.endswith(":"):
        ctx.add(
            "fixed_phrase",
            "warning",
            line,
            "phrase_colon",
            quote=word,
            fix=expected + ":",
            phrase=expected,
        )


def _recipients(ctx: LintContext, line: Line) -> None:
    m = cues.RECIPIENTS.match(line.text)
    if m and (line.zone is Zone.CLOSING_LEFT or len(line.text) < 40):
        _labelled(ctx, line, m, "Nơi nhận")


def _addressee(ctx: LintContext, line: Line) -> None:
    _labelled(ctx, line, cues.ADDRESSEE.match(line.text), "Kính gửi")


def _vv(ctx: LintContext) -> None:
    line = ctx.provenance("subject")
    if line is None:
        return
    m = re.match(r"^\s*(V\s*/\s*v)\b", line.text, re.IGNORECASE)
    if m and m.group(1) != "V/v":
        ctx.add(
            "fixed_phrase",
            "warning",
            line,
            "phrase_misspelled",
            start=m.start(1),
            end=m.end(1),
            fix="V/v",
            found=m.group(1),
            expected="V/v",
        )


def _archive(ctx: LintContext, line: Line) -> None:
    m = _ARCHIVE.match(line.text)
    if not m:
        return
    rest = line.text[m.end() :]
    first_word = (rest.strip().split() or [""])[0].rstrip(".,;")
    quote_end = m.end() + len(rest) - len(rest.lstrip()) + len(first_word)
    word = m.group(2)
    fixed = "Lưu: " + rest.strip().rstrip(".")
    if compare(word, "Lưu") != "ok":
        ctx.add(
            "fixed_phrase",
            "error",
            line,
            "phrase_misspelled",
            start=m.start(2),
            end=quote_end,
            fix=fixed,
            found=line.text[m.start(2) : quote_end],
            expected="Lưu:",
        )
    elif ":" not in m.group(3):
        ctx.add(
            "fixed_phrase",
            "warning",
            line,
            "phrase_colon",
            start=m.start(2),
            end=quote_end,
            fix=fixed.rstrip(" .;") if rest.strip() else "Lưu: VT",
            phrase="Lưu",
        )


def _closing(ctx: LintContext) -> list[Line]:
    """Lines from Nơi nhận on (or the closing zones): where "Nơi nhận" and "Lưu" stand."""
    zoned = [ln for ln in ctx.lines if ln.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)]
    if zoned:
        return zoned
    start = ctx.provenance("recipients")
    if start is None:
        return [
            ln
            for ln in ctx.lines[-12:]
            if cues.RECIPIENTS.match(ln.text) or _ARCHIVE.match(ln.text)
        ]
    return [ln for ln in ctx.lines if ln.index >= start.index]
