"""Load test of `vbparse serve` on loopback: one upload after warm-up, then 20 concurrent
clients × 10 uploads of real text documents, with latency percentiles and errors.

The server is started here, as a user starts it, on a free loopback port with a fresh registry.
Every upload is a distinct file (a real document of corpus/ with a different number of trailing
newlines), so each one is parsed and stored, never answered from a cache.

    python benchmarks/bench_web.py [--clients 20] [--uploads 10] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"
DOCUMENTS = [SEED, *sorted((ROOT / "corpus" / "plans").glob("*.txt")),
             *sorted((ROOT / "corpus" / "docs").glob("*.md"))]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, jobs: int) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("VBPARSE_READ_CACHE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "vbparse", "serve", "--db", str(db), "--port", str(free_port()),
         "--jobs", str(jobs)],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"open (http://\S+?)/", line)
        if found:
            return process, found.group(1)
    raise SystemExit("the server did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--uploads", type=int, default=10, help="uploads per client")
    ap.add_argument("--jobs", type=int, default=2, help="the server's worker processes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        process, base = start_server(Path(tmp) / "registry.sqlite", args.jobs)
        try:
            with httpx.Client(base_url=base, timeout=300) as client:
                seed = SEED.read_bytes()

                def post(name: str, data: bytes) -> httpx.Response:
                    return client.post("/api/parse", files={"file": (name, data)})

                for i in range(3):  # warm-up: the workers import and load what they need
                    post("warm.txt", seed + b"\n" * (1000 + i))
                single = []
                for i in range(10):
                    start = time.perf_counter()
                    r = post("seed.txt", seed + b"\n" * (2000 + i))
                    single.append(time.perf_counter() - start)
                    assert r.status_code == 200, r.text
                print(f"POST /api/parse of the seed after warm-up: median "
                      f"{statistics.median(single) * 1000:.0f} ms, max {max(single) * 1000:.0f} ms "
                      f"(10 uploads, one at a time)")  # fmt: skip

                latencies: list[float] = []
                errors: list[str] = []
                lock = threading.Lock()
                payloads = [p.read_bytes() for p in DOCUMENTS]

                def one_client(c: int) -> None:
                    with httpx.Client(base_url=base, timeout=300) as own:
                        for k in range(args.uploads):
                            n = c * args.uploads + k
                            path = DOCUMENTS[n % len(DOCUMENTS)]
                            data = payloads[n % len(DOCUMENTS)] + b"\n" * (3000 + n)
                            start = time.perf_counter()
                            try:
                                r = own.post("/api/parse", files={"file": (path.name, data)})
                                ok, why = r.status_code == 200, f"{r.status_code} {r.text[:120]}"
                            except httpx.HTTPError as exc:
                                ok, why = False, repr(exc)
                            with lock:
                                latencies.append(time.perf_counter() - start)
                                if not ok:
                                    errors.append(f"{path.name}: {why}")

                start = time.perf_counter()
                with ThreadPoolExecutor(args.clients) as pool:
                    list(pool.map(one_client, range(args.clients)))
                wall = time.perf_counter() - start
                total = args.clients * args.uploads
                stored = client.get("/api/documents", params={"per_page": 1}).json()["total"]
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)
    print(f"{args.clients} concurrent clients × {args.uploads} uploads = {total} uploads of "
          f"{len(DOCUMENTS)} real text documents, server with {args.jobs} workers:")  # fmt: skip
    print(f"  latency p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
          f"max {max(latencies):.2f} s")  # fmt: skip
    print(f"  throughput {total / wall:.1f} uploads/s ({wall:.1f} s in all)")
    print(f"  errors {len(errors)}; documents in the registry {stored}")
    for line in errors[:10]:
        print("   ", line)
    print(f"  machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
