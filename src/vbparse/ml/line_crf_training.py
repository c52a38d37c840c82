"""Training the line CRF (`vbparse.ml.line_crf`): `vbparse train lines`.

Labels come by distant supervision: the gold values of a document are matched to its lines
(accents, case and punctuation ignored, fuzzy for OCR). Training uses the gold documents of
corpus/docs and the dev split of corpus/real and corpus/unseen, clean and through the damage of
`vbparse.variants`. Kept apart from the model's use because it runs the pipeline, which uses the
model: a parse never imports this module.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cues
from ..extract.tagging import LineTags
from .line_crf import CLOSING_LABELS, HEADER_LABELS, features, folded, forget_models, tag

# crfsuite's L-BFGS with elastic net; fixed so that training is reproducible
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
WHOLE = 0.85  # a line is a value when its letters are this similar to it
WITHIN = 0.8  # a line is part of a value when this share of its words are in it
# The Quốc hiệu and Tiêu ngữ as `folded` writes them.
_NATIONAL = " ".join(cues.NATIONAL_WORDS).lower()
_MOTTO = " ".join(cues.MOTTO_WORDS).lower()
_PREFIX = re.compile(r"^(?:v\s*v|ve viec)\s+")


# --- distant supervision ------------------------------------------------------------------------


def _whole(line: str, value: str | None) -> bool:
    if not value:
        return False
    m = difflib.SequenceMatcher(None, line, value, autojunk=False)
    # the quick upper bounds first: most lines are nowhere near the value's length
    return m.real_quick_ratio() >= WHOLE and m.quick_ratio() >= WHOLE and m.ratio() >= WHOLE


def _within(line: str, value: str | None) -> float:
    """Share of the line's words found, in order, in `value` (0 when the line is too short)."""
    words = line.split()
    if not value or not words or len(line) < 3:
        return 0.0
    if line in value:
        return 1.0
    blocks = difflib.SequenceMatcher(None, words, value.split(), autojunk=False)
    return sum(b.size for b in blocks.get_matching_blocks()) / len(words)


@dataclass
class _Gold:
    """The values of one document, folded."""

    number: str
    number_digits: str | None
    year: str | None
    doc_type: str
    issuer: str
    parent: str
    subject: str
    addressees: list[str]
    authority: str
    title: str
    name: str
    recipients: list[str]

    @classmethod
    def of(cls, g: dict[str, Any]) -> _Gold:
        num = g.get("number") or {}
        date = (g.get("issued") or {}).get("date") or ""
        signer = g.get("signer") or {}
        issuer = g.get("issuer") or {}
        return cls(
            number=re.sub(r"\W", "", folded(num.get("symbol") or "")),
            number_digits=num.get("number"),
            year=date[:4] or None,
            doc_type=folded((g.get("doc_type") or {}).get("name") or ""),
            issuer=folded(issuer.get("name") or ""),
            parent=folded(issuer.get("parent") or ""),
            subject=_PREFIX.sub("", folded(g.get("subject") or "")),
            addressees=[folded(a) for a in g.get("addressees") or []],
            authority=folded(signer.get("authority") or ""),
            title=folded(signer.get("title") or ""),
            name=folded(signer.get("name") or ""),
            recipients=[folded(r) for r in g.get("recipients") or []],
        )


def _header_label(t: LineTags, line: str, g: _Gold, seen: dict[str, int]) -> str | None:
    compact = line.replace(" ", "")
    numbered = t.has("number") or compact.startswith("so")  # not a citation of the number
    if numbered and g.number in compact and (not g.number_digits or g.number_digits in line):
        return "number"
    if t.has("number") and "number" not in seen:
        return "number"  # the first Số line, its ký hiệu perhaps misread
    if (t.has("place_date") or t.has("date")) and (g.year is None or g.year in line):
        return "place_date"
    short = len(line) <= len(_NATIONAL) + len(_MOTTO)
    if _whole(line, _NATIONAL) or (t.has("national") and short):
        return "national"
    if _whole(line, _MOTTO) or (t.has("motto") and short):
        return "motto"
    if "type" not in seen and g.doc_type and _whole(line, g.doc_type):
        return "type"  # only once: a later "QUYẾT ĐỊNH:" opens the articles
    subject = _within(_PREFIX.sub("", line), g.subject)
    issuer, parent = _within(line, g.issuer), _within(line, g.parent)
    # a subject line continues the header: it stands right under a labelled header line
    near = bool(seen) and t.index - max(seen.values()) <= 2
    if subject >= WITHIN and near and ("type" in seen or "number" in seen or t.has("vv")):
        return "subject"
    if max(issuer, parent) >= WITHIN and t.has("upper"):
        return "issuer" if issuer >= parent else "issuer_parent"
    if subject >= WITHIN and near:
        return "subject"
    if "type" not in seen and g.doc_type and line.startswith(g.doc_type + " ") and t.has("upper"):
        return "type"  # "KẾ HOẠCH TỔ CHỨC …": the type with its subject run on
    if t.has("addressee"):
        return "addressee"
    if "addressee" in seen and any(_whole(line, a) or _within(line, a) >= 1 for a in g.addressees):
        return "addressee"
    return None


def _closing_label(t: LineTags, line: str, g: _Gold) -> str | None:
    bare = re.sub(r"^[-+•]\s*", "", line)
    if t.has("recipients") or any(_whole(bare, r) for r in g.recipients):
        return "recipients"
    if _whole(line, g.title):
        return "title"
    if g.authority and _within(line, g.authority) >= 1 and (t.has("sign_prefix") or len(line) > 4):
        return "authority"
    if _whole(line, g.name):
        return "name"
    return None


def label(seq: list[LineTags], gold: dict[str, Any]) -> list[str]:
    """The label of every line of `seq` implied by the values in `gold` (a gold file, or a
    parse dumped the same way). A line is tried as a header line first in the top half of the
    document, as a closing line first in the bottom half."""
    g = _Gold.of(gold)
    n = seq[-1].index + 1 if seq else 0
    out: list[str | None] = []
    seen: dict[str, int] = {}  # header label -> last line it was given to
    for t in seq:
        line = folded(t.text)
        found = None
        if line and t.index < n / 2:
            found = _header_label(t, line, g, seen) or _closing_label(t, line, g)
        elif line:
            found = _closing_label(t, line, g) or _header_label(t, line, g, seen)
        if found in HEADER_LABELS:
            seen[found] = t.index
        out.append(found)
    head = [i for i, lab in enumerate(out) if lab in HEADER_LABELS]
    tail = [i for i, lab in enumerate(out) if lab in CLOSING_LABELS and (not head or i > head[0])]
    first_tail = tail[0] if tail else len(seq)
    last_head = max((i for i in head if i < first_tail), default=-1)
    return [lab or ("body" if last_head < i < first_tail else "other") for i, lab in enumerate(out)]


# --- data ---------------------------------------------------------------------------------------


@dataclass
class Example:
    """The tagged lines of one (perhaps damaged) document with their labels."""

    group: str  # source folder: what cross-validation holds out together
    name: str
    variant: str  # "clean" or the name of a text variant
    seq: list[LineTags]
    gold: dict[str, Any]
    values: dict[str, Any]  # what the hand-weighted parse read
    labels: list[str] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)  # the labels the parse's values imply

    def __post_init__(self) -> None:
        self.labels = label(self.seq, self.gold)
        self.parsed = label(self.seq, self.values)


GOLD_SETS = ("corpus/docs", "corpus/real", "corpus/unseen")


def _holdout(folder: Path) -> set[str]:
    table = folder / "SPLIT.tsv"
    if not table.exists():
        return set()
    with table.open(encoding="utf-8") as fh:
        return {r["file"] for r in csv.DictReader(fh, delimiter="\t") if r["split"] == "holdout"}


def training_documents(root: Path) -> Iterator[tuple[str, Path, Path]]:
    """(group, document, gold) of every gold document that may be trained on: never one of the
    holdout split."""
    from ..evaluation import gold_pairs

    for name in GOLD_SETS:
        folder = root / name
        held = _holdout(folder)
        for doc, gold in gold_pairs(folder):
            rel = doc.relative_to(folder)
            if str(rel) in held:
                continue
            yield f"{name}/{rel.parts[0] if len(rel.parts) > 1 else ''}", doc, gold


def _sequence(ctx: Any) -> list[LineTags]:
    return [ctx.tags[p] for p in sorted(ctx.tags)]


def collect(root: Path, *, variants: bool = True) -> list[Example]:
    """Every training document parsed, clean and (digital ones) through each text variant."""
    import tempfile

    from ..pipeline import run_pipeline
    from ..readers import ReadError, Zone, read
    from ..variants import TEXT_VARIANTS

    out: list[Example] = []
    for group, path, gold_path in training_documents(root):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            raw = read(path)
        except ReadError:
            continue
        todo = [("clean", raw)]
        if variants and not any(p.method == "ocr" for p in raw.pages):
            lines = [ln for ln in raw.lines if ln.zone is not Zone.META]
            with tempfile.TemporaryDirectory(prefix="vbparse-crf-") as tmp:
                for vname, make in TEXT_VARIANTS.items():
                    file = Path(tmp) / (vname + (".md" if vname == "markdown_table" else ".txt"))
                    file.write_text(make(lines), encoding="utf-8")
                    try:
                        todo.append((vname, read(file)))
                    except ReadError:
                        continue
        for vname, r in todo:
            ctx = run_pipeline(r)
            seq = _sequence(ctx)
            if not seq:
                continue
            name = str(path.relative_to(root))
            out.append(Example(group, name, vname, seq, gold, ctx.doc.model_dump()))
    return out


def data_hash(root: Path) -> str:
    """sha256 over the gold files and documents trained on: the training data's version."""
    h = hashlib.sha256()
    for _group, doc, gold in training_documents(root):
        for p in (doc, gold):
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


# --- training and cross-validation --------------------------------------------------------------


def fit(examples: list[Example], path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples:
        trainer.append(features(ex.seq), ex.labels)
    trainer.set_params(PARAMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    forget_models()


@dataclass
class CvReport:
    folds: int = 0
    lines: int = 0
    crf: int = 0  # lines the CRF labels as the gold does
    parse: int = 0  # lines the hand-weighted parse's values imply the gold label for
    variant_lines: int = 0
    variant_crf: int = 0
    variant_parse: int = 0
    per_label: dict[str, list[int]] = field(default_factory=dict)  # label -> [n, crf, parse]

    def as_dict(self) -> dict[str, Any]:
        def rate(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "folds": self.folds,
            "lines": self.lines,
            "crf_accuracy": rate(self.crf, self.lines),
            "parse_accuracy": rate(self.parse, self.lines),
            "variant_lines": self.variant_lines,
            "variant_crf_accuracy": rate(self.variant_crf, self.variant_lines),
            "variant_parse_accuracy": rate(self.variant_parse, self.variant_lines),
            "per_label": {
                k: {"n": v[0], "crf": rate(v[1], v[0]), "parse": rate(v[2], v[0])}
                for k, v in sorted(self.per_label.items())
            },
        }


def fold_model(work: Path, group: str) -> Path:
    """Where cross-validation keeps the model trained without `group`."""
    return work / (re.sub(r"\W+", "_", group).strip("_") + ".crfsuite")


def cross_validate(examples: list[Example], work: Path) -> CvReport:
    """Leave one source folder out: train on the others, label its documents."""
    report = CvReport()
    for group in sorted({ex.group for ex in examples}):
        model = fold_model(work, group)
        fit([ex for ex in examples if ex.group != group], model)
        report.folds += 1
        for ex in (ex for ex in examples if ex.group == group):
            got = tag(ex.seq, model)
            for want, crf, parsed in zip(ex.labels, got, ex.parsed, strict=True):
                if ex.variant == "clean":
                    report.lines += 1
                    report.crf += crf == want
                    report.parse += parsed == want
                    row = report.per_label.setdefault(want, [0, 0, 0])
                    row[0] += 1
                    row[1] += crf == want
                    row[2] += parsed == want
                else:
                    report.variant_lines += 1
                    report.variant_crf += crf == want
                    report.variant_parse += parsed == want
    forget_models()
    return report
