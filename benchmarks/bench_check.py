"""Benchmark of the plan checker: one `vbparse check` (a fresh process, as an officer runs it),
and `vbparse check-batch` over a district of 100 school plans.

The 100 plans are the children of corpus/plans, each copy made distinct (its number and a
sentence changed) so that no result comes from the segmentation cache of another copy.

    python benchmarks/bench_check.py [--n 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "corpus" / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"


CPU: list[float] = []  # CPU seconds (user + sys) of the last run, which the load of a shared
# machine does not inflate the way it inflates wall time


def _run(args: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        check=False,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100, help="school plans in the batch")
    ap.add_argument("--runs", type=int, default=3, help="repetitions of the single check")
    args = ap.parse_args()
    children = sorted(PLANS.glob("child-*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ, VBPARSE_CACHE_DIR=str(work / "cache"))
        child = str(children[0])
        one = ["check", child, "--parent", str(PARENT), "--format", "json"]
        cold = _run(one, env)  # empty segmentation cache: the model is loaded
        cold_cpu = CPU[-1]
        warm = min(_run(one, env) for _ in range(args.runs))
        warm_cpu = min(CPU[-args.runs :])
        nocache = min(_run(one, dict(env, VBPARSE_NO_CACHE="1")) for _ in range(args.runs))
        nocache_cpu = min(CPU[-args.runs :])
        district = work / "district"
        district.mkdir()
        for k in range(args.n):
            src = children[k % len(children)]
            text = src.read_text(encoding="utf-8")
            text = text.replace(
                "Trên đây là", f"Kế hoạch được phổ biến đến tổ {k + 1}. Trên đây là", 1
            )
            (district / f"school-{k + 1:03d}.txt").write_text(text, encoding="utf-8")
        shutil.rmtree(work / "cache", ignore_errors=True)
        batch = _run(
            [
                "check-batch",
                str(district),
                "--parent",
                str(PARENT),
                "--out",
                str(work / "report.html"),
                "--no-progress",
            ],
            env,
        )
        batch_cpu = CPU[-1]
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cpus, load average {load:.1f}")
    print(f"one check, empty cache        : {cold:.2f} s wall, {cold_cpu:.2f} s cpu")
    print(
        f"one check, cached segmentation: {warm:.2f} s wall, {warm_cpu:.2f} s cpu (best of {args.runs})"
    )
    print(
        f"one check, cache off          : {nocache:.2f} s wall, {nocache_cpu:.2f} s cpu (best of {args.runs})"
    )
    print(
        f"batch of {args.n} school plans   : {batch:.2f} s wall, {batch_cpu:.2f} s cpu "
        f"({batch / args.n * 1000:.0f} ms/plan)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
