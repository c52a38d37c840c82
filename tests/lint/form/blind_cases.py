"""Blind form cases: .docx documents built the way different clerks lay them out.

Written from Nghị định 30/2020/NĐ-CP (Phụ lục I, III) alone, before reading the form
rules, so that the expectations do not share the rules' blind spots. Each case says which
violations the decree makes of it, in plain terms: (component, property). The builder is
independent of tests/lint/form/docbuild.py on purpose.

Layouts of the header: a borderless 2-column table (one or two rows), tab stops, indents,
text boxes (DrawingML with a VML fallback, as Word writes them) and content controls.
Formatting comes either on every run ("runs": Normal left at python-docx's Calibri 11) or
from the Normal style with runs overriding only what differs ("style").
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path

# Components and properties of the expectations.
PAGE, FONT = "page", "font"
QH, TN, CQ, SO, DATE = "quoc_hieu", "tieu_ngu", "co_quan", "so_ky_hieu", "dia_danh"
LOAI, TY, BODY, SIGN_T, SIGN_N = "ten_loai", "trich_yeu", "body", "signer_title", "signer_name"
NOI, KG, SIGNING, STRAY = "noi_nhan", "kinh_gui", "signing", "stray"


@dataclass
class Fmt:
    size: float = 14
    bold: bool = False
    italic: bool = False
    caps: bool = False  # the w:caps run property (text shown in capitals)
    font: str | None = None  # None: the document's font


@dataclass
class Line:
    text: str
    fmt: Fmt = field(default_factory=Fmt)
    align: str = "center"
    runs: list[tuple[str, Fmt]] | None = None  # several runs instead of one


def L(
    text: str,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    caps: bool = False,
) -> Line:
    return Line(text, Fmt(size, bold, italic, caps), align)


@dataclass
class Case:
    name: str
    expected: list[tuple[str, str]]
    left: list[Line]  # header, left column: chủ quản, cơ quan, số (+ V/v for công văn)
    right: list[Line]  # header, right column: Quốc hiệu, Tiêu ngữ, date
    title: list[Line]  # tên loại, trích yếu (empty for công văn)
    body: list[Line]
    authority: list[Line]  # signer block: quyền hạn, chức vụ
    name_line: Line | None
    recipients: list[Line]  # Nơi nhận block
    header: str = "table"  # table | table2 | tabs | indents | textbox | textbox_vml | sdt_block | sdt_inline | sdt_table
    signer: str = "table"  # table | paragraphs | sdt_table
    style: str = (
        "runs"  # runs | style | style_12 | defaults (docDefaults) | theme (no font set anywhere)
    )
    font: str = "Times New Roman"
    body_sdt: bool = False  # the body paragraphs in content controls too
    # Word's habits: East Asian and complex-script fonts beside the Latin one, and bold/italic
    # written off explicitly (w:b w:val="0") rather than left out
    word_habits: bool = False
    paper: tuple[float, float] = (210, 297)
    margins: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right mm


# ---------------------------------------------------------------- building blocks


def header_parts(
    chu_quan: str | None, co_quan: str, so: str | None, date: str, vv: str | None = None
) -> tuple[list[Line], list[Line]]:
    left = []
    if chu_quan:
        left.append(L(chu_quan, 13))
    left.append(L(co_quan, 13, bold=True))
    if so:
        left.append(L(so, 13))
    if vv:
        left.append(L(vv, 12))
    right = [
        L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True),
        L("Độc lập - Tự do - Hạnh phúc", 13, bold=True),
        L(date, 14, italic=True),
    ]
    return left, right


def body_par(text: str, size: float = 14, align: str = "justify") -> Line:
    return L(text, size, align=align)


def recipients(items: list[str], label: str = "Nơi nhận:") -> list[Line]:
    out = [L(label, 12, bold=True, italic=True, align="left")]
    out += [L(i, 11, align="left") for i in items]
    return out


def signer(lines: list[str], name: str) -> tuple[list[Line], Line]:
    return [L(t, 14, bold=True) for t in lines], L(name, 14, bold=True)


QD_BODY = [
    L("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", 14, bold=True),
    L("Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;", 14, italic=True, align="justify"),
    L(
        "Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 10 tháng 3 năm 2021 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ của Sở Giáo dục và Đào tạo;",
        14,
        italic=True,
        align="justify",
    ),
    L("Theo đề nghị của Chánh Văn phòng Sở.", 14, italic=True, align="justify"),
    L("QUYẾT ĐỊNH:", 14, bold=True),
    Line(
        "",
        align="justify",
        runs=[
            ("Điều 1. ", Fmt(14, bold=True)),
            (
                "Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Giáo dục và Đào tạo.",
                Fmt(14),
            ),
        ],
    ),
    Line(
        "",
        align="justify",
        runs=[
            ("Điều 2. ", Fmt(14, bold=True)),
            ("Quyết định này có hiệu lực kể từ ngày ký.", Fmt(14)),
        ],
    ),
    Line(
        "",
        align="justify",
        runs=[
            ("Điều 3. ", Fmt(14, bold=True)),
            (
                "Chánh Văn phòng, Trưởng các phòng thuộc Sở và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
                Fmt(14),
            ),
        ],
    ),
]

PLAIN_BODY = [
    body_par(
        "Thực hiện Kế hoạch số 45/KH-SGDĐT ngày 05 tháng 9 năm 2024 của Sở Giáo dục và Đào tạo về nhiệm vụ năm học 2024 - 2025, đơn vị xây dựng nội dung như sau:"
    ),
    body_par("I. MỤC ĐÍCH, YÊU CẦU", align="justify"),
    body_par(
        "1. Nâng cao chất lượng giáo dục toàn diện, bảo đảm an toàn trường học trong toàn ngành."
    ),
    body_par(
        "2. Các đơn vị triển khai nghiêm túc, đúng tiến độ, báo cáo kết quả về cơ quan thường trực đúng thời hạn quy định./."
    ),
]

CV_BODY = [
    body_par(
        "Thực hiện Công văn số 1234/BGDĐT-GDPT ngày 20 tháng 8 năm 2024 của Bộ Giáo dục và Đào tạo về việc hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông, Phòng Giáo dục và Đào tạo đề nghị các trường thực hiện tốt các nội dung sau:"
    ),
    body_par(
        "1. Rà soát kế hoạch giáo dục nhà trường, gửi về Phòng trước ngày 30 tháng 9 năm 2024."
    ),
    body_par(
        "2. Thủ trưởng các đơn vị chịu trách nhiệm tổ chức thực hiện nghiêm túc Công văn này./."
    ),
]


def qd_so(kt: bool = True) -> dict:
    left, right = header_parts(
        "UBND TỈNH NGHỆ AN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 125/QĐ-SGDĐT",
        "Nghệ An, ngày 05 tháng 01 năm 2025",
    )
    auth, name = signer(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] if kt else ["GIÁM ĐỐC"], "Nguyễn Văn Hùng")
    rec = recipients(
        [
            "- Như Điều 3;",
            "- Giám đốc Sở (để báo cáo);" if kt else "- UBND tỉnh (để báo cáo);",
            "- Lưu: VT, VP.",
        ]
    )
    return dict(
        left=left,
        right=right,
        title=[
            L("QUYẾT ĐỊNH", 14, bold=True),
            L("Ban hành Quy chế làm việc của Sở Giáo dục và Đào tạo", 14, bold=True),
        ],
        body=copy.deepcopy(QD_BODY),
        authority=auth,
        name_line=name,
        recipients=rec,
    )


def cong_van() -> dict:
    left, right = header_parts(
        "UBND HUYỆN NAM ĐÀN",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 356/PGDĐT-GDTH",
        "Nam Đàn, ngày 12 tháng 9 năm 2024",
        vv="V/v triển khai nhiệm vụ giáo dục tiểu học năm học 2024 - 2025",
    )
    auth, name = signer(["TRƯỞNG PHÒNG"], "Trần Thị Mai")
    addressee = L("Kính gửi: Hiệu trưởng các trường tiểu học trên địa bàn huyện.", 14)
    body = [addressee, *copy.deepcopy(CV_BODY)]
    return dict(
        left=left,
        right=right,
        title=[],
        body=body,
        authority=auth,
        name_line=name,
        recipients=recipients(["- Như trên;", "- Lưu: VT, GDTH."]),
    )


def ke_hoach() -> dict:
    left, right = header_parts(
        "PHÒNG GD&ĐT NAM ĐÀN",
        "TRƯỜNG TIỂU HỌC KIM LIÊN",
        "Số: 45/KH-THKL",
        "Kim Liên, ngày 15 tháng 9 năm 2024",
    )
    auth, name = signer(["HIỆU TRƯỞNG"], "Lê Văn Bình")
    return dict(
        left=left,
        right=right,
        title=[
            L("KẾ HOẠCH", 14, bold=True),
            L("Thực hiện nhiệm vụ năm học 2024 - 2025", 14, bold=True),
        ],
        body=copy.deepcopy(PLAIN_BODY),
        authority=auth,
        name_line=name,
        recipients=recipients(
            ["- Phòng GD&ĐT (để báo cáo);", "- Các tổ chuyên môn;", "- Lưu: VT."]
        ),
    )


def to_trinh() -> dict:
    left, right = header_parts(
        "UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ", "Số: 78/TTr-SNV", "Hà Tĩnh, ngày 03 tháng 02 năm 2025"
    )
    auth, name = signer(["Q. GIÁM ĐỐC"], "Phạm Quốc Khánh")
    body = [L("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.", 14), *copy.deepcopy(PLAIN_BODY)]
    return dict(
        left=left,
        right=right,
        title=[
            L("TỜ TRÌNH", 14, bold=True),
            L("Về việc phê duyệt kế hoạch tuyển dụng viên chức năm 2025", 14, bold=True),
        ],
        body=body,
        authority=auth,
        name_line=name,
        recipients=recipients(["- Như trên;", "- Lưu: VT, CCVC."]),
    )


def thong_bao() -> dict:
    left, right = header_parts(
        "UBND TỈNH QUẢNG BÌNH",
        "SỞ TÀI CHÍNH",
        "Số: 210/TB-STC",
        "Quảng Bình, ngày 20 tháng 10 năm 2024",
    )
    auth, name = signer(["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"], "Hoàng Thị Lan")
    return dict(
        left=left,
        right=right,
        title=[
            L("THÔNG BÁO", 14, bold=True),
            L("Lịch làm việc của Ban Giám đốc Sở tháng 11 năm 2024", 14, bold=True),
        ],
        body=copy.deepcopy(PLAIN_BODY),
        authority=auth,
        name_line=name,
        recipients=recipients(["- Ban Giám đốc Sở;", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."]),
    )


def bao_cao() -> dict:
    left, right = header_parts(
        "UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "Số: 150/BC-SNV", "Nghệ An, ngày 28 tháng 11 năm 2024"
    )
    auth, name = signer(["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"], "Đặng Văn Tâm")
    return dict(
        left=left,
        right=right,
        title=[
            L("BÁO CÁO", 14, bold=True),
            L("Kết quả công tác cải cách hành chính năm 2024", 14, bold=True),
        ],
        body=copy.deepcopy(PLAIN_BODY),
        authority=auth,
        name_line=name,
        recipients=recipients(["- Bộ Nội vụ;", "- Lưu: VT, CCHC."]),
    )


def qd_ubnd() -> dict:
    left, right = header_parts(
        None,
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
        "Số: 2150/QĐ-UBND",
        "Quảng Trị, ngày 10 tháng 12 năm 2024",
    )
    auth, name = signer(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Võ Văn Hưng")
    body = copy.deepcopy(QD_BODY)
    body[0] = L("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", 14, bold=True)
    body[6] = Line(
        "",
        align="justify",
        runs=[
            ("Điều 2. ", Fmt(14, bold=True)),
            ("Quyết định này có hiệu lực kể từ ngày ký.", Fmt(14)),
        ],
    )
    return dict(
        left=left,
        right=right,
        title=[
            L("QUYẾT ĐỊNH", 14, bold=True),
            L("Về việc phê duyệt danh mục dự án đầu tư công năm 2025", 14, bold=True),
        ],
        body=body,
        authority=auth,
        name_line=name,
        recipients=recipients(
            ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, TH."]
        ),
    )


def nq_hdnd(tm: bool = True) -> dict:
    left, right = header_parts(
        None,
        "HỘI ĐỒNG NHÂN DÂN\nHUYỆN NAM ĐÀN",
        "Số: 15/NQ-HĐND",
        "Nam Đàn, ngày 18 tháng 12 năm 2024",
    )
    auth, name = signer(
        ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"] if tm else ["CHỦ TỊCH"], "Nguyễn Thị Hoa"
    )
    body = [
        L("HỘI ĐỒNG NHÂN DÂN HUYỆN NAM ĐÀN", 14, bold=True),
        L("KHÓA XX, KỲ HỌP THỨ 12", 14, bold=True),
        L(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            14,
            italic=True,
            align="justify",
        ),
        L(
            "Xét Tờ trình số 120/TTr-UBND ngày 01 tháng 12 năm 2024 của Ủy ban nhân dân huyện.",
            14,
            italic=True,
            align="justify",
        ),
        L("QUYẾT NGHỊ:", 14, bold=True),
        Line(
            "",
            align="justify",
            runs=[
                ("Điều 1. ", Fmt(14, bold=True)),
                ("Thông qua kế hoạch đầu tư công năm 2025 của huyện.", Fmt(14)),
            ],
        ),
        Line(
            "",
            align="justify",
            runs=[
                ("Điều 2. ", Fmt(14, bold=True)),
                ("Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này./.", Fmt(14)),
            ],
        ),
    ]
    return dict(
        left=left,
        right=right,
        title=[
            L("NGHỊ QUYẾT", 14, bold=True),
            L("Về kế hoạch đầu tư công năm 2025", 14, bold=True),
        ],
        body=body,
        authority=auth,
        name_line=name,
        recipients=recipients(["- TT HĐND tỉnh (để báo cáo);", "- UBND huyện;", "- Lưu: VT."]),
    )


# ---------------------------------------------------------------- the cases


def _mod(parts: dict, where: str, index: int, **changes) -> dict:
    """A copy of parts with one line's format changed (bold=…, size=…, italic=…, text=…)."""
    parts = copy.deepcopy(parts)
    line = parts[where][index] if where != "name_line" else parts["name_line"]
    text = changes.pop("text", None)
    if text is not None:
        line.text = text
    align = changes.pop("align", None)
    if align is not None:
        line.align = align
    line.fmt = replace(line.fmt, **changes)
    return parts


def _body_all(parts: dict, **changes) -> dict:
    parts = copy.deepcopy(parts)
    for line in parts["body"]:
        if line.align != "justify":
            continue
        align = changes.get("align")
        if align:
            line.align = align
        if "size" in changes:
            line.fmt = replace(line.fmt, size=changes["size"])
            for i, (t, f) in enumerate(line.runs or []):
                line.runs[i] = (t, replace(f, size=changes["size"]))
    return parts


def _idx(parts: dict, where: str, startswith: str) -> int:
    return next(i for i, line in enumerate(parts[where]) if line.text.startswith(startswith))


def build_cases() -> list[Case]:
    cases: list[Case] = []

    def add(name: str, parts: dict, expected: list[tuple[str, str]], **layout) -> None:
        cases.append(Case(name=name, expected=expected, **parts, **layout))

    # Correct documents of several types and layouts.
    add("ok_qd_so_table", qd_so(), [])
    add("ok_qd_so_style_table2", qd_so(), [], header="table2", style="style")
    add("ok_qd_ubnd_tm_kt", qd_ubnd(), [])
    add("ok_cong_van_table", cong_van(), [])
    add("ok_cong_van_tabs", cong_van(), [], header="tabs")
    add("ok_ke_hoach_indents", ke_hoach(), [], header="indents", signer="paragraphs")
    add("ok_ke_hoach_textbox", ke_hoach(), [], header="textbox")
    add("ok_to_trinh_q", to_trinh(), [], style="style")
    add("ok_thong_bao_tl", thong_bao(), [], header="tabs", style="style")
    add("ok_bao_cao_tuq", bao_cao(), [])
    add("ok_nq_hdnd_tm", nq_hdnd(), [], signer="paragraphs")
    add("ok_sdt_block_header", ke_hoach(), [], header="sdt_block")
    add("ok_sdt_inline_header", qd_so(), [], header="sdt_inline")
    add("ok_margins_max", thong_bao(), [], margins=(25, 25, 35, 20))
    add(
        "ok_quoc_hieu_13_tieu_ngu_14",
        _mod(_mod(cong_van(), "right", 0, size=13), "right", 1, size=14),
        [],
    )

    # Page and font.
    add("arial_everywhere", ke_hoach(), [(FONT, "font")], font="Arial")
    add("arial_in_style", qd_so(), [(FONT, "font")], font="Arial", style="style")
    add("left_margin_20", cong_van(), [(PAGE, "margin_left")], margins=(20, 20, 20, 15))
    add("top_margin_30", thong_bao(), [(PAGE, "margin_top")], margins=(30, 20, 30, 15))
    add("letter_paper", bao_cao(), [(PAGE, "paper")], paper=(215.9, 279.4))
    add(
        "right_margin_25_bottom_15",
        ke_hoach(),
        [(PAGE, "margin_right"), (PAGE, "margin_bottom")],
        margins=(20, 15, 30, 25),
    )

    # Sizes and emphasis of the components.
    add("quoc_hieu_14", _mod(qd_so(), "right", 0, size=14), [(QH, "size")])
    add("quoc_hieu_not_bold", _mod(ke_hoach(), "right", 0, bold=False), [(QH, "bold")])
    add("tieu_ngu_not_bold", _mod(cong_van(), "right", 1, bold=False), [(TN, "bold")])
    add(
        "tieu_ngu_caps_text",
        _mod(thong_bao(), "right", 1, text="ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        [(TN, "caps")],
    )
    add("tieu_ngu_caps_property", _mod(bao_cao(), "right", 1, caps=True), [(TN, "caps")])
    add("ten_loai_not_bold", _mod(qd_so(), "title", 0, bold=False), [(LOAI, "bold")])
    add("ten_loai_12", _mod(ke_hoach(), "title", 0, size=12), [(LOAI, "size")])
    add("trich_yeu_not_bold", _mod(to_trinh(), "title", 1, bold=False), [(TY, "bold")])
    add("body_12", _body_all(ke_hoach(), size=12), [(BODY, "size")])
    add("body_left_aligned", _body_all(bao_cao(), align="left"), [(BODY, "align")])
    add("date_not_italic", _mod(qd_ubnd(), "right", 2, italic=False), [(DATE, "italic")])
    add("signer_name_not_bold", _mod(thong_bao(), "name_line", 0, bold=False), [(SIGN_N, "bold")])
    add("signer_title_12", _mod(cong_van(), "authority", 0, size=12), [(SIGN_T, "size")])
    add("co_quan_not_bold", _mod(ke_hoach(), "left", 1, bold=False), [(CQ, "bold")])
    add("so_ky_hieu_11", _mod(qd_so(), "left", 2, size=11), [(SO, "size")])
    add(
        "tabs_tieu_ngu_not_bold",
        _mod(qd_so(), "right", 1, bold=False),
        [(TN, "bold")],
        header="tabs",
    )
    add(
        "indents_date_not_italic",
        _mod(cong_van(), "right", 2, italic=False),
        [(DATE, "italic")],
        header="indents",
    )
    add(
        "sdt_quoc_hieu_14",
        _mod(ke_hoach(), "right", 0, size=14),
        [(QH, "size")],
        header="sdt_block",
    )
    add(
        "textbox_ten_co_quan_12_not_bold",
        _mod(thong_bao(), "left", 1, bold=False),
        [(CQ, "bold")],
        header="textbox",
    )
    add(
        "two_faults_qh_body",
        _body_all(_mod(to_trinh(), "right", 0, bold=False), size=12),
        [(QH, "bold"), (BODY, "size")],
        style="style",
    )

    # Signing on behalf.
    p = qd_so()
    p["authority"][1].text = "CHÁNH VĂN PHÒNG"
    add("kt_non_deputy_under", p, [(SIGNING, "kt_title")])
    p = qd_so(kt=False)
    p["authority"][0].text = "PHÓ GIÁM ĐỐC"
    add("deputy_without_kt", p, [(SIGNING, "kt_missing")])
    p = qd_so()
    p["authority"][0].text = "KT. BỘ TRƯỞNG"
    p["authority"][1].text = "THỨ TRƯỞNG"
    add("kt_other_body_head", p, [(SIGNING, "kt_head")])
    add("tm_missing_hdnd", nq_hdnd(tm=False), [(SIGNING, "tm_missing")], signer="paragraphs")

    # Missing parts.
    p = ke_hoach()
    p["recipients"] = []
    add("noi_nhan_missing", p, [(NOI, "missing")])
    p = qd_so()
    del p["left"][2]
    add("so_ky_hieu_missing", p, [(SO, "missing")])
    p = thong_bao()
    del p["right"][0:2]
    add("quoc_hieu_tieu_ngu_missing", p, [(QH, "missing"), (TN, "missing")])
    p = cong_van()
    del p["body"][0]
    add("cong_van_kinh_gui_missing", p, [(KG, "missing")])

    # Stray characters inside words.
    p = ke_hoach()
    p["body"][2] = body_par(
        "1. Nâng cao chất lượng giáo dục toàn diện, bảo đảm an toàn trường học p\\hủ hợp trong toàn ngành."
    )
    add("stray_backslash", p, [(STRAY, "text")])
    p = to_trinh()
    p["body"][1] = body_par(
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Hà Tĩ~nh về công tác tuyển dụng năm 2025, Sở Nội vụ kính trình như sau:"
    )
    add("stray_tilde", p, [(STRAY, "text")])
    p = qd_so()
    p["title"][1].text = "Ban hành Qu^yết định về Quy chế làm việc của Sở Giáo dục và Đào tạo"
    add("stray_caret_trich_yeu", p, [(STRAY, "text")])
    _more_cases(add)
    return cases


def _more_cases(add) -> None:
    """Second round: layouts and faults the first round did not try."""
    # Correct documents laid out in other ways.
    p = cong_van()
    qh, tn = p["right"][0], p["right"][1]
    p["right"][0:2] = [Line("", runs=[(qh.text + "\n", qh.fmt), (tn.text, tn.fmt)])]
    add("ok_quoc_hieu_tieu_ngu_one_paragraph", p, [])
    p = qd_so()
    auth = p["authority"]
    p["authority"] = [Line("", runs=[(auth[0].text + "\n" + auth[1].text, auth[0].fmt)])]
    add("ok_signer_one_paragraph_br", p, [])
    add("ok_doc_defaults_font", thong_bao(), [], style="defaults")
    add("ok_sdt_whole_table", bao_cao(), [], header="sdt_table")
    add("ok_textbox_vml_only", qd_ubnd(), [], header="textbox_vml")
    add("ok_sdt_signer", to_trinh(), [], signer="sdt_table")
    add("ok_indents_qd", qd_so(), [], header="indents", style="style")
    # Fonts.
    add("font_from_theme_calibri", ke_hoach(), [(FONT, "font")], style="theme")
    add("font_vni_times", bao_cao(), [(FONT, "font")], font="VNI-Times")
    p = cong_van()
    for line in p["body"][1:]:
        line.fmt = replace(line.fmt, font="Arial")
    add("font_arial_body_only", p, [(FONT, "font")])
    add("body_12_in_style", qd_so(), [(BODY, "size")], style="style_12")
    # Sizes and emphasis in other layouts.
    add(
        "indents_quoc_hieu_14",
        _mod(to_trinh(), "right", 0, size=14),
        [(QH, "size")],
        header="indents",
    )
    add(
        "tabs_co_quan_not_bold",
        _mod(bao_cao(), "left", 1, bold=False),
        [(CQ, "bold")],
        header="tabs",
    )
    add(
        "quoc_hieu_lower_case",
        _mod(qd_ubnd(), "right", 0, text="Cộng hòa xã hội chủ nghĩa Việt Nam"),
        [(QH, "caps")],
    )
    add("ten_loai_lower_case", _mod(thong_bao(), "title", 0, text="Thông báo"), [(LOAI, "caps")])
    add("date_12", _mod(bao_cao(), "right", 2, size=12), [(DATE, "size")])
    p = qd_so()
    p["recipients"][0].fmt = replace(p["recipients"][0].fmt, bold=False, italic=False)
    add("noi_nhan_label_plain", p, [(NOI, "emphasis")])
    p = thong_bao()
    for line in p["recipients"][1:]:
        line.fmt = replace(line.fmt, size=14)
    add("noi_nhan_list_14", p, [(NOI, "size")])
    p = qd_so()
    for line in p["body"][1:4]:
        line.fmt = replace(line.fmt, italic=False)
    add("can_cu_not_italic", p, [("can_cu", "italic")])
    p = qd_so()
    for line in p["body"][5:8]:
        line.runs[0] = (line.runs[0][0], replace(line.runs[0][1], bold=False))
    add("dieu_not_bold", p, [("dieu", "bold")])
    add(
        "sdt_signer_name_not_bold",
        _mod(to_trinh(), "name_line", 0, bold=False),
        [(SIGN_N, "bold")],
        signer="sdt_table",
    )
    # Content of the header that the decree fixes.
    add(
        "so_without_leading_zero",
        _mod(ke_hoach(), "left", 2, text="Số: 5/KH-THKL"),
        [(SO, "format")],
    )
    add(
        "date_without_leading_zero",
        _mod(cong_van(), "right", 2, text="Nam Đàn, ngày 5 tháng 9 năm 2024"),
        [(DATE, "format")],
    )
    # Missing parts.
    p = ke_hoach()
    del p["title"][0]
    add("ten_loai_missing", p, [(LOAI, "missing")])
    p = thong_bao()
    p["name_line"] = None
    add("signer_name_missing", p, [(SIGN_N, "missing")])
    p = qd_so()
    del p["right"][2]
    add("date_missing", p, [(DATE, "missing")])
    # Signing on behalf: Nơi nhận of a KT. document lists the head.
    p = qd_so()
    p["recipients"][2].text = "- Các phòng thuộc Sở;"
    add("kt_noi_nhan_without_head", p, [(SIGNING, "kt_report")])
    _third_round(add)


def _third_round(add) -> None:
    """Third round: more signing, missing parts, sizes, stray characters and layouts."""
    p = qd_ubnd()
    p["authority"] = [L("KT. CHỦ TỊCH", 14, bold=True), L("PHÓ CHỦ TỊCH", 14, bold=True)]
    p["recipients"][2].text = "- Chủ tịch UBND tỉnh (để báo cáo);"
    add("ok_ubnd_kt_chu_tich", p, [])
    p = thong_bao()
    right = [*p["authority"], L(""), L(""), p["name_line"]]
    p["authority"] = [Line("", runs=[("\n".join(x.text for x in right), Fmt(14, bold=True))])]
    p["name_line"] = None
    add("ok_signer_block_one_paragraph", p, [])
    add("ok_indents_issuer_first", bao_cao(), [], header="indents_issuer_first")
    add("ok_tabs_default_stops", ke_hoach(), [], header="tabs_default")
    add("ok_spaces_header", qd_so(), [], header="spaces")
    p = qd_so()
    p["authority"][1].text = "GIÁM ĐỐC"
    add("kt_head_under_kt", p, [(SIGNING, "kt_title")])
    p = thong_bao()
    p["authority"][1].text = "GIÁM ĐỐC"
    add("tl_same_title", p, [(SIGNING, "tl_title")])
    p = qd_so(kt=False)
    p["authority"] = [L("TM. GIÁM ĐỐC", 14, bold=True), L("GIÁM ĐỐC", 14, bold=True)]
    add("tm_before_person_title", p, [(SIGNING, "tm_body")])
    p = qd_ubnd()
    p["authority"] = [L("PHÓ CHỦ TỊCH", 14, bold=True)]
    add("ubnd_deputy_without_kt", p, [(SIGNING, "kt_missing")])
    p = qd_so()
    p["authority"][0].text = "KT. CHỦ TỊCH"
    p["authority"][1].text = "PHÓ CHỦ TỊCH"
    add("so_kt_chu_tich", p, [(SIGNING, "kt_head")])
    add("tieu_ngu_12", _mod(ke_hoach(), "right", 1, size=12), [(TN, "size")])
    add("co_quan_14", _mod(qd_so(), "left", 1, size=14), [(CQ, "size")])
    add("noi_nhan_label_14", _mod(cong_van(), "recipients", 0, size=14), [(NOI, "size")])
    add("trich_yeu_12", _mod(qd_ubnd(), "title", 1, size=12), [(TY, "size")])
    add("vv_14", _mod(cong_van(), "left", 3, size=14), [("trich_yeu_cong_van", "size")])
    p = bao_cao()
    del p["left"][1]
    del p["left"][0]
    add("issuer_missing", p, [(CQ, "missing")])
    p = qd_so()
    del p["title"][1]
    add("trich_yeu_missing", p, [(TY, "missing")])
    p = ke_hoach()
    p["authority"] = []
    add("signer_title_missing", p, [(SIGN_T, "missing")])
    p = thong_bao()
    p["recipients"] = p["recipients"][:-1]
    add("luu_missing", p, [(NOI, "archive")])
    p = cong_van()
    p["body"][2] = body_par(
        "1. Rà soát kế hoạch giáo dục nhà trườ`ng, gửi về Phòng trước ngày 30 tháng 9 năm 2024."
    )
    add("stray_backtick", p, [(STRAY, "text")])
    p = bao_cao()
    p["body"][1] = body_par("I. MỤC ĐÍCH, YÊU CẦU")
    p["body"][3] = body_par(
        "2. Các đơn vị triển khai nghiêm túc, đú*ng tiến độ, báo cáo kết quả đúng thời hạn./."
    )
    add("stray_star", p, [(STRAY, "text")])
    p = ke_hoach()
    p["right"][2].text = "Kim Liê^n, ngày 15 tháng 9 năm 2024"
    add("stray_in_date_line", p, [(STRAY, "text")])
    add(
        "sdt_body_12",
        _body_all(thong_bao(), size=12),
        [(BODY, "size")],
        header="sdt_block",
        body_sdt=True,
    )
    add(
        "a4_landscape_letter_margins_ok_paper_wrong",
        cong_van(),
        [(PAGE, "paper")],
        paper=(279.4, 215.9),
    )
    _fourth_round(add)


def _fourth_round(add) -> None:
    """Parts joined in one paragraph by line breaks, the date under the header table."""
    add(
        "paragraph_signer_name_not_bold",
        _mod(nq_hdnd(), "name_line", 0, bold=False),
        [(SIGN_N, "bold")],
        signer="paragraphs",
    )
    p = qd_so()
    for line in p["body"][1:4]:
        line.fmt = replace(line.fmt, italic=False)
        line.text = line.text[:55].rstrip(" ,") + ";" if len(line.text) > 55 else line.text
    add("short_can_cu_not_italic", p, [("can_cu", "italic")])
    p = cong_van()
    qh, tn = p["right"][0], p["right"][1]
    p["right"][0:2] = [
        Line("", runs=[(qh.text + "\n", qh.fmt), (tn.text, replace(tn.fmt, bold=False))])
    ]
    add("one_paragraph_tieu_ngu_not_bold", p, [(TN, "bold")])
    p = qd_so()
    loai, ty = p["title"]
    p["title"] = [Line("", runs=[(loai.text + "\n", loai.fmt), (ty.text, ty.fmt)])]
    add("ok_title_and_subject_one_paragraph", p, [])
    p = qd_so()
    loai, ty = p["title"]
    p["title"] = [
        Line("", runs=[(loai.text + "\n", loai.fmt), (ty.text, replace(ty.fmt, bold=False))])
    ]
    add("one_paragraph_trich_yeu_not_bold", p, [(TY, "bold")])
    p = thong_bao()
    label, *items = p["recipients"]
    p["recipients"] = [
        Line(
            "",
            align="left",
            runs=[(label.text + "\n", label.fmt), ("\n".join(i.text for i in items), items[0].fmt)],
        )
    ]
    add("ok_recipients_one_paragraph", p, [])
    add("ok_date_under_table", ke_hoach(), [], header="date_below")
    add("ok_word_habits", qd_ubnd(), [], word_habits=True)
    _other_types(add)
    add(
        "word_habits_quoc_hieu_bold_off",
        _mod(cong_van(), "right", 0, bold=False),
        [(QH, "bold")],
        word_habits=True,
    )
    add(
        "word_habits_name_not_bold",
        _mod(bao_cao(), "name_line", 0, bold=False),
        [(SIGN_N, "bold")],
        word_habits=True,
    )
    add(
        "date_under_table_not_italic",
        _mod(bao_cao(), "right", 2, italic=False),
        [(DATE, "italic")],
        header="date_below",
    )


def _other_types(add) -> None:
    """Types laid out by their own models (Phụ lục III): biên bản (Mẫu 1.9: no date line in the
    header, THƯ KÝ and CHỦ TỌA sign), giấy mời (Mẫu 1.7), chỉ thị, công điện (Mẫu 1.6)."""
    left, right = header_parts(
        "UBND HUYỆN NAM ĐÀN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 12/BB-PGDĐT", ""
    )
    p = dict(
        left=left,
        right=right[:2],
        title=[L("BIÊN BẢN", 14, bold=True), L("Họp giao ban tháng 10 năm 2024", 14, bold=True)],
        body=[
            body_par("Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 10 năm 2024."),
            body_par(
                "Địa điểm: Phòng họp số 1, Phòng Giáo dục và Đào tạo huyện Nam Đàn, tỉnh Nghệ An."
            ),
            body_par(
                "Thành phần tham dự: Lãnh đạo Phòng, chuyên viên các bộ phận chuyên môn của Phòng."
            ),
            body_par(
                "Cuộc họp kết thúc vào 11 giờ 00 cùng ngày, biên bản đã được đọc cho mọi người cùng nghe và nhất trí thông qua./."
            ),
        ],
        authority=[L("THƯ KÝ\t\t\tCHỦ TỌA", 14, bold=True, align="left")],
        name_line=Line(
            "", align="left", runs=[("Lê Thị Hạnh\t\t\tNguyễn Văn Phúc", Fmt(14, bold=True))]
        ),
        recipients=recipients(["- Lãnh đạo Phòng;", "- Lưu: VT, Hồ sơ."]),
    )
    add("ok_bien_ban", p, [], signer="paragraphs")
    left, right = header_parts(
        "UBND TỈNH NGHỆ AN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 88/GM-SGDĐT",
        "Nghệ An, ngày 02 tháng 10 năm 2024",
    )
    auth, name = signer(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn Hùng")
    add(
        "ok_giay_moi",
        dict(
            left=left,
            right=right,
            title=[
                L("GIẤY MỜI", 14, bold=True),
                L("Dự hội nghị tổng kết năm học 2023 - 2024", 14, bold=True),
            ],
            body=[
                body_par(
                    "Sở Giáo dục và Đào tạo trân trọng kính mời Hiệu trưởng các trường trung học phổ thông trên địa bàn tỉnh tới dự hội nghị."
                ),
                body_par(
                    "Thời gian: 08 giờ 00, ngày 10 tháng 10 năm 2024; địa điểm: Hội trường Sở Giáo dục và Đào tạo./."
                ),
            ],
            authority=auth,
            name_line=name,
            recipients=recipients(["- Như trên;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP."]),
        ),
        [],
    )
    left, right = header_parts(
        None,
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN",
        "Số: 05/CT-UBND",
        "Nghệ An, ngày 15 tháng 02 năm 2025",
    )
    auth, name = signer(["CHỦ TỊCH"], "Nguyễn Đức Trung")
    add(
        "ok_chi_thi",
        dict(
            left=left,
            right=right,
            title=[
                L("CHỈ THỊ", 14, bold=True),
                L("Về tăng cường công tác phòng, chống thiên tai năm 2025", 14, bold=True),
            ],
            body=copy.deepcopy(PLAIN_BODY),
            authority=auth,
            name_line=name,
            recipients=recipients(
                ["- Các sở, ban, ngành;", "- UBND các huyện, thành phố, thị xã;", "- Lưu: VT."]
            ),
        ),
        [],
    )
    left, right = header_parts(
        None, "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "Số: 03/CĐ-UBND", "Hà Tĩnh, ngày 20 tháng 9 năm 2024"
    )
    auth, name = signer(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Báu Hà")
    add(
        "ok_cong_dien",
        dict(
            left=left,
            right=right,
            title=[
                L("CÔNG ĐIỆN", 14, bold=True),
                L("Về việc chủ động ứng phó với bão số 4", 14, bold=True),
            ],
            body=[
                L("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:", 14, bold=True),
                L("- Giám đốc các sở, ban, ngành cấp tỉnh;", 14, align="left"),
                L("- Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã.", 14, align="left"),
                *copy.deepcopy(PLAIN_BODY[2:]),
            ],
            authority=auth,
            name_line=name,
            recipients=recipients(
                ["- Như trên;", "- Chủ tịch UBND tỉnh (để báo cáo);", "- Lưu: VT."]
            ),
        ),
        [],
    )


# ---------------------------------------------------------------- writing .docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ALIGN = {"center": "center", "justify": "both", "left": "left", "right": "right"}


def _run_props(fmt: Fmt, case: Case):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = OxmlElement("w:rPr")
    font = fmt.font or case.font
    if case.style == "runs" or fmt.font:
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)
        if case.word_habits:
            fonts.set(qn("w:eastAsia"), "MS Mincho")
            fonts.set(qn("w:cs"), "Arial")
        rpr.append(fonts)
    for prop, on in (("w:b", fmt.bold), ("w:i", fmt.italic)):
        if on or case.word_habits:
            el = OxmlElement(prop)
            if not on:
                el.set(qn("w:val"), "0")
            rpr.append(el)
    if fmt.caps:
        rpr.append(OxmlElement("w:caps"))
    if case.style in ("runs", "theme") or fmt.size != 14:
        for tag in ("w:sz", "w:szCs"):
            sz = OxmlElement(tag)
            sz.set(qn("w:val"), str(int(fmt.size * 2)))
            rpr.append(sz)
    return rpr


def _make_run(text: str, fmt: Fmt, case: Case):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    r.append(_run_props(fmt, case))
    parts = text.split("\t")
    for i, part in enumerate(parts):
        if i:
            r.append(OxmlElement("w:tab"))
        if part:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = part
            r.append(t)
    return r


def _make_par(
    line: Line,
    case: Case,
    indent: tuple[float, float] | None = None,
    tabs: list[tuple[str, float]] | None = None,
    first_line: bool = False,
):
    """A w:p element (not attached). indent: (left cm, right cm); tabs: (kind, cm)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    if tabs:
        tabs_el = OxmlElement("w:tabs")
        for kind, pos in tabs:
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), kind)
            tab.set(qn("w:pos"), str(int(pos * 567)))
            tabs_el.append(tab)
        ppr.append(tabs_el)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "120" if line.align == "justify" else "0")
    ppr.append(spacing)
    if indent or first_line:
        ind = OxmlElement("w:ind")
        if indent:
            ind.set(qn("w:left"), str(int(indent[0] * 567)))
            ind.set(qn("w:right"), str(int(indent[1] * 567)))
        if first_line:
            ind.set(qn("w:firstLine"), "720")
        ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), ALIGN[line.align])
    ppr.append(jc)
    p.append(ppr)
    for text, fmt in line.runs or [(line.text, line.fmt)]:
        for k, piece in enumerate(text.split("\n")):
            if k:
                br_run = OxmlElement("w:r")
                br_run.append(OxmlElement("w:br"))
                p.append(br_run)
            p.append(_make_run(piece, fmt, case))
    return p


def _sdt(child, inline: bool = False, tag: str = "field"):
    """Wrap an element (w:p block-level, or w:r inline) in a content control."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), tag)
    pr.append(alias)
    tag_el = OxmlElement("w:tag")
    tag_el.set(qn("w:val"), tag)
    pr.append(tag_el)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    content.append(child)
    sdt.append(content)
    return sdt


def _body_el(doc):
    return doc.element.body


def _append(doc, el):
    body = _body_el(doc)
    sect = body.find(f"{{{W_NS}}}sectPr")
    if sect is not None:
        sect.addprevious(el)
    else:
        body.append(el)


def _borderless_table(
    doc, rows: list[tuple[list[Line], list[Line]]], case: Case, widths=(7.0, 9.5), wrap=None
):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=len(rows), cols=2)
    tbl = table._tbl
    tblpr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tblpr.append(borders)
    for r, (left, right) in enumerate(rows):
        for c, lines in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.width = Cm(widths[c])
            tc = cell._tc
            for p in tc.findall(qn("w:p")):
                tc.remove(p)
            for line in lines:
                el = _make_par(line, case)
                if wrap:
                    el = wrap(el)
                tc.append(el)
            if not lines:
                tc.append(OxmlElement("w:p"))
    return table


def _textbox_par(left: list[Line], right: list[Line], case: Case, vml_only: bool = False):
    """One paragraph anchoring two text boxes, as Word writes them (wps + VML fallback)."""
    from lxml import etree

    def content(lines):
        return "".join(etree.tostring(_make_par(line, case), encoding="unicode") for line in lines)

    def box(idx: int, x_cm: float, w_cm: float, lines):
        emu_x, emu_w, emu_h = int(x_cm * 360000), int(w_cm * 360000), int(3.2 * 360000)
        inner = content(lines)
        if vml_only:
            return f"""<w:r><w:pict><v:shape id="tb{idx}" type="#_x0000_t202" style="position:absolute;margin-left:{x_cm}cm;width:{w_cm}cm;height:3.2cm" stroked="f"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"""
        return f"""<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{idx}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>{emu_x}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{emu_w}" cy="{emu_h}"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{idx}" name="Text Box {idx}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu_w}" cy="{emu_h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="tb{idx}" type="#_x0000_t202" style="position:absolute;margin-left:{x_cm}cm;width:{w_cm}cm;height:3.2cm" stroked="f"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    xml = f"<w:p {ns}>{box(1, 0, 7.0, left)}{box(2, 7.2, 9.3, right)}</w:p>"
    from docx.oxml import parse_xml

    para = parse_xml(xml)
    spacer = [f"<w:p {ns}/>" for _ in range(6)]  # room below the boxes, as clerks leave it
    return [para] + [parse_xml(s) for s in spacer]


def _header(doc, case: Case) -> None:
    left, right = case.left, case.right
    kind = case.header
    if kind in ("table", "sdt_inline"):
        wrap = None
        if kind == "sdt_inline":

            def wrap(p):  # every run of the paragraph inside one inline content control
                from docx.oxml.ns import qn

                runs = [r for r in p if r.tag == qn("w:r")]
                if runs:
                    anchor = runs[0]
                    placeholder = anchor.makeelement(qn("w:bookmarkStart"), {})
                    anchor.addprevious(placeholder)
                    sdt = _sdt(runs[0], inline=True)
                    for r in runs[1:]:
                        sdt[1].append(r)
                    placeholder.addprevious(sdt)
                    p.remove(placeholder)
                return p

        _borderless_table(doc, [(left, right)], case, wrap=wrap)
    elif kind == "date_below":  # the date in its own right-aligned paragraph under the table
        _borderless_table(doc, [(left, right[:2])], case)
        for line in right[2:]:
            _append(doc, _make_par(replace(line, align="right"), case))
    elif kind == "table2":
        names_l = [x for x in left if not x.text.startswith(("Số", "V/v"))]
        rest_l = [x for x in left if x.text.startswith(("Số", "V/v"))]
        _borderless_table(doc, [(names_l, right[:2]), (rest_l, right[2:])], case)
    elif kind == "tabs":
        names_l = [x for x in left if not x.text.startswith(("Số", "V/v"))]
        so_l = [x for x in left if x.text.startswith(("Số", "V/v"))]
        # Pair lines so that the date sits beside the number, as on paper.
        rows_l = names_l + [None] * max(0, 2 - len(names_l))
        rows_r = right[:2] + [None] * max(0, len(names_l) - 2)
        pairs = (
            list(zip(rows_l, rows_r, strict=False))
            + list(zip(so_l[:1], right[2:], strict=False))
            + [(x, None) for x in so_l[1:]]
        )
        for lft, rgt in pairs:
            runs = [("\t", Fmt(13))]
            if lft is not None:
                runs.append((lft.text.replace("\n", " "), lft.fmt))
            if rgt is not None:
                runs += [("\t", Fmt(13)), (rgt.text, rgt.fmt)]
            line = Line("", align="left", runs=runs)
            _append(doc, _make_par(line, case, tabs=[("center", 3.5), ("center", 11.5)]))
    elif kind == "indents_issuer_first":
        for line in left:
            _append(doc, _make_par(line, case, indent=(0, 9.0)))
        for line in right:
            _append(doc, _make_par(line, case, indent=(7.0, 0)))
    elif kind in ("tabs_default", "spaces"):
        # no tab stops: the clerk pushes the right half over with tabs or spaces
        gap = "\t\t\t" if kind == "tabs_default" else " " * 12
        names_l = [x for x in left if not x.text.startswith(("Số", "V/v"))]
        so_l = [x for x in left if x.text.startswith(("Số", "V/v"))]
        rows = list(zip(names_l[:2], right[:2], strict=False)) + list(
            zip(so_l[:1], right[2:], strict=False)
        )
        for lft, rgt in rows:
            runs = [(lft.text.replace("\n", " "), lft.fmt), (gap, Fmt(13)), (rgt.text, rgt.fmt)]
            _append(doc, _make_par(Line("", align="left", runs=runs), case))
    elif kind in ("indents", "sdt_block"):
        wrap = _sdt if kind == "sdt_block" else (lambda p: p)
        for line in right[:2]:
            _append(doc, wrap(_make_par(line, case, indent=(7.0, 0))))
        for line in left:
            _append(doc, wrap(_make_par(line, case, indent=(0, 9.0))))
        for line in right[2:]:
            _append(doc, wrap(_make_par(line, case, indent=(7.0, 0))))
    elif kind in ("textbox", "textbox_vml"):
        for el in _textbox_par(left, right, case, vml_only=kind == "textbox_vml"):
            _append(doc, el)
    elif kind == "sdt_table":
        table = _borderless_table(doc, [(left, right)], case)
        tbl = table._tbl
        holder = tbl.makeelement(tbl.tag.replace("tbl", "bookmarkStart"), {})
        tbl.addprevious(holder)
        holder.addprevious(_sdt(tbl))
        holder.getparent().remove(holder)
    else:
        raise ValueError(kind)


def _signer(doc, case: Case) -> None:
    right = list(case.authority) + [L("", 14)] * 3 + ([case.name_line] if case.name_line else [])
    if case.signer in ("table", "sdt_table"):
        wrap = _sdt if case.signer == "sdt_table" else None
        _borderless_table(doc, [(case.recipients, right)], case, widths=(8.0, 8.5), wrap=wrap)
    else:
        for line in right:
            _append(doc, _make_par(line, case, indent=(8.0, 0)))
        for line in case.recipients:
            _append(doc, _make_par(line, case))


def _doc_defaults(doc, font: str) -> None:
    """Font and size in w:docDefaults only, theme attributes removed (as some templates do)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in list(rpr):
        if el.tag in (qn("w:rFonts"), qn("w:sz"), qn("w:szCs")):
            rpr.remove(el)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    rpr.insert(0, fonts)
    for tag in ("w:sz", "w:szCs"):
        sz = OxmlElement(tag)
        sz.set(qn("w:val"), "28")
        rpr.append(sz)


def write_case(case: Case, path: Path) -> Path:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(case.paper[0]), Mm(case.paper[1])
    top, bottom, left, right = case.margins
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (
        Mm(top),
        Mm(bottom),
        Mm(left),
        Mm(right),
    )
    if case.style in ("style", "style_12"):
        normal = doc.styles["Normal"]
        normal.font.name = case.font
        normal.font.size = Pt(12 if case.style == "style_12" else 14)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), case.font)
    elif case.style == "defaults":
        _doc_defaults(doc, case.font)
    _header(doc, case)
    _append(doc, _make_par(L(""), case))
    for line in case.title:
        _append(doc, _make_par(line, case))
    for line in case.body:
        el = _make_par(line, case, first_line=line.align == "justify")
        _append(doc, _sdt(el) if case.body_sdt else el)
    _signer(doc, case)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def write_all(folder: Path) -> list[tuple[Case, Path]]:
    return [(case, write_case(case, folder / f"{case.name}.docx")) for case in build_cases()]


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind_cases")
    for case, path in write_all(out):
        print(path, case.expected)


# ---------------------------------------------------------------- measuring
# The one part written after seeing the tool's output: how its findings are named. A finding
# names a component (detail.component "form.x", or the missing component) and a code.

COMPONENT_OF = {
    "quoc_hieu": QH,
    "national_header": QH,
    "tieu_ngu": TN,
    "motto": TN,
    "co_quan_ban_hanh": CQ,
    "issuer": CQ,
    "so_ky_hieu": SO,
    "number": SO,
    "dia_danh_ngay": DATE,
    "date": DATE,
    "place_date": DATE,
    "ten_loai": LOAI,
    "doc_type": LOAI,
    "trich_yeu": TY,
    "subject": TY,
    "noi_dung": BODY,
    "chuc_vu": SIGN_T,
    "quyen_han": SIGN_T,
    "ho_ten": SIGN_N,
    "signer_name": SIGN_N,
    "signer": SIGN_N,
    "noi_nhan": NOI,
    "noi_nhan_ds": NOI,
    "issued": DATE,
    "recipients": NOI,
    "kinh_gui": KG,
    "addressee": KG,
    "trich_yeu_cong_van": "trich_yeu_cong_van",
    "signer_title": SIGN_T,
    "archive": NOI,
    "can_cu": "can_cu",
    "dieu": "dieu",
}
# Findings on the text of one component, by their code.
CODE_COMPONENT = {"number_format": SO, "date_format": DATE}
# A property of the expectations and the finding codes that show it.
PROPERTY_CODES = {
    "size": {"font_size"},
    "bold": {"emphasis"},
    "italic": {"emphasis"},
    "caps": {"emphasis", "letter_case"},
    "emphasis": {"emphasis"},
    "align": {"alignment"},
    "missing": {"missing_component"},
    "archive": {"missing_component"},
}


def finding_keys(finding: dict) -> set[tuple[str, str]]:
    """The (component, property) pairs one finding of `lint --format json` shows."""
    code = finding.get("code", "")
    detail = finding.get("detail") or {}
    rule = str(detail.get("rule") or "")
    keys: set[tuple[str, str]] = set()
    if code == "font":
        keys.add((FONT, "font"))
    if code == "page_setup":
        keys.add((PAGE, "paper" if rule.startswith("page.") else "margin_" + rule.split(".")[-1]))
    if code == "signing" or rule.startswith("signing"):
        keys.add((SIGNING, "*"))
    if code == "stray_character":
        keys.add((STRAY, "text"))
    if code in CODE_COMPONENT:
        keys.add((CODE_COMPONENT[code], "format"))
    component = str(detail.get("component") or "").removeprefix("form.")
    mine = COMPONENT_OF.get(component) or COMPONENT_OF.get(rule.split(".")[0])
    if mine:
        for prop, codes in PROPERTY_CODES.items():
            if code in codes:
                keys.add((mine, prop))
        keys.add((mine, "format"))  # any finding on the component's text (leading zero …)
    return keys


def matches(expected: tuple[str, str], found: set[tuple[str, str]]) -> bool:
    component, prop = expected
    if component == SIGNING:
        return (SIGNING, "*") in found
    if prop == "format":
        return any(c == component and p not in ("missing",) for c, p in found)
    return expected in found


def measure(cases: list[Case], report: dict) -> dict:
    """Recall over expected violations, error findings on correct documents, misses."""
    by_file = {Path(f["file"]).stem: f for f in report["files"]}
    total = hit = 0
    misses: list[str] = []
    false_errors: list[str] = []
    for case in cases:
        result = by_file[case.name]
        findings = result.get("findings") or []
        found: set[tuple[str, str]] = set()
        for f in findings:
            found |= finding_keys(f)
        for exp in case.expected:
            total += 1
            if matches(exp, found):
                hit += 1
            else:
                misses.append(f"{case.name}: {exp}")
        if not case.expected:
            if result.get("error"):
                false_errors.append(f"{case.name}: unreadable ({result['error']})")
            false_errors += [
                f"{case.name}: {f['code']} {f['message']}"
                for f in findings
                if f["severity"] == "error"
            ]
    return {
        "expected": total,
        "found": hit,
        "recall": hit / total if total else 1.0,
        "misses": misses,
        "false_errors": false_errors,
    }
