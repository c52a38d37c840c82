"""The plan checker measured on labelled (parent item, child) cases: corpus/checkeval/cases.json
(items labelled covered / partial / missing with how they were written, planted findings, the
verdict) and the expected results of corpus/plans, plans2, plans3 (missing or not, findings).

Figures: precision and recall of "missing" (the officer's question: which items did a school
drop?), accuracy of covered vs partial on the items labelled so, finding precision and recall
(codes counted per child), and verdict accuracy. `lexical=True` measures the matcher without the
paraphrase table and the word vectors, for comparison.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Case:
    parent: Path
    child: Path
    split: str
    verdict: str
    items: dict[str, tuple[str, str]]  # item id → (status, paraphrase level); status "present"
    findings: list[str]  # codes planted
    exact_findings: bool = True  # False: the planted codes must be among those raised


def load_cases(corpus: Path) -> list[Case]:
    data = json.loads((corpus / "checkeval" / "cases.json").read_text(encoding="utf-8"))
    cases = [
        Case(
            corpus / c["parent"],
            corpus / c["child"],
            c["split"],
            c["verdict"],
            {k: (v[0], v[1]) for k, v in c["items"].items()},
            list(c["findings"]),
        )
        for c in data["cases"]
    ]
    for folder in data.get("also", []):
        for path in sorted((corpus / folder).glob("child-*.expected.json")):
            exp = json.loads(path.read_text(encoding="utf-8"))
            items = {i: ("missing", "dropped") for i in exp["missing"]}
            items.update({i: ("present", "copy") for i in exp["not_missing"]})
            child = path.with_name(path.name.replace(".expected.json", ".txt"))
            cases.append(
                Case(
                    corpus / folder / exp["parent"],
                    child,
                    "dev",
                    "implements",
                    items,
                    [f["code"] for f in exp["findings"]],
                    bool(exp.get("no_other_findings", True)),
                )
            )
    return cases


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Figures:
    cases: int = 0
    children: int = 0
    missing: Tally = field(default_factory=Tally)
    findings: Tally = field(default_factory=Tally)
    partial_right: int = 0
    partial_total: int = 0
    verdict_right: int = 0
    # one (message key, params) per wrong call, rendered in the reader's language
    errors: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "children": self.children,
            "missing_precision": round(self.missing.precision, 3),
            "missing_recall": round(self.missing.recall, 3),
            "partial_accuracy": round(self.partial_right / self.partial_total, 3)
            if self.partial_total
            else None,
            "finding_precision": round(self.findings.precision, 3),
            "finding_recall": round(self.findings.recall, 3),
            "verdict_accuracy": round(self.verdict_right / self.children, 3)
            if self.children
            else None,
        }


def evaluate(corpus: Path, *, lexical: bool = False, split: str | None = None) -> Figures:
    from . import align
    from .report import ParentPlan, check_child

    figures = Figures()
    parents: dict[Path, ParentPlan] = {}
    previous = align.SEMANTIC
    align.SEMANTIC = not lexical
    try:
        for case in load_cases(corpus):
            if split and case.split != split:
                continue
            if case.parent not in parents:
                parents[case.parent] = ParentPlan.load(str(case.parent))
            report = check_child(parents[case.parent], str(case.child))
            _score(case, report, figures)
    finally:
        align.SEMANTIC = previous
    return figures


def _score(case: Case, report: Any, figures: Figures) -> None:
    name = case.child.name
    figures.children += 1
    figures.verdict_right += report.verdict == case.verdict
    if report.verdict != case.verdict:
        figures.errors.append(
            ("evalcheck.wrong_verdict", {"name": name, "got": report.verdict, "want": case.verdict})
        )
    status = {c.parent_id: c.status for c in report.coverage}
    for item, (want, level) in case.items.items():
        got = status.get(item, "missing")
        figures.cases += 1
        if want == "missing" and got == "missing":
            figures.missing.tp += 1
        elif got == "missing":
            figures.missing.fp += 1
        elif want == "missing":
            figures.missing.fn += 1
        if want in ("covered", "partial") and got != "missing":
            figures.partial_total += 1
            figures.partial_right += got == want
        if (want == "missing") != (got == "missing") or (
            want in ("covered", "partial") and got != want
        ):
            figures.errors.append(
                (
                    "evalcheck.wrong_status",
                    {"name": name, "item": item, "level": level, "got": got, "want": want},
                )
            )
    raised = Counter(f.code for f in report.findings)
    planted = Counter(case.findings)
    hit = raised & planted
    figures.findings.tp += sum(hit.values())
    figures.findings.fn += sum((planted - raised).values())
    if case.exact_findings:
        figures.findings.fp += sum((raised - planted).values())
    for code, n in (planted - raised).items():
        figures.errors.append(("evalcheck.not_raised", {"name": name, "n": n, "code": code}))
    if case.exact_findings:
        for code, n in (raised - planted).items():
            figures.errors.append(("evalcheck.not_planted", {"name": name, "n": n, "code": code}))


def format_figures(name: str, fig: Figures, lang: str = "vi") -> str:
    """The figures of one matcher (`name`: semantic or lexical) as the console shows them."""
    from ..messages import number, render

    d = fig.as_dict()

    def ratio(key: str) -> str:
        return "–" if d[key] is None else number(d[key], lang, 3)

    lines = [
        render(
            "evalcheck.title",
            lang,
            matcher=render(f"evalcheck.matcher.{name}", lang),
            cases=d["cases"],
            children=d["children"],
        ),
        render("evalcheck.missing", lang, p=ratio("missing_precision"), r=ratio("missing_recall")),
        render("evalcheck.partial", lang, a=ratio("partial_accuracy")),
        render("evalcheck.findings", lang, p=ratio("finding_precision"), r=ratio("finding_recall")),
        render("evalcheck.verdict", lang, a=ratio("verdict_accuracy")),
    ]
    return "\n".join(lines)


# The message key that names each value of a wrong call, by the call's field.
_WORD_KEYS = {
    "got": "check.status.{}",
    "want": "check.status.{}",
    "level": "evalcheck.level.{}",
}
_VERDICT_KEY = "check.verdict.{}"


def format_errors(fig: Figures, lang: str = "vi") -> str:
    """One line per wrong call, statuses, verdicts, levels and finding codes in the reader's words."""
    from ..messages import MESSAGES, finding_label, render

    def word(key: str, field_name: str, value: Any) -> Any:
        if field_name == "code":
            return finding_label(value, lang)
        pattern = _VERDICT_KEY if key == "evalcheck.wrong_verdict" else _WORD_KEYS.get(field_name)
        if pattern and pattern.format(value) in MESSAGES:
            return render(pattern.format(value), lang)
        return value

    return "\n".join(
        "    " + render(key, lang, **{k: word(key, k, v) for k, v in params.items()})
        for key, params in fig.errors
    )
