"""The form rules of Nghị định 30/2020/NĐ-CP as data: the page (Phụ lục I, Phần I, mục I), each
component's font, size and emphasis (mục II, III and the table of mục V), the signing prefixes
(mục II khoản 7) and the 29 document types (Điều 7; abbreviations of Phụ lục III mục I).

Each row carries its decree reference, so a finding says where the rule comes from, and the rule
list of docs/form-rules.md is generated from these tables (scripts/form_rules_doc.py). The
checks (check.py, signing.py) read the rows; they hold no values of their own.

Severity: a rule is an error only where the decree leaves no room and the component is
recognised with certainty (its own words: Quốc hiệu, Tiêu ngữ, "Số:", the date line, a type
name, "Nơi nhận:"); what depends on recognising a part by its place (the parent body, the
trích yếu, the body text) is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...vocab import ADMIN_TYPES
from ..model import Severity

PL1 = "Phụ lục I, Phần I"


@dataclass(frozen=True)
class PageRule:
    rule: str
    field: str  # PageSetup attribute
    low: float  # millimetres
    high: float
    ref: str
    severity: Severity = "error"


# A4 portrait 210 × 297 mm; Word stores twips, so 0.5 mm of rounding is allowed either side.
PAGE_TOLERANCE_MM = 0.5
PAGE_RULES: tuple[PageRule, ...] = (
    PageRule("page.width", "width", 210, 210, f"{PL1}, mục I, khoản 1"),
    PageRule("page.height", "height", 297, 297, f"{PL1}, mục I, khoản 1"),
    PageRule("margin.top", "top", 20, 25, f"{PL1}, mục I, khoản 3"),
    PageRule("margin.bottom", "bottom", 20, 25, f"{PL1}, mục I, khoản 3"),
    PageRule("margin.left", "left", 30, 35, f"{PL1}, mục I, khoản 3"),
    PageRule("margin.right", "right", 15, 20, f"{PL1}, mục I, khoản 3"),
)

FONT = "Times New Roman"
FONT_REF = f"{PL1}, mục I, khoản 4"
# Fonts a run may carry without being text of the document: bullets and symbols.
SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"})


@dataclass(frozen=True)
class ComponentRule:
    """How the decree says one component is set. None means the decree leaves it open."""

    component: str
    ref: str
    sizes: tuple[float, float] | None
    upper: bool | None = None  # in hoa (True) / in thường (False)
    bold: bool | None = None  # đậm (True) / not đậm (False)
    italic: bool | None = None  # nghiêng (True) / đứng (False)
    align: str | None = None  # center, both (canh đều)
    side: str | None = None  # the header column it sits in: left, right
    severity: Severity = "error"  # size and required emphasis
    align_severity: Severity = "warning"
    # the rule covers only the runs under this pattern's match (the "Điều 1." of an article
    # whose text runs on in the same paragraph)
    only: str | None = None


COMPONENT_RULES: tuple[ComponentRule, ...] = (
    ComponentRule(
        "quoc_hieu",
        f"{PL1}, mục II, khoản 1, điểm a",
        (12, 13),
        True,
        True,
        False,
        side="right",
    ),
    ComponentRule(
        "tieu_ngu",
        f"{PL1}, mục II, khoản 1, điểm b",
        (13, 14),
        False,
        True,
        False,
        side="right",
    ),
    ComponentRule(
        "co_quan_chu_quan",
        f"{PL1}, mục II, khoản 2, điểm b",
        (12, 13),
        True,
        None,
        False,
        side="left",
        severity="warning",
    ),
    ComponentRule(
        "co_quan_ban_hanh",
        f"{PL1}, mục II, khoản 2, điểm b",
        (12, 13),
        True,
        True,
        False,
        side="left",
        severity="warning",
    ),
    ComponentRule(
        "so_ky_hieu",
        f"{PL1}, mục II, khoản 3, điểm c",
        (13, 13),
        None,
        False,
        False,
        side="left",
        severity="warning",
    ),
    ComponentRule(
        "dia_danh_ngay",
        f"{PL1}, mục II, khoản 4, điểm c",
        (13, 14),
        None,
        False,
        True,
        side="right",
    ),
    ComponentRule(
        "ten_loai",
        f"{PL1}, mục II, khoản 5, điểm b",
        (13, 14),
        True,
        True,
        False,
        align="center",
    ),
    ComponentRule(
        "trich_yeu",
        f"{PL1}, mục II, khoản 5, điểm b",
        (13, 14),
        False,
        True,
        False,
        align="center",
        severity="warning",
    ),
    ComponentRule(
        "trich_yeu_cong_van",
        f"{PL1}, mục II, khoản 5, điểm b (công văn)",
        (12, 13),
        None,
        False,
        False,
        side="left",
    ),
    ComponentRule(
        "kinh_gui",
        f"{PL1}, mục II, khoản 9, điểm d",
        (13, 14),
        None,
        None,
        False,
        severity="warning",
    ),
    ComponentRule(
        "can_cu",
        f"{PL1}, mục II, khoản 6, điểm a",
        (13, 14),
        None,
        None,
        True,
        severity="warning",
    ),
    ComponentRule(
        "dieu",
        f"{PL1}, mục II, khoản 6, điểm đ",
        None,  # "cỡ chữ bằng cỡ chữ của phần lời văn": the body's size rule covers it
        None,
        True,
        False,
        severity="warning",
        only=r"\s*Điều\s+\d+[a-zđ]?\s*\.",
    ),
    ComponentRule(
        "noi_dung",
        f"{PL1}, mục II, khoản 6, điểm e",
        (13, 14),
        None,
        None,
        None,
        align="both",
    ),
    ComponentRule(
        "quyen_han",
        f"{PL1}, mục II, khoản 7, điểm đ",
        (13, 14),
        True,
        True,
        False,
    ),
    ComponentRule(
        "chuc_vu",
        f"{PL1}, mục II, khoản 7, điểm đ",
        (13, 14),
        True,
        True,
        False,
        severity="warning",
    ),
    ComponentRule(
        "ho_ten",
        f"{PL1}, mục II, khoản 7, điểm đ",
        (13, 14),
        False,
        True,
        False,
        severity="warning",
    ),
    ComponentRule(
        "noi_nhan",
        f"{PL1}, mục II, khoản 9, điểm d",
        (12, 12),
        False,
        True,
        True,
    ),
    ComponentRule(
        "noi_nhan_ds",
        f"{PL1}, mục II, khoản 9, điểm d",
        (11, 11),
        False,
        False,
        False,
        severity="warning",
    ),
)
RULES_BY_COMPONENT = {r.component: r for r in COMPONENT_RULES}
# Where the decree requires each component that lint/rules/components.py reports missing.
MISSING_REFS: dict[str, str] = {
    "national_header": f"{PL1}, mục II, khoản 1",
    "motto": f"{PL1}, mục II, khoản 1",
    "issuer": f"{PL1}, mục II, khoản 2",
    "number": f"{PL1}, mục II, khoản 3",
    "issued": f"{PL1}, mục II, khoản 4",
    "doc_type": f"{PL1}, mục II, khoản 5",
    "subject": f"{PL1}, mục II, khoản 5",
    "signer_title": f"{PL1}, mục II, khoản 7",
    "signer_name": f"{PL1}, mục II, khoản 7",
    "recipients": f"{PL1}, mục II, khoản 9",
    "addressee": f"{PL1}, mục II, khoản 9, điểm b",
    "archive": f"{PL1}, mục II, khoản 9, điểm d",
}
# Findings of one kind on the body text are summed up once, not per paragraph.
BODY_SHARE = 0.5  # the share of body paragraphs that must break a rule before it is reported


@dataclass(frozen=True)
class SigningRule:
    """A signing prefix (Phụ lục I, Phần I, mục II, khoản 7, điểm b)."""

    prefix: str
    meaning_vi: str
    meaning_en: str
    # what follows the prefix: the collective body (TM.), else the head's title
    names: str
    # the signer's own title under it differs from the one after the prefix (KT. deputy, TL./
    # TUQ. head of a unit); for TM. and Q. it may be the same
    own_title_differs: bool
    ref: str = f"{PL1}, mục II, khoản 7, điểm b"


SIGNING_RULES: tuple[SigningRule, ...] = (
    SigningRule("TM.", "thay mặt tập thể", "on behalf of a collective body", "collective", False),
    SigningRule("Q.", "quyền cấp trưởng", "acting head", "head", False),
    SigningRule("KT.", "ký thay người đứng đầu", "signing for the head", "head", True),
    SigningRule("TL.", "thừa lệnh", "by order of the head", "head", True),
    SigningRule("TUQ.", "thừa ủy quyền", "by authority of the head", "head", True),
)
# Titles of a deputy: the one who signs under KT. ("PHÓ GIÁM ĐỐC"), and the deputies whose
# title is a word of its own (a minister's deputy is a THỨ TRƯỞNG).
DEPUTY_MARKERS = ("PHÓ ", "THỨ TRƯỞNG")
DEPUTY_OF = {"BỘ TRƯỞNG": "THỨ TRƯỞNG"}
# Heads of a body, by the word that opens the body's name (the KT. line names the head of
# the body that issues the document).
HEAD_OF_BODY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ỦY BAN NHÂN DÂN", ("CHỦ TỊCH",)),
    ("UBND", ("CHỦ TỊCH",)),
    ("HỘI ĐỒNG NHÂN DÂN", ("CHỦ TỊCH",)),
    ("HĐND", ("CHỦ TỊCH",)),
    ("UỶ BAN NHÂN DÂN", ("CHỦ TỊCH",)),
    ("BAN CHẤP HÀNH", ("BÍ THƯ",)),
    ("BAN THƯỜNG VỤ", ("BÍ THƯ",)),
    ("BỘ ", ("BỘ TRƯỞNG",)),
    ("SỞ ", ("GIÁM ĐỐC",)),
    ("CỤC ", ("CỤC TRƯỞNG",)),
    ("TỔNG CỤC ", ("TỔNG CỤC TRƯỞNG",)),
    ("VỤ ", ("VỤ TRƯỞNG",)),
    ("PHÒNG ", ("TRƯỞNG PHÒNG",)),
    ("VĂN PHÒNG ", ("CHÁNH VĂN PHÒNG",)),
    ("THANH TRA ", ("CHÁNH THANH TRA",)),
    ("TRƯỜNG ", ("HIỆU TRƯỞNG",)),
    ("BAN ", ("TRƯỞNG BAN",)),
    ("TRUNG TÂM ", ("GIÁM ĐỐC",)),
    ("VIỆN ", ("VIỆN TRƯỞNG",)),
    ("BỆNH VIỆN ", ("GIÁM ĐỐC",)),
    ("ĐẠI HỌC ", ("GIÁM ĐỐC", "HIỆU TRƯỞNG")),
    ("HỌC VIỆN ", ("GIÁM ĐỐC",)),
    ("CÔNG TY ", ("GIÁM ĐỐC", "TỔNG GIÁM ĐỐC")),
)
# Collective bodies (the head signs "TM." + the body's collective name), by the opening of the
# issuer's name: the collective name written after TM., and the severity of a missing "TM.".
# A UBND chairman also decides alone ("CHỦ TỊCH" with no prefix is then right), so there the
# missing TM. is only a warning.
COLLECTIVE_BODIES: tuple[tuple[str, str, Severity], ...] = (
    ("HỘI ĐỒNG NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "error"),
    ("HĐND", "HỘI ĐỒNG NHÂN DÂN", "error"),
    ("BAN CHẤP HÀNH", "BAN CHẤP HÀNH", "error"),
    ("BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ", "error"),
    ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "warning"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "warning"),
    ("UBND", "ỦY BAN NHÂN DÂN", "warning"),
)
STRAY_REF = f"{PL1}, mục I, khoản 4 (bộ mã Unicode TCVN 6909:2001)"


@dataclass(frozen=True)
class DocType:
    """One of the 29 types of administrative document (Điều 7; Phụ lục III)."""

    name: str
    code: str  # Phụ lục III abbreviation; "" for công văn and thư công, which have none
    model: str  # the Phụ lục III model (Mẫu) it is laid out by
    has_type_name: bool = True  # công văn carries no type name, a V/v subject instead
    addressee: bool = False  # a Kính gửi part (công văn; tờ trình, báo cáo to a superior)


DOC_TYPE_REF = "Điều 7; Phụ lục III, mục I"
_MODELS = {
    "Nghị quyết": "Mẫu 1.1",
    "Quyết định": "Mẫu 1.2, 1.3",
    "Công điện": "Mẫu 1.6",
    "Giấy mời": "Mẫu 1.7",
    "Giấy giới thiệu": "Mẫu 1.8",
    "Biên bản": "Mẫu 1.9",
    "Giấy nghỉ phép": "Mẫu 1.10",
}
_DECREE_TYPES = (
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Quy chế",
    "Quy định",
    "Thông cáo",
    "Thông báo",
    "Hướng dẫn",
    "Chương trình",
    "Kế hoạch",
    "Phương án",
    "Đề án",
    "Dự án",
    "Báo cáo",
    "Biên bản",
    "Tờ trình",
    "Hợp đồng",
    "Công điện",
    "Bản ghi nhớ",
    "Bản thỏa thuận",
    "Giấy ủy quyền",
    "Giấy mời",
    "Giấy giới thiệu",
    "Giấy nghỉ phép",
    "Phiếu gửi",
    "Phiếu chuyển",
    "Phiếu báo",
)
_CODES = dict(ADMIN_TYPES)
DOC_TYPES: tuple[DocType, ...] = (
    *(
        DocType(
            name,
            _CODES[name],
            _MODELS.get(name, "Mẫu 1.4"),
            addressee=name in ("Tờ trình", "Báo cáo"),
        )
        for name in _DECREE_TYPES
    ),
    DocType("Công văn", "", "Mẫu 1.5", has_type_name=False, addressee=True),
    DocType("Thư công", "", "—", has_type_name=False),
)
