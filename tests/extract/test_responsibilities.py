"""The responsibilities component alone: under a section whose role is responsibilities, each
headed child is an actor and its items (or its ";"-separated text) are the duties."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract import responsibilities

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"


def test_actors_and_their_duties(context_before):
    ctx = context_before(SEED, "responsibilities")
    assert ctx.doc.responsibilities == []
    responsibilities.extract(ctx)
    found = ctx.doc.responsibilities
    assert [(r.actor, r.section_id, len(r.duties)) for r in found] == [
        ("Lãnh đạo nhà trường", "IV.1", 4),
        ("Các bộ phận trong nhà trường", "IV.2", 3),
    ]
    assert found[0].duties[0].startswith("Xây dựng kế hoạch và triển khai đến các thành viên")
    assert not any(d.endswith((";", ".")) for r in found for d in r.duties)


def test_no_actor_where_no_section_has_that_role(context_before):
    ctx = context_before(SEED, "responsibilities")
    for section in ctx.doc.walk_sections():
        if section.role == "responsibilities":
            section.role = "tasks"
    responsibilities.extract(ctx)
    assert ctx.doc.responsibilities == []
