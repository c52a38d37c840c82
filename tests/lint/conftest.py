"""Helpers for the lint tests: a well-formed plan to start from, and a way to lint a variant."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vbparse.lint.runner import FileReport, lint_path

# A kế hoạch that satisfies every rule; each rule's tests change one thing in it.
GOOD_PLAN = """ỦY BAN NHÂN DÂN QUẬN 2
TRƯỜNG TIỂU HỌC AN KHÁNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 36/KH-THAK

Quận 2, ngày 23 tháng 4 năm 2020

KẾ HOẠCH

Triển khai công tác dân vận của chính quyền năm 2020

Thực hiện Kế hoạch số 253/KH-GDĐT ngày 20 tháng 4 năm 2020 của Phòng Giáo dục và Đào tạo về công tác dân vận năm 2020;

I. MỤC ĐÍCH – YÊU CẦU:

- Nâng cao nhận thức của đội ngũ cán bộ, giáo viên về công tác dân vận.

II. NHIỆM VỤ TRỌNG TÂM:

1. Thực hiện dân chủ, công khai, minh bạch trong cơ quan.

2. Lồng ghép thực hiện kế hoạch vào các hoạt động của Hội đồng sư phạm nhà trường.

III. TỔ CHỨC THỰC HIỆN:

1. Lãnh đạo nhà trường xây dựng kế hoạch và triển khai đến các thành viên.

2. Các bộ phận báo cáo kết quả thực hiện về hiệu trưởng nhà trường./.

Nơi nhận:
- Các bộ phận đoàn thể;
- Lưu: VT.

HIỆU TRƯỞNG

Nguyễn Thị Lan
"""

TODAY = date(2026, 1, 1)


@pytest.fixture
def lint_text(tmp_path: Path):
    """Lint `text` written to a .txt file; returns the report (messages in `lang`)."""

    def run(text: str, *, lang: str = "vi", spelling: bool = True) -> FileReport:
        path = tmp_path / "doc.txt"
        path.write_text(text, encoding="utf-8")
        return lint_path(path, lang=lang, today=TODAY, spelling=spelling)

    return run


def codes(report: FileReport) -> list[str]:
    return [f.code for f in report.findings]
