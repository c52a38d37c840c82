"""vbparse train roles : train the section-role classifier into models/.
vbparse train lines : train the header/closing line CRF (models/lines.crfsuite).
vbparse eval-roles  : cross-validated role accuracy, rules only vs model vs combined."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..messages import render
from .options import add_common_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "train",
        help="train a learned component (roles, similarity, lines)",
        description="Train, reproducibly, the section-role classifier from the gold and the hand "
        "labels in corpus/ (roles), or the plan checker's word vectors from the Vietnamese text "
        "of corpus/ (similarity), or the CRF over header and closing lines from the gold of corpus/docs, "
        "corpus/real and corpus/unseen, never their holdout split (lines), and save it in models/.",
    )
    p.add_argument(
        "component",
        choices=("roles", "similarity", "lines"),
        help="what to train: roles (section roles), similarity (the plan checker's word "
        "vectors, models/similarity.npz) or lines (the line CRF, models/lines.crfsuite; set "
        "VBPARSE_READ_CACHE to read the scans from a cache)",
    )
    p.add_argument("--root", default=".", help="project root holding corpus/ (default: .)")
    add_common_options(p, out="DIR")
    p.set_defaults(func=run_train)
    e = sub.add_parser(
        "eval-roles",
        help="evaluate section roles by cross-validation",
        description="Accuracy and per-role F1 of section roles by 10-fold "
        "cross-validation grouped by document: rules only, model only, combined.",
    )
    e.add_argument("--root", default=".", help="project root holding corpus/ (default: .)")
    add_common_options(e, formats=("text", "json"))
    e.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # old --format json
    e.set_defaults(func=run_eval)


def _root(value: str, lang: str) -> Path | None:
    """The project root holding corpus/, or None (after saying why); scikit-learn's
    FutureWarnings are silenced for the run, they are noise to a user."""
    import warnings

    root = Path(value).resolve()
    if not (root / "corpus").is_dir():
        print("vbparse: " + render("train.no_corpus", lang, path=root), file=sys.stderr)
        return None
    warnings.filterwarnings("ignore", category=FutureWarning)
    return root


def run_train(args: argparse.Namespace) -> int:
    root = _root(args.root, args.lang)
    if root is None:
        return 2
    if args.component == "similarity":
        return _train_similarity(root, args.out, args.lang)
    if args.component == "lines":
        return _train_lines(root, args.out, args.lang)
    from ..ml import roles_model
    from ..ml.data import collect, data_hash
    from ..ml.eval_roles import evaluate, format_report

    examples = collect(root)
    report = evaluate(root, examples)
    model = roles_model.fit(examples)
    model.threshold = report.threshold
    out = Path(args.out) if args.out else roles_model.MODEL_DIR
    import sklearn

    from ..ml.features import FEATURE_VERSION

    meta = {
        "model": "tf-idf (underthesea words, char n-grams) + multinomial logistic regression",
        "feature_version": FEATURE_VERSION,
        "params": roles_model.PARAMS,
        "seed": roles_model.SEED,
        "sklearn": sklearn.__version__,
        "training_data_sha256": data_hash(root),
        "examples": len(examples),
        "classes": model.classes,
        "metrics": report.as_dict(),
    }
    model.save(out, meta)
    print(format_report(report, args.lang))
    saved = f"{out / 'roles.npz'}, {out / 'roles.json'}"
    print("\n" + render("train.saved", args.lang, paths=saved))
    return 0


def _train_similarity(root: Path, out: str | None, lang: str) -> int:
    from ..plancheck import vectors

    path = Path(out) / "similarity.npz" if out else vectors.MODEL
    print(render("train.similarity", lang), file=sys.stderr)
    stats = vectors.train(root, path)
    print(json.dumps(stats))  # the figures of the vectors, keys as in models/
    print(render("train.saved", lang, paths=path))
    return 0


def _train_lines(root: Path, out: str | None, lang: str) -> int:
    """Cross-validated figures by source folder, then the model on every training document."""
    import tempfile

    from ..ml import line_crf
    from ..ml import line_crf_training as training

    path = Path(out) / line_crf.MODEL.name if out else line_crf.MODEL
    examples = training.collect(root)
    with tempfile.TemporaryDirectory(prefix="vbparse-crf-") as tmp:
        report = training.cross_validate(examples, Path(tmp))
    training.fit(examples, path)
    meta = {
        "model": "linear-chain CRF (crfsuite, L-BFGS) over header and closing lines",
        "feature_version": line_crf.FEATURE_VERSION,
        "params": training.PARAMS,
        "training_data_sha256": training.data_hash(root),
        "sequences": len(examples),
        "labels": list(line_crf.LABELS),
        "cross_validation": report.as_dict(),
    }
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report.as_dict(), indent=1))
    print(render("train.saved", lang, paths=f"{path}, {path.with_suffix('.json')}"))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    root = _root(args.root, args.lang)
    if root is None:
        return 2
    from ..ml.eval_roles import evaluate, format_report

    report = evaluate(root)
    as_json = args.json or args.format == "json"
    print(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, args.lang))
    return 0
