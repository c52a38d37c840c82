"""vbparse parse FILE... : parse documents to JSON, Markdown or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="parse documents into structured JSON",
        description="Parse one or more documents (.txt .md .docx .doc .rtf .odt .pdf, images). "
        "One file: the result goes to standard output. Several files or --out: one result file "
        "per input in the --out folder. Exit 0 when all parsed, 1 when some failed.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="documents to parse")
    p.add_argument(
        "--format",
        "-f",
        choices=("json", "md", "text", "html"),
        default="json",
        help="output format (default: json)",
    )
    p.add_argument("--out", "-o", metavar="DIR", help="write one result per input into DIR")
    p.add_argument(
        "--lines", action="store_true", help="include the reader's lines (for provenance)"
    )
    p.add_argument(
        "--roles",
        choices=("rules", "model"),
        default=None,
        help="how section roles are decided: keyword rules only (default, fast) or rules plus "
        "the trained model where the rules are not certain (also VBPARSE_ROLES=model)",
    )
    p.add_argument(
        "--entities",
        action="store_true",
        help="add named entities (organisations, places, people, dates, quotes, references)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import render
    from ..pipeline import parse
    from ..readers import ReadError

    out_dir = Path(args.out) if args.out else None
    if out_dir is None and len(args.files) > 1:
        out_dir = None  # several files to stdout: JSON Lines-like, one document after another
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    suffix = {"json": ".json", "md": ".md", "text": ".txt", "html": ".html"}[args.format]
    for name in args.files:
        try:
            doc = parse(name, include_lines=args.lines, roles=args.roles)
            if args.entities:
                from ..entities import add_entities

                add_entities(doc)
            rendered = render(doc, args.format)
        except ReadError as exc:
            failed += 1
            print(f"vbparse: {exc.path}: {exc.message}", file=sys.stderr)
            continue
        except Exception as exc:  # a parser bug must not hide the other files' results
            failed += 1
            print(
                f"vbparse: {name}: internal error while parsing ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
            continue
        if out_dir:
            (out_dir / (Path(name).name + suffix)).write_text(rendered, encoding="utf-8")
        else:
            sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    return 1 if failed else 0
