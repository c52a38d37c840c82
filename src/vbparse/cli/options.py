"""The options every command spells the same way, and the one place a command's failure becomes
an exit code and a line on standard error.

A command adopts the vocabulary with one call in its `register`:

    p = sub.add_parser("lint", ...)
    add_common_options(p, formats=("text", "json"), out="FILE")

Every command then has --lang, --quiet/-q and --verbose/-v; --format/-f, --out/-o, --db and
--jobs/-j exist where the command has something for them (the arguments say so). Names, short
forms, defaults and help texts live here only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ExitCode, VbparseError, describe

LANGS = ("vi", "en")
DEFAULT_REGISTRY = "vbparse.sqlite"


def add_common_options(
    parser: argparse.ArgumentParser,
    *,
    formats: Sequence[str] = (),
    default_format: str | None = None,
    out: str | None = None,
    out_required: bool = False,
    db: bool = False,
    jobs: bool = False,
    format_from_out: bool = False,
    settings: bool = False,
) -> None:
    """Add the shared options. `formats`: the --format choices (the first is the default unless
    `default_format`, or none with `format_from_out`: the --out suffix decides); `out`: the --out
    metavar (FILE, DIR, REGISTRY) when the command writes a result; `db`: --db REGISTRY; `jobs`:
    --jobs N; `settings`: --settings FILE and --set GROUP.NAME=VALUE (the parser's thresholds)."""
    group = parser.add_argument_group("common options")
    if formats:
        default = None if format_from_out else default_format or formats[0]
        group.add_argument(
            "--format",
            "-f",
            choices=tuple(formats),
            default=default,
            help="output format (default: "
            + ("from the --out suffix" if default is None else default)
            + ")",
        )
    if out:
        group.add_argument(
            "--out",
            "-o",
            metavar=out,
            required=out_required,
            help=f"write the result to {out}" + ("" if out_required else " (default: stdout)"),
        )
    if db:
        group.add_argument(
            "--db",
            default=DEFAULT_REGISTRY,
            metavar="REGISTRY",
            help=f"the registry made by 'vbparse batch' (default: {DEFAULT_REGISTRY})",
        )
    if jobs:
        group.add_argument(
            "--jobs",
            "-j",
            type=_positive_or_zero,
            default=0,
            metavar="N",
            help="worker processes (default 0: as many as there are CPUs)",
        )
    if settings:
        _add_settings_options(group)
    group.add_argument(
        "--lang",
        choices=LANGS,
        default="vi",
        help="language of messages and reports: vi (default) or en; JSON keys and codes never "
        "change",
    )
    group.add_argument(
        "--quiet", "-q", action="store_true", help="no progress and no summary, results only"
    )
    group.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="say more: the reader's detail of each failure and the traceback of an internal error",
    )


def _add_settings_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--settings",
        dest="settings_file",
        metavar="FILE",
        help="the parser's thresholds from a TOML file ('vbparse settings' prints them all)",
    )
    group.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="GROUP.NAME=VALUE",
        help="change one threshold, e.g. --set header.vv_lines=6 (repeatable)",
    )


def _positive_or_zero(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def percentage(value: str) -> float:
    """--fail-under 80, 80%, 97,5 → 0.8, 0.8, 0.975 (the report shows percentages, so the
    threshold is one)."""
    text = value.strip().removesuffix("%").strip().replace(",", ".")
    try:
        pct = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {value!r} (e.g. 80 or 97,5)") from None
    if not 0.0 <= pct <= 100.0:
        raise argparse.ArgumentTypeError("a percentage is between 0 and 100")
    return pct / 100.0


def emit(args: argparse.Namespace, text: str) -> bool:
    """Write a command's one result to --out, else to standard output. False (and a line
    naming the file and why) when --out cannot be written."""
    if not args.out:
        sys.stdout.write(text)
        return True
    try:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        say(args, "cli.cannot_write", path=args.out, reason=exc.strerror or exc)
        return False
    return True


def apply_settings(args: argparse.Namespace) -> None:
    """Make --settings/--set the process's settings, through the environment so that batch and
    Dask workers (other processes) parse with them too. A bad file or value is a UsageError."""
    import os

    from .. import settings

    file, assignments = getattr(args, "settings_file", None), getattr(args, "assignments", None)
    if not file and not assignments:
        return
    env = dict(os.environ)
    if file:
        env[settings.ENV_FILE] = str(Path(file).resolve())
    if assignments:
        env[settings.ENV_SET] = ";".join(filter(None, [env.get(settings.ENV_SET), *assignments]))
    settings.from_environment(env)  # raises here, before any work, when something is wrong
    os.environ.update({k: env[k] for k in (settings.ENV_FILE, settings.ENV_SET) if k in env})
    settings.reset_process_settings()


# --- reporting failures -------------------------------------------------------------------------


def say(args: argparse.Namespace, key: str, **params: object) -> None:
    """A message of the catalogue on standard error, in the run's language."""
    from ..messages import render

    print(f"vbparse: {render(key, lang_of(args), **params)}", file=sys.stderr)


def lang_of(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", "vi") or "vi")


def error_line(exc: BaseException, lang: str, *, verbose: bool = False) -> str:
    return describe(exc, lang, verbose=verbose)


def report_failure(args: argparse.Namespace, exc: BaseException, name: str | None = None) -> int:
    """Print `exc` as one line (and its traceback under --verbose); return its exit code."""
    verbose = bool(getattr(args, "verbose", False))
    line = error_line(exc, lang_of(args), verbose=verbose)
    if name and not line.startswith(name):
        line = f"{name}: {line}"
    print(f"vbparse: {line}", file=sys.stderr)
    if verbose and not isinstance(exc, VbparseError):
        import traceback  # only here: a run that does not fail need not import it

        traceback.print_exception(exc, file=sys.stderr)
    return int(getattr(exc, "exit_code", ExitCode.INTERNAL))


def outcome(total: int, failures: Sequence[int]) -> int:
    """The exit code of a run over `total` inputs: 0 when none failed, the failures' own code
    when every input failed alike (3 unreadable, 4 internal), else 1 (some failed)."""
    if not failures:
        return ExitCode.OK
    if len(failures) == total and len(set(failures)) == 1:
        return int(failures[0])
    return ExitCode.FINDINGS


def progress_bar(args: argparse.Namespace, total: int, unit: str, desc: str) -> Any:
    """A tqdm bar on a terminal; on a file or a pipe plain lines at every tenth of the work (no
    \r in logs); None under --quiet or for less than ten items. Both have update(n) and close()."""
    if getattr(args, "quiet", False):
        return None
    if not sys.stderr.isatty():
        return PlainProgress(total, desc, lang_of(args)) if total >= 10 else None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, dynamic_ncols=True)


class PlainProgress:
    """Progress for logs: "vbparse batch: 30/102 (29 %)" lines, one per tenth of the work."""

    def __init__(self, total: int, desc: str, lang: str) -> None:
        self.total, self.desc, self.lang = total, desc, lang
        self.done = 0
        self._next = max(1, total // 10)

    def update(self, n: int = 1) -> None:
        from ..messages import percent

        self.done += n
        if self.done >= self._next or self.done == self.total:
            share = percent(self.done / self.total, self.lang, 0)
            print(f"vbparse {self.desc}: {self.done}/{self.total} ({share})", file=sys.stderr)
            while self._next <= self.done:
                self._next += max(1, self.total // 10)

    def close(self) -> None:
        pass
