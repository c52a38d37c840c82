"""Responsibilities: under a responsibilities section, who must do what.

"1. Lãnh đạo nhà trường:" followed by bullets → actor "Lãnh đạo nhà trường" with one duty per
bullet; "2. Phòng Tài chính: chủ trì, phối hợp …" → the text after the colon, cut at ";".
"""

from __future__ import annotations

import re

from ..model import Responsibility, Section
from .context import ParseContext


def extract(ctx: ParseContext) -> None:
    out: list[Responsibility] = []
    for section in ctx.doc.walk_sections():
        if section.role != "responsibilities" or section.role_source != "rule":
            continue
        for child in section.children:
            if child.kind == "bullet" or not child.heading:
                continue
            out.append(
                Responsibility(
                    actor=_actor(child.heading), duties=_duties(child), section_id=child.id
                )
            )
    ctx.doc.responsibilities = out


def _actor(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip(" :.-")


def _duties(section: Section) -> list[str]:
    duties = [_text_of(c) for c in section.children if _text_of(c)]
    if not duties and section.text:
        duties = [d.strip(" ;.") for d in re.split(r";\s+", section.text) if d.strip(" ;.")]
    return duties


def _text_of(section: Section) -> str:
    text = " ".join(x for x in (section.heading, section.text) if x)
    return re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
