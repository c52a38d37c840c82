"""vbparse parse FILE... : parse documents to JSON, Markdown, text or HTML ('-' reads stdin)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ExitCode
from . import limit_options
from .options import add_common_options, outcome, progress_bar, report_failure, say

FORMATS = ("json", "md", "text", "html")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="parse documents into structured JSON",
        description="Parse one or more documents (.txt .md .html .docx .doc .rtf .odt .pdf, "
        "images); '-' reads one document from standard input. Without --out the results go to "
        "standard output (several JSON results: one per line, JSON Lines; several HTML results: "
        "one page with an index); with --out DIR one result file per input. Exit 0 when all "
        "parsed, 1 when some failed, 3 when no input could be read (one line per failure on "
        "standard error), 2 on bad usage, 4 on an internal error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="documents to parse; - for stdin")
    add_common_options(p, formats=FORMATS, out="DIR", settings=True)
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
    limit_options.add_max_pages(p)
    limit_options.add_timeout(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    limit_options.apply(args)
    timeout = limit_options.seconds(args)
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            say(args, "cli.cannot_write", path=out_dir, reason=exc.strerror or exc)
            return ExitCode.USAGE
    if args.files.count("-") > 1:
        say(args, "cli.stdin_once")
        return ExitCode.USAGE
    # Several JSON results on standard output: one compact document per line (JSON Lines); several
    # HTML results: one page with an index.
    json_lines = out_dir is None and args.format == "json" and len(args.files) > 1
    html_pages: list[object] = []
    failures: list[int] = []
    written: set[Path] = set()
    if len(args.files) > 1:
        from ..readers.office import prefetch

        prefetch(args.files)  # the .doc/.rtf/.odt among them: one LibreOffice start, not one each
    bar = progress_bar(args, len(args.files), "file", "parse") if out_dir else None
    for name in args.files:
        if bar is not None:
            bar.update(1)
        try:
            with limit_options.time_limit_for(name, timeout):  # armed before the file is opened
                doc = _parse_one(name, args)
            if doc is None:  # --explain printed it
                continue
            if out_dir is None and args.format == "html" and len(args.files) > 1:
                html_pages.append(doc)
                continue
            rendered = _render(doc, args, json_lines)
        except Exception as exc:  # one line per file; the other files still get their results
            failures.append(report_failure(args, exc, name))
            continue
        if out_dir is None:
            sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
            continue
        target = _result_path(out_dir, Path(name), args.format, written)
        try:
            target.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            failures.append(ExitCode.FINDINGS)
            say(args, "cli.cannot_write", path=target, reason=exc.strerror or exc)
    if bar is not None:
        bar.close()
    if html_pages:
        from ..export.html import to_html_pages

        sys.stdout.write(to_html_pages(html_pages))  # type: ignore[arg-type]
    return outcome(len(args.files), failures)


def _parse_one(name: str, args: argparse.Namespace) -> object | None:
    """The Document of `name` ('-': standard input), or None after printing --explain."""
    from ..pipeline import parse

    if name == "-":
        from .stdin import parse_stdin

        return parse_stdin(include_lines=args.lines, roles=args.roles, entities=args.entities)
    if args.explain:
        from ..export.explain import render_explain
        from ..pipeline import explain

        sys.stdout.write(render_explain(explain(name), args.lang))
        return None
    doc = parse(name, include_lines=args.lines, roles=args.roles)
    if args.entities:
        from ..entities import add_entities

        add_entities(doc)
    return doc


def _render(doc: object, args: argparse.Namespace, json_lines: bool) -> str:
    from ..export import render
    from ..model import Document

    assert isinstance(doc, Document)
    if json_lines:
        return doc.to_json(indent=None)
    return render(doc, args.format, lang=args.lang)


_SUFFIX = {"json": ".json", "md": ".md", "text": ".txt", "html": ".html"}


def _result_path(out_dir: Path, source: Path, fmt: str, written: set[Path]) -> Path:
    """DIR/NAME.EXT.json; two inputs with the same name (d1/plan.txt, d2/plan.txt) get -2, -3 …
    rather than one overwriting the other. Standard input is written as stdin.EXT."""
    base = "stdin" if str(source) == "-" else source.name
    target = out_dir / (base + _SUFFIX[fmt])
    n = 2
    while target in written:
        target = out_dir / f"{base}-{n}{_SUFFIX[fmt]}"
        n += 1
    written.add(target)
    return target
