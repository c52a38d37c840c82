"""The `vbparse` command line. Each sub-command lives in its own module of this package and
exposes `register(subparsers)`; modules must import nothing heavy at module level, so that
`vbparse --help` and `vbparse parse` stay fast.

Every command shares the options of `options.add_common_options` and the exit codes of
`vbparse.errors.ExitCode` (docs/cli.md): 0 done, 1 findings / threshold not met / some files
failed, 2 bad usage, 3 input unreadable, 4 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

# Sub-command modules, in the order --help lists them. A missing module is skipped so that a
# partial checkout still runs.
COMMANDS = (
    "parse",
    "schema",
    "eval",
    "check",
    "eval-check",
    "lint",
    "batch",
    "search",
    "export",
    "train",
    "serve",
    "completion",
    "settings",
)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command`, only that sub-command's module is imported and
    registered (what `main` does when the first argument names one: `vbparse parse` need not
    import the other commands' modules)."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="vbparse",
        description="Parse Vietnamese administrative documents (kế hoạch, quyết định, công văn …) "
        "into structured, traceable JSON; lint them; check a plan against its parent plan.",
        epilog="Run 'vbparse COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"vbparse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if command is None else (command,):
        try:
            # "eval-check" lives in eval_check_cmd.
            module_name = name.replace("-", "_") + "_cmd"
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(module_name):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .options import apply_settings, report_failure

    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list[0] if args_list and args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        apply_settings(args)
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("vbparse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        return report_failure(args, exc)


# Set by a command whose process holds nothing that needs tearing down but memory (the plan
# checker's models): `run` then ends the process without freeing it object by object.
_SKIP_TEARDOWN = False


def skip_teardown() -> None:
    global _SKIP_TEARDOWN
    _SKIP_TEARDOWN = True


def run() -> NoReturn:
    """The `vbparse` program (console script, `python -m vbparse`): main(), then the exit. After
    `check`/`check-batch`, freeing the segmenter's tables and the word vectors at interpreter
    shutdown costs ~0.1 s (a tenth of a check): the output is flushed and the atexit handlers
    run, then the process ends without the teardown."""
    code = main()
    if not _SKIP_TEARDOWN:
        sys.exit(code)
    import atexit
    import contextlib
    import os

    for stream in (sys.stdout, sys.stderr):
        # A reader gone (`| head`) or a closed stream: nothing left to keep.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
