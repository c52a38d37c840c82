"""The inference component alone: an issuer or a signer's title the header lacks but the text
states is filled, its provenance points at the sentence, and a field_inferred warning replaces
the field_missing one."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract import inference

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _warned(doc, code):
    return {w.field for w in doc.warnings if w.code == code}


def test_issuer_and_title_from_the_text(context_before):
    ctx = context_before(CORPUS / "seed" / "kh-36-thbtd.txt", "inference")
    doc = ctx.doc
    assert doc.issuer.name is None and doc.signer.title is None
    assert {"issuer", "signer.title"} <= _warned(doc, "field_missing")
    inference.infer(ctx)
    assert doc.issuer.name == "Trường Tiểu học Bình Trung Đông"
    assert doc.signer.title == "Hiệu trưởng"
    assert {"issuer", "signer.title"} <= _warned(doc, "field_inferred")
    assert not {"issuer", "signer.title"} & _warned(doc, "field_missing")
    span = doc.provenance["issuer"]
    line = next(ln for ln in ctx.lines if ln.index == span.line)
    assert line.text[span.start - line.offset : span.end - line.offset] == doc.issuer.name
    assert "ban hành Kế hoạch" in line.text


def test_a_header_that_names_them_is_left_alone(context_before):
    ctx = context_before(CORPUS / "docs" / "cv-2345-bgddt-gdth.md", "inference")
    before = ctx.doc.model_dump()
    inference.infer(ctx)
    assert ctx.doc.model_dump() == before
    assert ctx.doc.signer.title == "THỨ TRƯỞNG"
