"""Planted violations: each case changes one thing of a correct document (docbuild.Spec) and
names the finding code that must come out of it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import docbuild as b

F = b.FORM


def _form(
    part: str, size: float | None = None, bold: bool | None = None, italic: bool | None = None
) -> dict[str, Any]:
    s, bo, it = F[part]
    return {
        part: (
            size if size is not None else s,
            bo if bold is None else bold,
            it if italic is None else italic,
        )
    }


BASE = b.Spec()
BODY = list(BASE.body)

# (id, spec, expected finding code)
CASES: list[tuple[str, b.Spec, str]] = [
    ("font_arial", replace(BASE, font="Arial"), "font"),
    ("margin_left_25", replace(BASE, margins=(20, 20, 25, 15)), "page_setup"),
    ("margin_top_30", replace(BASE, margins=(30, 20, 30, 15)), "page_setup"),
    ("margin_right_25", replace(BASE, margins=(20, 20, 30, 25)), "page_setup"),
    ("page_letter", replace(BASE, page=(215.9, 279.4)), "page_setup"),
    ("quoc_hieu_14", replace(BASE, form=_form("quoc_hieu", size=14)), "font_size"),
    ("quoc_hieu_not_bold", replace(BASE, form=_form("quoc_hieu", bold=False)), "emphasis"),
    ("tieu_ngu_12", replace(BASE, form=_form("tieu_ngu", size=12)), "font_size"),
    ("issuer_14", replace(BASE, form=_form("issuer", size=14)), "font_size"),
    ("date_not_italic", replace(BASE, form=_form("date", italic=False)), "emphasis"),
    ("date_11", replace(BASE, form=_form("date", size=11)), "font_size"),
    ("type_12", replace(BASE, form=_form("type", size=12)), "font_size"),
    ("type_not_bold", replace(BASE, form=_form("type", bold=False)), "emphasis"),
    ("subject_not_bold", replace(BASE, form=_form("subject", bold=False)), "emphasis"),
    ("body_12", replace(BASE, form=_form("body", size=12)), "font_size"),
    ("body_left", replace(BASE, align={"body": b.LEFT}), "alignment"),
    ("type_left", replace(BASE, align={"type": b.LEFT}), "alignment"),
    ("noi_nhan_14", replace(BASE, form=_form("noi_nhan", size=14)), "font_size"),
    ("noi_nhan_not_italic", replace(BASE, form=_form("noi_nhan", italic=False)), "emphasis"),
    ("recipients_13", replace(BASE, form=_form("recipients", size=13)), "font_size"),
    ("sign_not_bold", replace(BASE, form=_form("sign", bold=False)), "emphasis"),
    ("sign_12", replace(BASE, form=_form("sign", size=12)), "font_size"),
    ("signer_not_bold", replace(BASE, form=_form("signer", bold=False)), "emphasis"),
    ("kt_without_deputy", replace(BASE, sign=["KT. GIÁM ĐỐC", "GIÁM ĐỐC"]), "signing"),
    ("deputy_without_kt", replace(BASE, sign=["PHÓ GIÁM ĐỐC"]), "signing"),
    ("kt_wrong_head", replace(BASE, sign=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]), "signing"),
    (
        "kt_no_report",
        replace(BASE, recipients=["- Như Điều 3;", "- Lưu: VT, VP."]),
        "signing",
    ),
    ("tm_title", replace(BASE, sign=["TM. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]), "signing"),
    ("tl_same_title", replace(BASE, sign=["TL. GIÁM ĐỐC", "GIÁM ĐỐC"]), "signing"),
    (
        "stray_backtick",
        replace(BASE, body=[BODY[0].replace("phủ", "p`hủ").replace("tỉnh", "tĩ~nh"), *BODY[1:]]),
        "stray_character",
    ),
    (
        "stray_tilde",
        replace(
            BASE,
            issuer="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            date="Bình Dương, ngày 05 tháng 3 năm 2021",
            body=[BODY[0].replace("Bình", "Bì~nh"), *BODY[1:]],
        ),
        "stray_character",
    ),
]
CASES += [
    ("no_subject", replace(BASE, subject=""), "missing_component"),
    ("no_date", replace(BASE, date="Bình Dương"), "missing_component"),
    ("no_recipients", replace(BASE, recipients=[]), "missing_component"),
    (
        "kt_office_wrong_head",
        replace(BASE, sign=["KT. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "PHÓ CHỦ TỊCH"]),
        "signing",
    ),
    ("thu_truong_without_kt", replace(BASE, sign=["THỨ TRƯỞNG"]), "signing"),
]
# the same header faults in headers laid out with tab stops and with indents
for layout in ("tabs", "indent"):
    CASES += [
        (
            f"{layout}_quoc_hieu_14",
            replace(BASE, layout=layout, form=_form("quoc_hieu", size=14)),
            "font_size",
        ),
        (
            f"{layout}_tieu_ngu_not_bold",
            replace(BASE, layout=layout, form=_form("tieu_ngu", bold=False)),
            "emphasis",
        ),
        (
            f"{layout}_date_not_italic",
            replace(BASE, layout=layout, form=_form("date", italic=False)),
            "emphasis",
        ),
    ]
CASES.append(("sdt_font", replace(BASE, layout="sdt", font="Arial"), "font"))
CASES.append(("sdt_margin", replace(BASE, layout="sdt", margins=(20, 20, 20, 15)), "page_setup"))

CORRECT: list[tuple[str, b.Spec]] = [
    ("quyet_dinh_table", BASE),
    ("quyet_dinh_tabs", replace(BASE, layout="tabs")),
    ("quyet_dinh_indent", replace(BASE, layout="indent")),
    ("quyet_dinh_content_controls", replace(BASE, layout="sdt")),
    ("cong_van", b.cong_van()),
    ("cong_van_tabs", replace(b.cong_van(), layout="tabs")),
    ("ke_hoach", b.ke_hoach()),
    ("ke_hoach_indent", replace(b.ke_hoach(), layout="indent")),
    ("to_trinh", b.to_trinh()),
    (
        "quyet_dinh_tm_ubnd",
        replace(
            BASE,
            parent="",
            issuer="ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG",
            number="Số: 125/QĐ-UBND",
            sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            recipients=["- Như Điều 3;", "- Chủ tịch UBND tỉnh (để báo cáo);", "- Lưu: VT."],
            authority=["ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"],
        ),
    ),
    (
        "acting_head",
        replace(BASE, sign=["Q. GIÁM ĐỐC"], recipients=["- Như Điều 3;", "- Lưu: VT."]),
    ),
    ("by_order", replace(BASE, sign=["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"])),
    (
        "by_order_deputy_of_unit",
        replace(BASE, sign=["TL. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
    ),
    ("by_authority", replace(BASE, sign=["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ"])),
    ("head_signs", replace(BASE, sign=["GIÁM ĐỐC"], recipients=["- Như Điều 3;", "- Lưu: VT."])),
    (
        "bao_cao",
        replace(
            b.ke_hoach(),
            number="Số: 40/BC-SGDĐT",
            doc_type="BÁO CÁO",
            subject="Kết quả thực hiện nhiệm vụ năm học 2020 - 2021",
        ),
    ),
    (
        "thong_bao",
        replace(
            b.ke_hoach(),
            number="Số: 41/TB-SGDĐT",
            doc_type="THÔNG BÁO",
            subject="Kết luận của Giám đốc Sở tại cuộc họp giao ban",
        ),
    ),
]
