"""Lint timing over the corpus: parse, the rules without spelling, and the spelling rule apart.

Run: python benchmarks/bench_lint.py. The lexicon is loaded once per process (its cost is
reported on its own line), and one document is linted first so that importing the rules and
compiling their patterns is not charged to a document. Figures are CPU milliseconds
(time.process_time), so that other processes loading the machine count for little, and medians
of 3 runs: "cold" runs start with the caches emptied (`clear_caches`), as a fresh
`vbparse lint FILE` would; "warm" runs follow each other (a batch, where earlier documents filled
the caches). Exit code 1 when lint without spelling exceeds 50 ms on any document, cold (issue 4).
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

from vbparse.lint.lexicon import lexicon
from vbparse.lint.runner import clear_caches, lint_raw
from vbparse.pipeline import parse_raw
from vbparse.readers import RawDocument, read

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    sorted((ROOT / "corpus" / "docs").glob("file_data_*.md"))
    + sorted((ROOT / "corpus" / "docs").glob("cv-*.md"))
    + sorted((ROOT / "corpus" / "plans").glob("*.txt"))
    + [ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"]
)
RUNS = 3
LIMIT_MS = 50.0
COLUMNS = ("parse", "lint cold", "lint warm", "spelling cold", "spelling warm")


def measure(raw: RawDocument) -> list[float]:
    """Median CPU ms of: parse, lint without spelling (cold, warm), spelling (cold, warm)."""
    parse_ms: list[float] = []
    lint_ms: dict[bool, list[float]] = {True: [], False: []}
    spelling_ms: dict[bool, list[float]] = {True: [], False: []}
    for cold in (True, False):
        for _ in range(RUNS):
            if cold:
                clear_caches()
            t = time.process_time()
            doc = parse_raw(raw)
            parse_ms.append((time.process_time() - t) * 1000)
            timing = lint_raw(raw, doc=doc, today=date(2026, 1, 1)).timing_ms
            lint_ms[cold].append(timing["rules"] - timing["spelling"])
            spelling_ms[cold].append(timing["spelling"])
    return [
        statistics.median(values)
        for values in (
            parse_ms,
            lint_ms[True],
            lint_ms[False],
            spelling_ms[True],
            spelling_ms[False],
        )
    ]


def main() -> int:
    t = time.process_time()
    lexicon()
    print(f"lexicon load (once per process): {(time.process_time() - t) * 1000:.1f} ms")
    lint_raw(read(FILES[0]))
    rows = [(path.name, measure(read(path))) for path in FILES]
    print(f"{'file (CPU ms)':36}" + "".join(f"{c:>15}" for c in COLUMNS))
    for name, figures in rows:
        print(f"{name:36}" + "".join(f"{f:15.1f}" for f in figures))
    for i, label in enumerate(COLUMNS):
        values = [figures[i] for _, figures in rows]
        print(f"{label}: max {max(values):.1f} ms, median {statistics.median(values):.1f} ms")
    worst = max(figures[1] for _, figures in rows)
    return 0 if worst <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
