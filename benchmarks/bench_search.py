"""Benchmark `vbparse search` on a registry of the corpus's typed documents.

    python benchmarks/bench_search.py [--copies N] [--db REGISTRY]

Builds the registry with `vbparse batch` (the typed folders, each document stored N times under
different names so that the registry grows; default 1) unless --db names one, then times each
query (median of 5 runs, limit 20) and prints hits and milliseconds, and how many documents the
diacritic-free words alone would have matched (what the old search returned).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

FOLDERS = ("seed", "plans", "plans2", "plans3", "docs", "heldout", "roles")
QUERIES = (
    ("dân vận", False),
    ("dan van", True),
    ("kế hoạch", False),
    ("van", True),
    ('"quy chế dân chủ"', False),
    ("đào*", False),
    ("giáo dục đào tạo", False),
)


def build(copies: int, where: Path) -> Path:
    from vbparse.cli import main

    archive = where / "archive"
    for n in range(copies):
        for folder in FOLDERS:
            shutil.copytree(ROOT / "corpus" / folder, archive / f"{n}" / folder)
    db = where / "bench.sqlite"
    main(["batch", str(archive), "--db", str(db), "-q"])
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--db")
    args = parser.parse_args()
    from vbparse.batch import registry

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build(args.copies, Path(tmp))
        conn = registry.connect(db)
        total = conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        print(f"registry: {total} documents")
        print(f"{'query':<22} {'hits':>5} {'folded-only':>12} {'ms':>8}")
        for query, no_accents in QUERIES:
            times = []
            for _ in range(5):
                t = time.perf_counter()
                hits = registry.search(
                    conn, query, registry.SearchFilters(), limit=20, no_accents=no_accents
                )
                times.append((time.perf_counter() - t) * 1000)
            expression = registry.fts_query(query)
            loose = conn.execute(
                "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (expression,)
            ).fetchone()[0]
            flag = " (--no-accents)" if no_accents else ""
            name = f"{query}{flag}"
            print(f"{name:<22} {len(hits):>5} {loose:>12} {statistics.median(times):>8.1f}")
        conn.close()


if __name__ == "__main__":
    main()
