"""Figures of the form check on the blind Decree-30 cases (tests/lint/form/blind_cases.py):
share of the expected violations found, error findings on correct documents, and each miss.

    PYTHONPATH=src python3 benchmarks/form_blind_cases.py [OUT_DIR]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "lint" / "form"))

import blind_cases  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="blind_"))
    pairs = blind_cases.write_all(out)
    files = [str(p) for _, p in pairs]
    run = subprocess.run(
        [sys.executable, "-m", "vbparse", "lint", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    result = blind_cases.measure([c for c, _ in pairs], json.loads(run.stdout))
    correct = sum(not c.expected for c, _ in pairs)
    print(f"cases: {len(pairs)} ({correct} correct) in {out}")
    print(
        f"expected violations found: {result['found']}/{result['expected']} = {result['recall']:.3f}"
    )
    print(f"error findings on correct documents: {len(result['false_errors'])}")
    for miss in result["misses"]:
        print("  missed:", miss)
    for error in result["false_errors"]:
        print("  false error:", error)


if __name__ == "__main__":
    main()
