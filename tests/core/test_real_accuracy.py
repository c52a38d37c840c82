"""Per-field accuracy on corpus/real: 120 real documents from seven public sources in their
original formats (web pages, Công báo PDFs, e-office PDFs, Word 97 files, scans), with gold
written blind (corpus/real/GOLD.md). Floors are the last measurement (docs/accuracy.md) less
three points, overall and on the born-digital documents, and less five on the scans (fresh OCR
may read a page a little differently from the read cache the measurement used); a change that loses
accuracy on real documents fails here. Every file is read afresh (scans by OCR): this test is
the slow one of the suite (several minutes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.evaluation import evaluate

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"

# field -> (all documents, born-digital, scans); None: no floor
FLOORS: dict[str, tuple[float, float, float | None]] = {
    "doc_type.name": (0.91, 0.89, 0.93),
    "doc_type.code": (0.93, 0.93, 0.95),
    "number.number": (0.61, 0.93, 0.10),
    "number.symbol": (0.88, 0.92, 0.84),
    "number.type_code": (0.92, 0.93, 0.90),
    "issued.date": (0.59, 0.92, 0.08),
    "issued.place": (0.92, 0.96, 0.88),
    "issuer.name": (0.88, 0.90, 0.86),
    "issuer.parent": (0.89, 0.94, 0.82),
    "national_header": (0.96, 0.96, 0.97),
    "subject": (0.77, 0.89, 0.58),
    "signer.authority": (0.83, 0.92, 0.69),
    "signer.title": (0.78, 0.86, 0.65),
    "signer.name": (0.78, 0.88, 0.62),
    "section_roles": (0.89, 0.90, 0.89),
    "recipients_f1": (0.80, 0.94, 0.52),
    "sections_f1": (0.87, 0.94, 0.68),
    "bases_f1": (0.90, 0.93, 0.78),
}


@pytest.fixture(scope="module")
def result():
    return evaluate(REAL)


def test_every_real_document_is_read(result):
    assert result.documents == 120
    assert result.failures == []
    assert result.groups["scan"].documents >= 40  # the scans were read by OCR


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor_on_real_documents(result, field):
    for group, floor in zip((None, "digital", "scan"), FLOORS[field], strict=True):
        if floor is None:
            continue
        scored = result if group is None else result.groups[group]
        score, n = scored.figure(field)
        assert score >= floor, f"{field} [{group or 'all'}]: {score:.3f} over {n} < {floor}"
