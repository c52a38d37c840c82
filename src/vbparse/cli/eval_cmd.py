"""vbparse eval GOLD_DIR : per-field accuracy (and F1 of list fields) against gold files."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from .options import add_common_options

# The table's own words (the field names are codes, as in the JSON): (vi, en).
_WORDS = {
    "field": ("trường", "field"),
    "n": ("số", "n"),
    "score": ("điểm", "score"),
    "all": ("CHUNG (trường đơn)", "ALL (scalar fields)"),
    "documents": ("văn bản", "documents"),
    "failed": ("lỗi", "failed"),
    "no_gold": (
        "không có văn bản nào kèm tệp .gold.json",
        "no document with a .gold.json beside it",
    ),
    "not_folder": ("không phải thư mục", "not a folder"),
    "got": ("đọc được", "got"),
    "gold": ("bản chuẩn", "gold"),
    "clean": ("bản gốc", "clean"),
    # the --variants table: its first column holds the variants' code names
    "variant": ("biến thể", "variant"),
    "docs": ("văn bản", "docs"),
    "doc_type": ("tên loại", "doc_type"),
    "number": ("số, ký hiệu", "number"),
    "date": ("ngày", "date"),
    "place": ("địa danh", "place"),
    "issuer": ("cơ quan", "issuer"),
    "subject": ("trích yếu", "subject"),
    "signer.name": ("người ký", "signer.name"),
    "signer.title": ("chức vụ", "signer.title"),
    "recipients": ("nơi nhận", "recipients"),
    "bases": ("căn cứ", "bases"),
    "sections": ("các mục", "sections"),
}


def _w(key: str, args: argparse.Namespace) -> str:
    vi, en = _WORDS[key]
    return vi if args.lang == "vi" else en


# The fields in the order a report lists them, with what each figure is.
REPORT_FIELDS = (
    "doc_type.name", "doc_type.code", "number.number", "number.symbol", "number.type_code",
    "number.issuer_code", "issued.date", "issued.place", "issuer.name", "issuer.parent",
    "national_header", "motto", "party_header", "subject", "signer.authority", "signer.title", "signer.name",
    "recipients_f1", "addressees_f1", "sections_f1", "section_roles", "bases_f1",
    "recipients", "sections_top", "bases",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="measure per-field accuracy against gold annotations",
        description="Parse every document in GOLD_DIR (recursively) that has a gold file "
        "'NAME.gold.json' beside it and print per field the accuracy (scalar fields) or F1 "
        "(fields ending in _f1: recipients, sections, căn cứ), overall and per source class "
        "(the first folder below GOLD_DIR; 'scan' for documents read by OCR, 'digital' for the others).",
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    add_common_options(p, settings=True)
    p.add_argument("--misses", action="store_true", help="list every wrong value (got vs gold)")
    p.add_argument(
        "--baseline",
        choices=("regex",),
        help="measure the 30-line regex baseline instead of the parser",
    )
    p.add_argument(
        "--split",
        choices=("dev", "holdout", "all"),
        default="all",
        help="only the files that GOLD_DIR/SPLIT.tsv puts in this part (default: all)",
    )
    p.add_argument("--groups", action="store_true", help="also print one column per source class")
    p.add_argument(
        "--variants",
        action="store_true",
        help="noise harness: parse every gold document again after damage (columns "
        "interleaved, lines wrapped, dashes dropped, header as a Markdown table) and print how "
        "often each field is the same as on the clean document",
    )
    p.add_argument(
        "--render",
        action="store_true",
        help="with --variants: also docx → LibreOffice → PDF → pdftotext / the PDF reader",
    )
    p.add_argument(
        "--ocr", action="store_true", help="with --render: also OCR of the page at 200 dpi"
    )
    p.set_defaults(func=run)


def _selector(root: Path, split: str) -> Any:
    table = root / "SPLIT.tsv"
    if split == "all" or not table.exists():
        return None
    with table.open(encoding="utf-8") as fh:
        chosen = {
            row["file"] for row in csv.DictReader(fh, delimiter="\t") if row["split"] == split
        }
    return lambda path: str(path.relative_to(root)) in chosen


def run(args: argparse.Namespace) -> int:
    from ..evaluation import Parser, evaluate

    root = Path(args.gold_dir)
    if not root.is_dir():
        print(f"vbparse: {root}: {_w('not_folder', args)}", file=sys.stderr)
        return 2
    if args.variants:
        return _run_variants(root, args)
    parser: Parser | None = None
    if args.baseline == "regex":
        from ..baseline import parse as regex_parse

        parser = regex_parse
    result = evaluate(root, parser=parser, only=_selector(root, args.split))
    if result.documents == 0:
        print(f"vbparse: {root}: {_w('no_gold', args)}", file=sys.stderr)
        return 2
    groups = sorted(result.groups) if args.groups else []
    head = f"{_w('field', args):<20} {_w('n', args):>5} {_w('score', args):>7}"
    print(head + "".join(f" {g[:9]:>9}" for g in groups))
    for name in REPORT_FIELDS:
        score, count = result.figure(name)
        if not count:
            continue
        cells = []
        for g in groups:
            gs, gc = result.groups[g].figure(name)
            cells.append(f" {_num(gs, args, 2):>9}" if gc else f" {'-':>9}")
        print(f"{name:<20} {count:>5} {_num(score, args, 3):>7}" + "".join(cells))
    overall = "".join(f" {_num(result.groups[g].overall, args, 2):>9}" for g in groups)
    print(f"{_w('all', args):<20} {'':>5} {_num(result.overall, args, 3):>7}" + overall)
    docs = "".join(f" {result.groups[g].documents:>9}" for g in groups)
    print(f"{_w('documents', args):<20} {result.documents:>5} {'':>7}" + docs)
    for path, error in result.failures:
        print(f"{_w('failed', args)}: {path}: {error}")
    if args.misses:
        for name in REPORT_FIELDS:
            fr = result.fields.get(name) or result.lists.get(name)
            for doc, got, want in fr.misses if fr else []:
                print(f"\n[{name}] {doc}")
                print(f"   {_w('got', args)}: {got!r}\n   {_w('gold', args)}: {want!r}")
    return 1 if result.failures else 0


def _num(value: float, args: argparse.Namespace, digits: int) -> str:
    """0.975 as 0,975 in Vietnamese: fixed digits, so the column stays aligned."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if args.lang == "vi" else text


def _run_variants(root: Path, args: argparse.Namespace) -> int:
    from ..evaluation import gold_pairs
    from ..variants import COMPARED, run_variants

    select = _selector(root, args.split)
    docs = [d for d, _ in gold_pairs(root) if select is None or select(d)]
    table = run_variants(docs, render=args.render, ocr=args.ocr)
    keys = list(COMPARED)
    head = "".join(f" {_w(k, args)[:11]:>11}" for k in keys)
    print(f"{_w('variant', args):<18}" + head + f" {_w('docs', args):>8}")
    for name, fields in table.items():
        n = max(a.total for a in fields.values())
        cells = "".join(f" {_num(fields[k].rate, args, 2):>11}" for k in keys)
        print(f"{name:<18}" + cells + f" {n:>8}")
    if args.misses:
        for name, fields in table.items():
            for key, a in fields.items():
                for doc, got, want in a.differ:
                    print(f"\n[{name} {key}] {doc}")
                    print(f"   {_w('got', args)}: {got!r}\n   {_w('clean', args)}: {want!r}")
    return 0
