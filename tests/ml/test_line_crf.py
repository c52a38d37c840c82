"""The line CRF (issue 11, item 2): crfsuite's own model file, loaded without pickle; trained on
20 gold documents of corpus/docs it labels the header lines of the others as their gold implies; training is reproducible. (The CRF is off by default and its model is
not shipped: `docs/accuracy.md`, "CRF line tagger: experiment".)"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

pycrfsuite = pytest.importorskip("pycrfsuite")

from vbparse.ml import line_crf  # noqa: E402
from vbparse.ml import line_crf_training as training  # noqa: E402
from vbparse.pipeline import explain  # noqa: E402
from vbparse.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TRAIN = 20  # the first documents of corpus/docs the test model learns from
# Two of the documents of corpus/docs left out of the test model's training.
DOCS = ("corpus/docs/file_data_44.md", "corpus/docs/file_data_48.md")


def _seq(path: Path) -> list:
    ctx = explain(path)
    return [ctx.tags[p] for p in sorted(ctx.tags)]


def _gold(path: Path) -> dict:
    import json

    stem = path.name[: -len(path.suffix)]
    return json.loads((path.parent / f"{stem}.gold.json").read_text(encoding="utf-8"))


def _examples(paths: list[Path]) -> list[training.Example]:
    return [training.Example("g", p.name, "clean", _seq(p), _gold(p), {}) for p in paths]


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    from vbparse.evaluation import gold_pairs

    docs = [d for d, _ in gold_pairs(ROOT / "corpus/docs")][:TRAIN]
    path = tmp_path_factory.mktemp("crf") / "lines.crfsuite"
    training.fit(_examples(docs), path)
    return path


def test_model_is_crfsuite_not_pickle(model):
    data = model.read_bytes()
    assert data[:4] == b"lCRF"  # crfsuite's magic
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(data)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    assert set(tagger.labels()) <= set(line_crf.LABELS)
    assert {"number", "place_date", "issuer", "subject", "name"} <= set(tagger.labels())


@pytest.mark.parametrize("name", DOCS)
def test_tags_real_header_lines_as_the_gold_implies(model, name):
    path = ROOT / name
    seq = _seq(path)
    want = training.label(seq, _gold(path))
    got = line_crf.tag(seq, model)
    fields = [(w, g) for w, g in zip(want, got, strict=True) if w not in ("body", "other")]
    assert len(fields) >= 10
    right = sum(w == g for w, g in fields)
    assert right / len(fields) >= 0.85, list(zip(want, got, strict=True))
    # the Số line and the place-date are found whatever else is
    for key in ("number", "place_date"):
        assert [g for w, g in zip(want, got, strict=True) if w == key] == [key]


def test_marginals_are_probabilities(model):
    seq = _seq(ROOT / DOCS[0])
    for m in line_crf.marginals(seq, model):
        assert abs(sum(m.values()) - 1) < 1e-6


def test_training_is_reproducible(tmp_path):
    examples = _examples([ROOT / name for name in DOCS])
    training.fit(examples, tmp_path / "a.crfsuite")
    training.fit(examples, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()
    seq = examples[0].seq
    assert line_crf.tag(seq, tmp_path / "a.crfsuite") == examples[0].labels


def test_training_documents_leave_the_holdout_out():
    docs = {str(d.relative_to(ROOT)) for _g, d, _ in training.training_documents(ROOT)}
    for folder in ("corpus/real", "corpus/unseen"):
        held = {f"{folder}/{f}" for f in training._holdout(ROOT / folder)}
        assert held and not (held & docs)
    assert "corpus/real/hungnm92/7169_VPCP-NC.doc" in docs


def test_candidates_take_the_crf_score_when_weighted(model, monkeypatch):
    monkeypatch.setattr(line_crf, "MODEL", model)
    path = ROOT / DOCS[0]
    on = explain(path, settings=Settings().override(candidates={"crf": 0.5}))
    off = explain(path, settings=Settings().override(candidates={"crf": 0.0}))
    number = on.candidates["number"][0]
    assert any(r.startswith("line CRF +") for r in number.reasons)
    assert not any("line CRF" in r for c in off.candidates["number"] for r in c.reasons)


def test_the_model_half_does_not_import_the_pipeline():
    # Training runs the pipeline, whose candidates use the model: only the training half may
    # import it, or the two would import each other (extract -> ml -> pipeline -> extract).
    import ast

    def imported(module) -> set[str]:
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}

    assert not imported(line_crf) & {"pipeline", "evaluation", "variants", "readers"}
    assert {"pipeline", "evaluation", "variants", "readers"} <= imported(training)
