"""date_format: the date of issue as Phụ lục I (mục II.4.b) writes it, and dates that cannot be.

"đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước": so
"ngày 05 tháng 02", but "tháng 4", never "tháng 04". Only the date of issue is held to the form;
any date in the text that does not exist on the calendar is reported.
"""

from __future__ import annotations

import re
from datetime import date

from ...extract.refs import DATE_NUMERIC_RE, DATE_WORDS_RE, to_iso
from ...readers.base import Line
from ..model import LintContext


def check(ctx: LintContext) -> None:
    issued = ctx.provenance("issued")
    if issued is not None:
        _issue_date(ctx, issued)
    for line in ctx.lines:
        for pattern in (DATE_WORDS_RE, DATE_NUMERIC_RE):
            for m in pattern.finditer(line.text):
                if to_iso(m.group(1), m.group(2), m.group(3)) is None:
                    ctx.add(
                        "date_format",
                        "error",
                        line,
                        "date_impossible",
                        start=m.start(),
                        end=m.end(),
                        found=m.group(0),
                    )


def _issue_date(ctx: LintContext, line: Line) -> None:
    m = DATE_WORDS_RE.search(line.text)
    if not m:
        return
    day, month, year = (m.group(i) for i in (1, 2, 3))
    start, end = m.start(), m.end()
    iso = to_iso(day, month, year)
    if iso is None:
        return  # reported as impossible by the scan of all dates
    d = int(day.replace(" ", ""))
    mo = int(month.replace(" ", ""))
    day_s, month_s = day.replace(" ", ""), month.replace(" ", "")
    fixed = _rewrite(m, f"{d:02d}" if d < 10 else str(d), f"{mo:02d}" if mo < 3 else str(mo), year)
    if any(" " in part for part in (day, month, year)):
        ctx.add("date_format", "warning", line, "date_spaces", start=start, end=end, fix=fixed)
    if (d < 10 and len(day_s) == 1) or (mo < 3 and len(month_s) == 1):
        ctx.add(
            "date_format", "warning", line, "date_missing_zero", start=start, end=end, fix=fixed
        )
    if mo >= 3 and month_s.startswith("0"):
        ctx.add(
            "date_format",
            "info",
            line,
            "date_extra_zero",
            start=start,
            end=end,
            fix=fixed,
            month=str(mo),
        )
    if date.fromisoformat(iso) > ctx.today:
        ctx.add(
            "date_format",
            "warning",
            line,
            "date_future",
            start=start,
            end=end,
            date=date.fromisoformat(iso).strftime("%d/%m/%Y"),
            today=ctx.today.strftime("%d/%m/%Y"),
        )


def _rewrite(m: re.Match[str], day: str, month: str, year: str) -> str:
    """The matched date with its three numbers replaced, the words kept as written."""
    text = m.group(0)
    base = m.start()
    out, pos = [], 0
    for group, value in ((1, day), (2, month), (3, year)):
        out.append(text[pos : m.start(group) - base])
        out.append(value.replace(" ", ""))
        pos = m.end(group) - base
    out.append(text[pos:])
    return "".join(out)
