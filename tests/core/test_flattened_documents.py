"""Robustness: the corpus documents as PDF text extraction leaves them — the two header columns
and the two closing columns interleaved line by line, long paragraphs wrapped, list dashes lost —
must still parse to their gold values."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from pathlib import Path

import pytest

from vbparse.evaluation import FIELDS, _norm
from vbparse.pipeline import parse
from vbparse.readers import Zone, read

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"


def flatten(path: Path) -> str:
    """One column of text, the way pdftotext without -layout writes a two-column header."""
    lines = [ln for ln in read(path).lines if ln.zone is not Zone.META]
    out: list[str] = []
    for zoned, group in itertools.groupby(
        lines,
        key=lambda ln: (
            "header"
            if ln.zone in (Zone.HEADER_LEFT, Zone.HEADER_RIGHT)
            else "closing"
            if ln.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)
            else "body"
        ),
    ):
        group = list(group)
        if zoned == "body":
            for ln in group:
                text = re.sub(r"^[-+•]\s*", "", ln.text)  # dashes lost
                out.extend(textwrap.wrap(text, 90) if len(text) > 95 else [text])
            continue
        left = [ln.text for ln in group if ln.zone in (Zone.HEADER_LEFT, Zone.CLOSING_LEFT)]
        right = [ln.text for ln in group if ln.zone in (Zone.HEADER_RIGHT, Zone.CLOSING_RIGHT)]
        out.extend(f"{a} {b}".strip() for a, b in itertools.zip_longest(left, right, fillvalue=""))
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, tuple[int, int]]:
    tmp = tmp_path_factory.mktemp("flat")
    totals = {name: [0, 0] for name in FIELDS}
    for gold_path in sorted(DOCS.glob("*.gold.json")):
        source = gold_path.with_name(gold_path.name.replace(".gold.json", ".md"))
        flat = tmp / (source.stem + ".txt")
        flat.write_text(flatten(source), encoding="utf-8")
        doc = parse(flat)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for name, getter in FIELDS.items():
            try:
                got, want = getter(doc, gold)
            except KeyError:
                continue  # a field this gold does not annotate
            totals[name][0] += _norm(got) == _norm(want)
            totals[name][1] += 1
    return {k: (c, n) for k, (c, n) in totals.items()}


HEADER_FIELDS = [
    "doc_type.name",
    "number.number",
    "number.symbol",
    "issued.date",
    "issuer.name",
    "issuer.parent",
    "national_header",
]


@pytest.mark.parametrize("field", HEADER_FIELDS)
def test_header_fields_survive_flattening(scores, field):
    correct, total = scores[field]
    assert total >= 20
    assert correct / total >= 0.95, f"{field}: {correct}/{total}"


def test_closing_and_subject_survive_flattening(scores):
    for field in ("subject", "recipients", "signer.name", "signer.authority"):
        correct, total = scores[field]
        assert correct / total >= 0.84, f"{field}: {correct}/{total}"
