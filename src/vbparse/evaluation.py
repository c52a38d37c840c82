"""Per-field accuracy of the parser against hand-written gold files.

A gold file `X.gold.json` stands beside its document `X.<ext>` and holds the fields a person read
off the document (see corpus/docs/README.md for the rules). Each field of each document scores
1 when the parse equals the gold after NFC and whitespace folding, else 0; list fields (bases,
recipients, top-level sections) score 1 only when the whole list matches.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cues import SIGN_PREFIX_CANON
from .model import Document
from .text.normalize import clean

_DOC_SUFFIXES = (
    ".txt", ".md", ".html", ".htm", ".docx", ".doc", ".pdf", ".odt", ".rtf", ".png", ".jpg", ".tif"
)  # fmt: skip


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value).rstrip(".").strip()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


_ABOUT = re.compile(r"^\s*(?:V/v|Về\s+việc)\s*:?\s*", re.IGNORECASE)


def _subject(text: str | None) -> str | None:
    """A trích yếu compares without its "Về việc"/"V/v" lead: documents and annotators differ in
    whether it belongs to it."""
    return _ABOUT.sub("", text) if text else text


_PREFIX_SPACE = re.compile(rf"\b({SIGN_PREFIX_CANON})\.\s*")


def _authority(text: str | None) -> str | None:
    """ "KT.GIÁM ĐỐC" and "KT. GIÁM ĐỐC" are one authority line: the space is typing, not text."""
    return _PREFIX_SPACE.sub(r"\1. ", text) if text else text


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
    "motto": lambda d, g: (d.motto, g["motto"]),
    "party_header": lambda d, g: (d.party_header, g["party_header"]),
    "subject": lambda d, g: (_subject(d.subject), _subject(g["subject"])),
    "bases": lambda d, g: (
        sorted((_base_key(b.model_dump()) for b in d.bases), key=repr),
        sorted((_base_key(b) for b in g["bases"]), key=repr),
    ),
    "sections_top": lambda d, g: (
        [(s.id, s.role) for s in d.sections],
        [(s["id"], s["role"]) for s in g["sections_top"]],
    ),
    "recipients": lambda d, g: (d.recipients, g["recipients"]),
    "signer.authority": lambda d, g: (
        _authority(d.signer.authority),
        _authority(g["signer"]["authority"]),
    ),
    "signer.title": lambda d, g: (d.signer.title, g["signer"]["title"]),
    "signer.name": lambda d, g: (d.signer.name, g["signer"]["name"]),
}


def _norm_set(values: list[Any]) -> list[Any]:
    return [_norm(v) for v in values]


def _base_match_key(b: dict[str, Any]) -> tuple[Any, ...]:
    """A cited document is the same one when its number and symbol agree; one without a number
    (a law named by its title) when its type and date agree."""
    number, symbol = _norm(b.get("number")), _norm(b.get("symbol"))
    if number or symbol:
        return ("n", number, symbol)
    return ("t", _norm(b.get("doc_type")), _norm(b.get("date")))


# field name -> (items from the parse, items from the gold): scored by precision, recall, F1
LIST_FIELDS: dict[str, Callable[[Document, dict[str, Any]], tuple[list[Any], list[Any]]]] = {
    "recipients_f1": lambda d, g: (_norm_set(d.recipients), _norm_set(g["recipients"])),
    "sections_f1": lambda d, g: (
        [_norm(s.id) for s in d.sections],
        [_norm(s["id"]) for s in g["sections_top"]],
    ),
    "bases_f1": lambda d, g: (
        [_base_match_key(b.model_dump()) for b in d.bases],
        [_base_match_key(b) for b in g["bases"]],
    ),
    "addressees_f1": lambda d, g: (_norm_set(d.addressees), _norm_set(g["addressees"])),
}


def _roles(d: Document, g: dict[str, Any]) -> tuple[int, int]:
    """(right, total) roles of the gold's top-level sections that the parse found."""
    got = {_norm(s.id): s.role for s in d.sections}
    pairs = [(got[_norm(s["id"])], s["role"]) for s in g["sections_top"] if _norm(s["id"]) in got]
    return sum(a == b for a, b in pairs), len(pairs)


@dataclass
class FieldResult:
    correct: int = 0
    total: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)  # (document, got, gold)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class ListResult:
    """Micro-averaged over documents: every item of every document counts once."""

    true_pos: int = 0
    found: int = 0
    expected: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, name: str, got: list[Any], want: list[Any]) -> None:
        remaining = list(want)
        hits = 0
        for item in got:
            if item in remaining:
                remaining.remove(item)
                hits += 1
        self.true_pos += hits
        self.found += len(got)
        self.expected += len(want)
        if hits != len(got) or hits != len(want):
            self.misses.append((name, got, want))


@dataclass
class EvalResult:
    fields: dict[str, FieldResult]
    documents: int
    failures: list[tuple[str, str]]  # (document, error)
    lists: dict[str, ListResult] = field(default_factory=dict)
    groups: dict[str, EvalResult] = field(default_factory=dict)  # per source class

    @property
    def overall(self) -> float:
        correct = sum(f.correct for f in self.fields.values())
        total = sum(f.total for f in self.fields.values())
        return correct / total if total else 1.0

    def figure(self, name: str) -> tuple[float, int]:
        """(score, count) of a field by name: accuracy of a scalar, F1 of a list field."""
        if name in self.fields:
            return self.fields[name].accuracy, self.fields[name].total
        lst = self.lists[name]
        return lst.f1, lst.expected


Parser = Callable[[Path], Document]


def gold_pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs below `gold_dir`, sorted by path."""
    pairs = []
    for gold in sorted(gold_dir.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        # Suffixes are matched case-blind: archives hold "X.DOC" beside "Y.doc".
        siblings = {p.name.lower(): p for p in gold.parent.glob(glob.escape(stem) + ".*")}
        doc = next(
            (siblings[(stem + s).lower()] for s in _DOC_SUFFIXES if (stem + s).lower() in siblings),
            None,
        )
        if doc is not None:
            pairs.append((doc, gold))
    return pairs


def source_class(doc_path: Path, gold_dir: Path, doc: Document) -> list[str]:
    """The classes a document is reported under: its folder below the gold folder, and "scan"
    when any of its pages was read by OCR, else "digital"."""
    rel = doc_path.relative_to(gold_dir).parts
    classes = [rel[0] if len(rel) > 1 else "."]
    scanned = any(p.get("method") == "ocr" for p in doc.source.pages)
    classes.append("scan" if scanned else "digital")
    return classes


def _score(result: EvalResult, name: str, doc: Document, gold: dict[str, Any]) -> None:
    for field_name, getter in FIELDS.items():
        try:
            got, want = getter(doc, gold)
        except KeyError:
            continue  # the gold does not annotate this field
        fr = result.fields[field_name]
        fr.total += 1
        if _norm(got) == _norm(want):
            fr.correct += 1
        else:
            fr.misses.append((name, got, want))
    for list_name, list_getter in LIST_FIELDS.items():
        try:
            items, wanted = list_getter(doc, gold)
        except KeyError:
            continue
        result.lists[list_name].add(name, items, wanted)
    if "sections_top" in gold:
        right, total = _roles(doc, gold)
        roles = result.fields["section_roles"]
        roles.correct += right
        roles.total += total
        if right != total:
            roles.misses.append(
                (name, [(s.id, s.role) for s in doc.sections], gold["sections_top"])
            )


def _empty() -> EvalResult:
    fields = {name: FieldResult() for name in FIELDS}
    fields["section_roles"] = FieldResult()
    return EvalResult(fields, 0, [], {name: ListResult() for name in LIST_FIELDS})


def evaluate(
    gold_dir: Path, *, parser: Parser | None = None, only: Callable[[Path], bool] | None = None
) -> EvalResult:
    """Parse every document of `gold_dir` that has gold beside it and score it, overall and per
    source class. `parser` replaces vbparse's own (the regex baseline); `only` selects files."""
    from .readers import ReadError

    if parser is None:
        from .pipeline import parse

        parser = parse
    total = _empty()
    pairs = [p for p in gold_pairs(gold_dir) if only is None or only(p[0])]
    for doc_path, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = str(doc_path.relative_to(gold_dir))
        try:
            doc = parser(doc_path)
        except ReadError as exc:
            total.failures.append((name, exc.message))
            continue
        total.documents += 1
        _score(total, name, doc, gold)
        for cls in source_class(doc_path, gold_dir, doc):
            group = total.groups.setdefault(cls, _empty())
            group.documents += 1
            _score(group, name, doc, gold)
    total.documents = len(pairs)
    return total
