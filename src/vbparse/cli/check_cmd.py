"""vbparse check CHILD --parent PARENT, and vbparse check-batch DIR --parent PARENT --out FILE:
check school plans against the district plan they implement."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

_BATCH_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".md": "md",
    ".txt": "text",
}
_PLAN_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "check",
        help="check a plan against the parent plan it implements",
        description="Check a school's plan (CHILD) against the district plan it implements "
        "(--parent): which parent items it covers, partly covers or misses, and whether it cites "
        "the parent correctly, keeps its period, deadlines and quoted names. Exit 0 when checked "
        "(1 when --fail-under is not met), 1 when a file cannot be read, 2 on bad usage.",
    )
    p.add_argument("child", metavar="CHILD", help="the school's plan")
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "md", "html"),
        default="text",
        help="output format (default: text)",
    )
    p.add_argument("--out", "-o", metavar="FILE", help="write the report to FILE, not stdout")
    _shared_options(p, "the coverage ratio (covered + ½ partial, over the items)")
    p.set_defaults(func=run_check)

    b = sub.add_parser(
        "check-batch",
        help="check every school plan of a folder against the district plan",
        description="Check every plan in DIR against --parent and write one report: a row per "
        "school, a column per parent item. The format follows the --out suffix "
        "(.html .csv .json .xlsx .md .txt). A file that cannot be read is reported and the "
        "others are still checked (exit 1 then).",
    )
    b.add_argument("dir", metavar="DIR", help="folder of school plans")
    b.add_argument(
        "--out", "-o", required=True, metavar="REPORT", help="report file: .html .csv .json .xlsx"
    )
    b.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: up to 2)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    _shared_options(b, "some school's coverage ratio")
    b.set_defaults(func=run_batch)


def _shared_options(parser: argparse.ArgumentParser, what: str) -> None:
    from ..messages import LANGS

    parser.add_argument("--parent", "-p", required=True, metavar="PARENT", help="the district plan")
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="vi",
        help="language of the report's words and messages (default: vi); JSON keys, codes and "
        "status values never change",
    )
    parser.add_argument(
        "--fail-under",
        type=_ratio,
        metavar="RATIO",
        help=f"exit 1 when {what} is below RATIO (0–1)",
    )


def _ratio(value: str) -> float:
    try:
        ratio = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= ratio <= 1.0:
        raise argparse.ArgumentTypeError("RATIO must be between 0 and 1")
    return ratio


def _fail(message: str) -> int:
    print(f"vbparse: {message}", file=sys.stderr)
    return 1


def run_check(args: argparse.Namespace) -> int:
    from ..plancheck.report import CheckError, ParentPlan, check_child, render

    try:
        parent = ParentPlan.load(args.parent)
    except CheckError as exc:
        return _fail(f"parent {exc}")
    except Exception as exc:
        return _fail(
            f"parent {args.parent}: internal error while reading ({type(exc).__name__}: {exc})"
        )
    try:
        report = check_child(parent, args.child, args.lang)
    except CheckError as exc:
        return _fail(str(exc))
    except Exception as exc:  # a checker bug: one line, not a traceback
        return _fail(f"{args.child}: internal error while checking ({type(exc).__name__}: {exc})")
    text = render(report, args.format)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.fail_under is not None and report.summary["ratio"] < args.fail_under:
        print(
            f"vbparse: coverage {report.summary['ratio']:.2f} is below {args.fail_under:.2f}",
            file=sys.stderr,
        )
        return 1
    return 0


# One parent per worker process, loaded by the pool's initializer, and the report language.
_WORKER_PARENT: Any = None
_WORKER_PARENT_PATH: str | None = None
_WORKER_LANG: Any = "vi"


def _init_worker(parent_path: str, lang: str = "vi") -> None:
    global _WORKER_PARENT, _WORKER_PARENT_PATH, _WORKER_LANG
    from ..plancheck.report import ParentPlan

    if _WORKER_PARENT is None or parent_path != _WORKER_PARENT_PATH:  # a forked worker has it
        _WORKER_PARENT = ParentPlan.load(parent_path)
        _WORKER_PARENT_PATH = parent_path
    _WORKER_LANG = lang


def _check_one(path: str) -> tuple[str, dict[str, Any] | None, str | None]:
    from ..plancheck.report import CheckError, check_child

    try:
        return path, check_child(_WORKER_PARENT, path, _WORKER_LANG).to_dict(), None
    except CheckError as exc:
        return path, None, exc.message
    except Exception as exc:  # one broken school file must not stop the district report
        return path, None, f"internal error ({type(exc).__name__}: {exc})"


def plan_files(folder: Path, parent: Path) -> list[Path]:
    skip = parent.resolve()
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _PLAN_SUFFIXES
        and p.resolve() != skip
        and not p.name.startswith((".", "~$"))
        and p.name.lower() != "readme.md"
    )


def check_many(
    parent_path: str, files: list[str], *, jobs: int = 0, progress: bool = True, lang: str = "vi"
) -> tuple[list[tuple[str, dict[str, Any] | None, str | None]], Any]:
    """Check `files` against the parent, in order; returns the results and the loaded parent."""
    import multiprocessing
    import os

    from tqdm import tqdm

    _init_worker(parent_path, lang)
    parent = _WORKER_PARENT
    jobs = jobs or min(2, os.cpu_count() or 1)
    bar = tqdm(
        total=len(files), unit="plan", disable=not progress, file=sys.stderr, desc="checking"
    )
    results = []
    if jobs > 1 and len(files) > 4:
        # The first plan is checked here: what a check loads on first use (modules, caches)
        # is then inherited by the forked workers instead of being loaded again in each.
        results.append(_check_one(files[0]))
        bar.update(1)
        ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(parent_path, lang)) as pool:
            # One plan at a time: with chunks of 4, 20 plans split 12/8 between two workers.
            for result in pool.imap(_check_one, files[1:], chunksize=1):
                results.append(result)
                bar.update(1)
    else:
        for name in files:
            results.append(_check_one(name))
            bar.update(1)
    bar.close()
    return results, parent


def run_batch(args: argparse.Namespace) -> int:
    from ..plancheck.report import BatchReport, CheckError, _doc_info, render_batch

    folder = Path(args.dir)
    if not folder.is_dir():
        print(f"vbparse: {folder}: not a folder", file=sys.stderr)
        return 2
    out = Path(args.out)
    fmt = _BATCH_FORMATS.get(out.suffix.lower())
    if fmt is None:
        print(
            f"vbparse: {out}: the report must end in {', '.join(sorted(_BATCH_FORMATS))}",
            file=sys.stderr,
        )
        return 2
    files = [str(p) for p in plan_files(folder, Path(args.parent))]
    if not files:
        return _fail(f"{folder}: no plan files (.txt .md .docx .doc .rtf .odt .pdf) found")
    try:
        results, parent = check_many(
            args.parent, files, jobs=args.jobs, progress=not args.no_progress, lang=args.lang
        )
    except CheckError as exc:
        return _fail(f"parent {exc}")
    batch = BatchReport(
        parent=_doc_info(parent.path, parent.doc),
        item_ids=[i.id for i in parent.items],
        results=[r for _p, r, _e in results if r is not None],
        failures=[{"path": p, "error": e or ""} for p, r, e in results if r is None],
        lang=args.lang,
    )
    for failure in batch.failures:
        print(f"vbparse: {failure['path']}: {failure['error']}", file=sys.stderr)
    rendered = render_batch(batch, fmt)
    if isinstance(rendered, bytes):
        out.write_bytes(rendered)
    else:
        out.write_text(rendered, encoding="utf-8")
    print(
        f"vbparse: {len(batch.results)} plan(s) checked, {len(batch.failures)} failed → {out}",
        file=sys.stderr,
    )
    below = args.fail_under is not None and any(
        r["summary"]["ratio"] < args.fail_under for r in batch.results
    )
    return 1 if batch.failures or below else 0
