"""vbparse export DB --to FILE : a registry as a spreadsheet, one row per document."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write a registry as a spreadsheet (.xlsx or .csv)",
        description="Write one row per document of a registry made by 'vbparse batch' (or of its "
        ".jsonl output): số/ký hiệu, date, type, issuer, subject, signer, number of recipients, "
        "file, status and, for failed files, the reason. CSV is UTF-8 with a byte order mark, "
        "so Excel shows Vietnamese correctly.",
    )
    p.add_argument("db", metavar="DB", help="registry (.sqlite, .db) or batch output (.jsonl)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="FILE", help="spreadsheet: FILE.xlsx or FILE.csv")
    target.add_argument(
        "--corrections",
        metavar="DIR",
        help="instead: write the documents corrected in 'vbparse serve' as gold annotations "
        "(DIR/NAME.gold.json, the format of corpus/docs/README.md) with each document beside its "
        "gold, ready for 'vbparse eval DIR'",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.corrections:
        return _corrections(args)
    from ..batch.export import ExportError, export

    try:
        count = export(args.db, args.to)
    except ExportError as exc:
        print(f"vbparse export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"vbparse export: {args.to}: cannot be written ({exc.strerror or exc})", file=sys.stderr
        )
        return 2
    print(f"{count} documents → {args.to}")
    return 0


def _corrections(args: argparse.Namespace) -> int:
    from ..batch.corrections import export_gold
    from ..batch.registry import RegistryError

    try:
        count, missing = export_gold(args.db, args.corrections)
    except RegistryError as exc:
        print(f"vbparse export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vbparse export: {args.corrections}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for name in missing:
        print(
            f"vbparse export: {name}: the document is no longer available; gold only",
            file=sys.stderr,
        )
    print(f"{count} corrected documents → {args.corrections}")
    return 0
