"""vbparse schema : print the JSON Schema of the parse output."""

from __future__ import annotations

import argparse
import json

from ..errors import ExitCode
from .options import add_common_options, emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the parse output",
        description="Print the JSON Schema (draft 2020-12) that `vbparse parse` output follows.",
    )
    add_common_options(p, out="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..model import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return ExitCode.OK if emit(args, text) else ExitCode.USAGE
