"""Character error rate: how far a read text is from its ground truth.

CER = edit distance (insertions + deletions + substitutions) / length of the reference, on
texts normalised to NFC with every whitespace run (line breaks included) made one space, so that
line wrapping does not count as errors.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy pass per character of `a` (fast enough for pages); short
    strings (names, titles compared while parsing) in plain Python, without loading numpy."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    if len(a) * len(b) <= 4096:
        return _edit_distance_small(a, b)
    import numpy as np

    bv = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    row = idx.copy()
    for i, ch in enumerate(a, start=1):
        cost = (bv != ord(ch)).astype(np.int64)
        cand = np.empty_like(row)
        cand[0] = i
        # substitution/match from the diagonal, deletion from above
        np.minimum(row[:-1] + cost, row[1:] + 1, out=cand[1:])
        # insertion from the left: row[j] = min_k<=j (cand[k] + j - k)
        row = np.minimum.accumulate(cand - idx) + idx
    return int(row[-1])


def _edit_distance_small(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        diag, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            diag, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diag + (ca != cb))
    return row[-1]


def cer(reference: str, hypothesis: str) -> float:
    ref = normalise(reference)
    hyp = normalise(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)
