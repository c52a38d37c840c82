"""`vbparse lint FILE... [--format text|json] [--lang vi|en]`: check documents against Nghị định
30/2020 and their own consistency. Exit 1 when any error is found or a file cannot be read.
`vbparse lint --fix IN.docx -o OUT.docx` rewrites the form (fonts, sizes, emphasis, margins,
alignment) to the decree's values, never the text, and lists each change."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import limit_options


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "lint",
        help="check a document's form (Nghị định 30/2020) and consistency",
        description="Check documents against Nghị định 30/2020/NĐ-CP (Phụ lục I, III) and their "
        "own consistency. Exit code 1 when any error is found.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="message language")
    p.add_argument("--no-spelling", action="store_true", help="skip the dictionary spelling rule")
    p.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the date 'future' is measured against (YYYY-MM-DD; default: today)",
    )
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of --format json")
    p.add_argument(
        "--fix",
        action="store_true",
        help="rewrite the form of one .docx (page, margins, Times New Roman, sizes, bold/italic, "
        "alignment) to Nghị định 30/2020; the text is never changed. Needs -o",
    )
    p.add_argument("-o", "--output", metavar="OUT.docx", help="where --fix writes the fixed file")
    limit_options.add_max_pages(p)
    limit_options.add_timeout(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..lint.runner import FileReport, LintOutput, lint_json_schema, lint_path
    from ..readers import ReadError
    from ..readers.limits import TimeLimitExceeded, time_limit

    if args.schema:
        print(json.dumps(lint_json_schema(), ensure_ascii=False, indent=2))
        return 0
    if not args.files:
        print("vbparse lint: no FILE given", file=sys.stderr)
        return 2
    limit_options.apply(args)
    if args.fix:
        return _fix(args)
    timeout = limit_options.seconds(args)
    output = LintOutput(lang=args.lang)
    failed = False
    for path in args.files:
        try:
            with time_limit(timeout):  # armed before the file is opened
                report = lint_path(
                    path, lang=args.lang, today=args.today, spelling=not args.no_spelling
                )
        except TimeLimitExceeded:
            message = f"linting took longer than {timeout:g} s (--timeout)"
            print(f"vbparse lint: {path}: {message}", file=sys.stderr)
            report, failed = FileReport(file=path, error=message), True
        except ReadError as exc:
            print(f"vbparse lint: {exc.path}: {exc.message}", file=sys.stderr)
            report, failed = FileReport(file=path, error=exc.message), True
        except Exception as exc:  # a parser bug must not end the whole run with a traceback
            print(
                f"vbparse lint: {path}: could not be linted ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
            report, failed = FileReport(file=path, error=str(exc)), True
        output.files.append(report)
    if args.format == "json":
        print(output.model_dump_json(indent=2))
    else:
        _print_text(output, args.lang)
    errors = any(r.counts.get("error", 0) for r in output.files)
    return 1 if errors or failed else 0


_SEVERITY = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _print_text(output: object, lang: str) -> None:
    from ..lint.runner import LintOutput

    assert isinstance(output, LintOutput)
    for report in output.files:
        if report.error:
            continue
        for f in report.findings:
            where = f"{report.file}:{f.line}" if f.line is not None else report.file
            quote = f" «{_short(f.quote)}»" if f.quote else ""
            fix = (" → " + _short(f.fix)) if f.fix else ""
            print(f"{where}: {_SEVERITY[lang][f.severity]} [{f.code}]{quote} {f.message}{fix}")
        counts = ", ".join(f"{n} {_SEVERITY[lang][s]}" for s, n in report.counts.items())
        print(f"{report.file}: {counts}")


def _short(text: str, limit: int = 80) -> str:
    """A quote cut to one screen line: a run-on line of a flattened file can be a whole page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fix(args: argparse.Namespace) -> int:
    """--fix: one .docx in, the fixed copy out, each change listed, then the copy linted."""
    from pathlib import Path

    from ..lint.form.fix import fix_path
    from ..readers import ReadError

    if len(args.files) != 1 or not args.output:
        print("vbparse lint --fix: give one IN.docx and -o OUT.docx", file=sys.stderr)
        return 2
    src, dst = Path(args.files[0]), Path(args.output)
    if src.suffix.lower() != ".docx":
        print(f"vbparse lint --fix: {src}: only .docx files can be fixed", file=sys.stderr)
        return 2
    if dst.resolve() == src.resolve():
        print("vbparse lint --fix: OUT.docx must differ from IN.docx", file=sys.stderr)
        return 2
    try:
        changes = fix_path(src, dst)
    except ReadError as exc:
        print(f"vbparse lint --fix: {exc.path}: {exc.message}", file=sys.stderr)
        return 1
    for change in changes:
        print(f"{dst}: {change}")
    word = "thay đổi" if args.lang == "vi" else "changes"
    print(f"{dst}: {len(changes)} {word}")
    return 0
