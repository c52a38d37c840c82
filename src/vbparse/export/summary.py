"""The header fields of a Document as (label, value) rows, shared by the text and Markdown views."""

from __future__ import annotations

from ..model import Document


def header_rows(doc: Document) -> list[tuple[str, str]]:
    number = doc.number
    signer = doc.signer
    rows = [
        ("Loại văn bản", " / ".join(x for x in (doc.doc_type.name, doc.doc_type.code) if x)),
        ("Số, ký hiệu", number.raw or ""),
        ("Cơ quan chủ quản", doc.issuer.parent or ""),
        ("Cơ quan ban hành", doc.issuer.name or ""),
        ("Địa danh", doc.issued.place or ""),
        ("Ngày ban hành", doc.issued.date or ""),
        ("Quốc hiệu, tiêu ngữ", ("có" if doc.national_header else "không")),
        ("Trích yếu", doc.subject or ""),
        ("Người ký", " — ".join(x for x in (signer.authority, signer.title, signer.name) if x)),
    ]
    return rows
