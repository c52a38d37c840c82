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
        "Without --out the results go to standard output (several JSON results: one per line, "
        "JSON Lines); with --out DIR one result file per input. Exit 0 when all parsed, 1 when "
        "some failed (one line per failure on standard error), 2 on bad usage.",
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
    p.add_argument(
        "--explain",
        action="store_true",
        help="show why: each header and closing line with its cue tags, and per field the "
        "scored candidates and which one won (text, instead of the result)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import render
    from ..pipeline import parse
    from ..readers import ReadError

    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(
                f"vbparse: {out_dir}: cannot write results there ({exc.strerror or exc})",
                file=sys.stderr,
            )
            return 2
    # Several JSON results on standard output: one compact document per line (JSON Lines).
    json_lines = out_dir is None and args.format == "json" and len(args.files) > 1
    failed = 0
    written: set[Path] = set()
    files = args.files
    if len(files) > 1:
        from ..readers.office import prefetch

        prefetch(files)  # the .doc/.rtf/.odt among them: one LibreOffice start, not one each
    if out_dir is not None and len(files) > 1 and sys.stderr.isatty():
        from tqdm import tqdm  # a bar only where someone watches, and only for results to files

        files = tqdm(files, unit="file", desc="parse", file=sys.stderr)
    for name in files:
        try:
            if args.explain:
                from ..export.explain import render_explain
                from ..pipeline import explain

                sys.stdout.write(render_explain(explain(name)))
                continue
            doc = parse(name, include_lines=args.lines, roles=args.roles)
            if args.entities:
                from ..entities import add_entities

                add_entities(doc)
            rendered = doc.to_json(indent=None) if json_lines else render(doc, args.format)
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
        if out_dir is None:
            sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
            continue
        target = _result_path(out_dir, Path(name), args.format, written)
        try:
            target.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            failed += 1
            print(f"vbparse: {target}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
    return 1 if failed else 0


_SUFFIX = {"json": ".json", "md": ".md", "text": ".txt", "html": ".html"}


def _result_path(out_dir: Path, source: Path, fmt: str, written: set[Path]) -> Path:
    """DIR/NAME.EXT.json; two inputs with the same name (d1/plan.txt, d2/plan.txt) get -2, -3 …
    rather than one overwriting the other."""
    target = out_dir / (source.name + _SUFFIX[fmt])
    n = 2
    while target in written:
        target = out_dir / f"{source.name}-{n}{_SUFFIX[fmt]}"
        n += 1
    written.add(target)
    return target
