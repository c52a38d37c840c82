"""Throughput of `vbparse batch` on a Dask LocalCluster at 1, 2 and 4 workers.

    python benchmarks/bench_scale.py [--files 2000] [--scans 16] [--workers 1,2,4]
                                     [--db URL] [--keep DIR] [--json OUT]

Builds a mixed archive of copies of corpus/ documents (text and Markdown, .docx, PDFs with a
text layer, one-page scans that need OCR, and broken files) and imports it into a fresh
registry once per worker count, through the same code as `vbparse batch --scheduler local:N`.
Prints, per run: files/s and the speed-up over one worker; the one writer's share of the wall
time, and the share during which workers sat idle while it committed (what the registry costs);
the CPU of the workers and of the client (writer, Dask client and scheduler), split into OCR,
parsing, Dask's own work and the registry, with the wall time these CPU figures predict on an
idle machine; and how busy the machine was (load average, and the CPU the other processes took
meanwhile, from /proc/stat), because a shared machine's wall-clock figures mean little without
it. Cluster start-up and the parser's import on each worker are timed apart.

A quick run: python benchmarks/bench_scale.py --files 2000 --workers 1,2
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


def _merged(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlap(xs: list[tuple[float, float]], ys: list[tuple[float, float]]) -> float:
    """Seconds two lists of merged intervals share."""
    total, j = 0.0, 0
    for a, b in xs:
        while j < len(ys) and ys[j][1] <= a:
            j += 1
        k = j
        while k < len(ys) and ys[k][0] < b:
            total += min(b, ys[k][1]) - max(a, ys[k][0])
            k += 1
    return total


def idle_and_blocked(
    stream: list[dict], commits: list[tuple[float, float]], span: tuple[float, float]
):
    """(worker-seconds idle, of which while the writer was committing), from Dask's task stream
    (each task's compute interval on its worker) and the writer's commit intervals."""
    busy: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for task in stream:
        for part in task.get("startstops", ()):
            if part["action"] == "compute":
                busy[task["worker"]].append((part["start"], part["stop"]))
    writing = _merged([c for c in commits if c[1] > span[0]])
    idle = blocked = 0.0
    for intervals in busy.values():
        gaps, last = [], span[0]
        for a, b in _merged(intervals):
            if a > last:
                gaps.append((last, a))
            last = max(last, b)
        if span[1] > last:
            gaps.append((last, span[1]))
        idle += sum(b - a for a, b in gaps)
        blocked += _overlap(gaps, writing)
    return idle, blocked


def measure(files: list[str], kind_of: dict[str, str], workers: int, db: str) -> dict:
    from distributed import get_task_stream

    from vbparse.batch import dask_runner
    from vbparse.batch.sharing import WorkShare
    from vbparse.batch.store import RegistrySink

    started = time.perf_counter()
    cluster = dask_runner.connect(f"local:{workers}")
    dask_runner.warm_up(cluster)
    startup = time.perf_counter() - started
    sink = RegistrySink(db)
    share = WorkShare(db)  # claims, as `vbparse batch` takes them: part of the registry's cost
    writer = {"wall": 0.0, "cpu": 0.0}
    commits: list[tuple[float, float]] = []  # the writer's intervals (epoch seconds)

    def timed(work):
        def run(*args):
            t, c, w = time.perf_counter(), time.thread_time(), time.time()
            out = work(*args)
            writer["wall"] += time.perf_counter() - t
            writer["cpu"] += time.thread_time() - c
            commits.append((w, time.time()))
            return out

        return run

    share.claim = timed(share.claim)  # type: ignore[method-assign]
    by_kind: dict[str, list[float]] = defaultdict(list)
    cpu_by_kind: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    store = timed(sink.write)

    def write(results) -> None:
        store(results)
        for r in results:
            kind = kind_of.get(r.path, "other")
            by_kind[kind].append(r.seconds)
            cpu_by_kind[kind] += r.cpu
            parts[kind] += r.parts - 1

    cpu_before = workers_cpu(cluster.client)
    busy0, total0 = machine_busy()
    load_before = os.getloadavg()[0]
    client_cpu0 = time.process_time()
    span0 = time.time()
    with get_task_stream(cluster.client) as stream:
        summary = dask_runner.run(
            files, sink.stored(), write, cluster=cluster, want_rows=True, share=share
        )
    span = (span0, time.time())
    client_cpu = time.process_time() - client_cpu0
    busy1, total1 = machine_busy()
    worker_cpu = workers_cpu(cluster.client) - cpu_before
    idle, blocked = idle_and_blocked(stream.data, commits, span)
    cluster.close()
    share.close()
    sink.close()
    ncpu = os.cpu_count() or 1
    wall = summary.elapsed
    busy_cores = (busy1 - busy0) / (total1 - total0) * ncpu
    batch_cpu = worker_cpu + client_cpu
    useful = sum(cpu_by_kind.values())
    return {
        "workers": workers,
        "files": summary.parsed + summary.failed,
        "failed": summary.failed,
        "wall_s": wall,
        "files_per_s": (summary.parsed + summary.failed) / wall,
        "startup_s": startup,
        "registry_s": writer["wall"],
        "registry_share": writer["wall"] / wall,  # the writer's busy time / wall time
        # the workers' time idle while the writer committed, per worker, / wall time
        "registry_blocking_share": blocked / workers / wall,
        "workers_idle_share": idle / workers / wall,
        "registry_cpu_s": writer["cpu"],
        "registry_cpu_share": writer["cpu"] / batch_cpu,
        "client_cpu_s": client_cpu,
        "worker_cpu_s": worker_cpu,
        "useful_cpu_s": useful,  # the files' own CPU (OCR and parsing), measured in the task
        "cpu_by_kind": dict(cpu_by_kind),
        "worker_s_by_kind": {k: sum(v) for k, v in by_kind.items()},
        "files_by_kind": {k: len(v) for k, v in by_kind.items()},
        "extra_tasks_by_kind": dict(parts),  # page-range tasks of split scans
        "shares": {  # of all the CPU the batch used
            "OCR (scans)": cpu_by_kind.get("scan", 0.0) / batch_cpu,
            "parsing (other files)": (useful - cpu_by_kind.get("scan", 0.0)) / batch_cpu,
            "Dask on the workers": (worker_cpu - useful) / batch_cpu,
            "registry (the writer)": writer["cpu"] / batch_cpu,
            "client + scheduler": (client_cpu - writer["cpu"]) / batch_cpu,
        },
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "machine_busy_cores": busy_cores,
        "others_busy_cores": max(0.0, busy_cores - batch_cpu / wall),
    }


def idle_wall(run: dict, cores: int) -> float:
    """The wall time the run's CPU predicts on `cores` idle cores: each worker and the client
    are one process (at most a core each), and all of them share the cores."""
    w, k, n = run["worker_cpu_s"], run["client_cpu_s"], run["workers"]
    return max(w / min(n, cores), k, (w + k) / cores)


def report(runs: list[dict]) -> None:
    base = runs[0]["files_per_s"] / runs[0]["workers"] if runs else 1.0
    cores = os.cpu_count() or 1
    print(f"{'workers':>7} {'files':>5} {'wall s':>7} {'files/s':>8} {'speed-up':>8} "
          f"{'writer':>6} {'blocks':>6} {'idle':>5} {'load':>9} {'others':>6}")  # fmt: skip
    for r in runs:
        print(f"{r['workers']:>7} {r['files']:>5} {r['wall_s']:>7.1f} {r['files_per_s']:>8.2f} "
              f"{r['files_per_s'] / base:>7.2f}× {r['registry_share']:>6.1%} "
              f"{r['registry_blocking_share']:>6.1%} {r['workers_idle_share']:>5.0%} "
              f"{r['load_before']:>4.1f}→{r['load_after']:<4.1f} "
              f"{r['others_busy_cores']:>5.2f}c")  # fmt: skip
    print("\nCPU seconds (load-independent but for cache contention) and what they predict on "
          f"{cores} idle cores:")  # fmt: skip
    first = idle_wall(runs[0], cores) if runs else 1.0
    for r in runs:
        total = r["worker_cpu_s"] + r["client_cpu_s"]
        shares = ", ".join(f"{k} {v:.1%}" for k, v in r["shares"].items())
        predicted = idle_wall(r, cores)
        print(f"  {r['workers']} workers: workers {r['worker_cpu_s']:.1f} (files' own "
              f"{r['useful_cpu_s']:.1f}), client {r['client_cpu_s']:.1f} (writer "
              f"{r['registry_cpu_s']:.1f}); serial (client) fraction "
              f"{r['client_cpu_s'] / total:.1%}; predicted idle wall {predicted:.1f} s, "
              f"{first / predicted:.2f}× — shares: {shares}")  # fmt: skip
    print("\nper kind (files, mean CPU s per file, share of the files' own CPU):")
    for r in runs:
        useful = r["useful_cpu_s"] or 1.0
        parts = [f"{k} {r['files_by_kind'][k]}×{s / r['files_by_kind'][k]:.3f}s ({s / useful:.0%})"
                 for k, s in sorted(r["cpu_by_kind"].items())]  # fmt: skip
        print(f"  {r['workers']} workers: " + ", ".join(parts))
    print("\n'writer': the one writer's commit and claim time / wall time; 'blocks': the time "
          "workers sat idle while it committed, per worker / wall time (what the registry costs "
          "the batch); 'idle': workers' idle time / wall; 'others': CPU cores the rest of the "
          f"machine kept busy during the run (of {cores}). Predicted: max(workers' CPU / "
          "workers, client CPU, all CPU / cores).")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
