"""Per-field accuracy over the first hand-annotated documents of the corpus (corpus/docs,
corpus/heldout, corpus/seed); corpus/real has floors of its own (test_real_accuracy.py). The floors are the figures
measured when they were last raised; a change that loses accuracy fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.evaluation import evaluate

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

FLOORS = {
    "doc_type.name": 0.98,
    "doc_type.code": 0.98,
    "number.number": 0.98,
    "number.symbol": 0.96,
    "number.type_code": 0.98,
    "number.issuer_code": 0.96,
    "issued.place": 0.98,
    "issued.date": 0.98,
    "issuer.name": 0.96,
    "issuer.parent": 0.98,
    "national_header": 0.98,
    "subject": 0.96,
    "bases": 0.95,
    "sections_top": 0.95,
    "recipients": 0.96,
    "signer.authority": 0.96,
    "signer.title": 0.96,
    "signer.name": 0.96,
}


@pytest.fixture(scope="module")
def result():
    first = {"docs", "heldout", "seed"}
    return evaluate(CORPUS, only=lambda path: path.relative_to(CORPUS).parts[0] in first)


def test_every_gold_document_parses(result):
    assert result.documents >= 50
    assert result.failures == []


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_floor(result, field):
    f = result.fields[field]
    assert f.accuracy >= FLOORS[field], f"{field}: {f.correct}/{f.total}; misses: {f.misses[:3]}"
