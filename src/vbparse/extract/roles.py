"""Section roles by rule: keywords of the heading, folded (no diacritics, upper case) so that
"MỤC ĐÍCH – YÊU CẦU", "Mục đích, yêu cầu" and an OCR'd "MUC DICH" all match.

A rule decides only when its keyword stands in the heading; the earliest keyword wins
("NHIỆM VỤ VÀ GIẢI PHÁP" → tasks). Children without a rule of their own inherit their parent's
role. Sections the rules cannot decide are left for the learned model (issue 6), if loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import cues
from ..model import Document, Section
from ..settings import current
from .context import ParseContext

# (role, keywords) — keywords folded; order breaks ties at the same position.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "reporting",
        (
            "CHE DO BAO CAO",
            "CHE DO THONG TIN BAO CAO",
            "THONG TIN BAO CAO",
            "BAO CAO KET QUA",
            "BAO CAO DINH KY",
            "BAO CAO",
        ),
    ),
    ("purpose", ("MUC DICH", "YEU CAU", "MUC TIEU", "QUAN DIEM", "Y NGHIA", "SU CAN THIET")),
    (
        "scope",
        (
            "PHAM VI",
            "DOI TUONG AP DUNG",
            "DOI TUONG",
            "THANH PHAN THAM GIA",
            # who may apply: "ĐIỀU KIỆN NỘP HỒ SƠ", "Điều kiện dự thi" (not the conditions
            # that secure a plan, "Điều kiện đảm bảo thực hiện")
            r"DIEU KIEN(?! (?:DAM BAO|BAO DAM|THUC HIEN|CAN THIET|VAT CHAT|CO SO))",
            "QUY DINH CHUNG",
            "HUONG DAN CHUNG",
        ),
    ),
    (
        "situation",
        (
            "TINH HINH",
            "THUC TRANG",
            "DANH GIA KET QUA",
            r"^\W*DIEN BIEN\b(?! PHU)(?!\s+TINH\b)",  # not the province "Điện Biên" (folded alike)
            "KET QUA THUC HIEN",
            "KET QUA DAT DUOC",
            "BOI CANH",
            "DAC DIEM",
            "KHAI QUAT",
            "CAN CU XAY DUNG",
            r"KET QUA (?:RA SOAT|KIEM TRA|THANH TRA|KHAO SAT|TRIEN KHAI|TONG HOP|SO KET|TONG KET)",
            # "Đánh giá, nhận xét" of a report, as its heading's opening ("Kiểm tra, đánh giá"
            # is work to do)
            r"^\W*(?:DANH GIA|NHAN XET)",
        ),
    ),
    ("solutions", ("GIAI PHAP", "BIEN PHAP")),
    # "MỘT SỐ CÔNG TÁC TRỌNG TÂM THÁNG 1" of a report: the key tasks ahead
    ("tasks", ("NHIEM VU", "CHI TIEU", "CHUONG TRINH CONG TAC", "CONG TAC TRONG TAM")),
    (
        "responsibilities",
        (
            "TO CHUC THUC HIEN",
            "PHAN CONG",
            "TRACH NHIEM",
            "PHOI HOP THUC HIEN",
            "DIEU KHOAN THI HANH",
            # "Tổ chức triển khai" alone names the implementation, as "Tổ chức thực hiện" does
            # ("Tổ chức triển khai tập huấn …" is a task: the weak verb rule below)
            r"^\W*TO CHUC TRIEN KHAI(?: THUC HIEN)?\W*$",
            # a board and its members ("BAN BIÊN TẬP", "Ban Chỉ đạo"): who does the work
            # (folded: "BẢN ĐỒ", "BÁN đấu giá" fold alike, hence the boards named)
            r"^\W*(?:THANH LAP\s+)?BAN\s+(?:CHI DAO|BIEN TAP|TO CHUC|DIEU HANH|QUAN LY|THU KY"
            r"|KIEM TRA|GIAM KHAO|GIAM SAT|THI DUA|CONG TAC|CHAM THI|COI THI|VAN DONG|CHU NHIEM"
            r"|TRUYEN THONG|PHAP CHE|TUYEN GIAO|DAN VAN|CHAP HANH|THUONG TRU|DIEU PHOI)\b",
        ),
    ),
    (
        "timeline",
        (
            "TIEN DO",
            "THOI GIAN",
            "LO TRINH",
            "THOI HAN",
            "LICH TRINH",
            "KE HOACH THOI GIAN",
            # "Lịch bảo vệ", "LỊCH CHI TIẾT TỔ CHỨC", "Về lịch nghiệm thu" (not "du lịch",
            # "lịch sử")
            r"(?<!DU )LICH(?! SU)",
        ),
    ),
    ("budget", ("KINH PHI", "NGUON KINH PHI", "TAI CHINH", "NGUON VON", "DU TOAN")),
)


# Words that name a role only when nothing more specific does ("NỘI DUNG, GIẢI PHÁP" → solutions),
# and only as the heading's first words: "NỘI DUNG PHỐI HỢP" is the content, "Từ các nội dung
# trên, …" and "VỀ MỘT SỐ NỘI DUNG CỤ THỂ" are not. A heading that opens with an action verb
# ("Tổ chức triển khai …", "Về xây dựng xã …", "Lựa chọn và thực hiện …") is a task to do.
ACTION_VERBS: tuple[str, ...] = (
    "TO CHUC",
    "THUC HIEN",
    "TRIEN KHAI",
    "XAY DUNG",
    "LUA CHON",
    "TANG CUONG",
    "DAY MANH",
    "NANG CAO",
    "HOAN THIEN",
    "KIEN TOAN",
    "TUYEN TRUYEN",
    "PHO BIEN",
    "BOI DUONG",
    "CUNG CO",
    "DOI MOI",
    "UNG DUNG",
    "PHAT TRIEN",
    "DUY TRI",
    "RA SOAT",
    "TAP HUAN",
    "BO TRI",
)
WEAK_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tasks", ("NOI DUNG", "HOAT DONG")),
    ("tasks", ACTION_VERBS),
)
# Words a weak heading may open with before its keyword ("Về …", "Các hoạt động …").
_WEAK_LEAD = r"^\W*(?:(?:VE|VIEC|CAC)\s+)*"

# A section with no heading (a numbered sentence of a công văn or chỉ thị) is judged by how its
# text opens; this is weaker evidence, recorded with a lower confidence.
TEXT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Báo cáo kết quả …", "Thường xuyên báo cáo …"; not a conference that hears a report
    # ("Tổ chức hội nghị báo cáo …") nor one act in a list ("thống kê, báo cáo …").
    # Nor one that builds on a report ("Trên cơ sở báo cáo của Công ty …, giao Sở …").
    (
        "reporting",
        re.compile(r"^(?:.{0,40}\b)?(?<!HOI NGHI )(?<!, )(?<!CO SO )(?<!THEO )BAO CAO\b"),
    ),
    ("budget", re.compile(r"^.{0,120}\b(?:KINH PHI|NGAN SACH|DU TOAN)\b")),
    ("responsibilities", re.compile(r"^.{0,120}\b(?:CO TRACH NHIEM|CHIU TRACH NHIEM|CHU TRI)\b")),
    # "Ủy ban nhân dân tỉnh … chủ động rà soát …", "Yêu cầu Bộ … khẩn trương …": a body is the
    # subject of the sentence, so the item assigns a duty.
    (
        "responsibilities",
        re.compile(
            r"^(?:(?:YEU CAU|GIAO|DE NGHI)\s+)?(?:CAC\s+)?(?:UY BAN|UBND|BO|SO|PHONG|CUC|TONG CUC|"
            r"BAN|VAN PHONG|HOI DONG|TRUNG TAM|CONG DOAN|CHI BO|HIEU TRUONG|GIAM DOC|THU TRUONG|DIA PHUONG)\b"
            r"(?!\s+(?:LUAT|HOP)\b).{0,100}?\b(?:CHI DAO|CHU DONG|KHAN TRUONG|TO CHUC|RA SOAT|"
            r"HUONG DAN|PHOI HOP|THUC HIEN|XAY DUNG|TRIEN KHAI)\b"
        ),
    ),
)


# The opening of a headed section's body that gives work to do: "Giao Trung tâm … khẩn trương …",
# "Chỉ đạo các đơn vị …", an action verb. A topic heading ("Về thi công Trung tâm DC") over such a
# body is a task; over a description ("Theo hướng dẫn …", "Hiện nay Quỹ …") it stays "other".
DIRECTIVE_OPENINGS: tuple[str, ...] = (
    "GIAO",
    "CHI DAO",
    "PHOI HOP",
    "KHAN TRUONG",
    "CHU DONG",
    "TIEP TUC",
    *ACTION_VERBS,
)
_DIRECTIVE = re.compile(r"^\W*(?:" + "|".join(DIRECTIVE_OPENINGS) + r")(?![A-Z])")

# A numbered sentence with no heading that opens with a noun naming a topic, not an act ("Cấu
# trúc tổng thể của Chương trình …", "Thời gian tập sự không được tính …", "Ý kiến khác."): a
# point listed (role other), unless its first sentence still directs. Matched on the lower-cased
# text, diacritics kept: folding would make "Số" (number) of "Sở" (department).
TOPIC_OPENINGS: tuple[str, ...] = (
    "nội dung",
    "cấu trúc",
    "số",
    "thời điểm",
    "thời gian",
    "những",
    "ý kiến",
)
_TOPIC = re.compile(r"^\W*(?:" + "|".join(TOPIC_OPENINGS) + r")(?!\w)")
_DIRECTS = re.compile(r"\b(?:phải|khẩn trương|có trách nhiệm|chủ trì|đề nghị)\b")

# Roles that name an attribute of the content when they follow it in a heading: "NỘI DUNG, HÌNH
# THỨC, THỜI GIAN TUYÊN TRUYỀN" lists content first (tasks), its time after.
ATTRIBUTE_ROLES: frozenset[str] = frozenset({"timeline"})


def _compile(
    rules: tuple[tuple[str, tuple[str, ...]], ...], lead: str = ""
) -> list[tuple[int, str, re.Pattern[str]]]:
    return [
        (
            order,
            role,
            re.compile(
                lead + "(?:" + "|".join(rf"(?<![A-Z]){kw}(?![A-Z])" for kw in keywords) + ")"
            ),
        )
        for order, (role, keywords) in enumerate(rules)
    ]


_RULE_PATTERNS = _compile(RULES)
_WEAK_PATTERNS = _compile(WEAK_RULES, _WEAK_LEAD)


# Types whose numbered sentences tell rather than direct (a thông báo's items, a tờ trình's
# points): such an item with no heading is "other", not a task or a duty.
INFORMATIONAL_TYPES: frozenset[str] = frozenset({"TB", "TTr", "GM", "TM", "GGT"})
# …unless the trích yếu says the notice conveys a leader's conclusions or directions ("Kết luận
# của Phó Chủ tịch …", "Ý kiến chỉ đạo của …"): its items are the work it gives.
_DIRECTING_SUBJECT = re.compile(r"^\W*(?:(?:THONG BAO|Y KIEN)\s+)?(?:KET LUAN|CHI DAO)\b")

# A date in a timetable's cell ("1 24/03/2014", "31/03/2014 – 04/04/2014"): after a row number,
# a dash or the cell edge, not after a word of prose ("ngày 08/10/2024", "trước ngày …").
_SCHEDULE_DATE = re.compile(r"(?<![^\W\d_]\s)(?<![^\W\d_])(?<!\d)\d{1,2}/\d{1,2}/\d{4}(?![\d/])")


def _full_text(node: Section) -> str:
    return " ".join([node.heading or "", node.text, *(_full_text(c) for c in node.children)])


def _is_schedule(node: Section) -> bool:
    """A section whose heading names no role but whose body is a timetable (dated rows)."""
    dates = _SCHEDULE_DATE.findall(_full_text(node))
    return len(dates) >= current().roles.schedule_dates


def classify_text(text: str) -> str | None:
    """The role the opening of a heading-less section shows, or None."""
    folded = cues.fold(text[:200])
    return next((role for role, pattern in TEXT_RULES if pattern.search(folded)), None)


def is_topic_item(text: str) -> bool:
    """A heading-less item naming a topic rather than directing (see TOPIC_OPENINGS)."""
    lowered = text.lower()
    first = re.split(r"[.;:]\s", lowered, maxsplit=1)[0]
    return bool(_TOPIC.match(lowered)) and not _DIRECTS.search(first)


def _body_directs(node: Section) -> bool:
    """The section's body (its text, else its first child's) opens by giving work."""
    body = node.text or next((c.text or c.heading or "" for c in node.children), "")
    return bool(_DIRECTIVE.match(cues.fold(body[:80])))


def classify_heading(heading: str) -> str | None:
    """The role a heading names, or None when no rule applies."""
    found = _heading_rule(heading)
    return found[0] if found else None


def _heading_rule(heading: str) -> tuple[str, float] | None:
    """(role, confidence): 1.0 for a specific keyword, lower for a weak one ("NỘI DUNG")."""
    folded = cues.fold(heading)
    strong = _earliest(_RULE_PATTERNS, folded)
    weak = _earliest(_WEAK_PATTERNS, folded)
    if strong is not None and not (strong[2] in ATTRIBUTE_ROLES and weak and weak[0] < strong[0]):
        best, confidence = strong, 1.0
    elif weak is not None:
        best, confidence = weak, current().roles.weak_confidence
    else:
        return None
    # "BÁO CÁO" somewhere in a long heading about something else is not a reporting section.
    if best[2] == "reporting" and best[0] > 20 and "CHE DO" not in folded:
        return None
    return best[2], confidence


def _earliest(
    patterns: list[tuple[int, str, re.Pattern[str]]], folded: str
) -> tuple[int, int, str] | None:
    """(position, order, role) of the keyword that stands first in the heading."""
    best: tuple[int, int, str] | None = None
    for order, role, pattern in patterns:
        m = pattern.search(folded)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, role)
    return best


def extract(ctx: ParseContext) -> None:
    assign(ctx.doc)


_GROUPS = ("part", "chapter", "section")

# Normative texts: their parts and chapters are articles of law even where they hold numbered
# points instead of Điều (a Thông tư in "Phần 1 … Phần 6" with I., II. inside).
NORMATIVE_TYPES: frozenset[str] = frozenset(
    {
        "Hiến pháp",
        "Bộ luật",
        "Luật",
        "Pháp lệnh",
        "Nghị định",
        "Thông tư",
        "Thông tư liên tịch",
        "Văn bản hợp nhất",
    }
)
# Plans, reports and notices: a "Phần" of theirs is a part of the plan, not a group of articles,
# unless articles are most of what it holds (a decision appended after the plan's last part
# does not make its parts legal).
PLAN_TYPES: frozenset[str] = frozenset(
    {"KH", "KHLT", "CTr", "CTPH", "BC", "TB", "HD", "PA", "ĐA", "DA"}
)


def _groups_articles(node: Section) -> bool:
    return any(
        c.kind == "article" or (c.kind in _GROUPS and _groups_articles(c)) for c in node.children
    )


def _mostly_articles(node: Section) -> bool:
    articles = sum(c.kind == "article" for c in node.children)
    return 2 * articles > len(node.children)


def _structural(doc: Document) -> Callable[[Section], bool]:
    """Whether a section is part of a legal text's structure (role articles)."""
    if doc.doc_type.name in NORMATIVE_TYPES:
        return lambda node: node.kind == "article" or node.kind in _GROUPS
    if doc.doc_type.code in PLAN_TYPES:
        return lambda node: (
            node.kind == "article" or (node.kind in _GROUPS and _mostly_articles(node))
        )
    # In a legal text every chapter is a group of articles, even one whose articles were
    # repealed ("Chương 2 (được bãi bỏ)").
    legal = any(s.kind in _GROUPS and _groups_articles(s) for s in doc.sections)
    return lambda node: (
        node.kind == "article" or (node.kind in _GROUPS and (legal or _groups_articles(node)))
    )


def _default_role(node: Section, informational: bool) -> tuple[str, float] | None:
    """The role of a section no heading keyword names and no parent passes on, or None (a
    bullet, a group with nothing to judge)."""
    weak = current().roles.weak_confidence
    if node.kind not in ("bullet", *_GROUPS) and node.text and not node.heading:
        if informational:
            return "other", weak
        # A numbered sentence with no heading: a directive item (tasks) unless its opening
        # says it reports, funds or assigns, or names a topic.
        role = classify_text(node.text)
        if role:
            return role, current().roles.text_rule_confidence
        return ("other" if is_topic_item(node.text) else "tasks"), weak
    if node.kind == "bullet":
        return None
    # A heading that names none of the roles: "other", unless its body is a timetable or
    # opens by giving work ("Về thi công …" over "Giao Trung tâm … khẩn trương …").
    if node.heading and _is_schedule(node):
        return "timeline", weak
    if node.heading and (_body_directs(node) or _DIRECTIVE.match(cues.fold(node.heading))):
        return "tasks", weak
    return "other", weak


def assign(doc: Document) -> None:
    """Rule roles for every section; articles (Điều) are 'articles'."""
    structural = _structural(doc)
    informational = doc.doc_type.code in INFORMATIONAL_TYPES and not _DIRECTING_SUBJECT.match(
        cues.fold(doc.subject or "")
    )

    def visit(nodes: list[Section], inherited: str | None) -> None:
        for node in nodes:
            found: tuple[str, float] | None = None
            if structural(node):
                # Articles, and the chapters that group them, are the structure of a legal text:
                # their role is "articles" whatever they say ("ĐIỀU KHOẢN THI HÀNH" included).
                found = ("articles", 1.0)
            elif node.heading:
                found = _heading_rule(node.heading)
            if found is None and inherited is not None:
                node.role, node.role_source = inherited, "inherited"  # type: ignore[assignment]
            elif found is not None or (found := _default_role(node, informational)):
                node.role, node.role_source = found[0], "rule"  # type: ignore[assignment]
                node.role_confidence = found[1]
            visit(node.children, node.role)

    visit(doc.sections, None)


def is_certain(section: Section) -> bool:
    """A rule decision the role model must not touch: from the heading or the structure
    (confidence 1), not from the weaker reading of a heading-less text."""
    return (
        section.role_source == "rule"
        and (section.role_confidence or 0.0) >= current().roles.text_rule_confidence
    )
