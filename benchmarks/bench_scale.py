"""Throughput of `vbparse batch` on a Dask LocalCluster at 1, 2 and 4 workers.

    python benchmarks/bench_scale.py [--files 2000] [--scans 16] [--workers 1,2,4]
                                     [--db URL] [--keep DIR] [--json OUT]

Builds a mixed archive of copies of corpus/ documents (text and Markdown, .docx, PDFs with a
text layer, one-page scans that need OCR, and broken files) and imports it into a fresh
registry once per worker count, through the same code as `vbparse batch --scheduler local:N`.
Prints, per run: files/s and the speed-up over one worker; where the time went (worker seconds
by kind of file, so OCR = the scans' share; the registry = the seconds the one writer spent
committing and claiming files, as a share of the wall time); and how busy the machine was (load average, and the
CPU the other processes of the machine took meanwhile, from /proc/stat), because a shared
machine's figures mean nothing without it. Cluster start-up and the parser's import on each
worker are timed apart: they are paid once per cluster, not per file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import CORPUS, broken_files, copy_plan

ONE_PAGE_SCANS = ("11_SYT-GAVI", "171_GM-SYT", "17_GM-SYT", "2193_TB-SYT", "2275_SYT-NVY",
                  "2276_TB-SYT", "513_SYT-NVD")  # fmt: skip
TEXT_PDF_MAX_BYTES = 400_000  # the long laws of corpus/real would make text PDFs the slow kind


def sources() -> dict[str, list[Path]]:
    text = [*sorted((CORPUS / "docs").glob("*.md")), *sorted((CORPUS / "plans").glob("*.txt")),
            *sorted((CORPUS / "plans2").glob("*.txt")), *sorted((CORPUS / "seed").glob("*.txt"))]  # fmt: skip
    docx = sorted(p for p in CORPUS.glob("*/*.docx") if "tcvn3" not in p.name)
    pdf = [p for p in sorted(CORPUS.glob("formats/*.pdf")) if "scan" not in p.name]
    pdf += [p for p in sorted((CORPUS / "real").rglob("*.pdf"))
            if "scan" not in p.name and p.stat().st_size <= TEXT_PDF_MAX_BYTES]  # fmt: skip
    scan = [p for p in sorted((CORPUS / "real").rglob("*_scan*.pdf"))
            if p.name.startswith(ONE_PAGE_SCANS)]  # fmt: skip
    return {"text": text, "docx": docx, "pdf": pdf, "scan": scan}


def build_archive(root: Path, total: int, scans: int) -> dict[str, str]:
    """The archive under `root`; returns path → kind (text, docx, pdf, scan, broken)."""
    rng = random.Random(15)
    kinds = sources()
    broken = max(8, total // 100)
    plan = {"scan": scans, "pdf": total // 10, "docx": total // 7}
    plan["text"] = total - broken - sum(plan.values())
    kind_of = copy_plan(root, plan, kinds, rng)
    broken_files(root / "broken", broken, rng, kinds["docx"][0])
    for path in (root / "broken").iterdir():
        kind_of[str(path)] = "broken"
    return kind_of


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [float(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def workers_cpu(client) -> float:
    """CPU seconds of the worker processes and their children (Tesseract) so far."""

    def cpu() -> float:
        import psutil

        t = psutil.Process().cpu_times()
        return t.user + t.system + t.children_user + t.children_system

    return sum(client.run(cpu).values())


def measure(files: list[str], kind_of: dict[str, str], workers: int, db: str) -> dict:
    from vbparse.batch import dask_runner
    from vbparse.batch.store import RegistrySink

    started = time.perf_counter()
    cluster = dask_runner.connect(f"local:{workers}")
    dask_runner.warm_up(cluster)
    startup = time.perf_counter() - started
    from vbparse.batch.sharing import WorkShare

    sink = RegistrySink(db)
    share = WorkShare(db)  # claims, as `vbparse batch` takes them: part of the registry's cost
    registry_seconds = 0.0
    # CPU of the writing thread: the wall time of a commit also counts the waits for a core
    # (a loaded machine) and for the GIL (the Dask client's own thread decoding results).
    registry_cpu = 0.0
    claim = share.claim

    def timed_claim(paths, stored):
        nonlocal registry_seconds, registry_cpu
        t, c = time.perf_counter(), time.thread_time()
        won = claim(paths, stored)
        registry_seconds += time.perf_counter() - t
        registry_cpu += time.thread_time() - c
        return won

    share.claim = timed_claim  # type: ignore[method-assign]
    by_kind: dict[str, list[float]] = defaultdict(list)

    def write(results) -> None:
        nonlocal registry_seconds, registry_cpu
        t, c = time.perf_counter(), time.thread_time()
        sink.write(results)
        registry_seconds += time.perf_counter() - t
        registry_cpu += time.thread_time() - c
        for r in results:
            by_kind[kind_of.get(r.path, "other")].append(r.seconds)

    cpu_before = workers_cpu(cluster.client)
    busy0, total0 = machine_busy()
    load_before = os.getloadavg()[0]
    client_cpu0 = time.process_time()
    summary = dask_runner.run(
        files, sink.stored(), write, cluster=cluster, want_rows=True, share=share
    )
    client_cpu = time.process_time() - client_cpu0
    busy1, total1 = machine_busy()
    worker_cpu = workers_cpu(cluster.client) - cpu_before
    cluster.close()
    share.close()
    sink.close()
    ncpu = os.cpu_count() or 1
    wall = summary.elapsed
    busy_cores = (busy1 - busy0) / (total1 - total0) * ncpu
    worker_seconds = {k: sum(v) for k, v in by_kind.items()}
    all_worker_seconds = sum(worker_seconds.values())
    return {
        "workers": workers,
        "files": summary.parsed + summary.failed,
        "failed": summary.failed,
        "wall_s": wall,
        "files_per_s": (summary.parsed + summary.failed) / wall,
        "startup_s": startup,
        "registry_s": registry_seconds,
        "registry_share": registry_seconds / wall,
        "registry_cpu_s": registry_cpu,
        # of all the CPU the batch used (workers, their OCR children, the client)
        "registry_cpu_share": registry_cpu / (worker_cpu + client_cpu),
        "client_cpu_s": client_cpu,
        "worker_cpu_s": worker_cpu,
        "worker_s_by_kind": worker_seconds,
        "files_by_kind": {k: len(v) for k, v in by_kind.items()},
        "ocr_share": worker_seconds.get("scan", 0.0) / all_worker_seconds,
        "parse_share": 1 - worker_seconds.get("scan", 0.0) / all_worker_seconds,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "machine_busy_cores": busy_cores,
        "others_busy_cores": max(0.0, busy_cores - (worker_cpu + client_cpu) / wall),
    }


def report(runs: list[dict]) -> None:
    base = runs[0]["files_per_s"] / runs[0]["workers"] if runs else 1.0
    print(f"{'workers':>7} {'files':>5} {'wall s':>7} {'files/s':>8} {'speed-up':>8} "
          f"{'registry':>8} {'reg.CPU':>7} {'OCR':>5} {'load':>9} {'others':>6}")  # fmt: skip
    for r in runs:
        print(f"{r['workers']:>7} {r['files']:>5} {r['wall_s']:>7.1f} {r['files_per_s']:>8.2f} "
              f"{r['files_per_s'] / base:>7.2f}× {r['registry_share']:>7.1%} "
              f"{r['registry_cpu_share']:>7.1%} "
              f"{r['ocr_share']:>5.0%} {r['load_before']:>4.1f}→{r['load_after']:<4.1f} "
              f"{r['others_busy_cores']:>5.2f}c")  # fmt: skip
    print("\nper kind (mean worker seconds per file, share of worker time):")
    for r in runs:
        total = sum(r["worker_s_by_kind"].values())
        parts = [f"{k} {r['files_by_kind'][k]}×{s / r['files_by_kind'][k]:.3f}s ({s / total:.0%})"
                 for k, s in sorted(r["worker_s_by_kind"].items())]  # fmt: skip
        print(f"  {r['workers']} workers: " + ", ".join(parts))
    print("\n'others': CPU cores the rest of the machine kept busy during the run (of "
          f"{os.cpu_count()}); 'registry': the writer's commit and claim time / wall time; 'reg.CPU': its CPU / all the CPU the batch used.")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--scans", type=int, default=16, help="one-page scans (OCR) among them")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--db", help="a PostgreSQL URL (an empty database); default: SQLite")
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    root = args.keep or work / "archive"
    kind_of = build_archive(root, args.files, args.scans)
    files = sorted(kind_of)
    print(f"archive: {len(files)} files " + str(dict(Counter(kind_of.values()))), flush=True)
    runs = []
    for n in (int(x) for x in args.workers.split(",")):
        if args.db:
            from vbparse.batch.storage import open_registry

            cleared = open_registry(args.db)
            cleared.conn.execute("TRUNCATE documents CASCADE")  # type: ignore[attr-defined]
            cleared.close()
        db = args.db or str(work / f"registry-{n}.sqlite")
        runs.append(measure(files, kind_of, n, db))
        print(f"{n} workers: {runs[-1]['files_per_s']:.2f} files/s", flush=True)
    report(runs)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
