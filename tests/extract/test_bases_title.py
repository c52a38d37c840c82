"""A cited plan's title ends where the citing sentence turns to what the school does with it."""

from __future__ import annotations

from pathlib import Path

from vbparse import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_title_stops_before_the_citing_body_clause() -> None:
    doc = parse(CORPUS / "checkblind" / "child-b1-full-th-hung-hoa.txt")
    (plan,) = [b for b in doc.bases if b.number == "64"]
    assert plan.title == "phòng, chống đuối nước và bảo đảm an toàn cho học sinh hè năm 2026"


def test_a_title_naming_bodies_is_kept_whole() -> None:
    doc = parse(CORPUS / "seed" / "kh-36-thbtd.txt")
    (plan,) = [b for b in doc.bases if b.number == "253"]
    assert plan.title is not None and plan.title.endswith("Quận 2 năm 2020")
