"""What a person sees of a parsed Document, as data: the header fields, the căn cứ, the outline
with role names, the assignments, the recipients and the warnings, in Vietnamese (default) or
English. The text, Markdown and HTML views render this one model, so none shows less than another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..messages import finding_label, role_label
from ..messages import show_date as show_date
from ..model import Document, Section

# View words: (vi, en).
_WORDS: dict[str, tuple[str, str]] = {
    "doc_type": ("Loại văn bản", "Document type"),
    "number": ("Số, ký hiệu", "Number"),
    "issuer_parent": ("Cơ quan chủ quản", "Parent body"),
    "issuer": ("Cơ quan ban hành", "Issuing body"),
    "place": ("Địa danh", "Place"),
    "date": ("Ngày ban hành", "Date"),
    "header": ("Quốc hiệu, tiêu ngữ", "National title and motto"),
    "subject": ("Trích yếu", "Subject"),
    "signer": ("Người ký", "Signer"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "bases": ("Căn cứ", "Bases"),
    "outline": ("Bố cục", "Outline"),
    "duties": ("Phân công", "Assignments"),
    "duty_count": ("{n} nhiệm vụ", "{n} duties"),
    "recipients": ("Nơi nhận", "Recipients"),
    "warnings": ("Cảnh báo", "Warnings"),
    "document": ("Văn bản", "Document"),
    "index": ("Danh sách văn bản", "Documents"),
    "expansions": ("Viết tắt", "Abbreviations"),
    "text": ("Nội dung văn bản", "Text"),
    "field": ("Thông tin", "Field"),
    "value": ("Giá trị", "Value"),
}


def word(key: str, lang: str) -> str:
    vi, en = _WORDS[key]
    return vi if lang == "vi" else en


@dataclass
class OutlineEntry:
    depth: int
    id: str
    role: str | None  # the role's name in the view's language
    heading: str  # the whole heading, or the start of the text when there is none
    text: str  # the section's own text


@dataclass
class DocumentView:
    title: str
    path: str
    fields: list[tuple[str, str]]
    bases: list[str]
    outline: list[OutlineEntry]
    duties: list[tuple[str, str, list[str]]]  # actor, section id, duties
    recipients: list[str]
    warnings: list[str]
    expansions: dict[str, str] = field(default_factory=dict)


def header_rows(doc: Document, lang: str = "vi") -> list[tuple[str, str]]:
    number = doc.number
    signer = doc.signer
    return [
        (
            word("doc_type", lang),
            " / ".join(x for x in (doc.doc_type.name, doc.doc_type.code) if x),
        ),
        (word("number", lang), number.raw or ""),
        (word("issuer_parent", lang), doc.issuer.parent or ""),
        (word("issuer", lang), doc.issuer.name or ""),
        (word("place", lang), doc.issued.place or ""),
        (word("date", lang), show_date(doc.issued.date, lang)),
        (word("header", lang), word("yes" if doc.national_header else "no", lang)),
        (word("subject", lang), doc.subject or ""),
        (
            word("signer", lang),
            " — ".join(x for x in (signer.authority, signer.title, signer.name) if x),
        ),
    ]


def document_view(doc: Document, lang: str = "vi") -> DocumentView:
    outline: list[OutlineEntry] = []

    def visit(nodes: list[Section], depth: int) -> None:
        for node in nodes:
            head = node.heading or _first_words(node.text)
            role = role_label(node.role, lang) if node.role else None
            outline.append(OutlineEntry(depth, node.id, role, head, node.text))
            visit(node.children, depth + 1)

    visit(doc.sections, 0)
    title = " ".join(x for x in (doc.doc_type.name, doc.number.raw) if x) or doc.source.path
    return DocumentView(
        title=title,
        path=doc.source.path,
        fields=header_rows(doc, lang),
        bases=[b.raw for b in doc.bases],
        outline=outline,
        duties=[(r.actor, r.section_id, list(r.duties)) for r in doc.responsibilities],
        recipients=list(doc.recipients),
        warnings=[warning_text(w.code, w.field, w.message, lang) for w in doc.warnings],
        expansions=dict(doc.expansions or {}),
    )


def _first_words(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    "field_inferred": "{Label} được suy ra, cần kiểm tra lại{quoted}.",
    "field_partial": "{Label} chỉ đọc được một phần (ngày để trống hoặc viết tay); cần kiểm tra.",
    "low_confidence": "{Label} được đọc lại từ ảnh quét (dấu số, chữ viết tay); cần kiểm tra.",
    "invalid": "{Label} không hợp lệ{quoted}.",
    "ambiguous": "{Label} chưa đọc được chắc chắn{quoted}.",
    "fixed_phrase": "Cụm từ cố định viết sai{quoted}.",
}
# The parser's English detail quotes the text it is about: 'Trường Tiểu học …' → kept.
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)|\"([^\"]+)\"")  # not the ' of "signer's"


def warning_text(code: str, field: str | None, message: str, lang: str = "vi") -> str:
    """A parse warning for a person: in English the parser's message; in Vietnamese a sentence
    from the code and field, with the text the parser quoted (its English words left out). The
    JSON keeps the stable code and field, and the English message, for programs."""
    if lang != "vi":
        return f"{message} ({code})"
    label = _FIELD_VI.get(field or "", "văn bản")
    quotes = [a or b for a, b in _QUOTED.findall(message)]
    quoted = f" ({' → '.join(f'«{q}»' for q in quotes)})" if quotes else ""
    template = _CODE_VI.get(code)
    if template is None:
        return f"{finding_label(code, 'vi').capitalize()}{quoted}."
    return template.format(label=label, Label=label[:1].upper() + label[1:], quoted=quoted)


def warning_vi(code: str, field: str | None, message: str) -> str:
    return warning_text(code, field, message, "vi")
