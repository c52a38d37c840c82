"""The noise harness (`vbparse eval --variants`) on the annotated corpus: the same document,
damaged as real pipelines damage it, parses to the same fields as the clean one. Floors are
the agreement measured when they were set (docs/accuracy.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.evaluation import gold_pairs
from vbparse.variants import run_variants

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"

# variant -> field -> floor
FLOORS = {
    "interleaved": {"doc_type": 1.0, "number": 1.0, "date": 1.0, "issuer": 1.0, "subject": 1.0,
                    "signer.name": 1.0, "signer.title": 1.0, "recipients": 1.0, "bases": 1.0,
                    "sections": 1.0},
    "wrapped70": {"doc_type": 1.0, "number": 1.0, "date": 1.0, "issuer": 1.0, "subject": 1.0,
                  "signer.name": 1.0, "signer.title": 1.0, "recipients": 1.0, "bases": 0.95,
                  "sections": 1.0},
    "wrapped60": {"doc_type": 1.0, "number": 1.0, "date": 1.0, "issuer": 1.0, "subject": 0.95,
                  "signer.name": 1.0, "signer.title": 0.95, "recipients": 1.0, "bases": 0.95,
                  "sections": 1.0},
    "dashes_dropped": {"doc_type": 1.0, "number": 1.0, "date": 1.0, "issuer": 1.0,
                       "subject": 1.0, "signer.name": 1.0, "signer.title": 1.0,
                       "recipients": 1.0, "sections": 1.0},
    "markdown_table": {"doc_type": 1.0, "number": 1.0, "date": 1.0, "place": 1.0,
                       "issuer": 1.0, "subject": 1.0, "signer.name": 1.0, "signer.title": 1.0,
                       "recipients": 1.0, "sections": 1.0},
}  # fmt: skip


@pytest.fixture(scope="module")
def table():
    return run_variants([doc for doc, _ in gold_pairs(DOCS)])


@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_agreement_with_the_clean_parse(table, variant):
    for field, floor in FLOORS[variant].items():
        a = table[variant][field]
        assert a.rate >= floor, f"{variant} {field}: {a.same}/{a.total}; {a.differ[:3]}"
