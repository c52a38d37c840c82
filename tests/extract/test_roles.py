"""The roles component alone: each section gets a role, where it came from and how sure the
rule is; children inherit their parent's role unless their own heading names one."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract import outline, roles

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _sections(context_before, path):
    ctx = context_before(path, "roles")
    assert all(s.role is None for s in ctx.doc.walk_sections())  # the outline set no role
    roles.extract(ctx)
    return ctx.doc.sections


def test_a_plans_headings_name_their_roles(context_before):
    sections = _sections(context_before, CORPUS / "seed" / "kh-36-thbtd.txt")
    assert [(s.id, s.role) for s in sections] == [
        ("I", "purpose"),
        ("II", "tasks"),
        ("III", "solutions"),
        ("IV", "responsibilities"),
        ("V", "timeline"),
    ]
    assert all(s.role_source == "rule" and s.role_confidence == 1.0 for s in sections)
    items = sections[1].children
    assert {(c.role, c.role_source) for c in items} == {("tasks", "inherited")}


def test_a_decrees_articles_are_articles(context_before):
    sections = _sections(context_before, CORPUS / "docs" / "file_data_45.md")
    assert {s.role for s in sections} == {"articles"}
    clauses = sections[1].children  # Điều 2 Đối tượng áp dụng
    assert clauses[0].role == "articles" and clauses[0].role_source == "inherited"
    # "… không áp dụng đối với các đối tượng" names its own role.
    assert clauses[1].role == "scope" and clauses[1].role_source == "rule"


def test_the_component_reads_only_the_outline(context_before):
    """Run after the outline alone, as the pipeline orders them."""
    ctx = context_before(CORPUS / "docs" / "cv-2345-bgddt-gdth.md", "outline")
    outline.extract(ctx)
    roles.extract(ctx)
    assert [(s.id, s.role) for s in ctx.doc.sections] == [
        ("I", "purpose"),
        ("II", "tasks"),
        ("III", "responsibilities"),
    ]
