"""The district report as spreadsheets: CSV (UTF-8 with a BOM, so that Excel reads the Vietnamese
right) and XLSX (one sheet per view: matrix, findings, errors, and the parent's items; column
widths, a frozen header, rates as numbers in a percent format)."""

from __future__ import annotations

import csv
import io
from typing import Any

from .. import messages
from ..export.cells import csv_cell, keep_text
from .render import (
    FileCell,
    StatusCell,
    TotalCell,
    _t,
    _where,
    _word,
    legend_headers,
    legend_rows,
    matrix_headers,
    school_cells,
    total_rows,
)
from .report import BatchReport, SchoolRow

STATUS_COLOUR = {
    "covered": "CDECCD",
    "partial": "FFF1B8",
    "missing": "F8C9C4",
    "failed": "D9D9D9",
    "off_topic": "E8D9F3",
}


def _value(cell: object, row: SchoolRow | None = None) -> object:
    """A matrix cell as a spreadsheet holds it: the status word, a number, or the text."""
    if isinstance(cell, StatusCell):
        return cell.word
    if isinstance(cell, TotalCell):
        text = str(cell)
        if text.isdigit():
            return int(text)
        if text.endswith("%") and row is not None:
            return row.summary.get("ratio")
    if isinstance(cell, FileCell):
        return str(cell)
    return cell


def _matrix(batch: BatchReport) -> tuple[list[str], list[tuple[SchoolRow | None, list[Any]]]]:
    headers = [str(h) for h in matrix_headers(batch)]
    rows: list[tuple[SchoolRow | None, list[Any]]] = [
        (r, school_cells(r, batch)) for r in batch.schools()
    ]
    rows += [(None, cells) for cells in total_rows(batch, as_share=False)]
    return headers, rows


def batch_csv(batch: BatchReport) -> str:
    headers, rows = _matrix(batch)
    buf = io.StringIO()
    buf.write("\ufeff")  # the BOM: Excel opens the file as UTF-8
    writer = csv.writer(buf)
    writer.writerow(headers)
    for school, cells in rows:
        values = [_value(c, school) for c in cells]
        if school is not None and isinstance(values[-2], float):
            values[-2] = messages.percent(values[-2], batch.lang)
        writer.writerow([csv_cell(v) for v in values])
    return buf.getvalue()


def batch_xlsx(batch: BatchReport) -> bytes:
    from openpyxl import Workbook

    lang = batch.lang
    wb = Workbook()
    ws = wb.active
    ws.title = _t("batch.sheet.coverage", lang)
    _coverage_sheet(ws, batch)
    _findings_sheet(wb.create_sheet(_t("batch.sheet.findings", lang)), batch)

    es = wb.create_sheet(_t("batch.sheet.errors", lang))
    es.append([_t("batch.col.file", lang), _t("batch.col.reason", lang)])
    for failure in batch.failures:
        es.append([failure["path"], failure["error"]])
    _finish(es, {1: 50, 2: 80})

    if batch.items:
        ls = wb.create_sheet(_t("batch.sheet.legend", lang))
        ls.append(legend_headers(lang))
        for row in legend_rows(batch):
            ls.append(row)
        _finish(ls, {1: 10, 2: 22, 3: 100, 4: 16})
    for sheet in wb.worksheets:  # school and file names are text, never formulas
        for row_cells in sheet.iter_rows():
            for cell in row_cells:
                keep_text(cell)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _coverage_sheet(ws: Any, batch: BatchReport) -> None:
    """One row a school: each parent item's status as a coloured cell, the counts, the ratio."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    headers, rows = _matrix(batch)
    ws.append(headers)
    n_items = len(batch.item_ids)
    ratio_col = 3 + n_items + 3  # school, file, items, three counts, then the ratio
    for school, cells in rows:
        ws.append([_value(c, school) for c in cells])
        for value, cell in zip(cells, ws[ws.max_row], strict=True):
            if isinstance(value, StatusCell):
                colour = STATUS_COLOUR.get(value.status, "FFFFFF")
                cell.fill = PatternFill("solid", fgColor=colour)
                cell.alignment = Alignment(horizontal="center")
            elif isinstance(value, TotalCell):
                cell.font = Font(bold=True)
        ratio = ws.cell(ws.max_row, ratio_col)
        if isinstance(ratio.value, float):
            ratio.number_format = "0%"
    widths = {1: 38, 2: 28, **{3 + i: 7 for i in range(n_items)}}
    widths.update({3 + n_items + k: 10 for k in range(4)})
    widths[3 + n_items + 4] = 40
    _finish(ws, widths)
    ws.freeze_panes = "C2"  # the header row and the school columns stay in view
    # The item ids carry their words as comments: hover in Excel, as in the HTML page.
    texts = batch.item_text()
    for k, item in enumerate(batch.item_ids):
        if texts.get(item):
            ws.cell(1, 3 + k).comment = Comment(texts[item][:500], "vbparse")


def _findings_sheet(fs: Any, batch: BatchReport) -> None:
    lang = batch.lang
    names = ("school", "file", "code", "explanation", "severity", "message")
    fs.append([_t(f"batch.col.{n}", lang) for n in (*names, "parent_location", "child_location")])
    for r in batch.schools():
        for f in r.findings:
            fs.append(
                [
                    r.name,
                    r.file,
                    f["code"],
                    _t(f"code.{f['code']}", lang),
                    _word("severity", f["severity"], lang),
                    f["message"],
                    _where(f["parent_location"]["section"], f["parent_location"]["line"], lang),
                    _where(f["child_location"]["section"], f["child_location"]["line"], lang),
                ]
            )
    _finish(fs, {1: 38, 2: 28, 3: 24, 4: 40, 5: 10, 6: 80, 7: 24, 8: 24})


def _finish(ws: Any, widths: dict[int, int]) -> None:
    """Bold header, frozen first row, column widths, long text wrapped."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
        if width >= 40:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
