"""vbparse batch PATH... --out OUT : import an archive into a registry or a JSON Lines file."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "batch",
        help="parse a whole archive in parallel into a registry (resumable)",
        description="Parse every document under the given folders (recursively), globs or files "
        "in parallel, storing each result as it comes into OUT: a SQLite registry (.sqlite, .db; "
        "searchable with 'vbparse search') or a JSON Lines file (.jsonl). A rerun skips files "
        "stored with the same content and re-parses changed ones, so an interrupted run simply "
        "resumes. Files that cannot be read or parsed are stored as failed with the reason. "
        "With --scheduler the work runs on a Dask cluster and the dashboard address is printed. "
        "Several batches may run on one registry at once: they share the files (docs/scale.md). "
        "Exit 0 when every file is parsed, 1 when some failed, 2 on bad usage.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folder, glob or file")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--out",
        "-o",
        metavar="OUT",
        help="registry (.sqlite, .db) or JSON Lines file (.jsonl)",
    )
    target.add_argument(
        "--db",
        metavar="URL",
        help="registry by URL: postgresql://user@host/dbname (PostgreSQL, shared by several "
        "machines), sqlite:///file.sqlite, or a file name",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: tcp://host:8786 (a running scheduler; its workers must see "
        "the files at the same paths) or local:N (N worker processes on this machine). Without "
        "it, a pool of --jobs processes on this machine",
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
        help="give up on a file after this long, recording it as failed (default 300; 0: no "
        "limit; not enforced with --scheduler)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, summary only")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch.discover import discover
    from ..batch.storage import RegistryError
    from ..batch.store import SinkError, open_sink

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
    target = args.out or args.db
    out = os.path.abspath(target)
    files = [f for f in found.files if f != out]  # a registry inside the archive is not input
    try:
        sink = open_sink(target)
    except SinkError as exc:
        print(f"vbparse batch: {exc}", file=sys.stderr)
        return 2
    try:
        share = _share(target) if sink.wants_rows else None  # a registry: shared with others
        try:
            summary = _execute(args, files, sink, jobs, share)
        finally:
            if share is not None:
                share.close()
    except (SinkError, RegistryError) as exc:
        print(f"vbparse batch: {exc}; run the same command again to resume", file=sys.stderr)
        return 2
    finally:
        sink.close()
    if summary is None:
        return 2
    _report(summary, getattr(sink, "location", target), found.ignored)
    if summary.interrupted:
        print("vbparse batch: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    return 1 if summary.failed or summary.skipped_failed else 0


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
        cluster = _cluster(args.scheduler)
        if cluster is None:
            return None
        from ..batch import dask_runner

        run_batch = functools.partial(dask_runner.run, cluster=cluster)
    progress = _progress(len(files), quiet=args.quiet)
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


def _cluster(scheduler: str) -> Any:
    """A Dask cluster client, its workers warmed up and the dashboard announced; None (the
    reason printed) when it cannot be had."""
    try:
        from ..batch import dask_runner
    except ImportError:
        print(
            "vbparse batch: --scheduler needs Dask: pip install 'vbparse[scale]'", file=sys.stderr
        )
        return None
    try:
        cluster = dask_runner.connect(scheduler)
    except dask_runner.SchedulerError as exc:
        print(f"vbparse batch: {exc}", file=sys.stderr)
        return None
    dashboard = cluster.dashboard or "not available (pip install bokeh)"
    print(f"Dask: {cluster.workers} workers; dashboard: {dashboard}", file=sys.stderr)
    dask_runner.warm_up(cluster)
    return cluster


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
        + ")"
        + (f", {summary.elsewhere} recorded by another batch" if summary.elsewhere else "")
        + f" in {summary.elapsed:.1f} s ({rate:.1f} files/s) → {out}",
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
