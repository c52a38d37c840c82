"""vbparse batch PATH... --out OUT : import an archive into a registry or a JSON Lines file."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..errors import ExitCode
from . import limit_options
from .options import add_common_options, progress_bar, say


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
        "--db",
        dest="out",
        required=True,
        metavar="REGISTRY",
        help="registry: a file (.sqlite, .db), a URL (postgresql://user@host/db, shared by "
        "several machines; sqlite:///file.sqlite), or a JSON Lines file (.jsonl); --db is the "
        "same option",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: tcp://host:8786 (a running scheduler; its workers must see "
        "the files at the same paths) or local:N (N worker processes on this machine). Without "
        "it, a pool of --jobs processes on this machine",
    )
    add_common_options(p, jobs=True, settings=True)
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="give up on a file after this long, recording it as failed (default 300; 0: no limit)",
    )
    limit_options.add_max_pages(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch.discover import discover
    from ..batch.storage import RegistryError
    from ..batch.store import SinkError, open_sink

    limit_options.apply(args)  # through the environment, which the workers inherit
    jobs = args.jobs or os.cpu_count() or 1
    found = discover(args.paths)
    for missing in found.missing:
        say(args, "cli.batch_missing", path=missing)
    if not found.files:
        say(args, "cli.batch_nothing")
        return ExitCode.USAGE
    target = args.out
    out = os.path.abspath(target)
    files = [f for f in found.files if f != out]  # a registry inside the archive is not input
    try:
        sink = open_sink(target)
    except SinkError as exc:  # a name that is no registry or JSON Lines file
        print(f"vbparse: {exc.text(args.lang)}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        share = _share(target) if sink.wants_rows else None  # a registry: shared with others
        try:
            summary = _execute(args, files, sink, jobs, share)
        finally:
            if share is not None:
                share.close()
    except (SinkError, RegistryError) as exc:
        say(args, "cli.batch_store_failed", error=exc.text(args.lang))
        return ExitCode.UNREADABLE
    finally:
        sink.close()
    if summary is None:
        return ExitCode.USAGE
    # the summary is the result: always
    _report(summary, getattr(sink, "location", target), found.ignored, args.lang)
    if summary.interrupted:
        say(args, "cli.batch_interrupted")
        return 130
    return ExitCode.FINDINGS if summary.failed or summary.skipped_failed else ExitCode.OK


def _share(target: str) -> Any:
    from ..batch.sharing import WorkShare

    return WorkShare(target)


def _execute(args: argparse.Namespace, files: list[str], sink: Any, jobs: int, share: Any) -> Any:
    """Run the batch on the process pool or, with --scheduler, on Dask; None if the scheduler
    cannot be used (the reason printed)."""
    import functools

    from ..batch.runner import DEFAULT_TIMEOUT
    from ..batch.runner import run as run_pool

    cluster = None
    run_batch: Any = functools.partial(run_pool, jobs=min(jobs, len(files)))
    if args.scheduler:
        cluster = _cluster(args)
        if cluster is None:
            return None
        from ..batch import dask_runner

        run_batch = functools.partial(dask_runner.run, cluster=cluster)
    progress = progress_bar(args, len(files), "file", "batch")
    try:
        return run_batch(
            files,
            sink.stored(),
            sink.write,
            want_rows=sink.wants_rows,
            timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
            progress=progress,
            share=share,
        )
    finally:
        if progress is not None:
            progress.close()
        if cluster is not None:
            cluster.close()


def _cluster(args: argparse.Namespace) -> Any:
    """A Dask cluster client, its workers warmed up and the dashboard announced; None (the
    reason printed) when it cannot be had."""
    try:
        from ..batch import dask_runner
    except ImportError:
        say(args, "batch.scheduler_needs_dask")
        return None
    from ..messages import render

    try:
        cluster = dask_runner.connect(args.scheduler)
    except dask_runner.SchedulerError as exc:
        print(f"vbparse batch: {exc.text(args.lang)}", file=sys.stderr)
        return None
    dashboard = cluster.dashboard or render("batch.no_dashboard", args.lang)
    line = render("batch.cluster", args.lang, workers=cluster.workers, dashboard=dashboard)
    print(line, file=sys.stderr)
    dask_runner.warm_up(cluster)
    return cluster


def _report(summary: object, out: str, ignored: int, lang: str) -> None:
    from ..batch.runner import Summary
    from ..messages import number, read_error_text, render

    assert isinstance(summary, Summary)
    rate = (summary.parsed + summary.failed) / summary.elapsed if summary.elapsed else 0.0
    before = (
        render("cli.batch_skipped_failed", lang, n=summary.skipped_failed)
        if summary.skipped_failed
        else ""
    )
    print(
        render(
            "cli.batch_summary",
            lang,
            total=summary.total,
            parsed=summary.parsed,
            failed=summary.failed,
            skipped=summary.skipped,
            skipped_failed=before,
            seconds=number(summary.elapsed, lang),
            rate=number(rate, lang),
            path=out,
        )
        + (render("cli.batch_elsewhere", lang, n=summary.elsewhere) if summary.elsewhere else "")
    )
    if summary.by_type:
        unknown = render("cli.batch_unknown_type", lang)
        types = ", ".join(
            f"{unknown if code == 'unknown type' else code} {n}"
            for code, n in summary.by_type.most_common()
        )
        print(render("cli.batch_types", lang, types=types))
    if ignored:
        print(render("cli.batch_ignored", lang, n=ignored))
    for failure in summary.failures:
        reason = read_error_text(failure.error_kind, failure.error_message or "", lang)
        print(render("cli.batch_failed", lang, path=failure.path, reason=reason), file=sys.stderr)
    hidden = summary.failed - len(summary.failures)
    if hidden > 0:
        print(render("cli.batch_more", lang, n=hidden, path=out), file=sys.stderr)
