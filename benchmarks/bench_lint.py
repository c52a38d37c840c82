"""Lint timing over the corpus: parse, the rules without spelling, and the spelling rule apart.

Run: python benchmarks/bench_lint.py. The lexicon is loaded once per process (its cost is
reported on its own line); per-document figures are medians of 3 runs on a warm process, in CPU
milliseconds (time.process_time), so that other processes loading the machine do not count.
Exit code 1 when lint without spelling exceeds 50 ms on any document (issue 4).
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

from vbparse.check.lexicon import lexicon
from vbparse.check.lint import lint_raw
from vbparse.pipeline import parse_raw
from vbparse.readers import read

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    sorted((ROOT / "corpus" / "docs").glob("file_data_*.md"))
    + sorted((ROOT / "corpus" / "docs").glob("cv-*.md"))
    + sorted((ROOT / "corpus" / "plans").glob("*.txt"))
    + [ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"]
)


def main() -> int:
    t = time.process_time()
    lexicon()
    print(f"lexicon load (once per process): {(time.process_time() - t) * 1000:.1f} ms")
    rows = []
    for path in FILES:
        raw = read(path)
        parse_ms, rules_ms, spelling_ms = [], [], []
        for _ in range(3):
            t = time.process_time()
            doc = parse_raw(raw)
            parse_ms.append((time.process_time() - t) * 1000)
            report = lint_raw(raw, doc=doc, today=date(2026, 1, 1))
            spelling_ms.append(report.timing_ms["spelling"])
            rules_ms.append(report.timing_ms["rules"] - report.timing_ms["spelling"])
        rows.append(
            (
                path.name,
                statistics.median(parse_ms),
                statistics.median(rules_ms),
                statistics.median(spelling_ms),
            )
        )
    print(f"{'file':40} {'parse':>8} {'lint':>8} {'spelling':>9}  (CPU ms)")
    for name, p, r, s in rows:
        print(f"{name:40} {p:8.1f} {r:8.1f} {s:9.1f}")
    worst = max(r for _, _, r, _ in rows)
    print(
        f"lint without spelling: max {worst:.1f} ms, median "
        f"{statistics.median(r for _, _, r, _ in rows):.1f} ms; spelling: max "
        f"{max(s for *_, s in rows):.1f} ms, median {statistics.median(s for *_, s in rows):.1f} ms;"
        f" parse: max {max(p for _, p, _, _ in rows):.1f} ms, median "
        f"{statistics.median(p for _, p, _, _ in rows):.1f} ms"
    )
    return 0 if worst <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
