"""Per-field accuracy of the parser against hand-written gold files.

A gold file `X.gold.json` stands beside its document `X.<ext>` and holds the fields a person read
off the document (see corpus/docs/README.md for the rules). Each field of each document scores
1 when the parse equals the gold after NFC and whitespace folding, else 0; list fields (bases,
recipients, top-level sections) score 1 only when the whole list matches.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Document
from .text.normalize import clean

_DOC_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".odt", ".rtf", ".png", ".jpg", ".tif")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value).rstrip(".").strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _base_key(b: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_norm(b.get(k)) for k in ("doc_type", "number", "symbol", "date", "issuer"))


# field name -> (value from the parse, value from the gold)
FIELDS: dict[str, Callable[[Document, dict[str, Any]], tuple[Any, Any]]] = {
    "doc_type.name": lambda d, g: (d.doc_type.name, g["doc_type"]["name"]),
    "doc_type.code": lambda d, g: (d.doc_type.code, g["doc_type"]["code"]),
    "number.number": lambda d, g: (d.number.number, g["number"]["number"]),
    "number.symbol": lambda d, g: (d.number.symbol, g["number"]["symbol"]),
    "number.type_code": lambda d, g: (d.number.type_code, g["number"]["type_code"]),
    "number.issuer_code": lambda d, g: (d.number.issuer_code, g["number"]["issuer_code"]),
    "number.year": lambda d, g: (d.number.year, g["number"]["year"]),
    "issued.place": lambda d, g: (d.issued.place, g["issued"]["place"]),
    "issued.date": lambda d, g: (d.issued.date, g["issued"]["date"]),
    "issuer.name": lambda d, g: (d.issuer.name, g["issuer"]["name"]),
    "issuer.parent": lambda d, g: (d.issuer.parent, g["issuer"]["parent"]),
    "national_header": lambda d, g: (d.national_header, g["national_header"]),
    "subject": lambda d, g: (d.subject, g["subject"]),
    "bases": lambda d, g: (
        sorted((_base_key(b.model_dump()) for b in d.bases), key=repr),
        sorted((_base_key(b) for b in g["bases"]), key=repr),
    ),
    "sections_top": lambda d, g: (
        [(s.id, s.role) for s in d.sections],
        [(s["id"], s["role"]) for s in g["sections_top"]],
    ),
    "recipients": lambda d, g: (d.recipients, g["recipients"]),
    "signer.authority": lambda d, g: (d.signer.authority, g["signer"]["authority"]),
    "signer.title": lambda d, g: (d.signer.title, g["signer"]["title"]),
    "signer.name": lambda d, g: (d.signer.name, g["signer"]["name"]),
}


@dataclass
class FieldResult:
    correct: int = 0
    total: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)  # (document, got, gold)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class EvalResult:
    fields: dict[str, FieldResult]
    documents: int
    failures: list[tuple[str, str]]  # (document, error)

    @property
    def overall(self) -> float:
        correct = sum(f.correct for f in self.fields.values())
        total = sum(f.total for f in self.fields.values())
        return correct / total if total else 1.0


def gold_pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs below `gold_dir`, sorted by path."""
    pairs = []
    for gold in sorted(gold_dir.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        doc = next(
            (gold.with_name(stem + s) for s in _DOC_SUFFIXES if gold.with_name(stem + s).exists()),
            None,
        )
        if doc is not None:
            pairs.append((doc, gold))
    return pairs


def evaluate(gold_dir: Path) -> EvalResult:
    from .pipeline import parse
    from .readers import ReadError

    results = {name: FieldResult() for name in FIELDS}
    failures: list[tuple[str, str]] = []
    pairs = gold_pairs(gold_dir)
    for doc_path, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            doc = parse(doc_path)
        except ReadError as exc:
            failures.append((str(doc_path), exc.message))
            continue
        for name, getter in FIELDS.items():
            try:
                got, want = getter(doc, gold)
            except KeyError:
                continue  # the gold does not annotate this field
            result = results[name]
            result.total += 1
            if _norm(got) == _norm(want):
                result.correct += 1
            else:
                result.misses.append((doc_path.name, got, want))
    return EvalResult(results, len(pairs), failures)
