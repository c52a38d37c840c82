"""vbparse eval-check: the plan checker measured on the labelled cases of corpus/checkeval."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ExitCode
from .options import add_common_options


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "eval-check",
        help="measure the plan checker on labelled parent/child cases",
        description="Check every labelled child plan of corpus/checkeval/cases.json (and the "
        "expected results of corpus/plans*) against its parent and print missing-item precision "
        "and recall, covered/partial accuracy, finding precision/recall and verdict accuracy, "
        "for the full matcher and, beside it, the lexical-only matcher.",
    )
    p.add_argument("--root", default=".", help="project root holding corpus/ (default: .)")
    p.add_argument(
        "--split", choices=("dev", "holdout"), help="only the cases of this split (default: all)"
    )
    add_common_options(p, formats=("text", "json"))
    p.add_argument("--errors", action="store_true", help="list every wrong call")
    p.add_argument("--no-lexical", action="store_true", help="skip the lexical-only baseline")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..messages import render
    from ..plancheck.evaluate import evaluate, format_errors, format_figures

    corpus = Path(args.root).resolve() / "corpus"
    if not (corpus / "checkeval" / "cases.json").is_file():
        path = corpus / "checkeval" / "cases.json"
        print("vbparse: " + render("evalcheck.no_cases", args.lang, path=path), file=sys.stderr)
        return ExitCode.USAGE
    runs = {"semantic": evaluate(corpus, split=args.split)}
    if not args.no_lexical:
        runs["lexical"] = evaluate(corpus, lexical=True, split=args.split)
    if args.format == "json":
        print(json.dumps({k: v.as_dict() for k, v in runs.items()}, indent=2))
        return 0
    for name, fig in runs.items():
        print(format_figures(name, fig, args.lang))
        if args.errors and fig.errors:
            print(format_errors(fig, args.lang))
    return 0
