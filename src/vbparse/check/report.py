"""The check of one school plan against its parent plan, and the district batch: the report model,
how it is built, and its renderings (text, Markdown, self-contained HTML, JSON, CSV, XLSX).

Text, Markdown and HTML are rendered from one list of blocks, so they carry the same content.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document
from .compare import Coverage, Unit, align, child_units, parent_items
from .findings import Finding, find_all
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

    @property
    def summary(self) -> dict[str, Any]:
        counts = {s: sum(1 for c in self.coverage if c.status == s) for s in STATUS_MARK}
        n = len(self.coverage)
        # A partial item counts half: the share of the parent's demands the child answers.
        ratio = (counts["covered"] + 0.5 * counts["partial"]) / n if n else 0.0
        return {
            **counts,
            "items": n,
            "ratio": round(ratio, 3),
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


def check_child(parent: ParentPlan, path: str) -> CheckReport:
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
    findings = find_all(
        parent.doc,
        doc,
        index=parent.index,
        items=parent.items,
        coverage=aligned.coverage,
        child_units=units,
        parent_lines=parent.lines,
        child_lines=lines,
    )
    return CheckReport(
        parent=_doc_info(parent.path, parent.doc),
        child=_doc_info(path, doc),
        items=parent.items,
        coverage=aligned.coverage,
        findings=findings,
        extras=aligned.extras,
        child_text={u.id: u.text for u in units},
    )


# --- blocks: one content, three renderings -------------------------------------------------------

Block = tuple[
    Any, ...
]  # ("h", level, text) ("p", text) ("table", headers, rows) ("pair", l, lt, r, rt)


def _doc_line(info: dict[str, Any]) -> str:
    number = info.get("number") or "(no number)"
    return f"{number} of {info.get('date') or '?'} — {info.get('path')}"


def report_blocks(report: CheckReport) -> list[Block]:
    s = report.summary
    item_by_id = {i.id: i for i in report.items}
    blocks: list[Block] = [
        ("h", 1, "Plan check"),
        ("p", f"Parent: {_doc_line(report.parent)}"),
        ("p", f"Child: {_doc_line(report.child)}"),
        (
            "p",
            f"Coverage {s['ratio']:.0%}: {s['covered']} covered, {s['partial']} partial, "
            f"{s['missing']} missing of {s['items']} parent items; {s['findings']} finding(s); "
            f"{s['extras']} extra section(s).",
        ),
        ("h", 2, "Coverage"),
        (
            "table",
            ["Parent item", "Kind", "Status", "Score", "Child sections", "Evidence"],
            [
                [
                    c.parent_id,
                    item_by_id[c.parent_id].kind,
                    c.status,
                    f"{c.score:.2f}",
                    ", ".join(c.child_ids) or "—",
                    c.evidence or "—",
                ]
                for c in report.coverage
            ],
        ),
        ("h", 2, "Findings"),
    ]
    if not report.findings:
        blocks.append(("p", "No findings."))
    for f in report.findings:
        blocks.append(("h", 3, f"{f.severity.upper()} {f.code}"))
        blocks.append(("p", f.message))
        blocks.append(
            (
                "pair",
                f"Parent {_where(f.parent_location.section, f.parent_location.line)}",
                f.parent_location.text,
                f"Child {_where(f.child_location.section, f.child_location.line)}",
                f.child_location.text,
            )
        )
    gaps = [c for c in report.coverage if c.status != "covered"]
    blocks.append(("h", 2, "Partial and missing items"))
    if not gaps:
        blocks.append(("p", "Every parent item is covered."))
    for c in gaps:
        item = item_by_id[c.parent_id]
        child = (
            " / ".join(report.child_text.get(i, "") for i in c.child_ids)
            or "(nothing in the child answers it)"
        )
        blocks.append(("h", 3, f"{c.parent_id} — {c.status} ({c.score:.2f})"))
        blocks.append(
            (
                "pair",
                f"Parent {_where(item.id, item.line)}",
                item.text,
                f"Child {', '.join(c.child_ids) or '—'}",
                child,
            )
        )
    blocks.append(("h", 2, "Extras (child sections that answer no parent item)"))
    blocks.append(
        ("p", "None.")
        if not report.extras
        else ("table", ["Child section", "Text"], [[u.id, u.text] for u in report.extras])
    )
    return blocks


def _where(section: str | None, line: int | None) -> str:
    parts = [section] if section else []
    if line:
        parts.append(f"line {line}")
    return ", ".join(parts) or "(header)"


def blocks_to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b[0] == "h":
            out.append("#" * b[1] + " " + b[2])
        elif b[0] == "p":
            out.append(b[1])
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
td.covered{background:#cdeccd}td.partial{background:#fff1b8}td.missing{background:#f8c9c4}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.4em 0 1em}
.pair div{border:1px solid #ccc;border-radius:4px;padding:.5em;background:#fafafa}
.pair b{display:block;margin-bottom:.3em;color:#555}
td.mark{text-align:center;font-weight:bold}
"""


def blocks_to_html(blocks: list[Block], title: str) -> str:
    e = html.escape
    body: list[str] = []
    for b in blocks:
        if b[0] == "h":
            body.append(f"<h{b[1]}>{e(b[2])}</h{b[1]}>")
        elif b[0] == "p":
            body.append(f"<p>{e(b[1])}</p>")
        elif b[0] == "table":
            head = "".join(f"<th>{e(str(h))}</th>" for h in b[1])
            rows = "".join("<tr>" + "".join(_html_cell(c) for c in row) + "</tr>" for row in b[2])
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif b[0] == "pair":
            body.append(
                f'<div class="pair"><div><b>{e(b[1])}</b>{e(b[2])}</div>'
                f"<div><b>{e(b[3])}</b>{e(b[4])}</div></div>"
            )
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _html_cell(value: object) -> str:
    text = str(value)
    for status, mark in STATUS_MARK.items():
        if text in (status, mark):
            return f'<td class="{status} mark" title="{status}">{html.escape(text)}</td>'
    return f"<td>{html.escape(text)}</td>"


def render(report: CheckReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    blocks = report_blocks(report)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        return blocks_to_html(
            blocks, f"Plan check — {report.child.get('number') or report.child['path']}"
        )
    return blocks_to_text(blocks)


# --- district batch -----------------------------------------------------------------------------


@dataclass
class BatchReport:
    parent: dict[str, Any]
    item_ids: list[str]
    results: list[dict[str, Any]]  # CheckReport.to_dict() of each school, in file order
    failures: list[dict[str, str]]  # {"path", "error"}

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


def batch_rows(batch: BatchReport) -> tuple[list[str], list[list[str]]]:
    """The matrix: one row per school, one column per parent item, totals at the ends."""
    headers = [
        "School plan",
        "File",
        *batch.item_ids,
        "Covered",
        "Partial",
        "Missing",
        "Ratio",
        "Findings",
    ]
    rows = []
    for r in batch.results:
        status = {c["parent_id"]: c["status"] for c in r["coverage"]}
        s = r["summary"]
        rows.append(
            [
                _school_name(r),
                Path(r["child"]["path"]).name,
                *[STATUS_MARK[status.get(i, "missing")] for i in batch.item_ids],
                str(s["covered"]),
                str(s["partial"]),
                str(s["missing"]),
                f"{s['ratio']:.0%}",
                "; ".join(f["code"] for f in r["findings"]) or "—",
            ]
        )
    totals = batch.column_totals()
    for name in STATUS_MARK:
        rows.append(
            [
                f"Total {name}",
                "",
                *[str(totals[i][name]) for i in batch.item_ids],
                "",
                "",
                "",
                "",
                "",
            ]
        )
    return headers, rows


def batch_blocks(batch: BatchReport) -> list[Block]:
    headers, rows = batch_rows(batch)
    blocks: list[Block] = [
        ("h", 1, "District check"),
        ("p", f"Parent: {_doc_line(batch.parent)}"),
        (
            "p",
            f"{len(batch.results)} school plan(s) checked, {len(batch.failures)} could not be read. "
            "✓ covered, ½ partial, ✗ missing.",
        ),
        ("h", 2, "Coverage matrix"),
        ("table", headers, rows),
    ]
    if batch.failures:
        blocks.append(("h", 2, "Files that could not be checked"))
        blocks.append(
            ("table", ["File", "Reason"], [[f["path"], f["error"]] for f in batch.failures])
        )
    blocks.append(("h", 2, "Findings per school"))
    for r in batch.results:
        blocks.append(("h", 3, f"{_school_name(r)} — {Path(r['child']['path']).name}"))
        if not r["findings"]:
            blocks.append(("p", "No findings."))
        blocks.extend(
            ("p", f"{f['severity'].upper()} {f['code']}: {f['message']}") for f in r["findings"]
        )
        missing = [c["parent_id"] for c in r["coverage"] if c["status"] == "missing"]
        if missing:
            blocks.append(("p", "Missing: " + ", ".join(missing)))
    return blocks


def render_batch(batch: BatchReport, fmt: str) -> str | bytes:
    if fmt == "json":
        return json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        headers, rows = batch_rows(batch)
        buf = io.StringIO()
        writer = csv.writer(buf)
        status_names = {v: k for k, v in STATUS_MARK.items()}
        writer.writerow(headers)
        for row in rows:
            writer.writerow([status_names.get(c, c) for c in row])
        for f in batch.failures:
            writer.writerow([f"unreadable: {f['path']}", f["error"]])
        return buf.getvalue()
    if fmt == "xlsx":
        return _batch_xlsx(batch)
    blocks = batch_blocks(batch)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        return blocks_to_html(blocks, "District plan check")
    return blocks_to_text(blocks)


def _batch_xlsx(batch: BatchReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Coverage"
    headers, rows = batch_rows(batch)
    status_names = {v: k for k, v in STATUS_MARK.items()}
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([status_names.get(c, c) for c in row])
        for cell in ws[ws.max_row]:
            colour = STATUS_COLOUR.get(str(cell.value))
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
    fs = wb.create_sheet("Findings")
    fs.append(
        ["School plan", "File", "Code", "Severity", "Message", "Parent location", "Child location"]
    )
    for r in batch.results:
        for f in r["findings"]:
            fs.append(
                [
                    _school_name(r),
                    r["child"]["path"],
                    f["code"],
                    f["severity"],
                    f["message"],
                    _where(f["parent_location"]["section"], f["parent_location"]["line"]),
                    _where(f["child_location"]["section"], f["child_location"]["line"]),
                ]
            )
    for f in batch.failures:
        fs.append(["", f["path"], "unreadable", "error", f["error"], "", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
