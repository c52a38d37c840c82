"""Section roles by rule: keywords of the heading, folded (no diacritics, upper case) so that
"MỤC ĐÍCH – YÊU CẦU", "Mục đích, yêu cầu" and an OCR'd "MUC DICH" all match.

A rule decides only when its keyword stands in the heading; the earliest keyword wins
("NHIỆM VỤ VÀ GIẢI PHÁP" → tasks). Children without a rule of their own inherit their parent's
role. Sections the rules cannot decide are left for the learned model (issue 6), if loaded.
"""

from __future__ import annotations

import re

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
            "KET QUA THUC HIEN",
            "KET QUA DAT DUOC",
            "BOI CANH",
            "DAC DIEM",
            "KHAI QUAT",
            "CAN CU XAY DUNG",
            r"KET QUA (?:RA SOAT|KIEM TRA|THANH TRA|KHAO SAT|TRIEN KHAI|TONG HOP|SO KET|TONG KET)",
        ),
    ),
    ("solutions", ("GIAI PHAP", "BIEN PHAP")),
    ("tasks", ("NHIEM VU", "CHI TIEU", "CHUONG TRINH CONG TAC")),
    (
        "responsibilities",
        (
            "TO CHUC THUC HIEN",
            "PHAN CONG",
            "TRACH NHIEM",
            "PHOI HOP THUC HIEN",
            "DIEU KHOAN THI HANH",
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
WEAK_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tasks", ("NOI DUNG", "HOAT DONG")),
    (
        "tasks",
        (
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
        ),
    ),
)
# Words a weak heading may open with before its keyword ("Về …", "Các hoạt động …").
_WEAK_LEAD = r"^\W*(?:(?:VE|VIEC|CAC)\s+)*"

# A section with no heading (a numbered sentence of a công văn or chỉ thị) is judged by how its
# text opens; this is weaker evidence, recorded with a lower confidence.
TEXT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Báo cáo kết quả …", "Thường xuyên báo cáo …"; not a conference that hears a report
    # ("Tổ chức hội nghị báo cáo …") nor one act in a list ("thống kê, báo cáo …").
    ("reporting", re.compile(r"^(?:.{0,40}\b)?(?<!HOI NGHI )(?<!, )BAO CAO\b")),
    ("budget", re.compile(r"^.{0,120}\b(?:KINH PHI|NGAN SACH|DU TOAN)\b")),
    ("responsibilities", re.compile(r"^.{0,120}\b(?:CO TRACH NHIEM|CHIU TRACH NHIEM|CHU TRI)\b")),
    # "Ủy ban nhân dân tỉnh … chủ động rà soát …", "Yêu cầu Bộ … khẩn trương …": a body is the
    # subject of the sentence, so the item assigns a duty.
    (
        "responsibilities",
        re.compile(
            r"^(?:(?:YEU CAU|GIAO|DE NGHI)\s+)?(?:CAC\s+)?(?:UY BAN|UBND|BO|SO|PHONG|CUC|TONG CUC|"
            r"BAN|VAN PHONG|HOI DONG|CONG DOAN|CHI BO|HIEU TRUONG|GIAM DOC|THU TRUONG|DIA PHUONG)\b"
            r"(?!\s+(?:LUAT|HOP)\b).{0,100}?\b(?:CHI DAO|CHU DONG|KHAN TRUONG|TO CHUC|RA SOAT|"
            r"HUONG DAN|PHOI HOP|THUC HIEN|XAY DUNG|TRIEN KHAI)\b"
        ),
    ),
)


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


def classify_heading(heading: str) -> str | None:
    """The role a heading names, or None when no rule applies."""
    found = _heading_rule(heading)
    return found[0] if found else None


def _heading_rule(heading: str) -> tuple[str, float] | None:
    """(role, confidence): 1.0 for a specific keyword, lower for a weak one ("NỘI DUNG")."""
    folded = cues.fold(heading)
    best: tuple[int, int, str] | None = None
    confidence = 1.0
    for patterns, strength in (
        (_RULE_PATTERNS, 1.0),
        (_WEAK_PATTERNS, current().roles.weak_confidence),
    ):
        for order, role, pattern in patterns:
            m = pattern.search(folded)
            if m and (best is None or (m.start(), order) < best[:2]):
                best = (m.start(), order, role)
        if best is not None:
            confidence = strength
            break
    if best is None:
        return None
    # "BÁO CÁO" somewhere in a long heading about something else is not a reporting section.
    if best[2] == "reporting" and best[0] > 20 and "CHE DO" not in folded:
        return None
    return best[2], confidence


def extract(ctx: ParseContext) -> None:
    assign(ctx.doc)


_GROUPS = ("part", "chapter", "section")


def _groups_articles(node: Section) -> bool:
    return any(
        c.kind == "article" or (c.kind in _GROUPS and _groups_articles(c)) for c in node.children
    )


def assign(doc: Document) -> None:
    """Rule roles for every section; articles (Điều) are 'articles'."""

    # In a legal text every chapter is a group of articles, even one whose articles were
    # repealed ("Chương 2 (được bãi bỏ)").
    legal = any(s.kind in _GROUPS and _groups_articles(s) for s in doc.sections)
    informational = doc.doc_type.code in INFORMATIONAL_TYPES

    def visit(nodes: list[Section], inherited: str | None) -> None:
        for node in nodes:
            found: tuple[str, float] | None = None
            if node.kind == "article" or (
                node.kind in _GROUPS and (legal or _groups_articles(node))
            ):
                # Articles, and the chapters that group them, are the structure of a legal text:
                # their role is "articles" whatever they say ("ĐIỀU KHOẢN THI HÀNH" included).
                found = ("articles", 1.0)
            elif node.heading:
                found = _heading_rule(node.heading)
            if found is not None:
                node.role, node.role_source = found[0], "rule"  # type: ignore[assignment]
                node.role_confidence = found[1]
            elif inherited is not None:
                node.role, node.role_source = inherited, "inherited"  # type: ignore[assignment]
            elif (
                node.kind not in ("bullet", *_GROUPS)
                and node.text
                and not node.heading
                and not informational
            ):
                # A numbered sentence with no heading under no role: a directive item (tasks)
                # unless its opening says it reports, funds or assigns.
                role = classify_text(node.text)
                node.role, node.role_source = role or "tasks", "rule"  # type: ignore[assignment]
                node.role_confidence = (
                    current().roles.text_rule_confidence
                    if role
                    else current().roles.weak_confidence
                )
            elif node.kind != "bullet":
                # A section whose heading names none of the roles: "other", weakly, unless its
                # body is a timetable; its children inherit it.
                node.role = "timeline" if node.heading and _is_schedule(node) else "other"
                node.role_source = "rule"
                node.role_confidence = current().roles.weak_confidence
            visit(node.children, node.role)

    visit(doc.sections, None)


def is_certain(section: Section) -> bool:
    """A rule decision the role model must not touch: from the heading or the structure
    (confidence 1), not from the weaker reading of a heading-less text."""
    return (
        section.role_source == "rule"
        and (section.role_confidence or 0.0) >= current().roles.text_rule_confidence
    )
