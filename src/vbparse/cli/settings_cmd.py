"""vbparse settings : print the parser's thresholds as a TOML settings file."""

from __future__ import annotations

import argparse

from ..errors import ExitCode
from .options import add_common_options, emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "settings",
        help="print the parser's thresholds (a settings file to edit)",
        description="Print every threshold of the parser as TOML, with --settings/--set applied: "
        "save it, change a value, and pass the file to parse, eval, batch, lint or check with "
        "--settings FILE (or change one value with --set GROUP.NAME=VALUE). What each value "
        "bounds is written beside it in vbparse/settings.py.",
    )
    add_common_options(p, out="FILE", settings=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..settings import current, to_toml

    text = to_toml(current())
    return ExitCode.OK if emit(args, text) else ExitCode.USAGE
