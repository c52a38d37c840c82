"""vbparse eval GOLD_DIR : per-field accuracy against hand-written gold files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="measure per-field accuracy against gold annotations",
        description="Parse every document in GOLD_DIR (recursively) that has a gold file "
        "'NAME.gold.json' beside it and print the per-field accuracy.",
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("--misses", action="store_true", help="list every wrong value (got vs gold)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluation import evaluate

    root = Path(args.gold_dir)
    if not root.is_dir():
        print(f"vbparse: {root}: not a folder", file=sys.stderr)
        return 2
    result = evaluate(root)
    if result.documents == 0:
        print(f"vbparse: {root}: no document with a .gold.json beside it", file=sys.stderr)
        return 1
    print(f"{'field':<20} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for name, f in result.fields.items():
        print(f"{name:<20} {f.correct:>8} {f.total:>6} {f.accuracy:>9.1%}")
    print(f"{'ALL':<20} {'':>8} {'':>6} {result.overall:>9.1%}   ({result.documents} documents)")
    for path, error in result.failures:
        print(f"failed: {path}: {error}")
    if args.misses:
        for name, f in result.fields.items():
            for doc, got, want in f.misses:
                print(f"\n[{name}] {doc}\n   got:  {got!r}\n   gold: {want!r}")
    return 1 if result.failures else 0
