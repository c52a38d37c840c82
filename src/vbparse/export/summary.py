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


_FIELD_VI = {
    "issuer": "tên cơ quan ban hành",
    "issuer.parent": "tên cơ quan chủ quản",
    "number": "số, ký hiệu",
    "number.number": "số của văn bản",
    "issued": "địa danh và ngày ban hành",
    "issued.date": "ngày ban hành",
    "doc_type": "loại văn bản",
    "subject": "trích yếu",
    "recipients": "nơi nhận",
    "signer": "người ký",
    "signer.name": "họ tên người ký",
    "signer.title": "chức vụ của người ký",
}
_CODE_VI = {
    "field_missing": "Không tìm thấy {label}.",
    "field_blank": "{Label} để trống trên bản in (có thể đã được điền tay).",
    "field_inferred": "{Label} được suy ra, cần kiểm tra lại ({message}).",
    "field_partial": "{Label} chỉ đọc được một phần (ngày để trống hoặc viết tay); cần kiểm tra.",
    "invalid": "{Label} không hợp lệ ({message}).",
    "ambiguous": "{Label} chưa đọc được chắc chắn ({message}).",
    "fixed_phrase": "Cụm từ cố định viết sai ({message}).",
}


def warning_vi(code: str, field: str | None, message: str) -> str:
    """A parse warning in Vietnamese for the human-readable views; the JSON keeps the stable
    code and field, and the English message, for programs."""
    label = _FIELD_VI.get(field or "", field or "văn bản")
    template = _CODE_VI.get(code)
    if template is None:
        return message
    return template.format(label=label, Label=label[:1].upper() + label[1:], message=message)
