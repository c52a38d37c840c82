"""vbparse export --db REGISTRY --out FILE : a registry as a spreadsheet, one row per document."""

from __future__ import annotations

import argparse
import sys

from ..errors import ExitCode
from .options import add_common_options, say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write a registry as a spreadsheet (.xlsx or .csv)",
        description="Write one row per document of a registry made by 'vbparse batch' (or of its "
        ".jsonl output): số/ký hiệu, date, type, issuer, subject, signer, number of recipients, "
        "file, status and, for failed files, the reason. CSV is UTF-8 with a byte order mark, "
        "so Excel shows Vietnamese correctly. Exit 0 when written, 2 on bad usage, 3 when the "
        "registry cannot be read.",
    )
    # The registry positionally, as before, or as --db like every other command.
    p.add_argument("registry", nargs="?", metavar="DB", help=argparse.SUPPRESS)
    add_common_options(p, out="FILE", out_required=False, db=True)
    p.add_argument("--to", dest="to", metavar="FILE", help=argparse.SUPPRESS)  # old --out
    p.add_argument(
        "--corrections",
        metavar="DIR",
        help="instead of a spreadsheet: write the documents corrected in 'vbparse serve' as gold "
        "annotations (DIR/NAME.gold.json, the format of corpus/docs/README.md) with each document "
        "beside its gold, ready for 'vbparse eval DIR'",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.corrections:
        return _corrections(args)
    from ..batch.export import ExportError, export

    target = args.out or args.to
    if not target:
        say(args, "store.out_required")
        return ExitCode.USAGE
    if not target.lower().endswith((".csv", ".xlsx")):
        say(args, "store.sheet_suffix", path=target)
        return ExitCode.USAGE
    db = args.registry or args.db
    try:
        count = export(db, target)
    except ExportError as exc:
        print(f"vbparse: {exc.text(args.lang)}", file=sys.stderr)
        return ExitCode.UNREADABLE
    except OSError as exc:
        say(args, "cli.cannot_write", path=target, reason=exc.strerror or exc)
        return ExitCode.USAGE
    if not args.quiet:
        from ..messages import render

        print(render("cli.exported", args.lang, count=count, path=target))
    return ExitCode.OK


def _corrections(args: argparse.Namespace) -> int:
    from ..batch.corrections import export_gold
    from ..batch.registry import RegistryError

    db = args.registry or args.db
    if not db:
        say(args, "cli.export_no_registry")
        return ExitCode.USAGE
    try:
        count, missing = export_gold(db, args.corrections)
    except RegistryError as exc:
        print(f"vbparse: {exc.text(args.lang)}", file=sys.stderr)
        return ExitCode.UNREADABLE
    except OSError as exc:
        say(args, "cli.cannot_write", path=args.corrections, reason=exc.strerror or exc)
        return ExitCode.USAGE
    for name in missing:
        say(args, "cli.correction_source_gone", path=name)
    if not args.quiet:
        from ..messages import render

        print(render("cli.corrections_exported", args.lang, count=count, path=args.corrections))
    return ExitCode.OK
