"""A CRF over the header and closing lines (issue 11, item 2): each tagged line gets a label
(issuer, number, place_date, type, subject, authority, name, …) from its cue tags, position,
shape and its neighbours' tags, as GROBID labels header lines.

This module is what a parse uses: the labels, the features and the trained model's marginals.
Training (labels by distant supervision from the gold, cross-validation) is
`vbparse.ml.line_crf_training`, which runs the pipeline; the model is crfsuite's own file
(`models/lines.crfsuite`, no pickle). pycrfsuite is imported only where a model is trained or used.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from ..extract.tagging import LineTags

MODEL = Path(__file__).resolve().parents[3] / "models" / "lines.crfsuite"
FEATURE_VERSION = 1
HEADER_LABELS: tuple[str, ...] = ("issuer_parent", "issuer", "number", "national", "motto")
HEADER_LABELS += ("place_date", "type", "subject", "addressee")
CLOSING_LABELS = ("authority", "title", "name", "recipients")
LABELS = (*HEADER_LABELS, *CLOSING_LABELS, "body", "other")

# --- features -----------------------------------------------------------------------------------


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _shape(t: LineTags) -> dict[str, float]:
    text = t.text.strip()
    letters = [c for c in text if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    words = folded(text).split()
    f: dict[str, float] = {
        "caps": caps,
        "caps=" + _bucket(round(caps * 10), (0, 3, 7, 9, 10)): 1.0,
        "len=" + _bucket(len(text), (0, 10, 25, 50, 80, 120)): 1.0,
        "zone=" + t.zone.value: 1.0,
    }
    if words:
        f["w0=" + words[0]] = 1.0
        f["w01=" + " ".join(words[:2])] = 1.0
    if text[:1] in "-–+•*":
        f["bullet"] = 1.0
    if text.endswith(":"):
        f["colon_end"] = 1.0
    if text.endswith((".", ";", ",")):
        f["punct_end"] = 1.0
    if any(c.isdigit() for c in text):
        f["digit"] = 1.0
    for k, v in t.tags.items():
        f["t=" + k] = v
    return f


def features(seq: list[LineTags]) -> list[dict[str, float]]:
    """One feature dict per line of `seq` (tagged lines in document order)."""
    if not seq:
        return []
    n = seq[-1].index + 1
    own = [_shape(t) for t in seq]
    out: list[dict[str, float]] = []
    for i, t in enumerate(seq):
        f = dict(own[i])
        f["bias"] = 1.0
        f["top=" + _bucket(t.index, (0, 1, 2, 3, 5, 8, 12, 18, 25, 40))] = 1.0
        f["bottom=" + _bucket(n - 1 - t.index, (2, 5, 10, 20, 40))] = 1.0
        f["rel"] = t.index / n
        if i and seq[i - 1].index != t.index - 1:
            f["gap"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(seq):
                f[f"{d}:none"] = 1.0
                continue
            for k, v in seq[j].tags.items():
                f[f"{d}:t={k}"] = v
            if d in (-1, 1):
                f[f"{d}:zone={seq[j].zone.value}"] = 1.0
                words = folded(seq[j].text).split()
                if words:
                    f[f"{d}:w0={words[0]}"] = 1.0
        out.append(f)
    return out


@cache
def _tagger(path: str) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def marginals(seq: list[LineTags], path: Path | None = None) -> list[dict[str, float]]:
    """Per line of `seq`, the probability of each label (`path`: the model, default MODEL)."""
    if not seq:
        return []
    model = path or MODEL
    if not model.exists():  # the model is not shipped: the CRF is off by default
        raise FileNotFoundError(f"{model}: no line CRF model; build it with `vbparse train lines`")
    tagger = _tagger(str(model))
    tagger.set(features(seq))
    labels = tagger.labels()
    return [{lab: tagger.marginal(lab, i) for lab in labels} for i in range(len(seq))]


def tag(seq: list[LineTags], path: Path = MODEL) -> list[str]:
    return list(_tagger(str(path)).tag(features(seq))) if seq else []


def forget_models() -> None:
    """Drop the opened models: a model file was written again."""
    _tagger.cache_clear()


def folded(text: str) -> str:
    """Lower case, no accents, no punctuation: OCR and typing differ most there."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.sub(r"[^\w]+", " ", s).split())
