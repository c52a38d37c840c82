"""vbparse batch PATH... --out OUT : import an archive into a registry or a JSON Lines file."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from . import limit_options


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "batch",
        help="parse a whole archive in parallel into a registry (resumable)",
        description="Parse every document under the given folders (recursively), globs or files "
        "in parallel, storing each result as it comes into OUT: a SQLite registry (.sqlite, .db; "
        "searchable with 'vbparse search') or a JSON Lines file (.jsonl). A rerun skips files "
        "stored with the same content and re-parses changed ones, so an interrupted run simply "
        "resumes. Files that cannot be read or parsed are stored as failed with the reason. "
        "Exit 0 when every file is parsed, 1 when some failed, 2 on bad usage.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folder, glob or file")
    p.add_argument(
        "--out",
        "-o",
        required=True,
        metavar="OUT",
        help="registry (.sqlite, .db) or JSON Lines file (.jsonl)",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default: number of CPUs)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="give up on a file after this long, recording it as failed (default 300; 0: no limit)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, summary only")
    limit_options.add_max_pages(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch.discover import discover
    from ..batch.runner import DEFAULT_TIMEOUT
    from ..batch.runner import run as run_batch
    from ..batch.store import SinkError, open_sink

    limit_options.apply(args)  # through the environment, which the workers inherit
    jobs = args.jobs or os.cpu_count() or 1
    if jobs < 1:
        print("vbparse batch: --jobs must be at least 1", file=sys.stderr)
        return 2
    found = discover(args.paths)
    for missing in found.missing:
        print(f"vbparse batch: {missing}: no such file, folder or matching glob", file=sys.stderr)
    if not found.files:
        print("vbparse batch: no documents to parse", file=sys.stderr)
        return 2
    out = os.path.abspath(args.out)
    files = [f for f in found.files if f != out]  # a registry inside the archive is not input
    try:
        sink = open_sink(args.out)
    except SinkError as exc:
        print(f"vbparse batch: {exc}", file=sys.stderr)
        return 2
    progress = _progress(len(files), quiet=args.quiet)
    try:
        summary = run_batch(
            files,
            sink.stored(),
            sink.write,
            jobs=min(jobs, len(files)),
            want_rows=sink.wants_rows,
            timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
        sink.close()
    _report(summary, args.out, found.ignored)
    if summary.interrupted:
        print("vbparse batch: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    return 1 if summary.failed or summary.skipped_failed else 0


def _progress(total: int, *, quiet: bool) -> Any:
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _report(summary: object, out: str, ignored: int) -> None:
    from ..batch.runner import Summary

    assert isinstance(summary, Summary)
    out_stream, err = sys.stdout, sys.stderr
    rate = (summary.parsed + summary.failed) / summary.elapsed if summary.elapsed else 0.0
    print(
        f"{summary.total} files: {summary.parsed} parsed, {summary.failed} failed, "
        f"{summary.skipped} skipped (already stored, unchanged"
        + (f"; {summary.skipped_failed} of them failed before" if summary.skipped_failed else "")
        + f") in {summary.elapsed:.1f} s ({rate:.1f} files/s) → {out}",
        file=out_stream,
    )
    if summary.by_type:
        types = ", ".join(f"{code} {n}" for code, n in summary.by_type.most_common())
        print(f"document types: {types}", file=out_stream)
    if ignored:
        print(f"ignored {ignored} files with extensions no reader handles", file=out_stream)
    for failure in summary.failures:
        print(f"failed: {failure.path}: {failure.error_kind}: {failure.error_message}", file=err)
    hidden = summary.failed - len(summary.failures)
    if hidden > 0:
        print(f"… and {hidden} more failures (stored with their reasons in {out})", file=err)
