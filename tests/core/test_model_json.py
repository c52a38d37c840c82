"""The model's JSON is pydantic's, byte for byte, although parsing no longer imports pydantic
(issue #17): `to_json` is checked against pydantic's own serializer over the same classes, on
documents of each text format and on the values where JSON writers differ (small and huge
floats, inf/nan, control characters); JSON validates back into an equal model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

import vbparse
from vbparse.model import Document, Span, json_schema

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

DOCUMENTS = [
    CORPUS / "seed" / "kh-36-thbtd.txt",
    CORPUS / "docs" / "cv-2345-bgddt-gdth.md",
    CORPUS / "heldout" / "30_2020_ND_CP.docx",
    CORPUS / "real" / "hungnm92" / "213_TB-DTII.docx",
]


@pytest.fixture(scope="module")
def pydantic_json():
    adapter = TypeAdapter(Document)
    return lambda doc, indent: adapter.dump_json(doc, indent=indent).decode()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_json_is_what_pydantic_writes(path, pydantic_json):
    doc = vbparse.parse(path, lines=True, entities=True)
    for indent in (2, None, 0):
        assert doc.to_json(indent=indent) == pydantic_json(doc, indent)
    assert Document.model_validate(json.loads(doc.to_json())) == doc
    assert doc.model_dump() == json.loads(doc.to_json(indent=None))


def test_awkward_values_are_written_as_pydantic_writes_them(seed_doc, pydantic_json):
    doc = Document.model_validate(json.loads(seed_doc.to_json()))
    floats = [1.5e-05, -2e-05, 1e-07, 3.0517578125e-05, 1e16, 1e-300, -0.0, float("inf"), 0.1]
    for k, value in enumerate(floats):
        doc.walk_sections()[k].role_confidence = value
    doc.sections[0].role_confidence = float("nan")
    doc.provenance["x"] = Span(line=1, source={"bbox": (1, 2.5, 3, 4), "page": 2})
    doc.expansions = {'tab\tquote"back\\slash': "nul\x00bell\x07 del\x7f ệ \u2028 \U0001f600"}
    for indent in (2, None, 4):
        assert doc.to_json(indent=indent) == pydantic_json(doc, indent)
    # A bbox given as a tuple of ints reads as floats, as validation made of it.
    assert doc.provenance["x"].source["bbox"] == [1.0, 2.5, 3.0, 4.0]


def test_validation_refuses_what_does_not_fit(seed_doc):
    data = json.loads(seed_doc.to_json())
    with pytest.raises(ValidationError):
        Document.model_validate({**data, "surplus": 1})
    with pytest.raises(ValidationError):
        Document.model_validate({**data, "sections": [{"id": "I", "kind": "chapterish"}]})


def test_schema_describes_the_classes(seed_doc):
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Span"]["description"].startswith("Where a value stands")
    assert "description" not in schema["$defs"]["Source"]  # no docstring, no description
    assert list(schema["properties"]) == list(json.loads(seed_doc.to_json()))
