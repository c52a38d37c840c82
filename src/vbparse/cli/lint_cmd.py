"""`vbparse lint FILE...`: check documents against Nghị định 30/2020 and their own consistency.
Exit 1 when any error is found (or some files could not be read), 3 when no file could be read."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from ..errors import ExitCode
from . import limit_options
from .options import add_common_options, emit, outcome, report_failure, say


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "lint",
        help="check a document's form (Nghị định 30/2020) and consistency",
        description="Check documents against Nghị định 30/2020/NĐ-CP (Phụ lục I, III) and their "
        "own consistency. Exit 0 when no error is found, 1 when some error is found or some "
        "file could not be read, 3 when no file could be read, 2 on bad usage.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    add_common_options(p, formats=("text", "json"), out="FILE", settings=True)
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
        "alignment) to Nghị định 30/2020 and write it to --out; the text is never changed",
    )
    limit_options.add_max_pages(p)
    limit_options.add_timeout(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..lint.runner import FileReport, LintOutput, lint_json_schema, lint_path

    if args.schema:
        print(json.dumps(lint_json_schema(), ensure_ascii=False, indent=2))
        return ExitCode.OK
    if not args.files:
        say(args, "cli.no_files")
        return ExitCode.USAGE
    limit_options.apply(args)
    if args.fix:
        return _fix(args)
    timeout = limit_options.seconds(args)
    output = LintOutput(lang=args.lang)
    failures: list[int] = []
    for path in args.files:
        try:
            with limit_options.time_limit_for(path, timeout):  # armed before the file is opened
                report = lint_path(
                    path, lang=args.lang, today=args.today, spelling=not args.no_spelling
                )
        except Exception as exc:  # one line per file; the others are still linted
            failures.append(report_failure(args, exc, path))
            report = FileReport(file=path, error=getattr(exc, "message", str(exc)))
        output.files.append(report)
    text = (
        output.model_dump_json(indent=2) + "\n"
        if args.format == "json"
        else render_text(output, args.lang, quiet=args.quiet)
    )
    if not emit(args, text):
        return ExitCode.USAGE
    if len(failures) == len(args.files):
        return outcome(len(args.files), failures)
    errors = any(r.counts.get("error", 0) for r in output.files)
    return ExitCode.FINDINGS if errors or failures else ExitCode.OK


def render_text(output: object, lang: str, *, quiet: bool = False) -> str:
    """One line per finding — where, severity, what kind (in words), the quote, the message,
    the fix — and a count line per file (not under --quiet)."""
    from ..lint.runner import LintOutput
    from ..messages import finding_label, render

    assert isinstance(output, LintOutput)
    lines = []
    for report in output.files:
        if report.error:
            continue
        for f in report.findings:
            where = f"{report.file}:{f.line}" if f.line is not None else report.file
            quote = f" «{_short(f.quote)}»" if f.quote else ""
            fix = (" → " + _short(f.fix)) if f.fix else ""
            severity = render(f"check.severity.{f.severity}", lang)
            kind = finding_label(f.code, lang)
            lines.append(f"{where}: {severity} [{kind}]{quote} {f.message}{fix}")
        if not quiet:
            counts = render(
                "cli.lint_counts",
                lang,
                errors=report.counts.get("error", 0),
                warnings=report.counts.get("warning", 0),
                infos=report.counts.get("info", 0),
            )
            lines.append(f"{report.file}: {counts}")
    return "".join(line + "\n" for line in lines)


def _short(text: str, limit: int = 80) -> str:
    """A quote cut to one screen line: a run-on line of a flattened file can be a whole page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fix(args: argparse.Namespace) -> int:
    """--fix: one .docx in, the fixed copy out (--out), each change listed."""
    from pathlib import Path

    from ..lint.form.fix import fix_path

    if len(args.files) != 1 or not args.out:
        print("vbparse lint --fix: give one IN.docx and -o OUT.docx", file=sys.stderr)
        return ExitCode.USAGE
    src, dst = Path(args.files[0]), Path(args.out)
    if src.suffix.lower() != ".docx":
        print(f"vbparse lint --fix: {src}: only .docx files can be fixed", file=sys.stderr)
        return ExitCode.USAGE
    if dst.resolve() == src.resolve():
        print("vbparse lint --fix: OUT.docx must differ from IN.docx", file=sys.stderr)
        return ExitCode.USAGE
    try:
        changes = fix_path(src, dst)
    except Exception as exc:
        return report_failure(args, exc, str(src))
    for change in changes:
        print(f"{dst}: {change}")
    word = "thay đổi" if args.lang == "vi" else "changes"
    print(f"{dst}: {len(changes)} {word}")
    return ExitCode.OK
