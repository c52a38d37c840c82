"""vbparse check CHILD --parent PARENT, and vbparse check-batch DIR --parent PARENT --out FILE:
check school plans against the district plan they implement."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import ExitCode, InputError
from .options import add_common_options, error_line, percentage, progress_bar, say

_BATCH_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".md": "md",
    ".txt": "text",
}
BATCH_FORMATS = ("html", "csv", "json", "xlsx", "md", "txt")  # --format, named as the suffixes
_FORMAT_NAMES = {"txt": "text"}  # the renderer's name for the plain-text report


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "check",
        help="check a plan against the parent plan it implements",
        description="Check a school's plan (CHILD) against the district plan it implements "
        "(--parent): which parent items it covers, partly covers or misses, and whether it cites "
        "the parent correctly, keeps its period, deadlines and quoted names. Exit 0 when checked, "
        "1 when --fail-under is not met, 3 when a plan cannot be read, 2 on bad usage.",
    )
    p.add_argument("child", metavar="CHILD", help="the school's plan")
    add_common_options(p, formats=("text", "json", "md", "html"), out="FILE", settings=True)
    _shared_options(p, "the coverage")
    p.set_defaults(func=run_check)

    b = sub.add_parser(
        "check-batch",
        help="check every school plan of a folder against the district plan",
        description="Check every plan in DIR against --parent and write one report: a row per "
        "school, a column per parent item. The format is --format, or else follows the --out "
        "suffix (.html .csv .json .xlsx .md .txt). A file that cannot be read is reported and the "
        "others are still checked. Exit 0 when all were checked, 1 when some failed or "
        "--fail-under is not met, 3 when the parent cannot be read, 2 on bad usage.",
    )
    b.add_argument("dir", metavar="DIR", help="folder of school plans")
    add_common_options(
        b,
        formats=BATCH_FORMATS,
        format_from_out=True,
        out="REPORT",
        out_required=True,
        jobs=True,
        settings=True,
    )
    b.add_argument("--no-progress", action="store_true", help=argparse.SUPPRESS)  # old --quiet
    _shared_options(b, "some school's coverage")
    b.set_defaults(func=run_batch)


def _shared_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--parent", "-p", required=True, metavar="PARENT", help="the district plan")
    parser.add_argument(
        "--fail-under",
        type=percentage,
        metavar="PERCENT",
        help=f"exit 1 when {what} is below PERCENT (0–100, as the report shows it: 80 or 97,5)",
    )


def _start_loading_models(jobs: int = 1) -> None:
    """The word segmenter's model file is read in a thread while the checker's modules are
    imported and the parent is parsed (they run between its steps, most of which hold the GIL);
    not in a batch that forks, which first forks its scout (no thread may run then) and starts
    the thread after. The models are the process's until it ends: it ends without freeing them
    (cli.run)."""
    from ..plancheck import batch_forks
    from . import skip_teardown

    if not batch_forks(jobs):
        from ..plancheck.similarity import start_loading_segmenter

        start_loading_segmenter()
    skip_teardown()


def run_check(args: argparse.Namespace) -> int:
    _start_loading_models()
    from ..messages import percent
    from ..plancheck.output import render
    from ..plancheck.report import CheckError, ParentPlan, check_child

    try:
        parent = ParentPlan.load(args.parent, args.lang)
    except CheckError as exc:
        say(args, "cli.parent", error=error_line(exc, args.lang, verbose=args.verbose))
        return ExitCode.UNREADABLE
    report = check_child(parent, args.child, args.lang)
    text = render(report, args.format)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    ratio = report.summary["ratio"]  # None: the plan does not implement this parent
    if args.fail_under is not None and (ratio is None or ratio < args.fail_under):
        say(
            args,
            "cli.below",
            ratio="—" if ratio is None else percent(ratio, args.lang),
            threshold=percent(args.fail_under, args.lang),
        )
        return ExitCode.FINDINGS
    return ExitCode.OK


def run_batch(args: argparse.Namespace) -> int:
    _start_loading_models(args.jobs)
    from ..plancheck import scout as scouting

    folder = Path(args.dir)
    if not folder.is_dir():
        say(args, "cli.not_folder", path=folder)
        return ExitCode.USAGE
    out = Path(args.out)
    fmt = _FORMAT_NAMES.get(args.format, args.format) or _BATCH_FORMATS.get(out.suffix.lower())
    if fmt is None:
        say(args, "cli.report_suffix", path=out, suffixes=", ".join(sorted(_BATCH_FORMATS)))
        return ExitCode.USAGE
    files = [str(p) for p in scouting.plan_files(folder, Path(args.parent))]
    # Forked before the checker is imported: it parses plans meanwhile (plancheck/scout.py).
    scout = scouting.start(files, args.jobs)

    def bar(total: int) -> Any:
        return None if args.no_progress else progress_bar(args, total, "plan", "check-batch")

    try:
        from ..plancheck.many import check_folder

        batch = check_folder(
            args.parent, files, jobs=args.jobs, progress=bar, lang=args.lang, scout=scout
        )
    except InputError as exc:
        say(args, "cli.parent", error=error_line(exc, args.lang, verbose=args.verbose))
        return ExitCode.UNREADABLE
    finally:
        if scout is not None:
            scout.close()
    from ..messages import percent

    if not batch.results and not batch.failures:
        say(args, "cli.no_plans", path=folder)
        return ExitCode.USAGE
    for failure in batch.failures:
        print(f"vbparse: {failure['path']}: {failure['error']}", file=sys.stderr)
    from ..plancheck.output import render_batch

    rendered = render_batch(batch, fmt)
    if isinstance(rendered, bytes):
        out.write_bytes(rendered)
    else:
        out.write_text(rendered, encoding="utf-8")
    if not args.quiet:
        say(args, "cli.checked", checked=len(batch.results), failed=len(batch.failures), path=out)
    below = [
        r for r in batch.results
        if args.fail_under is not None and (r["summary"]["ratio"] or 0.0) < args.fail_under
    ]  # fmt: skip
    if below:
        threshold = percent(args.fail_under, args.lang)
        say(args, "cli.batch_below", count=len(below), threshold=threshold)
    return ExitCode.FINDINGS if batch.failures or below else ExitCode.OK
