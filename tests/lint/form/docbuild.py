"""Documents built with python-docx at test time: correct by default (every part set as Phụ lục I
of Nghị định 30/2020 says), and each test changes one thing of one part."""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)

# part -> (size, bold, italic) as the decree sets it
FORM: dict[str, tuple[float, bool, bool]] = {
    "quoc_hieu": (13, True, False),
    "tieu_ngu": (14, True, False),
    "parent": (13, False, False),
    "issuer": (13, True, False),
    "number": (13, False, False),
    "vv": (12, False, False),
    "date": (14, False, True),
    "type": (14, True, False),
    "subject": (14, True, False),
    "authority": (14, True, False),
    "bases": (14, False, True),
    "operative": (14, True, False),
    "body": (14, False, False),
    "addressee": (14, False, False),
    "noi_nhan": (12, True, True),
    "recipients": (11, False, False),
    "sign": (14, True, False),
    "signer": (14, True, False),
}


@dataclass
class Spec:
    layout: str = "table"  # table | tabs | indent | sdt
    font: str = "Times New Roman"
    margins: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right
    page: tuple[float, float] = (210, 297)
    parent: str = "UBND TỈNH BÌNH DƯƠNG"
    issuer: str = "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    number: str = "Số: 125/QĐ-SGDĐT"
    vv: str | None = None
    date: str = "Bình Dương, ngày 05 tháng 3 năm 2021"
    doc_type: str | None = "QUYẾT ĐỊNH"
    subject: str = "Về việc ban hành Quy chế làm việc của Sở Giáo dục và Đào tạo"
    authority: list[str] = field(default_factory=lambda: ["GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    addressee: list[str] = field(default_factory=list)
    bases: list[str] = field(
        default_factory=lambda: [
            "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;",
            "Căn cứ Quyết định số 15/2020/QĐ-UBND ngày 10 tháng 5 năm 2020 của Ủy ban nhân dân "
            "tỉnh Bình Dương quy định chức năng, nhiệm vụ của Sở Giáo dục và Đào tạo;",
            "Theo đề nghị của Chánh Văn phòng Sở.",
        ]
    )
    operative: str | None = "QUYẾT ĐỊNH:"
    body: list[str] = field(
        default_factory=lambda: [
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Giáo dục và Đào "
            "tạo tỉnh Bình Dương.",
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế các quy định "
            "trước đây trái với Quyết định này.",
            "Điều 3. Chánh Văn phòng, Trưởng các phòng chuyên môn thuộc Sở và các cá nhân có "
            "liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ]
    )
    recipients: list[str] = field(
        default_factory=lambda: ["- Như Điều 3;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP."]
    )
    sign: list[str] = field(default_factory=lambda: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    signer: str = "Nguyễn Văn An"
    form: dict[str, tuple[float, bool, bool]] = field(default_factory=dict)
    align: dict[str, Any] = field(default_factory=dict)


def _fmt(spec: Spec, part: str) -> tuple[float, bool, bool]:
    return spec.form.get(part, FORM[part])


def _para(container: Any, spec: Spec, part: str, text: str, align: Any = None) -> Any:
    p = container.add_paragraph()
    _run(p, spec, part, text)
    p.alignment = spec.align.get(part, align)
    return p


def _run(p: Any, spec: Spec, part: str, text: str) -> None:
    size, bold, italic = _fmt(spec, part)
    r = p.add_run(text)
    r.font.size = Pt(size)
    r.bold = bold
    r.italic = italic
    r.font.name = spec.font
    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), spec.font)


def _header(doc: Any, spec: Spec) -> None:
    left = [("parent", spec.parent), ("issuer", spec.issuer), ("number", spec.number)]
    if spec.vv:
        left.append(("vv", spec.vv))
    right = [
        ("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("tieu_ngu", "Độc lập - Tự do - Hạnh phúc"),
        ("date", spec.date),
    ]
    if spec.layout in ("table", "sdt"):
        table = doc.add_table(rows=1, cols=2)
        for cell, parts in ((table.rows[0].cells[0], left), (table.rows[0].cells[1], right)):
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
            for part, text in parts:
                _para(cell, spec, part, text, CENTER)
    elif spec.layout == "tabs":
        for (lp, lt), (rp, rt) in zip_longest(left, right, fillvalue=("", "")):
            p = doc.add_paragraph()
            if lt:
                _run(p, spec, lp, lt)
            p.add_run().add_tab()
            if rt:
                _run(p, spec, rp, rt)
    else:  # indent: the left part, then the right part indented to the right half
        for part, text in left:
            _para(doc, spec, part, text, LEFT)
        for part, text in right:
            p = _para(doc, spec, part, text, CENTER)
            p.paragraph_format.left_indent = Mm(75)


def _closing(doc: Any, spec: Spec) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0]._element.getparent().remove(left.paragraphs[0]._element)
    right.paragraphs[0]._element.getparent().remove(right.paragraphs[0]._element)
    if spec.recipients:
        _para(left, spec, "noi_nhan", "Nơi nhận:", LEFT)
        for item in spec.recipients:
            _para(left, spec, "recipients", item, LEFT)
    for line in spec.sign:
        _para(right, spec, "sign", line, CENTER)
    right.add_paragraph()
    _para(right, spec, "signer", spec.signer, CENTER)


def build(spec: Spec | None = None) -> bytes:
    spec = spec or Spec()
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(spec.page[0]), Mm(spec.page[1])
    top, bottom, left, right = spec.margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = doc.styles["Normal"]
    normal.font.name = spec.font
    normal.font.size = Pt(14)
    _header(doc, spec)
    if spec.doc_type:
        _para(doc, spec, "type", spec.doc_type, CENTER)
        _para(doc, spec, "subject", spec.subject, CENTER)
    for line in spec.authority if spec.doc_type else []:
        _para(doc, spec, "authority", line, CENTER)
    if spec.addressee:
        _para(doc, spec, "addressee", spec.addressee[0], CENTER)
    for line in spec.bases:
        p = _para(doc, spec, "bases", line, JUSTIFY)
        p.paragraph_format.first_line_indent = Mm(10)
    if spec.operative:
        _para(doc, spec, "operative", spec.operative, CENTER)
    for line in spec.body:
        p = _para(doc, spec, "body", line, JUSTIFY)
        p.paragraph_format.first_line_indent = Mm(10)
        article = re.match(r"Điều \d+\. ", line)
        if article:  # "Điều 1." in bold (Phụ lục I, mục II, khoản 6, điểm đ), the text after not
            p.runs[0].text = line[article.end() :]
            label = p.runs[0]._element
            label.addprevious(copy.deepcopy(label))
            p.runs[0].text, p.runs[0].bold = article.group(0), True
    _closing(doc, spec)
    if spec.layout == "sdt":
        _wrap_in_content_controls(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _wrap_in_content_controls(doc: Any) -> None:
    """Every block of the body inside a block-level content control (w:sdt)."""
    from docx.oxml import OxmlElement

    body = doc.element.body
    for block in [c for c in body.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]:
        sdt = OxmlElement("w:sdt")
        content = OxmlElement("w:sdtContent")
        block.addprevious(sdt)
        sdt.append(OxmlElement("w:sdtPr"))
        sdt.append(content)
        content.append(block)


def cong_van() -> Spec:
    return Spec(
        number="Số: 312/SGDĐT-VP",
        vv="V/v triển khai công tác chuyển đổi số năm 2021",
        doc_type=None,
        addressee=["Kính gửi: Các phòng giáo dục và đào tạo huyện, thị xã, thành phố."],
        bases=[],
        operative=None,
        body=[
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2021 của Ủy ban nhân dân tỉnh "
            "về chuyển đổi số, Sở Giáo dục và Đào tạo đề nghị các đơn vị triển khai các nội dung "
            "sau đây trong năm học.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở "
            "Giáo dục và Đào tạo qua Văn phòng Sở để được hướng dẫn giải quyết kịp thời./.",
        ],
        recipients=["- Như trên;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP."],
    )


def ke_hoach() -> Spec:
    return Spec(
        number="Số: 36/KH-SGDĐT",
        doc_type="KẾ HOẠCH",
        subject="Triển khai công tác dân vận năm 2021",
        authority=[],
        bases=[],
        operative=None,
        body=[
            "Thực hiện Kế hoạch số 253/KH-UBND ngày 20 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh "
            "về công tác dân vận năm 2021, Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:",
            "Nâng cao nhận thức của đội ngũ cán bộ, công chức, viên chức về vị trí, vai trò của "
            "công tác dân vận trong tình hình mới và thực hiện tốt quy chế dân chủ ở cơ sở./.",
        ],
        recipients=["- Các phòng thuộc Sở;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP."],
    )


def to_trinh() -> Spec:
    return Spec(
        number="Số: 18/TTr-SGDĐT",
        doc_type="TỜ TRÌNH",
        subject="Về việc đề nghị phê duyệt kế hoạch tuyển sinh năm học 2021 - 2022",
        authority=[],
        addressee=["Kính gửi: Ủy ban nhân dân tỉnh Bình Dương."],
        bases=[],
        operative=None,
        sign=["GIÁM ĐỐC"],
        recipients=["- Như trên;", "- Lưu: VT, KHTC."],
    )
