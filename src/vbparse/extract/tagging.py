"""The line-tagging pass: every line of the header and closing windows gets its cue tags once,
before any field is decided (GROBID labels header lines the same way before it reads fields).

A tag is a name from the cue layer (`vbparse.cues`) with a strength in [0, 1]; the field
resolvers (`candidates.py`) score their candidates from these tags, the line's zone and its
position, and `vbparse parse --explain` prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import cues
from ..readers.base import Line, Zone
from ..settings import current
from ..vocab import FORM_TYPES
from .refs import BLANK_DATE_RE, find_date, parse_number


@dataclass
class LineTags:
    index: int  # position in ctx.lines
    text: str
    zone: Zone
    tags: dict[str, float] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self.tags

    def describe(self) -> str:
        return " ".join(f"{k}" if v == 1 else f"{k}:{v:.1f}" for k, v in self.tags.items())


def tag_line(pos: int, line: Line) -> LineTags:
    text = line.text
    t = LineTags(pos, text, line.zone)
    s = current().tagging
    tags = t.tags
    if cues.national_span(text):
        tags["national"] = 1.0
    if cues.motto_span(text):
        tags["motto"] = 1.0
    if cues.party_span(text):
        tags["party"] = 1.0
    m = cues.NUMBER_LINE.match(text)
    # "số 181/2025/NĐ-CP ngày …" in lower case without a colon: a sentence wrapped there.
    if m and not re.match(r"^\s*s[ốo]\s+\d", text):
        parts = parse_number(m.group("raw"))
        tags["number"] = 1.0 if parts is not None and parts.symbol else s.number_without_symbol
    if cues.is_date_line(text):
        found = find_date(text, numeric=False)
        strength = (
            1.0
            if found and found.iso
            else s.blank_date
            if BLANK_DATE_RE.search(text)
            else s.unread_date
        )
        tags["place_date" if cues.PLACE_DATE.match(text) else "date"] = strength
    if cues.VV_LINE.match(text):
        tags["vv"] = 1.0
    elif cues.ABOUT_LINE.match(text):
        tags["about"] = s.about_line
    kind = cues.title_type(text)
    if kind:
        tags["title"] = 1.0
        if kind in FORM_TYPES:
            tags["form"] = 1.0
    if cues.RULE_LINE.match(text):
        tags["rule"] = 1.0
    if cues.is_upper(text):
        tags["upper"] = 1.0
    if cues.OPENER.match(text):
        tags["opener"] = 1.0
    if cues.ADDRESSEE.match(text):
        tags["addressee"] = 1.0
    if cues.OUTLINE_LABEL.match(text):
        tags["label"] = 1.0
    if cues.RECIPIENTS.match(text):
        tags["recipients"] = 1.0
    if cues.sign_prefix(text):
        tags["sign_prefix"] = 1.0
    if cues.is_person_name(text):
        tags["person_name"] = 1.0
    if cues.SIGNATURE_NOTE.match(text):
        tags["signature_note"] = 1.0
    if cues.STAMP_WORD.match(text):
        tags["stamp"] = 1.0
    return t


def tag_lines(lines: list[Line]) -> dict[int, LineTags]:
    """Tags of the lines of the header window and of the closing window, by position."""
    s = current().tagging
    positions = set(range(min(len(lines), s.header_window)))
    positions |= set(range(max(0, len(lines) - s.closing_window), len(lines)))
    return {pos: tag_line(pos, lines[pos]) for pos in sorted(positions)}
