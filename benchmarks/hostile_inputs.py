"""Time and peak memory of parse and lint on each hostile input (tests/hostile generates them).

    python3 benchmarks/hostile_inputs.py [--limit-gb 3]

Prints one row per input and command: exit code, wall seconds, peak resident MB, and the first
line of standard error (the one-line error, when there is one).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
sys.path.insert(0, str(HOSTILE))

from hostile_inputs import INPUTS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit-gb", type=float, default=3.0, help="address-space limit")
    args = parser.parse_args()
    limit = int(args.limit_gb * 2**30)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as folder:
        for make, _ in INPUTS.values():
            make(Path(folder))
        peak = Path(folder) / "peak"
        print(f"{'input':<22} {'command':<6} exit  seconds  peak MB  message")
        for name in INPUTS:
            for command in ("parse", "lint"):
                start = time.monotonic()
                done = subprocess.run(
                    [sys.executable, str(HOSTILE / "limited.py"), str(limit), str(peak),
                     command, str(Path(folder) / name)],
                    capture_output=True, text=True, env=env, timeout=600,
                )  # fmt: skip
                seconds = time.monotonic() - start
                mb = int(peak.read_text() or 0) / 1024
                message = (done.stderr.splitlines() or [""])[0].split(": ", 2)[-1][:90]
                print(
                    f"{name:<22} {command:<6} {done.returncode:>4} {seconds:8.1f} {mb:8.0f}  "
                    f"{message}"
                )


if __name__ == "__main__":
    main()
