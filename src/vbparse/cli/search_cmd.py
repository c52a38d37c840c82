"""vbparse search QUERY : full-text search of a registry made by 'vbparse batch'."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..errors import ExitCode
from .options import add_common_options, say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="search a registry built by 'vbparse batch'",
        description="Find documents in a registry by words of their subject and body, with the "
        "matching passage. Every word must match, with the diacritics typed; documents holding "
        'the words side by side come first, then by relevance (BM25); "quoted words" match as a '
        "phrase; a trailing * matches a prefix. A query typed without diacritics, or "
        "--no-accents, ignores them ('dan van' finds 'dân vận'). A document imported in several "
        "formats is one hit listing its formats. Exit 0 when something matched, 1 when nothing "
        "did, 2 on bad usage, 3 when the registry cannot be read.",
    )
    p.add_argument(
        "query",
        nargs="?",
        default="",
        metavar="QUERY",
        help="words to find (may be empty when filters are given)",
    )
    add_common_options(p, formats=("text", "json"), db=True)
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # old --format json
    p.add_argument(
        "--no-accents",
        action="store_true",
        help="ignore diacritics: 'dan van' finds 'dân vận' (the words are read as the archive "
        "most often spells them side by side)",
    )
    p.add_argument("--type", metavar="CODE", help="document type code or name: KH, QĐ, 'Kế hoạch'")
    p.add_argument("--issuer", metavar="TEXT", help="issuing body contains TEXT (any diacritics)")
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="issued on or after DATE (2020, 2020-04, 2020-04-23 or 23/4/2020)",
    )
    p.add_argument("--to", dest="date_to", metavar="DATE", help="issued on or before DATE")
    p.add_argument(
        "--cites",
        metavar="NUMBER",
        help="cites the document with this số/ký hiệu, e.g. 253/KH-GDĐT",
    )
    p.add_argument("--limit", "-n", type=int, default=20, help="at most this many (default 20)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch.query import parse_date
    from ..batch.registry import SearchFilters
    from ..batch.storage import RegistryError, open_registry
    from ..messages import render, show_date

    filters = SearchFilters(doc_type=args.type, issuer=args.issuer, cites=args.cites)
    for name, end in (("date_from", False), ("date_to", True)):
        value = getattr(args, name)
        if value is None:
            continue
        bound = parse_date(value, end=end)
        if bound is None:
            say(args, "cli.search_bad_date", value=value)
            return ExitCode.USAGE
        setattr(filters, name, bound)
    if not args.query.strip() and not any(vars(filters).values()):
        say(args, "cli.search_no_query")
        return ExitCode.USAGE
    if "://" not in args.db and not os.path.exists(args.db):
        say(args, "cli.no_registry", path=args.db)
        return ExitCode.UNREADABLE
    try:
        registry = open_registry(args.db)
    except RegistryError as exc:
        print(f"vbparse: {exc.text(args.lang)}", file=sys.stderr)
        return ExitCode.UNREADABLE
    try:
        hits = registry.search(args.query, filters, limit=args.limit, no_accents=args.no_accents)
    finally:
        registry.close()
    as_json = args.json or args.format == "json"
    out = sys.stdout
    for rank, hit in enumerate(hits, 1):
        if as_json:
            out.write(json.dumps(vars(hit), ensure_ascii=False) + "\n")
            continue
        shown_date = show_date(hit.date, args.lang) if hit.date else None
        head = " · ".join(x for x in (hit.number, shown_date, hit.doc_type, hit.issuer) if x)
        out.write(f"{rank}. {head or render('cli.search_no_number', args.lang)}\n")
        if hit.subject:
            out.write(f"   {hit.subject}\n")
        if hit.snippet:
            out.write(f"   {hit.snippet}\n")
        out.write(f"   {hit.path}\n")
        if len(hit.formats) > 1:
            formats = ", ".join(hit.formats)
            out.write(f"   {render('cli.search_formats', args.lang, formats=formats)}\n")
    if not hits and not args.quiet:
        say(args, "cli.search_none")
    return ExitCode.OK if hits else ExitCode.FINDINGS
