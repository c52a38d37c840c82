"""The resource options parse, lint and batch share: --max-pages and, for parse and lint, the
per-file --timeout that batch already had (docs/limits.md lists every limit)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_max_pages(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-pages",
        type=_positive,
        default=None,
        metavar="N",
        help="read at most N pages of a file by OCR; the rest are left out with a warning "
        "(default 200, or VBPARSE_MAX_PAGES)",
    )


def add_timeout(p: argparse.ArgumentParser) -> None:
    from ..readers.limits import Limits

    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help=f"give up on a file after this long, reporting it as failed "
        f"(default {Limits.seconds:g}, or VBPARSE_TIME_LIMIT; 0: no limit)",
    )


def apply(args: argparse.Namespace) -> None:
    from ..readers import limits

    limits.configure(ocr_pages=getattr(args, "max_pages", None))


def seconds(args: argparse.Namespace) -> float:
    """The per-file time limit of parse and lint: --timeout, else VBPARSE_TIME_LIMIT or 300."""
    from ..readers import limits

    return float(args.timeout) if args.timeout is not None else limits.current().seconds


@contextlib.contextmanager
def time_limit_for(path: str, seconds: float) -> Iterator[None]:
    """The per-file time limit, armed before the file is opened; running over it fails the file
    as a ReadError of kind "timeout" naming it, like any other unreadable input."""
    from ..errors import ReadError
    from ..readers.limits import TimeLimitExceeded, time_limit

    try:
        with time_limit(seconds):
            yield
    except TimeLimitExceeded:
        raise ReadError(path, "timeout", f"took longer than {seconds:g} s (--timeout)") from None
