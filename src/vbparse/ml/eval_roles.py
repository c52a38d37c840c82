"""Cross-validated evaluation of section roles: rules only, model only, and the combined
system (rules where they decide, the model elsewhere), on the top-level labelled sections.

Folds are made of whole documents: a section is never judged by a model trained on its own
document (the hand-written heading examples are always in training, never judged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import ROLES
from .data import LEXICON_GROUP, collect
from .features import Example

N_FOLDS = 10
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Scores:
    accuracy: float
    correct: int
    total: int
    f1: dict[str, float] = field(default_factory=dict)
    support: dict[str, int] = field(default_factory=dict)


def score(gold: list[str], predicted: list[str | None]) -> Scores:
    correct = sum(g == p for g, p in zip(gold, predicted, strict=False))
    f1: dict[str, float] = {}
    support: dict[str, int] = {}
    for role in ROLES:
        tp = sum(g == p == role for g, p in zip(gold, predicted, strict=False))
        n_gold = sum(g == role for g in gold)
        n_pred = sum(p == role for p in predicted)
        if n_gold or n_pred:
            f1[role] = 2 * tp / (n_gold + n_pred)
            support[role] = n_gold
    return Scores(correct / len(gold) if gold else 0.0, correct, len(gold), f1, support)


@dataclass
class Report:
    documents: int
    rules: Scores
    model: Scores
    combined: Scores
    threshold: float
    inherited_units: int
    errors: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        def s(x: Scores) -> dict[str, Any]:
            return {
                "accuracy": round(x.accuracy, 4),
                "correct": x.correct,
                "total": x.total,
                "f1": {k: round(v, 4) for k, v in x.f1.items()},
            }

        return {
            "cv": f"{min(N_FOLDS, self.documents)}-fold, grouped by document",
            "documents": self.documents,
            "sections": self.combined.total,
            "rules": s(self.rules),
            "model": s(self.model),
            "combined": s(self.combined),
            "threshold": self.threshold,
        }


def evaluate(root: Path, examples: list[Example] | None = None) -> Report:
    from .roles_model import fit, model_overrules_rule

    examples = examples if examples is not None else collect(root)
    groups = sorted({e.group for e in examples if e.group != LEXICON_GROUP})
    # Documents dealt round-robin into folds, in sorted order: deterministic.
    folds = [groups[k::N_FOLDS] for k in range(min(N_FOLDS, len(groups)))]
    predicted: dict[int, tuple[str, float]] = {}
    for held_out in folds:
        train = [e for e in examples if e.group not in held_out]
        test = [(i, e) for i, e in enumerate(examples) if e.group in held_out]
        model = fit(train)
        for (i, _), p in zip(test, model.predict([e.view for _, e in test]), strict=False):
            predicted[i] = p

    units = [(i, e) for i, e in enumerate(examples) if e.top and e.explicit]
    gold = [e.role for _, e in units]
    rules = [e.rule_role for _, e in units]
    # The model never predicts articles (see roles_model.fit); Điều are articles by structure.
    model_only = [("articles" if e.view.kind == "article" else predicted[i][0]) for i, e in units]
    combined = [
        e.rule_role
        if e.rule_certain
        or (e.rule_role and not model_overrules_rule(e.rule_confidence, predicted[i][1]))
        else predicted[i][0]
        for i, e in units
    ]

    # The threshold above which the model may overrule an inherited role: the best on held-out
    # children, preferring the higher threshold on ties (the safer one).
    children = [(i, e) for i, e in enumerate(examples) if not e.top and e.inherited is not None]

    def child_accuracy(t: float) -> int:
        return sum(
            (predicted[i][0] if predicted[i][1] >= t else e.inherited) == e.role
            for i, e in children
        )

    threshold = max(THRESHOLDS, key=lambda t: (child_accuracy(t), t))
    errors = [
        {
            "document": e.group,
            "heading": e.view.heading[:60],
            "opening": e.view.opening[:60],
            "gold": e.role,
            "rules": e.rule_role,
            "model": predicted[i][0],
            "confidence": round(predicted[i][1], 3),
        }
        for (i, e), c in zip(units, combined, strict=False)
        if c != e.role
    ]
    return Report(
        len(groups),
        score(gold, rules),
        score(gold, model_only),  # type: ignore[arg-type]
        score(gold, combined),
        threshold,
        len(children),
        errors,
    )


def format_report(report: Report, lang: str = "vi") -> str:
    """The report as the console shows it, in `lang` (the roles by their labels)."""
    from ..messages import number, percent, render, role_label

    systems = (report.rules, report.model, report.combined)
    shown = [r for r in ROLES if r in report.combined.support or r in report.rules.f1]
    rows = [("accuracy", render("roles.accuracy", lang))]
    rows += [(r, "F1 " + role_label(r, lang)) for r in shown]
    width = max(len(name) for _, name in rows) + 2
    head = [render(f"roles.col.{k}", lang) for k in ("rules", "model", "combined", "support")]
    lines = [
        render(
            "roles.title",
            lang,
            folds=N_FOLDS,
            documents=report.documents,
            sections=report.combined.total,
        ),
        "",
        " " * width + "".join(f"{h:>14}" for h in head),
    ]
    for role, name in rows:
        if role == "accuracy":
            cells = [percent(s.accuracy, lang) for s in systems]
            support = report.combined.total
        else:
            cells = [number(s.f1.get(role, 0.0), lang, 3) for s in systems]
            support = report.combined.support.get(role, 0)
        lines.append(f"{name:<{width}}" + "".join(f"{c:>14}" for c in cells) + f"{support:>14}")
    lines.append("")
    lines.append(
        render(
            "roles.threshold",
            lang,
            threshold=number(report.threshold, lang, 2),
            units=report.inherited_units,
        )
    )
    if report.errors:
        lines.append(render("roles.errors", lang))
        for e in report.errors:
            where = repr(e["heading"] or e["opening"])
            lines.append(
                "  "
                + render(
                    "roles.error",
                    lang,
                    document=e["document"],
                    where=where,
                    gold=role_label(e["gold"], lang),
                    rules=role_label(e["rules"], lang),
                    model=role_label(e["model"], lang),
                    confidence=number(e["confidence"], lang, 3),
                )
            )
    return "\n".join(lines)
