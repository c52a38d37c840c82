"""The closing components alone: find_closing says where the body ends; extract fills the
recipients (Nơi nhận) and the signer (authority, title, name) with their provenance."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract import closing
from vbparse.readers.base import Zone

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CV = CORPUS / "docs" / "cv-2345-bgddt-gdth.md"  # flat text
DOCX = CORPUS / "formats" / "cv-3354-vpcp.docx"  # the closing as a two-cell table


def test_the_body_ends_at_nơi_nhận_in_flat_text(context_before):
    ctx = context_before(CV, "find_closing")
    assert ctx.closing_start is None
    closing.find_closing(ctx)
    assert ctx.closing_start is not None
    assert ctx.lines[ctx.closing_start].text == "Nơi nhận:"
    assert ctx.lines[ctx.closing_start - 1].text.startswith("Bộ GDĐT yêu cầu các Sở GDĐT")


def test_the_body_ends_where_the_readers_closing_zone_starts(context_before):
    ctx = context_before(DOCX, "find_closing")
    closing.find_closing(ctx)
    first = ctx.lines[ctx.closing_start]
    assert first.zone is Zone.CLOSING_LEFT and first.text == "Nơi nhận:"
    assert ctx.lines[ctx.closing_start - 1].zone is Zone.BODY


def test_recipients_and_signer_of_flat_text(context_before):
    ctx = context_before(CV, "closing")
    closing.extract(ctx)
    doc = ctx.doc
    assert doc.recipients == [
        "Như trên",
        "Bộ trưởng (để b/c)",
        "Các Thủ trưởng (để p/h c/d)",
        "Các Cục, Vụ, Viện KHGDVN",
        "Lưu: VT, Vụ GDTH",
    ]
    assert (doc.signer.authority, doc.signer.authority_prefix) == ("KT. BỘ TRƯỞNG", "KT.")
    assert (doc.signer.title, doc.signer.name) == ("THỨ TRƯỞNG", "Nguyễn Hữu Độ")
    assert [c.value for c in ctx.candidates["signer.title"]] == ["'THỨ TRƯỞNG' → 'THỨ TRƯỞNG'"]
    name = doc.provenance["signer.name"]
    line = next(ln for ln in ctx.lines if ln.index == name.line)
    assert line.text[name.start - line.offset : name.end - line.offset] == "Nguyễn Hữu Độ"


def test_recipients_and_signer_of_a_closing_table(context_before):
    ctx = context_before(DOCX, "closing")
    closing.extract(ctx)
    doc = ctx.doc
    assert doc.recipients[0] == "Như trên" and doc.recipients[-1] == "Lưu: VT, KGVX (3)"
    assert len(doc.recipient_spans) == len(doc.recipients)
    # "KT. BỘ TRƯỞNG, CHỦ NHIỆM" / "PHÓ CHỦ NHIỆM": a joint head's title stays in the authority.
    assert doc.signer.authority == "KT. BỘ TRƯỞNG, CHỦ NHIỆM"
    assert (doc.signer.title, doc.signer.name) == ("PHÓ CHỦ NHIỆM", "Nguyễn Khắc Định")
    assert doc.provenance["signer.name"].source.get("table") == 1
