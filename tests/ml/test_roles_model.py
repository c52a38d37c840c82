import warnings
from pathlib import Path

import numpy as np
import pytest

from vbparse.extract.roles import is_certain
from vbparse.ml import roles_model
from vbparse.ml.data import collect
from vbparse.pipeline import parse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def examples():
    return collect(ROOT)


def test_numpy_prediction_equals_sklearn(examples):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from vbparse.ml.features import features

    warnings.filterwarnings("ignore", category=FutureWarning)
    train = [e for e in examples if e.view.kind != "article"]
    model = roles_model.fit(train)
    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, lowercase=False)
    x = vec.fit_transform([e.view for e in train])
    clf = LogisticRegression(
        C=roles_model.PARAMS["C"],
        class_weight="balanced",
        max_iter=3000,
        solver="newton-cg",
        random_state=roles_model.SEED,
    )
    clf.fit(x, [e.role for e in train], sample_weight=np.array([e.weight for e in train]))
    views = [e.view for e in train[:40]]
    assert np.allclose(model.proba(views), clf.predict_proba(vec.transform(views)), atol=1e-6)


def test_saved_model_loads_without_pickle_and_reloads_identically(tmp_path, examples):
    model = roles_model.fit(examples[:200])
    model.save(tmp_path, {"feature_version": 1})
    again = roles_model.load(tmp_path)
    views = [e.view for e in examples[:20]]
    assert np.allclose(model.proba(views), again.proba(views))
    with np.load(tmp_path / "roles.npz", allow_pickle=False) as z:
        assert all(z[k].dtype != object for k in z.files)


def test_refine_roles_keeps_certain_rules_and_records_model(examples):
    model = roles_model.fit(examples)
    doc = parse(ROOT / "corpus/docs/file_data_35.md")
    before = {s.id: (s.role, s.role_source) for s in doc.walk_sections() if is_certain(s)}
    roles_model.refine_roles(doc, model)
    for s in doc.walk_sections():
        if s.id in before:
            assert (s.role, s.role_source) == before[s.id]
        if s.role_source == "model":
            assert s.role_confidence is not None and 0 < s.role_confidence <= 1
    assert any(s.role_source == "model" for s in doc.sections)


def test_saved_model_metadata_records_data_version():
    import json

    meta = json.loads((ROOT / "models/roles.json").read_text("utf-8"))
    assert len(meta["training_data_sha256"]) == 64
    assert meta["metrics"]["combined"]["accuracy"] >= meta["metrics"]["rules"]["accuracy"]
