"""Where the document itself starts: a saved web page or a portal export puts its navigation,
breadcrumbs and metadata table above the văn bản. The document starts at its header — the
Quốc hiệu (or the Party heading) and the issuer lines just above it — so lines before that are
dropped from the lines the extractors read (the reader's lines stay as they are)."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import cues
from ..readers.base import Line, Zone
from ..settings import current
from .context import ParseContext


def locate(ctx: ParseContext) -> None:
    lines = ctx.lines
    s = ctx.settings.frame
    head = next(
        (
            pos
            for pos, ln in enumerate(lines[: s.search_lines])
            if cues.has_national_start(ln.text) or cues.party_span(ln.text)
        ),
        None,
    )
    if head is not None:
        # The header may start above the Quốc hiệu with the left column (Số, V/v); the issuer's
        # lines stand above that.
        start = _first_header_cue(lines, head)
        floor = start
        while start > 0 and floor - start < s.issuer_lines and _issuer_like(lines[start - 1]):
            start -= 1
        if start >= s.shell_min_lines:
            lines = lines[start:]
    ctx.lines = _cut_trailing_shell(_without_running_headers(lines))


def _without_running_headers(lines: list[Line]) -> list[Line]:
    """The Công báo running header (and its page number) is not the document's text, also where
    the extraction ran it into the line above it."""
    out: list[Line] = []
    for line in lines:
        m = cues.GAZETTE_RUN_IN.search(line.text)
        if m is None:
            out.append(line)
        elif line.text[: m.start()].strip():
            out.append(replace(line, text=line.text[: m.start()].rstrip()))
    return out


_OUTLINE_LABEL = re.compile(r"^\s*(?:Chương|Phần|Điều)\s+[\dIVXLC]+\b")


def _cut_trailing_shell(lines: list[Line]) -> list[Line]:
    """A page's table of contents repeats the outline after the document ("Mục lục", "Chương I"
    again), under the site's footer: the document ends before the outline starts over, and its
    last line is the signer's name."""
    first = next((ln.text for ln in lines if _OUTLINE_LABEL.match(ln.text)), None)
    if first is None:
        return lines
    seen = [i for i, ln in enumerate(lines) if ln.text == first]
    if len(seen) < 2 or seen[1] < len(lines) // 2:
        return lines
    end = seen[1]
    names = [
        i
        for i in range(max(0, end - current().frame.footer_lines), end)
        if cues.is_person_name(lines[i].text)
    ]
    if names and not any(
        cues.RECIPIENTS.match(ln.text) or cues.BULLET.match(ln.text)
        for ln in lines[names[-1] + 1 : end]
    ):
        end = names[-1] + 1
    return lines[:end]


def _first_header_cue(lines: list[Line], head: int) -> int:
    """The first Số or V/v line in the few lines above the Quốc hiệu, or the Quốc hiệu."""
    for pos in range(max(0, head - current().frame.cue_lines_above), head):
        if cues.NUMBER_LINE.match(lines[pos].text) or cues.VV_LINE.match(lines[pos].text):
            return pos
    return head


def _issuer_like(line: Line) -> bool:
    text = line.text
    return (
        line.zone is Zone.HEADER_LEFT
        or bool(cues.RULE_LINE.match(text))
        or (cues.is_upper(text) and len(text) < current().frame.issuer_max_chars)
    )
