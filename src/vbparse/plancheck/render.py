"""The readable renderings of the plan check and of the district report: text, Markdown and a
self-contained HTML page (with a print style sheet), all three from one list of blocks so that
they carry the same content. Every word comes from `messages.py` (keys "check.*") in the
report's language."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import messages
from ..messages import Lang
from .findings import fmt_date
from .report import STATUS_MARK, BatchReport, CheckReport, SchoolRow

Block = tuple[Any, ...]
# ("h", level, text) ("p", text) ("pair", l, lt, r, rt) ("key", text, [StatusCell])
# ("table", headers, rows, footer_rows, css_class): the last `footer_rows` rows are totals.
# ("details", summary, [blocks]): a part the HTML page folds away.


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
    return f"{_word('severity', severity, lang).upper()} {messages.finding_label(code, lang)}"


def _summary_block(report: CheckReport) -> Block:
    s = report.summary
    if report.verdict != "implements":
        subject = report.child.get("subject") or report.child.get("path")
        return ("p", _t(report.verdict, report.lang, subject=subject))
    return (
        "p",
        _t("summary", report.lang, **{**s, "ratio": messages.percent(s["ratio"], report.lang)}),
    )


def _evidence(evidence: str, unmatched: list[str], lang: Lang) -> str:
    if not evidence:
        return "—"
    if not unmatched:
        return evidence
    return f"{evidence} [{_t('unmatched', lang, words=', '.join(unmatched))}]"


def report_blocks(report: CheckReport) -> list[Block]:
    lang = report.lang
    return [
        ("h", 1, _t("title", lang)),
        ("p", _t("parent", lang, doc=_doc_line(report.parent, lang))),
        ("p", _t("child", lang, doc=_doc_line(report.child, lang))),
        _summary_block(report),
        ("h", 2, _t("h.coverage", lang)),
        _coverage_table(report),
        ("h", 2, _t("h.findings", lang)),
        *_finding_blocks(report),
        ("h", 2, _t("h.gaps", lang)),
        *_gap_blocks(report),
        ("h", 2, _t("h.extras", lang)),
        _extras_block(report),
    ]


def _coverage_table(report: CheckReport) -> Block:
    lang = report.lang
    item_by_id = {i.id: i for i in report.items}
    return (
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
                messages.number(c.score, lang, 2),
                ", ".join(c.child_ids) or "—",
                _evidence(c.evidence, c.unmatched, lang),
            ]
            for c in report.coverage
        ],
        0,
        "",
    )


def _finding_blocks(report: CheckReport) -> list[Block]:
    lang = report.lang
    if not report.findings:
        return [("p", _t("no_findings", lang))]
    blocks: list[Block] = []
    for f in report.findings:
        blocks.append(("h", 3, _finding_heading(f.severity, f.code, lang)))
        blocks.append(("p", _capital(_t(f"code.{f.code}", lang))))
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
    return blocks


def _gap_blocks(report: CheckReport) -> list[Block]:
    """The parent's items the child does not fully cover, each beside what the child says."""
    lang = report.lang
    item_by_id = {i.id: i for i in report.items}
    gaps = [c for c in report.coverage if c.status != "covered"]
    if not gaps:
        return [("p", _t("no_gaps", lang))]
    blocks: list[Block] = []
    for c in gaps:
        item = item_by_id[c.parent_id]
        child = " / ".join(report.child_text.get(i, "") for i in c.child_ids) or _t(
            "no_answer", lang
        )
        status = _word("status", c.status, lang)
        blocks.append(("h", 3, f"{c.parent_id} — {status} ({messages.number(c.score, lang, 2)})"))
        blocks.append(
            (
                "pair",
                _t("at_parent", lang, where=_where(item.id, item.line, lang)),
                item.text,
                _t("at_child", lang, where=", ".join(c.child_ids) or "—"),
                child,
            )
        )
    return blocks


def _extras_block(report: CheckReport) -> Block:
    if not report.extras:
        return ("p", _t("none", report.lang))
    return (
        "table",
        [_t("col.child_sections", report.lang), _t("col.text", report.lang)],
        [[u.id, u.text] for u in report.extras],
        0,
        "",
    )


def _where(section: str | None, line: int | None, lang: Lang) -> str:
    parts = [section] if section else []
    if line:
        parts.append(_t("line", lang, line=line))
    return ", ".join(parts) or _t("header", lang)


def _key_text(label: str, cells: list[StatusCell]) -> str:
    return f"{label} " + ", ".join(f"{c.text} {c.word}" for c in cells) + "."


def _flat(blocks: list[Block]) -> list[Block]:
    """Folded parts as a heading and their blocks, for the renderings that cannot fold."""
    out: list[Block] = []
    for b in blocks:
        out.extend([("h", 2, b[1]), *_flat(b[2])] if b[0] == "details" else [b])
    return out


def blocks_to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in _flat(blocks):
        if b[0] == "h":
            out.append("#" * b[1] + " " + b[2])
        elif b[0] == "p":
            out.append(b[1])
        elif b[0] == "key":
            out.append(_key_text(b[1], b[2]))
        elif b[0] == "table":
            out.append("| " + " | ".join(map(str, b[1])) + " |")
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
    for b in _flat(blocks):
        if b[0] == "h":
            out.append(b[2].upper() if b[1] == 1 else b[2])
            out.append(("=" if b[1] == 1 else "-") * len(b[2]) if b[1] < 3 else "")
        elif b[0] == "p":
            out.append(b[1])
        elif b[0] == "key":
            out.append(_key_text(b[1], b[2]))
        elif b[0] == "table":
            out.append("  ".join(map(str, b[1])))
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
td.failed,.key .failed{background:repeating-linear-gradient(45deg,#ddd,#ddd 4px,#f4f4f4 4px,
#f4f4f4 8px);color:#800;font-weight:bold}
td.off_topic{background:#e8d9f3;font-weight:bold}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.4em 0 1em}
.pair div{border:1px solid #ccc;border-radius:4px;padding:.5em;background:#fafafa}
.pair b{display:block;margin-bottom:.3em;color:#555}
td.mark{text-align:center;font-weight:bold}
.key span{display:inline-block;border:1px solid #bbb;border-radius:3px;padding:.1em .6em;
margin-right:.5em}
.matrix{max-height:80vh;overflow:auto;border:1px solid #ddd}.matrix table{margin:0}
.matrix thead th{position:sticky;top:0;z-index:2;box-shadow:0 1px 0 #bbb}
.matrix thead th[title]{cursor:help;text-decoration:underline dotted}
.matrix tbody th,.matrix tfoot th{position:sticky;left:0;z-index:1;background:#f7f7f7;
text-align:left}
.matrix tfoot td,.matrix tfoot th{font-weight:bold;background:#eee}
.matrix td.total{font-weight:bold;background:#f4f4f4;text-align:right}
.matrix tbody th{min-width:12em}.matrix td.mark{min-width:2.2em}
.matrix td.file{font-size:.8em;color:#555;word-break:break-all;max-width:10em}
.matrix td.codes{font-size:.85em;min-width:12em}
details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}
@media print{
@page{size:A4 landscape;margin:8mm}
body{margin:0;max-width:none;font-size:9pt}
.matrix{max-height:none;overflow:visible;border:0}
.matrix table{width:100%;table-layout:fixed}
.matrix thead th,.matrix tbody th,.matrix tfoot th{position:static;box-shadow:none}
thead{display:table-header-group}tfoot{display:table-row-group}
tr,.pair{page-break-inside:avoid;break-inside:avoid}
td,th{font-size:7.5pt;padding:.15em .2em;overflow-wrap:anywhere}
.matrix thead th:first-child{width:15%}.matrix thead th:nth-child(2){width:8%}
.matrix thead th:last-child{width:13%}.matrix tbody th{min-width:0}
.matrix td.mark,.matrix td.codes{min-width:0}
details{display:block}details>*{display:block}
td,th,.key span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def blocks_to_html(blocks: list[Block], title: str, lang: Lang = "vi") -> str:
    body = [_html_block(b) for b in blocks]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _html_block(b: Block) -> str:
    e = html.escape
    if b[0] == "h":
        return f"<h{b[1]}>{e(b[2])}</h{b[1]}>"
    if b[0] == "p":
        return f"<p>{e(b[1])}</p>"
    if b[0] == "key":
        chips = "".join(f'<span class="{c.status}">{e(c.text)} {e(c.word)}</span>' for c in b[2])
        return f'<p class="key">{e(b[1])} {chips}</p>'
    if b[0] == "table":
        return _html_table(b[1], b[2], b[3], b[4])
    if b[0] == "details":
        inner = "\n".join(_html_block(x) for x in b[2])
        return f"<details open><summary>{e(b[1])}</summary>{inner}</details>"
    return (
        f'<div class="pair"><div><b>{e(b[1])}</b>{e(b[2])}</div>'
        f"<div><b>{e(b[3])}</b>{e(b[4])}</div></div>"
    )


@dataclass(frozen=True)
class Header:
    """A column header with the text it stands for (an item id and the item's words)."""

    text: str
    tooltip: str = ""

    def __str__(self) -> str:
        return self.text


def _html_header(h: object) -> str:
    tip = h.tooltip if isinstance(h, Header) else ""
    attr = f' title="{html.escape(tip)}"' if tip else ""
    return f'<th scope="col"{attr}>{html.escape(str(h))}</th>'


def _html_table(headers: list[Any], rows: list[list[object]], footer: int, css_class: str) -> str:
    head = "".join(_html_header(h) for h in headers)
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
    if isinstance(value, FileCell):
        return f'<td class="file">{html.escape(str(value))}</td>'
    if isinstance(value, CodesCell):
        return f'<td class="codes">{html.escape(str(value))}</td>'
    return f"<td>{html.escape(str(value))}</td>"


def render_check(report: CheckReport, fmt: str) -> str:
    blocks = report_blocks(report)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        name = report.child.get("number") or report.child["path"]
        return blocks_to_html(blocks, f"{_t('title', report.lang)} — {name}", report.lang)
    return blocks_to_text(blocks)


# --- the district report ------------------------------------------------------------------------


class TotalCell(str):
    """A count in the matrix's totals (per school, per item): shown in bold in HTML."""


class FileCell(str):
    """A file name: small in HTML, so that the matrix keeps its width for the items."""


class CodesCell(str):
    """The finding codes of a school ("deadline_mismatch ×2, …"), or why its file failed."""


def _codes(findings: list[dict[str, Any]], lang: Lang) -> str:
    counts = Counter(messages.finding_label(f["code"], lang) for f in findings)
    return ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in counts.items()) or "—"


def _ratio_cell(row: SchoolRow, lang: Lang) -> object:
    if row.failed:
        return StatusCell("failed", _t("batch.failed", lang), _t("batch.failed", lang))
    if row.verdict != "implements":
        word = _t(f"verdict.{row.verdict}", lang)
        return StatusCell(row.verdict, word, word)
    return TotalCell(messages.percent(row.summary["ratio"], lang))


def _item_header(item_id: str, text: str) -> Header:
    return Header(item_id, text)


def matrix_headers(batch: BatchReport) -> list[Any]:
    lang, texts = batch.lang, batch.item_text()
    return [
        _t("batch.col.school", lang),
        _t("batch.col.file", lang),
        *[_item_header(i, texts.get(i, "")) for i in batch.item_ids],
        *[_capital(_word("status", s, lang)) for s in STATUS_MARK],
        _t("batch.col.ratio", lang),
        _t("batch.col.findings", lang),
    ]


def school_cells(row: SchoolRow, batch: BatchReport) -> list[Any]:
    """A school's row of the matrix: its status per item, its counts, ratio and finding codes."""
    lang = batch.lang
    if row.failed:
        failed = StatusCell("failed", "—", _t("batch.failed", lang))
        items: list[Any] = [failed for _i in batch.item_ids]
        counts: list[Any] = ["" for _s in STATUS_MARK]
        codes = CodesCell(row.error or "")
    else:
        items = [
            _status_cell(row.status.get(i, "missing"), lang, mark=True) for i in batch.item_ids
        ]
        counts = [TotalCell(row.summary[s]) for s in STATUS_MARK]
        codes = CodesCell(_codes(row.findings, lang))
    return [row.name, FileCell(row.file), *items, *counts, _ratio_cell(row, lang), codes]


def total_rows(batch: BatchReport, *, as_share: bool) -> list[list[Any]]:
    """Per status, how many schools (of those checked) are in it for each item: "7/12" on the
    page, the bare count in a spreadsheet."""
    lang = batch.lang
    totals = batch.column_totals()
    n = len(batch.results)
    rows = []
    for name in STATUS_MARK:
        # "7/12" under each item; the row's label says they count schools.
        cells = [
            TotalCell(f"{totals[i][name]}/{n}") if as_share else totals[i][name]
            for i in batch.item_ids
        ]
        blank = ["" for _s in STATUS_MARK]
        rows.append(
            [
                _t("batch.total", lang, status=_word("status", name, lang), total=n),
                "",
                *cells,
                *blank,
                "",
                "",
            ]
        )
    return rows


def _status_key(lang: Lang) -> Block:
    cells = [_status_cell(s, lang, mark=True) for s in STATUS_MARK]
    cells.append(StatusCell("failed", "—", _t("batch.failed", lang)))
    return ("key", _t("batch.key", lang), cells)


def legend_rows(batch: BatchReport) -> list[list[Any]]:
    """Every parent item with its words and how many schools cover it."""
    lang, totals, n = batch.lang, batch.column_totals(), len(batch.results)
    kinds = {i["id"]: i.get("kind", "") for i in batch.items}
    return [
        [
            i,
            _word("kind", kinds.get(i, ""), lang),
            batch.item_text().get(i, ""),
            _t("batch.schools_of", lang, n=totals[i]["covered"], total=n),
        ]
        for i in batch.item_ids
    ]


def legend_headers(lang: Lang) -> list[str]:
    return [
        _t(f"batch.col.{c}", lang) if c != "kind" else _t("col.kind", lang)
        for c in ("item", "kind", "item_text", "schools_covered")
    ]


def batch_blocks(batch: BatchReport) -> list[Block]:
    lang = batch.lang
    schools = batch.schools()
    rows = [school_cells(r, batch) for r in schools] + total_rows(batch, as_share=True)
    blocks: list[Block] = [
        ("h", 1, _t("batch.title", lang)),
        ("p", _t("parent", lang, doc=_doc_line(batch.parent, lang))),
        ("p", _t("batch.counts", lang, checked=len(batch.results), failed=len(batch.failures))),
        ("h", 2, _t("batch.h.matrix", lang)),
        ("p", _t("batch.sorted", lang)),
        _status_key(lang),
        ("table", matrix_headers(batch), rows, len(STATUS_MARK), "matrix"),
    ]
    if batch.items:
        blocks.append(
            (
                "details",
                _t("batch.h.legend", lang),
                [("table", legend_headers(lang), legend_rows(batch), 0, "legend")],
            )
        )
    blocks.append(("h", 2, _t("batch.h.codes", lang)))
    blocks.append(
        (
            "table",
            [_t("batch.col.code", lang), _t("batch.col.explanation", lang)],
            [
                [messages.finding_label(code, lang), _capital(_t(f"code.{code}", lang))]
                for code in _codes_seen(schools)
            ],
            0,
            "",
        )
    )
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
    for r in schools:
        if r.failed:
            continue
        blocks.append(("h", 3, f"{r.name} — {r.file}"))
        if r.verdict != "implements":
            blocks.append(("p", _capital(_t(f"verdict.{r.verdict}", lang))))
        if not r.findings:
            blocks.append(("p", _t("no_findings", lang)))
        blocks.extend(
            ("p", f"{_finding_heading(f['severity'], f['code'], lang)}: {f['message']}")
            for f in r.findings
        )
        missing = [i for i in batch.item_ids if r.status.get(i) == "missing"]
        if missing:
            blocks.append(("p", _t("batch.missing_list", lang, items=", ".join(missing))))
    return blocks


def _codes_seen(schools: list[SchoolRow]) -> list[str]:
    """Every finding code, those the schools raised first."""
    known = [k.split(".", 2)[2] for k in messages.MESSAGES if k.startswith("check.code.")]
    seen = {f["code"] for r in schools for f in r.findings}
    return sorted(known, key=lambda c: (c not in seen, known.index(c)))


def render_batch_blocks(batch: BatchReport, fmt: str) -> str:
    blocks = batch_blocks(batch)
    if fmt == "md":
        return blocks_to_markdown(blocks)
    if fmt == "html":
        return blocks_to_html(blocks, _t("batch.title", batch.lang), batch.lang)
    return blocks_to_text(blocks)
