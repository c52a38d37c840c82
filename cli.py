#!/usr/bin/env python3
"""Run the vbparse CLI from a checkout: `python cli.py parse FILE` (same as `vbparse parse FILE`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from vbparse.cli import run

if __name__ == "__main__":
    run()
