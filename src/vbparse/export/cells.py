"""Spreadsheet cells that stay text (OWASP's CSV-injection rule).

A cell that begins with "=", "+", "-", "@", a tab or a carriage return is a formula to Excel and
LibreOffice. Document text can begin so (a trích yếu "=HYPERLINK(…)", a file name "+1.doc"): in
CSV it is written after a single quote; in .xlsx it is stored as a string, never a formula.
"""

from __future__ import annotations

from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def keep_text(cell: Any) -> Any:
    """An openpyxl cell whose string value openpyxl took for a formula, made a string again."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell
