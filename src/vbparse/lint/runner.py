"""`vbparse lint`: check one document's form against Nghị định 30/2020/NĐ-CP (Phụ lục I, III) and
its own consistency, with findings a clerk can act on.

The runner parses the file once, hands the Document and the reader's lines to each rule family
(`check/rules/*.py`) through a LintContext, and collects Findings. Every finding has a stable
code, a severity, where it stands (source line and quoted text), a message in Vietnamese or
English (`check/messages.py`) and, where one exists, the text to write instead.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from ..model import Document
from ..pipeline import parse_raw
from ..readers import RawDocument, read
from .lexicon import lexicon
from .model import (
    CODES,
    LINT_SCHEMA_VERSION,
    SEVERITIES,
    FileReport,
    Finding,
    Lang,
    LintContext,
    LintOutput,
    Rule,
    Severity,
    all_caps,
    line_number,
    lint_json_schema,
)

__all__ = [
    "CODES",
    "LINT_SCHEMA_VERSION",
    "SEVERITIES",
    "FileReport",
    "Finding",
    "Lang",
    "LintContext",
    "LintOutput",
    "Rule",
    "Severity",
    "all_caps",
    "line_number",
    "lint_json_schema",
    "lint_path",
    "lint_raw",
]


def _rules() -> list[tuple[str, Rule]]:
    from .form import check as form
    from .form import signing, stray
    from .rules import citations, components, dates, names, numbers, outline, phrases, words

    return [
        ("components", components.check),
        ("form", form.check),
        ("signing", signing.check),
        ("stray_character", stray.check),
        ("numbers", numbers.check),
        ("dates", dates.check),
        ("phrases", phrases.check),
        ("names", names.check),
        ("repeated_word", words.check_repeated),
        ("citations", citations.check),
        ("outline", outline.check),
        ("spelling", words.check_spelling),
    ]


def clear_caches() -> None:
    """Forget what the rules cached from earlier documents (see lexicon.clear_caches)."""
    from . import lexicon as lexicon_module
    from .rules import words

    lexicon_module.clear_caches()
    words.best_variant.cache_clear()


RULE_FAMILIES: tuple[str, ...] = (
    "components",
    "form",
    "signing",
    "stray_character",
    "numbers",
    "dates",
    "phrases",
    "names",
    "repeated_word",
    "citations",
    "outline",
    "spelling",
)


def lint_raw(
    raw: RawDocument,
    *,
    lang: Lang = "vi",
    today: date | None = None,
    spelling: bool = True,
    doc: Document | None = None,
) -> FileReport:
    """Lint one read document. `spelling=False` skips the one rule that needs the dictionary."""
    timing: dict[str, float] = {}
    t0 = time.process_time()
    if doc is None:
        doc = parse_raw(raw)
    timing["parse"] = _ms(t0)
    ctx = LintContext(raw=raw, doc=doc, lang=lang, today=today or date.today())
    # Loading the lexicon and importing the rules happen once per process: their cost is their
    # own, not the first document's.
    t = time.process_time()
    lexicon()
    rules = _rules()
    timing["setup"] = _ms(t)
    t_rules = time.process_time()
    ctx.phrases()  # one tokenisation, shared by the text rules
    timing["tokenise"] = _ms(t_rules)
    for name, rule in rules:
        if name == "spelling" and not spelling:
            continue
        t = time.process_time()
        rule(ctx)
        timing[name] = _ms(t)
    timing["rules"] = _ms(t_rules)
    findings = sorted(
        ctx.findings, key=lambda f: (f.index if f.index is not None else -1, f.start or 0, f.code)
    )
    counts = {sev: sum(f.severity == sev for f in findings) for sev in SEVERITIES}
    return FileReport(file=raw.path, findings=findings, counts=counts, timing_ms=timing)


def lint_path(path: str | Path, **options: object) -> FileReport:
    """Read and lint one file. Raises readers.ReadError when it cannot be read."""
    return lint_raw(read(path), **options)  # type: ignore[arg-type]


def _ms(t0: float) -> float:
    # CPU time: what lint itself costs, whatever else loads the machine.
    return round((time.process_time() - t0) * 1000, 3)
