"""vbparse search QUERY : full-text search of a registry made by 'vbparse batch'."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

DEFAULT_REGISTRY = "vbparse.sqlite"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="search a registry built by 'vbparse batch'",
        description="Find documents in a registry by words of their subject and body, ranked, "
        "with the matching passage. Diacritics are optional: 'dan van' finds 'dân vận'. Every "
        'word must match; "quoted words" match as a phrase; a trailing * matches a prefix. '
        "Exit 0 when something matched, 1 when nothing did, 2 on bad usage.",
    )
    p.add_argument(
        "query",
        nargs="?",
        default="",
        metavar="QUERY",
        help="words to find (may be empty when filters are given)",
    )
    p.add_argument(
        "--db",
        default=DEFAULT_REGISTRY,
        metavar="REGISTRY",
        help=f"the registry: a file or a URL (postgresql://user@host/db) (default: "
        f"{DEFAULT_REGISTRY})",
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
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run)


def parse_date(text: str, *, end: bool) -> str | None:
    """An ISO date or prefix bound; None when `text` is no date. `end` widens "2020" to the
    year's last day, so that --to 2020 includes December."""
    text = text.strip()
    m = re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if m:
        year, month, day = m.groups()
        try:  # "2020-13-45" is no date
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        parts = [year, f"{int(month):02d}" if month else None, f"{int(day):02d}" if day else None]
        iso = "-".join(p for p in parts if p)
        # ISO dates compare as strings: "2020-04" ≤ every April date; "2020-04~" ≥ them all.
        return iso + ("~" if end and not day else "")
    from ..extract.refs import find_date

    found = find_date(text)
    return found.iso if found and found.iso and found.text.strip() == text else None


def run(args: argparse.Namespace) -> int:
    from ..batch.registry import SearchFilters
    from ..batch.storage import RegistryError, open_registry

    filters = SearchFilters(doc_type=args.type, issuer=args.issuer, cites=args.cites)
    for name, end in (("date_from", False), ("date_to", True)):
        value = getattr(args, name)
        if value is None:
            continue
        bound = parse_date(value, end=end)
        if bound is None:
            print(
                f"vbparse search: {value!r} is not a date (use 2020-04-23, 23/4/2020, 2020-04 or "
                "2020)",
                file=sys.stderr,
            )
            return 2
        setattr(filters, name, bound)
    if not args.query.strip() and not any(vars(filters).values()):
        print(
            "vbparse search: give words to find or a filter (--type, --issuer, --from, --to, "
            "--cites)",
            file=sys.stderr,
        )
        return 2
    try:
        registry = open_registry(args.db)
    except RegistryError as exc:
        print(f"vbparse search: {exc}", file=sys.stderr)
        return 2
    try:
        hits = registry.search(args.query, filters, limit=args.limit)
    finally:
        registry.close()
    out = sys.stdout
    for rank, hit in enumerate(hits, 1):
        if args.json:
            out.write(json.dumps(vars(hit), ensure_ascii=False) + "\n")
            continue
        head = " · ".join(x for x in (hit.number, hit.date, hit.doc_type, hit.issuer) if x)
        out.write(f"{rank}. {head or '(no number)'}\n")
        if hit.subject:
            out.write(f"   {hit.subject}\n")
        if hit.snippet:
            out.write(f"   {hit.snippet}\n")
        out.write(f"   {hit.path}\n")
    if not hits:
        print("no matching documents", file=sys.stderr)
    return 0 if hits else 1
