"""A registry (or a batch's JSON Lines file) as one spreadsheet row per document.

CSV is written with a UTF-8 byte order mark, without which Excel reads Vietnamese as mojibake;
.xlsx uses openpyxl's write-only mode, which streams rows instead of holding the sheet.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import MessageError
from ..export.cells import csv_cell, keep_text

# Column headings as a Vietnamese office reads them, and the registry column behind each.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Số/ký hiệu", "number_raw"),
    ("Ngày ban hành", "issued_date"),
    ("Loại văn bản", "doc_type_name"),
    ("Cơ quan ban hành", "issuer"),
    ("Trích yếu", "subject"),
    ("Người ký", "signer_name"),
    ("Số nơi nhận", "recipients_count"),
    ("Tệp", "path"),
    ("Trạng thái", "status"),
    ("Lỗi", "error_message"),
)
_WIDTHS = (18, 13, 16, 40, 70, 24, 11, 60, 10, 50)


class ExportError(MessageError):
    """The source cannot be read or the spreadsheet cannot be written (one line for the user)."""


def rows(source: str | Path) -> Iterator[tuple[Any, ...]]:
    """Rows of a registry (.sqlite/.db or a URL, in path order) or of a JSON Lines file. The source is
    opened here, so that a bad one fails before any output file is created."""
    if Path(source).suffix.lower() in (".jsonl", ".ndjson"):
        try:
            f = open(source, encoding="utf-8")  # noqa: SIM115 (closed by _jsonl_rows)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise ExportError("store.cannot_read", path=source, detail=detail) from exc
        return _jsonl_rows(f)
    from .storage import RegistryError, open_registry

    try:
        registry = open_registry(str(source))
    except RegistryError as exc:
        raise ExportError(exc.key, **exc.params) from exc
    return _registry_rows(registry)


def _registry_rows(registry: Any) -> Iterator[tuple[Any, ...]]:
    try:
        names = ", ".join(column for _, column in COLUMNS)
        yield from registry.query(f"SELECT {names} FROM documents ORDER BY path")
    finally:
        registry.close()


def _jsonl_rows(f: TextIO) -> Iterator[tuple[Any, ...]]:
    with f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line torn by a killed batch; the next run cuts it off
            yield _record_row(record)


def _record_row(record: dict[str, Any]) -> tuple[Any, ...]:
    def get(*keys: str) -> Any:
        value: Any = record
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    values = {
        "number_raw": get("number", "raw"),
        "issued_date": get("issued", "date"),
        "doc_type_name": get("doc_type", "name"),
        "issuer": get("issuer", "name"),
        "subject": record.get("subject"),
        "signer_name": get("signer", "name"),
        "recipients_count": len(record.get("recipients") or []) if "recipients" in record else None,
        "path": get("source", "path"),
        "status": record.get("status", "ok"),
        "error_message": get("error", "message"),
    }
    return tuple(values[column] for _, column in COLUMNS)


def export(source: str | Path, target: str | Path) -> int:
    """Write the spreadsheet; returns the number of rows (documents)."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportError("store.sheet_suffix", path=target)
    data = rows(source)
    return _write_csv(data, target) if suffix == ".csv" else _write_xlsx(data, target)


def _write_csv(data: Iterator[tuple[Any, ...]], target: Path) -> int:
    count = 0
    with open(target, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([heading for heading, _ in COLUMNS])
        for row in data:
            writer.writerow([csv_cell(v) for v in row])
            count += 1
    return count


def _write_xlsx(data: Iterator[tuple[Any, ...]], target: Path) -> int:
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise ExportError("store.needs_openpyxl") from exc
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Văn bản")
    for index, width in enumerate(_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for heading, _ in COLUMNS:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    date_index = [column for _, column in COLUMNS].index("issued_date")
    for row in data:
        values = [_cell_value(v) for v in row]
        values[date_index] = _as_date(values[date_index])
        cells = []
        for v in values:
            cell = WriteOnlyCell(sheet, value=v)
            cells.append(keep_text(cell))
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    book.save(target)
    return count


def _cell_value(value: Any) -> Any:
    # Excel refuses control characters in cells; legacy files do contain some.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value


def _as_date(value: Any) -> Any:
    """An ISO date as a real date, so Excel sorts and filters it as one."""
    from datetime import date

    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value
