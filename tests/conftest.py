"""Shared test fixtures: paths into the project's own corpus (tests never read ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed" / "kh-36-thbtd.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from vbparse import parse

    return parse(SEED)
