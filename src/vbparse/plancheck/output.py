"""A check report or a district report in the format asked for: JSON from the report model,
text, Markdown and HTML from render.py, CSV and XLSX from sheets.py. The one place that knows
every renderer, so that the report model (report.py) imports none of them."""

from __future__ import annotations

import json

from .report import BatchReport, CheckReport


def render(report: CheckReport, fmt: str) -> str:
    """The report as text, md, html or json."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    from .render import render_check

    return render_check(report, fmt)


def render_batch(batch: BatchReport, fmt: str) -> str | bytes:
    """The district report as json, csv, xlsx, md, html or text."""
    if fmt == "json":
        return json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "xlsx"):
        from .sheets import batch_csv, batch_xlsx

        return batch_csv(batch) if fmt == "csv" else batch_xlsx(batch)
    from .render import render_batch_blocks

    return render_batch_blocks(batch, fmt)
