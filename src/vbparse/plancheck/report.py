"""The check of one school plan against its parent plan, and the district batch: the report
models and how they are built. The renderings live apart: render.py (text, Markdown, HTML) and
sheets.py (CSV, XLSX); output.py picks one by format name.

The JSON keys, codes and status values never change with the report's language, only the
findings' messages do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..messages import Lang
from ..messages import render as render_message
from ..model import Document
from .align import Coverage, Unit, align, child_units, item_weights, parent_items
from .findings import Finding, find_all
from .similarity import TermIndex, start_loading_segmenter, wait_for_segmenter

PLAN_TYPES = {None, "KH", "CTr", "PA", "ĐA", "HD"}
STATUS_MARK = {"covered": "✓", "partial": "½", "missing": "✗"}


class CheckError(InputError):
    """Bad input: names the file and the reason (already in the report's language), for a
    one-line message; the command line exits 3."""


# --- building -----------------------------------------------------------------------------------


def parse_plan(path: str) -> tuple[Document, list[str]]:
    """A plan parsed, with its lines; CheckError (file and reason) when it cannot be read."""
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
    def load(cls, path: str, lang: Lang = "vi") -> ParentPlan:
        start_loading_segmenter()  # needed for the items, loaded while the parent is parsed
        try:
            doc, lines = parse_plan(path)
            return cls.from_parsed(path, doc, lines, lang)
        finally:
            wait_for_segmenter()  # no thread left running (a batch forks its workers next)

    @classmethod
    def from_parsed(
        cls, path: str, doc: Document, lines: list[str], lang: Lang = "vi"
    ) -> ParentPlan:
        """The parent from its parse: its items and their term weights (segmenting them is most
        of the cost; a batch does it while its workers already read their plans)."""
        items = parent_items(doc)
        if not items:
            raise CheckError(path, render_message("check.err.no_items", lang))
        if not doc.number.number and not doc.issued.date:
            raise CheckError(path, render_message("check.err.no_header", lang))
        return cls(path, doc, lines, items, TermIndex.fit([i.text for i in items]))

    def fit_weights(self) -> None:
        """Fit now the weights every check's alignment fits on first use (a batch does it once,
        in the main process, which leaves the items' segmentations in the shared cache)."""
        item_weights(self.index, self.items)


@dataclass
class ChildPlan:
    """A school's plan read and cut into passages: what a check does before it needs the parent,
    so that a batch's workers can do it while the main process is still reading the parent."""

    path: str
    doc: Document
    lines: list[str]
    units: list[Unit]

    @classmethod
    def load(cls, path: str, lang: Lang = "vi") -> ChildPlan:
        return cls.from_parsed(path, *parse_plan(path), lang)

    @classmethod
    def from_parsed(
        cls, path: str, doc: Document, lines: list[str], lang: Lang = "vi"
    ) -> ChildPlan:
        """The plan from its parse (a batch's scout may have parsed it in another process)."""
        if doc.doc_type.code not in PLAN_TYPES:
            kind = doc.doc_type.name or doc.doc_type.code
            raise CheckError(path, render_message("check.err.not_plan", lang, kind=kind))
        units = child_units(doc)
        if not units:
            raise CheckError(path, render_message("check.err.no_sections", lang))
        return cls(path, doc, lines, units)


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
                    "child_lines": c.child_lines,
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
    return check_loaded(parent, ChildPlan.load(path, lang), lang)


def check_loaded(parent: ParentPlan, child: ChildPlan, lang: Lang = "vi") -> CheckReport:
    doc, lines, units = child.doc, child.lines, child.units
    aligned = align(parent.index, parent.items, units, parent.doc.subject or "")
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
        child=_doc_info(child.path, doc),
        items=parent.items,
        coverage=aligned.coverage,
        findings=findings,
        extras=aligned.extras,
        child_text={u.id: u.text for u in units},
        lang=lang,
        verdict=verdict,
    )


# A plan that answers less than OFF_TOPIC_SHARE of the parent's items (covered + ½ partial; a
# generic duty such as "gửi kế hoạch về Phòng" is answered by any plan), and whose title shares
# less than OFF_TOPIC_TITLE of the parent's title words, is about something else.
OFF_TOPIC_SHARE = 0.3
OFF_TOPIC_TITLE = 0.35


def _verdict(parent: ParentPlan, child: Document, coverage: list[Coverage]) -> str:
    answered = sum({"covered": 1.0, "partial": 0.5}.get(c.status, 0.0) for c in coverage)
    if answered >= OFF_TOPIC_SHARE * max(len(coverage), 1):
        return "implements"
    title = parent.index.recall(parent.doc.subject or "", child.subject or "")
    return "off_topic" if title < OFF_TOPIC_TITLE else "implements"


# --- district batch -----------------------------------------------------------------------------


@dataclass
class SchoolRow:
    """One school of the district report: its plan's result, or the reason it failed."""

    name: str
    file: str
    status: dict[str, str]  # parent item id → covered | partial | missing (empty when failed)
    summary: dict[str, Any]
    findings: list[dict[str, Any]]
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def verdict(self) -> str:
        return "failed" if self.failed else str(self.summary.get("verdict", "implements"))

    def sort_key(self) -> tuple[int, float, int, str]:
        # Worst first: unreadable files, plans about something else, then the lowest ratio.
        rank = {"failed": 0, "off_topic": 1}.get(self.verdict, 2)
        ratio = self.summary.get("ratio")
        errors = sum(1 for f in self.findings if f.get("severity") == "error")
        return rank, ratio if isinstance(ratio, (int, float)) else 0.0, -errors, self.name


_UPPER_KEEP = re.compile(
    r"[&\d]|^[^AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]+$"
)
# After title-casing a name written in capitals, these words are written in lower case again.
_LOWER_AFTER = (
    ("Tiểu Học", "Tiểu học"),
    ("Trung Học Cơ Sở", "Trung học cơ sở"),
    ("Trung Học Phổ Thông", "Trung học phổ thông"),
    ("Mầm Non", "Mầm non"),
    ("Mẫu Giáo", "Mẫu giáo"),
    ("Liên Cấp", "liên cấp"),
)


def display_name(name: str) -> str:
    """ "TRƯỜNG TIỂU HỌC TÂN AN HỘI" → "Trường Tiểu học Tân An Hội"; THPT, GD&ĐT stay."""
    if name != name.upper():
        return name
    words = [w if _UPPER_KEEP.search(w) else w[:1] + w[1:].lower() for w in name.split()]
    out = " ".join(words)
    for old, new in _LOWER_AFTER:
        out = out.replace(old, new)
    return out


def school_name(child: dict[str, Any]) -> str:
    """The school's name as its plan gives it (the issuer), else the file's name."""
    issuer = child.get("issuer")
    return display_name(str(issuer)) if issuer else Path(str(child["path"])).stem


@dataclass
class BatchReport:
    parent: dict[str, Any]
    item_ids: list[str]
    results: list[dict[str, Any]]  # CheckReport.to_dict() of each school, in file order
    failures: list[dict[str, str]]  # {"path", "error"}
    lang: Lang = "vi"
    items: list[dict[str, str]] = field(default_factory=list)  # {"id", "kind", "text"}

    def schools(self) -> list[SchoolRow]:
        """Every school, worst first; the files that could not be checked first of all."""
        rows = [
            SchoolRow(
                school_name(r["child"]),
                Path(r["child"]["path"]).name,
                {c["parent_id"]: c["status"] for c in r["coverage"]},
                r["summary"],
                r["findings"],
            )
            for r in self.results
        ]
        rows += [
            SchoolRow(Path(f["path"]).stem, Path(f["path"]).name, {}, {}, [], f["error"])
            for f in self.failures
        ]
        return sorted(rows, key=SchoolRow.sort_key)

    def column_totals(self) -> dict[str, dict[str, int]]:
        """Per parent item, how many checked schools cover, partly cover, miss it."""
        totals = {i: dict.fromkeys(STATUS_MARK, 0) for i in self.item_ids}
        for r in self.results:
            for c in r["coverage"]:
                totals[c["parent_id"]][c["status"]] += 1
        return totals

    def item_text(self) -> dict[str, str]:
        return {i["id"]: i["text"] for i in self.items}

    def to_dict(self) -> dict[str, Any]:
        return {
            "parent": self.parent,
            "items": self.item_ids,
            "item_texts": self.items,
            "schools": self.results,
            "failures": self.failures,
            "totals": {
                "schools": len(self.results),
                "failed": len(self.failures),
                "items": self.column_totals(),
            },
        }
