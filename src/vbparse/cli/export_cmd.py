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
    p.add_argument("--to", required=True, metavar="FILE", help="spreadsheet: FILE.xlsx or FILE.csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
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
