"""Per-component tests: a real document read and taken through the components before the one
under test, which then runs alone on that context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vbparse.extract.context import ParseContext
from vbparse.pipeline import PIPELINE, new_context
from vbparse.readers import read


def _context_before(path: Path, component: str) -> ParseContext:
    ctx = new_context(read(path))
    for step in PIPELINE:
        if step.name == component:
            return ctx
        step.run(ctx)
    raise KeyError(f"no component {component!r} in the pipeline")


@pytest.fixture(scope="session")
def context_before() -> Callable[[Path, str], ParseContext]:
    """`context_before(path, "outline")`: the context the outline component is given."""
    return _context_before
