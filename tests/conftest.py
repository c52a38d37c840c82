"""Shared test fixtures: paths into the project's own corpus (tests never read ../shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests read every file afresh: a developer's read cache (VBPARSE_READ_CACHE) must not answer
# for the readers under test.
os.environ.pop("VBPARSE_READ_CACHE", None)

ROOT = Path(__file__).resolve().parent.parent
# Child processes the tests start (python -m vbparse …) run this checkout too, not whichever
# vbparse is installed (scripts/check.sh no longer re-points the installed package).
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
)
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed" / "kh-36-thbtd.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from vbparse import parse

    return parse(SEED)
