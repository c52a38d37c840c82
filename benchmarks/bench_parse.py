"""Parse speed per format over the corpus, beside bare text extraction of the same files.

    python benchmarks/bench_parse.py [--repeat N]

Bare extraction: reading and decoding the file for .txt/.md; python-docx paragraph and table
text for .docx. Prints median ms per document, documents/s and the ratio parse / bare, and the
cold wall time of `vbparse parse` on the seed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vbparse.pipeline import parse  # noqa: E402


def bare(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    return path.read_bytes().decode("utf-8", errors="replace")


def timed(fn, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(
        p
        for p in (ROOT / "corpus").rglob("*")
        if p.suffix in (".txt", ".md", ".docx")
        and p.name != "README.md"
        and "formats" not in p.parts
    )
    files += sorted((ROOT / "corpus" / "formats").glob("*.docx"))
    by_fmt: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for path in files:
        parse(path)  # warm caches and imports
        by_fmt[path.suffix].append(
            (timed(parse, path, args.repeat), timed(bare, path, args.repeat))
        )
    print(
        f"{'format':<7} {'docs':>5} {'parse ms (median)':>18} {'docs/s':>8} {'bare ms':>8} {'ratio':>6}"
    )
    for fmt, rows in sorted(by_fmt.items()):
        p = statistics.median(r[0] for r in rows) * 1000
        b = statistics.median(r[1] for r in rows) * 1000
        print(f"{fmt:<7} {len(rows):>5} {p:>18.2f} {1000 / p:>8.0f} {b:>8.2f} {p / b:>6.1f}")
    seed = ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "parse", str(seed)], capture_output=True, check=True
    )
    print(f"cold `vbparse parse` of the seed: {time.perf_counter() - t:.2f} s wall")


if __name__ == "__main__":
    main()
