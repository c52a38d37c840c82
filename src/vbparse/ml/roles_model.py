"""The section-role classifier: TF-IDF over the features of `features.py`, multinomial logistic
regression; trained with scikit-learn, saved as plain arrays, applied with numpy alone.

Saved files (no pickle anywhere, `np.load(allow_pickle=False)`):
- `models/roles.npz`: vocabulary, idf, coef, intercept, classes;
- `models/roles.json`: threshold, training-data hash, parameters and cross-validated metrics.

The parser's rules stay in charge where they decide (`role_source == "rule"`); `refine_roles`
fills the sections they leave open: those with no role, and inherited ones where the model is
confident beyond the threshold tuned by cross-validation.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extract.roles import is_certain
from ..model import Document, Section
from .features import FEATURE_VERSION, SectionView, features, view

if TYPE_CHECKING:
    import numpy as np

    from .features import Example

SEED = 6
PARAMS = {"C": 10.0, "class_weight": "balanced", "sublinear_tf": True, "min_df": 1}
MODEL_DIR = Path(__file__).resolve().parents[3] / "models"
DEFAULT_THRESHOLD = 0.6


@dataclass
class RolesModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray
    classes: list[str]
    threshold: float = DEFAULT_THRESHOLD

    def vectors(self, views: list[SectionView]) -> np.ndarray:
        """TF-IDF rows exactly as scikit-learn's TfidfVectorizer computes them (sublinear tf,
        smooth idf, l2 norm), so that predictions equal the trained pipeline's."""
        import numpy as np

        x = np.zeros((len(views), len(self.vocabulary)))
        for row, v in enumerate(views):
            for feat, count in Counter(features(v)).items():
                col = self.vocabulary.get(feat)
                if col is not None:
                    x[row, col] = 1.0 + math.log(count)
        x *= self.idf
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.where(norms == 0, 1.0, norms)

    def proba(self, views: list[SectionView]) -> np.ndarray:
        import numpy as np

        scores = self.vectors(views) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, views: list[SectionView]) -> list[tuple[str, float]]:
        p = self.proba(views)
        return [
            (self.classes[int(i)], float(row[i]))
            for row, i in zip(p, p.argmax(axis=1), strict=False)
        ]

    def save(self, directory: Path, meta: dict[str, Any]) -> None:
        import numpy as np

        directory.mkdir(parents=True, exist_ok=True)
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(
            directory / "roles.npz",
            terms=np.array(terms, dtype=str),
            idf=self.idf,
            coef=self.coef,
            intercept=self.intercept,
            classes=np.array(self.classes, dtype=str),
        )
        meta = {**meta, "threshold": self.threshold}
        (directory / "roles.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )


def fit(examples: list[Example]) -> RolesModel:
    """Train on labelled examples; deterministic (fixed seed, deterministic solver). Articles
    (Điều) are left out: the rules decide them with certainty, and their legal wording would
    teach the model to call every numbered paragraph an article."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer=features,
        sublinear_tf=PARAMS["sublinear_tf"],
        min_df=PARAMS["min_df"],
        lowercase=False,
    )
    examples = [e for e in examples if e.view.kind != "article"]
    x = vectorizer.fit_transform([e.view for e in examples])
    y = [e.role for e in examples]
    clf = LogisticRegression(
        C=PARAMS["C"],
        class_weight=PARAMS["class_weight"],
        max_iter=3000,
        solver="newton-cg",
        random_state=SEED,
    )
    clf.fit(x, y, sample_weight=np.array([e.weight for e in examples]))
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary LR keeps one row; make it a two-class softmax
        coef, intercept = (
            np.vstack([-coef / 2, coef / 2]),
            np.array([-intercept[0] / 2, intercept[0] / 2]),
        )
    return RolesModel(
        dict(vectorizer.vocabulary_),
        vectorizer.idf_,
        coef,
        intercept,
        [str(c) for c in clf.classes_],
    )


def load(directory: Path | None = None) -> RolesModel:
    """Load the saved model; raises FileNotFoundError when `vbparse train roles` was not run."""
    import numpy as np

    directory = directory or MODEL_DIR
    with np.load(directory / "roles.npz", allow_pickle=False) as z:
        terms = [str(t) for t in z["terms"]]
        model = RolesModel(
            {t: i for i, t in enumerate(terms)},
            z["idf"],
            z["coef"],
            z["intercept"],
            [str(c) for c in z["classes"]],
        )
    meta = json.loads((directory / "roles.json").read_text("utf-8"))
    if meta.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{directory}/roles.json: model built with other features; retrain")
    model.threshold = float(meta.get("threshold", DEFAULT_THRESHOLD))
    return model


@lru_cache(maxsize=1)
def default_model() -> RolesModel:
    return load()


def model_overrules_rule(rule_confidence: float, model_confidence: float) -> bool:
    """A rule that was not certain gives way only to a model that is surer than the rule was."""
    return model_confidence > rule_confidence


def refine_roles(doc: Document, model: RolesModel | None = None) -> None:
    """Roles by the model for sections the rules did not decide.

    Top-down: a section with no role, or one the rules judged only from its text (confidence
    below 1), takes the model's prediction; one that inherits changes only when the model is at
    least `threshold` sure of another role. Certain rule decisions (heading keyword, article)
    are never touched; bullets keep their parent's role.
    """
    model = model or default_model()
    views: list[tuple[Section, SectionView]] = []

    def gather(nodes: list[Section], depth: int) -> None:
        for i, node in enumerate(nodes):
            if not is_certain(node) and node.kind != "bullet":
                views.append((node, view(node, i, len(nodes), depth)))
            gather(node.children, depth + 1)

    gather(doc.sections, 0)
    if not views:
        return
    predicted = {
        id(node): p
        for (node, _), p in zip(views, model.predict([v for _, v in views]), strict=False)
    }

    def apply(nodes: list[Section], parent_role: str | None) -> None:
        for node in nodes:
            guess = predicted.get(id(node))
            if (
                node.role_source == "rule"
                and guess is not None
                and parent_role is None
                and model_overrules_rule(node.role_confidence or 0.0, guess[1])
            ):
                node.role, node.role_source = guess[0], "model"  # type: ignore[assignment]
                node.role_confidence = round(guess[1], 3)
            elif not is_certain(node) and node.role_source != "rule":
                node.role = parent_role  # type: ignore[assignment]
                node.role_source = "inherited" if parent_role else "none"
                node.role_confidence = None
                if guess and (
                    parent_role is None or (guess[1] >= model.threshold and guess[0] != parent_role)
                ):
                    node.role, node.role_source = guess[0], "model"  # type: ignore[assignment]
                    node.role_confidence = round(guess[1], 3)
            apply(node.children, node.role)

    apply(doc.sections, None)
