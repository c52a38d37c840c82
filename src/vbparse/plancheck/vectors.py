"""Word vectors for the plan checker, trained by the project on its own Vietnamese text (LSA:
positive PMI of words within a window, reduced by SVD), so that "tập huấn" meets "bồi dưỡng" and
"website" meets "cổng thông tin" without any download. Rebuilt by `vbparse train similarity`;
stored as models/similarity.npz (words and float16 vectors, loaded with allow_pickle=False).

The training text is every .txt/.md of corpus/ except the plan checker's test children (so the
evaluation does not see itself), the Word and web documents of corpus/real as the readers give
them, and the text layer of the born-digital PDFs of corpus/real.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).resolve().parents[3] / "models" / "similarity.npz"
WINDOW = 4
MIN_COUNT = 3
DIMS = 100


def training_texts(root: Path) -> Iterator[str]:
    corpus = root / "corpus"
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus).parts
        if not path.is_file() or rel[0] == "checkeval" or path.name.startswith("child-"):
            continue
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            yield path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix.lower() in (".html", ".doc", ".docx") and rel[0] == "real":
            yield _read_lines(path)
        elif path.suffix == ".pdf" and rel[0] == "real":
            try:
                out = subprocess.run(
                    ["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"],
                    capture_output=True,
                    timeout=60,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            yield out.stdout.decode("utf-8", errors="replace")


def _read_lines(path: Path) -> str:
    """A Word or web document's text as the project's readers give it ('' when unreadable)."""
    from ..readers import read

    try:
        return "\n".join(line.text for line in read(path).lines)
    except Exception:  # a document the readers refuse adds nothing to the training text
        return ""


def words_of(line: str) -> list[str]:
    from ..text.normalize import match_key
    from .similarity import STOPWORDS, segment

    out = []
    for word in segment(line):
        key = match_key(word).replace(" ", "_")
        if key.replace("_", "").isalpha() and key not in STOPWORDS:
            out.append(key)
    return out


def train(root: Path, out: Path = MODEL, progress: bool = True) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    from ..text.normalize import clean

    sentences: list[list[str]] = []
    for text in training_texts(root):
        for line in re.split(r"[\n.;!?]+", text):
            if len(line) > 20:
                sentences.append(words_of(clean(line)))
    counts = Counter(w for s in sentences for w in s)
    vocab = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    index = {w: i for i, w in enumerate(vocab)}
    pairs: Counter[tuple[int, int]] = Counter()
    for s in sentences:
        ids = [index[w] for w in s if w in index]
        for i, a in enumerate(ids):
            for j in range(i + 1, min(len(ids), i + 1 + WINDOW)):
                pairs[(a, ids[j])] += 1
                pairs[(ids[j], a)] += 1
    rows = [a for a, _b in pairs]
    cols = [b for _a, b in pairs]
    n = len(vocab)
    m = coo_matrix((np.array(list(pairs.values()), float), (rows, cols)), shape=(n, n)).tocsr()
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    ctx = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # smoothed context counts
    ctx_p = ctx / ctx.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((row[m.row] / total) * ctx_p[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=(n, n)).tocsr()
    k = min(DIMS, n - 2)
    u, s, _vt = svds(ppmi, k=k, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.array(vocab), vectors=vectors.astype(np.float16))
    return {"sentences": len(sentences), "words": n, "dims": k, "tokens": sum(counts.values())}


class Vectors:
    def __init__(self, words: list[str], matrix: Any) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self.matrix = matrix

    def nearest(self, terms: list[str], words: frozenset[str]) -> dict[str, float]:
        """For each of `terms`, the cosine of the closest of `words` (0.0 when unknown), in one
        matrix product: the checker asks this for every item against every child passage."""
        rows = [self.index[t] for t in terms if t in self.index]
        cols = self._rows(words)
        if not rows or not len(cols):
            return dict.fromkeys(terms, 0.0)
        best = (self.matrix[rows] @ self.matrix[cols].T).max(axis=1)
        known = [t for t in terms if t in self.index]
        out = dict.fromkeys(terms, 0.0)
        out.update({t: float(b) for t, b in zip(known, best, strict=True)})
        return out

    @lru_cache(maxsize=4096)  # noqa: B019 - one Vectors object lives for the whole run
    def _rows(self, words: frozenset[str]) -> list[int]:
        return sorted(self.index[w] for w in words if w in self.index)


@lru_cache(maxsize=1)
def load() -> Vectors | None:
    """The trained vectors, or None when models/similarity.npz is absent (lexical matching)."""
    if not MODEL.is_file():
        return None
    try:
        import numpy as np
    except ImportError:  # installed without the nlp extra: lexical matching
        return None

    with np.load(MODEL, allow_pickle=False) as data:
        return Vectors([str(w) for w in data["words"]], data["vectors"].astype(np.float32))
