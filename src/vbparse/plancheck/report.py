"""The check of one school plan against its parent plan, and the district batch: the report model,
how it is built, and its renderings (text, Markdown, self-contained HTML, JSON, CSV, XLSX).

Text, Markdown and HTML are rendered from one list of blocks, so they carry the same content.
Every human-readable word comes from `messages.py` (keys "check.*") in the report's language;
the JSON keys, codes and status values never change with it, only the findings' messages do.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import messages
from ..export.cells import csv_cell, keep_text
from ..messages import Lang
from ..model import Document
from .align import Coverage, Unit, align, child_units, parent_items
from .findings import Finding, find_all, fmt_date
from .similarity import TermIndex

PLAN_TYPES = {None, "KH", "CTr", "PA", "ĐA", "HD"}
STATUS_MARK = {"covered": "✓", "partial": "½", "missing": "✗"}
STATUS_COLOUR = {"covered": "#cdeccd", "partial": "#fff1b8", "missing": "#f8c9c4"}


class CheckError(Exception):
    """Bad input: names the file and the reason, for a one-line message."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- building -----------------------------------------------------------------------------------


def _parse(path: str) -> tuple[Document, list[str]]:
    from ..pipeline import parse
    from ..readers import ReadError

    try:
        doc = parse(path, include_lines=True)
    except ReadError as exc:
        raise CheckError(path, exc.message) from None
    except OSError as exc:
        raise CheckError(path, exc.strerror or str(exc)) from None
    return doc, doc.lines or []


@dataclass
class ParentPlan:
    """The parent parsed once, with its items and the term weights fitted on them."""

    path: str
    doc: Document
    lines: list[str]
    items: list[Unit]
    index: TermIndex

    @classmethod
    def load(cls, path: str) -> ParentPlan:
        doc, lines = _parse(path)
        items = parent_items(doc)
        if not items:
            raise CheckError(
                path,
                "no tasks, solutions, duties or reporting items found: not a plan the checker can read",
            )
        if not doc.number.number and not doc.issued.date:
            raise CheckError(path, "neither a number (Số: …) nor a date found in the header")
        return cls(path, doc, lines, items, TermIndex.fit([i.text for i in items]))


@dataclass
class CheckReport:
    parent: dict[str, Any]
    child: dict[str, Any]
    items: list[Unit]
    coverage: list[Coverage]
    findings: list[Finding]
    extras: list[Unit]
    child_text: dict[str, str] = field(default_factory=dict)
    lang: Lang = "vi"  # of the findings' messages and of every rendering but JSON's keys
    # "implements" (a plan that answers this parent), or "off_topic" (a plan about something
    # else, even if it cites the parent): then no item counts as answered and there is no ratio.
    verdict: str = "implements"

    @property
    def summary(self) -> dict[str, Any]:
        counts = {s: sum(1 for c in self.coverage if c.status == s) for s in STATUS_MARK}
        n = len(self.coverage)
        # A partial item counts half: the share of the parent's demands the child answers.
        ratio = (counts["covered"] + 0.5 * counts["partial"]) / n if n else 0.0
        return {
            **counts,
            "items": n,
            "verdict": self.verdict,
            "ratio": round(ratio, 3) if self.verdict == "implements" else None,
            "findings": len(self.findings),
            "errors": sum(1 for f in self.findings if f.severity == "error"),
            "extras": len(self.extras),
        }

    def to_dict(self) -> dict[str, Any]:
        item_by_id = {i.id: i for i in self.items}
        return {
            "parent": self.parent,
            "child": self.child,
            "coverage": [
                {
                    "parent_id": c.parent_id,
                    "kind": item_by_id[c.parent_id].kind,
                    "status": c.status,
                    "score": c.score,
                    "child_ids": c.child_ids,
                    "evidence": c.evidence,
                    "shared_terms": c.shared_terms,
                    "anchors": c.anchors,
                    "unmatched": c.unmatched,
                    "parent_text": item_by_id[c.parent_id].text,
                }
                for c in self.coverage
            ],
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "message": f.message,
                    "parent_location": f.parent_location.as_dict(),
                    "child_location": f.child_location.as_dict(),
                }
                for f in self.findings
            ],
            "extras": [{"child_id": u.id, "line": u.line, "text": u.text} for u in self.extras],
            "summary": self.summary,
        }


def _doc_info(path: str, doc: Document) -> dict[str, Any]:
    return {
        "path": path,
        "number": doc.number.raw,
        "date": doc.issued.date,
        "issuer": doc.issuer.name,
        "subject": doc.subject,
    }


def check_child(parent: ParentPlan, path: str, lang: Lang = "vi") -> CheckReport:
    doc, lines = _parse(path)
    if doc.doc_type.code not in PLAN_TYPES:
        raise CheckError(
            path, f"is a {doc.doc_type.name or doc.doc_type.code}, not a plan (kế hoạch)"
        )
    units = child_units(doc)
    if not units:
        raise CheckError(
            path, "no numbered sections with tasks found: not a plan the checker can read"
        )
    aligned = align(parent.index, parent.items, units)
    verdict = _verdict(parent, doc, aligned.coverage)
    if verdict != "implements":
        aligned.coverage = [Coverage(c.parent_id, "missing", c.score) for c in aligned.coverage]
    findings = find_all(
        parent.doc,
        doc,
        index=parent.index,
        items=parent.items,
        coverage=aligned.coverage,
        child_units=units,
        parent_lines=parent.lines,
        child_lines=lines,
        lang=lang,
    )
    return CheckReport(
        parent=_doc_info(parent.path, parent.doc),
        child=_doc_info(path, doc),
        items=parent.items,
        coverage=aligned.coverage,
        findings=findings,
        extras=aligned.extras,
        child_text={u.id: u.text for u in units},
        lang=lang,
        verdict=verdict,
    )


# A plan none of whose sections answers a parent item in full, and whose title shares less than
# this with the parent's, is about something else.
OFF_TOPIC_TITLE = 0.35


def _verdict(parent: ParentPlan, child: Document, coverage: list[Coverage]) -> str:
    if any(c.status == "covered" for c in coverage):
        return "implements"
    title = parent.index.recall(parent.doc.subject or "", child.subject or "")
    return "off_topic" if title < OFF_TOPIC_TITLE else "implements"


# --- blocks: one content, three renderings -------------------------------------------------------

Block = tuple[Any, ...]
# ("h", level, text) ("p", text) ("pair", l, lt, r, rt) ("key", text, [StatusCell])
# ("table", headers, rows, footer_rows, css_class): the last `footer_rows` rows are totals.


def _t(key: str, lang: Lang, **params: object) -> str:
    return messages.render("check." + key, lang, **params)


def _word(group: str, value: str, lang: Lang) -> str:
    """The localised name of a status, kind or severity; the value itself if it has none."""
    key = f"check.{group}.{value}"
    return messages.render(key, lang) if key in messages.MESSAGES else value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class StatusCell:
    """A cell that shows a coverage status: HTML colours it, CSV and XLSX write its word."""

    status: str  # covered | partial | missing
    text: str  # what the table shows: the mark in the matrix, the word elsewhere
    word: str  # the status in the report's language

    def __str__(self) -> str:
        return self.text


def _status_cell(status: str, lang: Lang, *, mark: bool = False) -> StatusCell:
    word = _word("status", status, lang)
    return StatusCell(status, STATUS_MARK.get(status, status) if mark else word, word)


def _doc_line(info: dict[str, Any], lang: Lang) -> str:
    date = info.get("date")
    # Vietnamese readers write 20/4/2020; English readers get the unambiguous ISO date.
    shown = (fmt_date(date) if lang == "vi" else date) if date else "?"
    number = info.get("number") or _t("no_number", lang)
    return _t("doc", lang, number=number, date=shown, path=info.get("path"))


def _finding_heading(severity: str, code: str, lang: Lang) -> str:
    return f"{_word('severity', severity, lang).upper()} {code}"


def report_blocks(report: CheckReport) -> list[Block]:
    lang = report.lang
    s = report.summary
    item_by_id = {i.id: i for i in report.items}
    blocks: list[Block] = [
        ("h", 1, _t("title", lang)),
        ("p", _t("parent", lang, doc=_doc_line(report.parent, lang))),
        ("p", _t("child", lang, doc=_doc_line(report.child, lang))),
        ("p", _t("summary", lang, **{**s, "ratio": f"{s['ratio']:.0%}"})),
        ("h", 2, _t("h.coverage", lang)),
        (
            "table",
            [
                _t(f"col.{name}", lang)
                for name in ("parent_item", "kind", "status", "score", "child_sections", "evidence")
            ],
            [
                [
                    c.parent_id,
                    _word("kind", item_by_id[c.parent_id].kind, lang),
                    _status_cell(c.status, lang),
                    f"{c.score:.2f}",
                    ", ".join(c.child_ids) or "—",
                    c.evidence or "—",
                ]
                for c in report.coverage
            ],
            0,
            "",
        ),
        ("h", 2, _t("h.findings", lang)),
    ]
    if not report.findings:
        blocks.append(("p", _t("no_findings", lang)))
    for f in report.findings:
        blocks.append(("h", 3, _finding_heading(f.severity, f.code, lang)))
        blocks.append(("p", f.message))
        blocks.append(
            (
                "pair",
                _t(
                    "at_parent",
                    lang,
                    where=_where(f.parent_location.section, f.parent_location.line, lang),
                ),
                f.parent_location.text,
                _t(
                    "at_child",
                    lang,
                    where=_where(f.child_location.section, f.child_location.line, lang),
                ),
                f.child_location.text,
            )
        )
    gaps = [c for c in report.coverage if c.status != "covered"]
    blocks.append(("h", 2, _t("h.gaps", lang)))
    if not gaps:
        blocks.append(("p", _t("no_gaps", lang)))
    for c in gaps:
        item = item_by_id[c.parent_id]
        child = " / ".join(report.child_text.get(i, "") for i in c.child_ids) or _t(
            "no_answer", lang
        )
        status = _word("status", c.status, lang)
        blocks.append(("h", 3, f"{c.parent_id} — {status} ({c.score:.2f})"))
        blocks.append(
            (
                "pair",
                _t("at_parent", lang, where=_where(item.id, item.line, lang)),
                item.text,
                _t("at_child", lang, where=", ".join(c.child_ids) or "—"),
                child,
            )
        )
    blocks.append(("h", 2, _t("h.extras", lang)))
    blocks.append(
        ("p", _t("none", lang))
        if not report.extras
        else (
            "table",
            [_t("col.child_sections", lang), _t("col.text", lang)],
            [[u.id, u.text] for u in report.extras],
            0,
            "",
        )
    )
    return blocks


def _where(section: str | None, line: int | None, lang: Lang) -> str:
    parts = [section] if section else []
    if line:
        parts.append(_t("line", lang, line=line))
    return ", ".join(parts) or _t("header", lang)


def _key_text(label: str, cells: list[StatusCell]) -> str:
    return f"{label} " + ", ".join(f"{c.text} {c.word}" for c in cells) + "."


def blocks_to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b[0] == "h":
            out.append("#" * b[1] + " " + b[2])
        elif b[0] == "p":
            out.append(b[1])
        elif b[0] == "key":
            out.append(_key_text(b[1], b[2]))
        elif b[0] == "table":
            out.append("| " + " | ".join(b[1]) + " |")
            out.append("|" + "---|" * len(b[1]))
            out.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b[2])
        elif b[0] == "pair":
            out.append(f"- **{b[1]}:** {b[2]}\n- **{b[3]}:** {b[4]}")
        out.append("")
    return "\n".join(out)


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def blocks_to_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b[0] == "h":
            out.append(b[2].upper() if b[1] == 1 else b[2])
            out.append(("=" if b[1] == 1 else "-") * len(b[2]) if b[1] < 3 else "")
        elif b[0] == "p":
            out.append(b[1])
        elif b[0] == "key":
            out.append(_key_text(b[1], b[2]))
        elif b[0] == "table":
            out.append("  ".join(b[1]))
            out.extend("  ".join(str(c) for c in row) for row in b[2])
        elif b[0] == "pair":
            out.append(f"  {b[1]}: {b[2]}\n  {b[3]}: {b[4]}")
        out.append("")
    return "\n".join(x for i, x in enumerate(out) if x or (i and out[i - 1]))


_CSS = """
body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:2em;color:#222;max-width:1400px}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #bbb;padding:.3em .5em;
vertical-align:top;font-size:.92em}th{background:#f0f0f0}
td.covered,.key .covered{background:#cdeccd}td.partial,.key .partial{background:#fff1b8}
td.missing,.key .missing{background:#f8c9c4}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.4em 0 1em}
.pair div{border:1px solid #ccc;border-radius:4px;padding:.5em;background:#fafafa}
.pair b{display:block;margin-bottom:.3em;color:#555}
td.mark{text-align:center;font-weight:bold}
.key span{display:inline-block;border:1px solid #bbb;border-radius:3px;padding:.1em .6em;
margin-right:.5em}
.matrix{max-height:80vh;overflow:auto;border:1px solid #ddd}.matrix table{margin:0}
.matrix thead th{position:sticky;top:0;z-index:2;box-shadow:0 1px 0 #bbb}
.matrix tbody th,.matrix tfoot th{position:sticky;left:0;z-index:1;background:#f7f7f7;
text-align:left}
.matrix tfoot td,.matrix tfoot th{font-weight:bold;background:#eee}
.matrix td.total{font-weight:bold;background:#f4f4f4;text-align:right}
"""


def blocks_to_html(blocks: list[Block], title: str) -> str:
    e = html.escape
    body: list[str] = []
    for b in blocks:
        if b[0] == "h":
            body.append(f"<h{b[1]}>{e(b[2])}</h{b[1]}>")
        elif b[0] == "p":
            body.append(f"<p>{e(b[1])}</p>")
        elif b[0] == "key":
            chips = "".join(
                f'<span class="{c.status}">{e(c.text)} {e(c.word)}</span>' for c in b[2]
            )
            body.append(f'<p class="key">{e(b[1])} {chips}</p>')
        elif b[0] == "table":
            body.append(_html_table(b[1], b[2], b[3], b[4]))
        elif b[0] == "pair":
            body.append(
                f'<div class="pair"><div><b>{e(b[1])}</b>{e(b[2])}</div>'
                f"<div><b>{e(b[3])}</b>{e(b[4])}</div></div>"
            )
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _html_table(headers: list[str], rows: list[list[object]], footer: int, css_class: str) -> str:
    head = "".join(f'<th scope="col">{html.escape(str(h))}</th>' for h in headers)
    # A matrix row is named by its first cell, which stays in view when the table scrolls sideways.
    first = _html_row_head if css_class == "matrix" else _html_cell
    body_rows, foot_rows = rows[: len(rows) - footer], rows[len(rows) - footer :]

    def tr(row: list[object]) -> str:
        return "<tr>" + first(row[0]) + "".join(_html_cell(c) for c in row[1:]) + "</tr>"

    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(map(tr, body_rows))}</tbody>"
    if foot_rows:
        table += f"<tfoot>{''.join(map(tr, foot_rows))}</tfoot>"
    table += "</table>"
    return f'<div class="{css_class}">{table}</div>' if css_class else table


def _html_row_head(value: object) -> str:
    return f'<th scope="row">{html.escape(str(value))}</th>'


def _html_cell(value: object) -> str:
    if isinstance(value, StatusCell):
        return (
            f'<td class="{value.status} mark" title="{html.escape(value.word)}">'
            f"{html.escape(value.text)}</td>"
        )
    if isinstance(value, TotalCell):
        return f'<td class="total">{html.escape(str(value))}</td>'
    return f"<td>{html.escape(str(value))}</td>"


def render(report: CheckReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    blocks = report_blocks(report)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        name = report.child.get("number") or report.child["path"]
        return blocks_to_html(blocks, f"{_t('title', report.lang)} — {name}")
    return blocks_to_text(blocks)


# --- district batch -----------------------------------------------------------------------------


@dataclass
class BatchReport:
    parent: dict[str, Any]
    item_ids: list[str]
    results: list[dict[str, Any]]  # CheckReport.to_dict() of each school, in file order
    failures: list[dict[str, str]]  # {"path", "error"}
    lang: Lang = "vi"

    def column_totals(self) -> dict[str, dict[str, int]]:
        totals = {i: dict.fromkeys(STATUS_MARK, 0) for i in self.item_ids}
        for r in self.results:
            for c in r["coverage"]:
                totals[c["parent_id"]][c["status"]] += 1
        return totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "parent": self.parent,
            "items": self.item_ids,
            "schools": self.results,
            "failures": self.failures,
            "totals": {
                "schools": len(self.results),
                "failed": len(self.failures),
                "items": self.column_totals(),
            },
        }


def _school_name(result: dict[str, Any]) -> str:
    return str(result["child"].get("number") or Path(result["child"]["path"]).name)


class TotalCell(str):
    """A count in the matrix's totals (per school, per item): shown in bold in HTML."""


def batch_rows(batch: BatchReport) -> tuple[list[str], list[list[Any]]]:
    """The matrix: one row per school, one column per parent item, totals at the ends (the last
    len(STATUS_MARK) rows count the schools per status of each item)."""
    lang = batch.lang
    headers = [
        _t("batch.col.school", lang),
        _t("batch.col.file", lang),
        *batch.item_ids,
        *[_capital(_word("status", s, lang)) for s in STATUS_MARK],
        _t("batch.col.ratio", lang),
        _t("batch.col.findings", lang),
    ]
    rows: list[list[Any]] = []
    for r in batch.results:
        status = {c["parent_id"]: c["status"] for c in r["coverage"]}
        s = r["summary"]
        rows.append(
            [
                _school_name(r),
                Path(r["child"]["path"]).name,
                *[_status_cell(status.get(i, "missing"), lang, mark=True) for i in batch.item_ids],
                *[TotalCell(s[name]) for name in STATUS_MARK],
                TotalCell(f"{s['ratio']:.0%}"),
                "; ".join(f["code"] for f in r["findings"]) or "—",
            ]
        )
    totals = batch.column_totals()
    for name in STATUS_MARK:
        # Where the row of a status meets its own column stands the count over all schools.
        grand = [
            TotalCell(sum(r["summary"][name] for r in batch.results)) if other == name else ""
            for other in STATUS_MARK
        ]
        rows.append(
            [
                _t("batch.total", lang, status=_word("status", name, lang)),
                "",
                *[TotalCell(totals[i][name]) for i in batch.item_ids],
                *grand,
                "",
                "",
            ]
        )
    return headers, rows


def _status_key(lang: Lang) -> Block:
    return ("key", _t("batch.key", lang), [_status_cell(s, lang, mark=True) for s in STATUS_MARK])


def batch_blocks(batch: BatchReport) -> list[Block]:
    lang = batch.lang
    headers, rows = batch_rows(batch)
    blocks: list[Block] = [
        ("h", 1, _t("batch.title", lang)),
        ("p", _t("parent", lang, doc=_doc_line(batch.parent, lang))),
        ("p", _t("batch.counts", lang, checked=len(batch.results), failed=len(batch.failures))),
        ("h", 2, _t("batch.h.matrix", lang)),
        _status_key(lang),
        ("table", headers, rows, len(STATUS_MARK), "matrix"),
    ]
    if batch.failures:
        blocks.append(("h", 2, _t("batch.h.failures", lang)))
        blocks.append(
            (
                "table",
                [_t("batch.col.file", lang), _t("batch.col.reason", lang)],
                [[f["path"], f["error"]] for f in batch.failures],
                0,
                "",
            )
        )
    blocks.append(("h", 2, _t("batch.h.per_school", lang)))
    for r in batch.results:
        blocks.append(("h", 3, f"{_school_name(r)} — {Path(r['child']['path']).name}"))
        if not r["findings"]:
            blocks.append(("p", _t("no_findings", lang)))
        blocks.extend(
            ("p", f"{_finding_heading(f['severity'], f['code'], lang)}: {f['message']}")
            for f in r["findings"]
        )
        missing = [c["parent_id"] for c in r["coverage"] if c["status"] == "missing"]
        if missing:
            blocks.append(("p", _t("batch.missing_list", lang, items=", ".join(missing))))
    return blocks


def _sheet_value(cell: object) -> object:
    """A matrix cell as a spreadsheet holds it: the status word, or the number."""
    if isinstance(cell, StatusCell):
        return cell.word
    if isinstance(cell, TotalCell) and cell.isdigit():
        return int(cell)
    return cell


def render_batch(batch: BatchReport, fmt: str) -> str | bytes:
    if fmt == "json":
        return json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        headers, rows = batch_rows(batch)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_cell(_sheet_value(c)) for c in row])
        for f in batch.failures:
            writer.writerow(
                [csv_cell(_t("batch.unreadable", batch.lang, path=f["path"])), csv_cell(f["error"])]
            )
        return buf.getvalue()
    if fmt == "xlsx":
        return _batch_xlsx(batch)
    blocks = batch_blocks(batch)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        return blocks_to_html(blocks, _t("batch.title", batch.lang))
    return blocks_to_text(blocks)


def _batch_xlsx(batch: BatchReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    lang = batch.lang
    wb = Workbook()
    ws = wb.active
    ws.title = _t("batch.sheet.coverage", lang)
    headers, rows = batch_rows(batch)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "C2"  # the header row and the school columns stay in view
    for row in rows:
        ws.append([_sheet_value(c) for c in row])
        for value, cell in zip(row, ws[ws.max_row], strict=True):
            if isinstance(value, StatusCell):
                cell.fill = PatternFill("solid", fgColor=STATUS_COLOUR[value.status].lstrip("#"))
            elif isinstance(value, TotalCell):
                cell.font = Font(bold=True)
    fs = wb.create_sheet(_t("batch.sheet.findings", lang))
    fs.append(
        [
            _t(f"batch.col.{name}", lang)
            for name in (
                "school",
                "file",
                "code",
                "severity",
                "message",
                "parent_location",
                "child_location",
            )
        ]
    )
    for cell in fs[1]:
        cell.font = Font(bold=True)
    for r in batch.results:
        for f in r["findings"]:
            fs.append(
                [
                    _school_name(r),
                    r["child"]["path"],
                    f["code"],
                    _word("severity", f["severity"], lang),
                    f["message"],
                    _where(f["parent_location"]["section"], f["parent_location"]["line"], lang),
                    _where(f["child_location"]["section"], f["child_location"]["line"], lang),
                ]
            )
    for f in batch.failures:
        error = _word("severity", "error", lang)
        fs.append(["", f["path"], "unreadable", error, f["error"], "", ""])
    buf = io.BytesIO()
    for sheet in wb.worksheets:  # school and file names are text, never formulas
        for row_cells in sheet.iter_rows():
            for cell in row_cells:
                keep_text(cell)
    wb.save(buf)
    return buf.getvalue()
