"""The pipeline's components declare what they read and fill; the declarations are checked
against the order of the pipeline and against what each component really writes on real
documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from vbparse import pipeline
from vbparse.extract.context import ParseContext
from vbparse.readers import read

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# Born-digital documents of several formats and sources (no OCR: the test stays fast).
DOCUMENTS = [
    *sorted((CORPUS / "docs").glob("*.md"))[:8],
    *sorted((CORPUS / "real" / "vbpl").glob("*.html"))[:3],
    *sorted((CORPUS / "real" / "kgu").glob("*.doc"))[:2],
    *sorted((CORPUS / "real" / "hungnm92").glob("*.docx"))[:1],
    *sorted((CORPUS / "real" / "phuocbuu").glob("*.pdf"))[:2],
    CORPUS / "seed" / "kh-36-thbtd.txt",
]
_CTX_FIELDS = [
    f.name for f in dataclasses.fields(ParseContext) if f.name not in ("raw", "doc", "settings")
]


def _state(ctx: ParseContext) -> dict[str, str]:
    state = {f"ctx.{name}": repr(getattr(ctx, name)) for name in _CTX_FIELDS}
    for name in ctx.doc.__dataclass_fields__:
        state[f"doc.{name}"] = repr(getattr(ctx.doc, name))
    return state


def test_the_pipeline_reads_nothing_before_it_is_filled() -> None:
    assert pipeline.check_order(pipeline.PIPELINE) == []


def test_a_component_moved_before_what_it_reads_is_reported() -> None:
    names = [c.name for c in pipeline.PIPELINE]
    moved = list(pipeline.PIPELINE)
    outline = moved.pop(names.index("outline"))
    moved.insert(names.index("header"), outline)  # before the header has found where it ends
    problems = pipeline.check_order(moved)
    assert "outline reads ctx.header_end before it is filled" in problems


def test_component_names_are_unique_and_declared_fields_exist() -> None:
    names = [c.name for c in pipeline.PIPELINE]
    assert len(names) == len(set(names))
    known = {"raw"} | {f"ctx.{n}" for n in _CTX_FIELDS}
    known |= {f"doc.{n}" for n in pipeline.Document.__dataclass_fields__}
    for c in pipeline.PIPELINE:
        assert c.reads | c.fills <= known, c.name


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_each_component_writes_only_what_it_declares(path: Path) -> None:
    assert path.exists(), path
    ctx = pipeline.new_context(read(path))
    for c in pipeline.PIPELINE:
        before = _state(ctx)
        c.run(ctx)
        after = _state(ctx)
        written = {k for k in before if before[k] != after[k]}
        assert written <= c.fills, f"{c.name} writes {sorted(written - c.fills)} undeclared"
