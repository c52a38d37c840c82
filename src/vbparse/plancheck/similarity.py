"""Text similarity for the plan checker: Vietnamese word segmentation, IDF-weighted (BM25-style)
term recall and anchors (quoted names, document numbers, dates, numbers).

Segmentation uses underthesea's CRF word-segmentation model. The model files are loaded straight
into `underthesea_core` (`vbparse.nlp`); importing the `underthesea` package itself costs ~0.6 s
and scikit-learn ~1.7 s, which alone would break the one-second budget of `vbparse check`, so the
weighting is computed here in plain Python (the corpora are a few dozen short paragraphs). Nothing
is downloaded: when the model is absent, syllables are used as words.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..nlp import CRF, word_segmenter
from ..text.normalize import clean, match_key

# Syllables, document numbers (36/2017/TT-BGDĐT), dates, hyphenated names (xanh-sạch-đẹp), and
# punctuation as separate tokens, because the CRF model was trained on such tokens.
_TOKEN = re.compile(r"\d+(?:[/.\-]\d+)*(?:/[\wĐđ&]+(?:-[\wĐđ&]+)*)?|\w+|[^\w\s]")

# Function words that carry no topic. Domain words are left to the IDF weighting.
STOPWORDS = frozenset(
    [
        "và",
        "của",
        "các",
        "trong",
        "với",
        "để",
        "được",
        "những",
        "là",
        "có",
        "cho",
        "theo",
        "về",
        "đến",
        "tại",
        "từ",
        "một",
        "mỗi",
        "này",
        "đó",
        "khi",
        "thì",
        "mà",
        "nhưng",
        "hoặc",
        "như",
        "đã",
        "sẽ",
        "đang",
        "cũng",
        "nhất",
        "đối",
        "bằng",
        "do",
        "vào",
        "ra",
        "lên",
        "qua",
        "trên",
        "dưới",
        "giữa",
        "sau",
        "trước",
        "cùng",
        "nơi",
        "ở",
        "hay",
        "rất",
        "nào",
        "ai",
        "gì",
        "việc",
        "nhằm",
        "phải",
        "tất_cả",
    ]
)

_OPEN_QUOTES = '“"«'
_QUOTE = re.compile(r"[“\"«]([^”\"»“«]{2,200})[”\"»]")
_DOCNUM = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[A-ZĐ][\wĐđ&]*(?:-[\wĐđ&]+)+")
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?!\d)")
_NUMBER = re.compile(r"(?<![\d/])\d+(?:-\d+)?(?![\d/])")


# --- segmentation -------------------------------------------------------------------------------


_START_LOCK = threading.Lock()


class _CRFSegmenter:
    """underthesea's word segmentation model, loaded without importing the `underthesea` package."""

    def __init__(self) -> None:
        self.model: CRF | None = None
        self.loaded = False
        self.loading: Any = None  # the thread loading the model, until it is joined

    def _load(self) -> None:
        try:
            self.model = word_segmenter()
        except Exception:  # an incompatible model version: fall back to syllables
            self.model = None
        self.loaded = True

    def start_loading(self) -> None:
        """Load the model in a thread: most of its load is underthesea_core reading the model
        file without holding the GIL, so the caller's parsing or imports meanwhile run at once."""
        with _START_LOCK:  # a web server's threads may load a parent at the same time
            if not self.loaded and self.loading is None:
                self.loading = threading.Thread(target=self._load, name="vbparse-segmenter")
                self.loading.start()

    def wait(self) -> None:
        thread = self.loading
        if thread is not None:
            thread.join()
            self.loading = None
        if not self.loaded:
            self._load()

    def words(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text)
        if not self.loaded:
            self.wait()
        if self.model is None or not tokens:
            return tokens
        tags = self.model.tag([[t] for t in tokens])
        out: list[str] = []
        for tag, token in zip(tags, tokens, strict=False):
            if tag == "I-W" and out and token.isalnum() and out[-1][-1:].isalnum():
                out[-1] = out[-1] + " " + token
            else:
                out.append(token)
        return out


_SEGMENTER = _CRFSegmenter()


def start_loading_segmenter() -> None:
    _SEGMENTER.start_loading()


def wait_for_segmenter() -> None:
    _SEGMENTER.wait()


class _DiskCache:
    """Segmentations kept between runs (SQLite, safe for the batch's worker processes), so that a
    parent checked again, or a school plan re-checked, needs no model load. VBPARSE_CACHE_DIR
    moves it; VBPARSE_NO_CACHE=1 turns it off (but for a batch's workers: `shared`)."""

    def __init__(self) -> None:
        self.db: Any = None
        # The process that opened `db`: SQLite forbids using a connection across fork(), so a
        # forked worker opens its own, and keeps the inherited one unused (closing it is a use).
        self.pid: int | None = None
        self.inherited: list[Any] = []
        self.batch_file: str | None = None

    def _connection(self) -> Any:
        if self.pid != os.getpid():
            if self.db is not None:
                self.inherited.append(self.db)
            self.pid = os.getpid()
            self.db = self._open()
        return self.db

    def _file(self) -> str | None:
        if self.batch_file:
            return self.batch_file
        if os.environ.get("VBPARSE_NO_CACHE"):
            return None
        from ..user_cache import cache_dir

        base = cache_dir()
        os.makedirs(base, exist_ok=True)
        return os.path.join(base, "segments-v1.sqlite")

    def _open(self) -> Any:
        try:
            path = self._file()
            if path is None:
                return None
            import sqlite3

            db = sqlite3.connect(path, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")  # losing the cache in a crash costs nothing
            db.execute("CREATE TABLE IF NOT EXISTS seg (key TEXT PRIMARY KEY, words TEXT)")
            return db
        except Exception:  # a read-only home: run without the cache
            return None

    def get(self, key: str) -> tuple[str, ...] | None:
        db = self._connection()
        if db is None:
            return None
        row = db.execute("SELECT words FROM seg WHERE key = ?", (key,)).fetchone()
        return tuple(row[0].split("\t")) if row and row[0] else None

    def put(self, key: str, words: Sequence[str]) -> None:
        db = self._connection()
        if db is None:
            return
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO seg VALUES (?, ?)", (key, "\t".join(words)))
        except Exception:  # locked or read-only: the cache is only an optimisation
            pass

    @contextmanager
    def shared(self) -> Iterator[None]:
        """While a batch's worker processes run, what one segments the others read: school plans
        copied from one template share most of their text, and segmenting is most of the cost
        of a plan's first check. The persistent cache does this; when it is off, a temporary
        file does, removed afterwards."""
        if self._connection() is not None:
            yield
            return
        import tempfile

        with tempfile.TemporaryDirectory(prefix="vbparse-segments-") as tmp:
            self.batch_file, self.pid = os.path.join(tmp, "segments.sqlite"), None
            try:
                yield
            finally:
                if self.db is not None and self.pid == os.getpid():
                    self.db.close()
                self.batch_file, self.pid, self.db = None, None, None


_CACHE = _DiskCache()
shared_segments = _CACHE.shared


@lru_cache(maxsize=8192)
def segment(text: str) -> tuple[str, ...]:
    """Words of `text` as underthesea segments them ("công tác" is one word), cached per text."""
    text = clean(text)
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    words = tuple(_SEGMENTER.words(text))
    _CACHE.put(key, words)
    return words


@lru_cache(maxsize=8192)
def terms(text: str) -> tuple[str, ...]:
    """Content terms for matching: segmented words, folded (case, tone placement), with the
    syllables of compound words added so that "tiếp đón" still meets "tiếp công dân"."""
    out: list[str] = []
    for word in segment(text):
        if not any(ch.isalnum() for ch in word):
            continue
        key = match_key(word).replace(" ", "_")
        if key in STOPWORDS:
            continue
        out.append(key)
        if "_" in key:
            out.extend("~" + syl for syl in key.split("_") if syl not in STOPWORDS)
    return tuple(out)


# --- weighting ----------------------------------------------------------------------------------


@dataclass
class TermIndex:
    """IDF statistics fitted once on the parent's items (BM25's idf), reused for every child."""

    idf: dict[str, float]
    unseen_idf: float
    n_docs: int

    @classmethod
    def fit(cls, texts: Sequence[str]) -> TermIndex:
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(terms(text)))
        n = max(len(texts), 1)
        idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        return cls(idf=idf, unseen_idf=math.log(1 + (n + 0.5) / 0.5), n_docs=n)

    def weight(self, term: str) -> float:
        w = self.idf.get(term, self.unseen_idf)
        # A syllable of a compound counts for less than a whole word.
        return w * 0.5 if term.startswith("~") else w

    def recall(self, query: str, doc: str) -> float:
        """Share of the query's IDF mass that `doc` contains: 1.0 when every term is there."""
        q = set(terms(query))
        if not q:
            return 0.0
        d = set(terms(doc))
        total = sum(self.weight(t) for t in q)
        return sum(self.weight(t) for t in q & d) / total if total else 0.0

    def shared_terms(self, query: str, doc: str, limit: int = 8) -> list[str]:
        """The heaviest whole words both texts share, for explaining a match."""
        both = {t for t in set(terms(query)) & set(terms(doc)) if not t.startswith("~")}
        # Ties broken by the term itself, so reports are the same from run to run.
        ranked = sorted(both, key=lambda t: (-self.weight(t), t))
        return [t.replace("_", " ") for t in ranked[:limit]]


# --- anchors ------------------------------------------------------------------------------------


def quotes(text: str) -> list[tuple[str, int, int]]:
    """Quoted names: (inner text, start, end)."""
    return [(m.group(1).strip(), m.start(), m.end()) for m in _QUOTE.finditer(text)]


@dataclass
class Anchors:
    quotes: list[str] = field(default_factory=list)
    docnums: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)

    def all(self) -> list[tuple[str, str]]:
        return (
            [("quote", q) for q in self.quotes]
            + [("docnum", d) for d in self.docnums]
            + [("date", d) for d in self.dates]
            + [("number", n) for n in self.numbers]
        )


def normalise_date(day: str, month: str, year: str) -> str:
    return f"{int(day)}/{int(month)}/{year}"


@lru_cache(maxsize=4096)
def anchors(text: str) -> Anchors:
    """Quoted names, document numbers, dates and stand-alone numbers (years, "5 không")."""
    found = Anchors()
    rest = text
    for inner, _s, _e in quotes(text):
        found.quotes.append(inner)
    for m in _DOCNUM.finditer(rest):
        found.docnums.append(m.group(0))
    rest = _DOCNUM.sub(" ", rest)
    for m in _DATE.finditer(rest):
        found.dates.append(normalise_date(*m.groups()))
    rest = _DATE.sub(" ", rest)
    found.numbers = [m.group(0) for m in _NUMBER.finditer(rest)]
    return found


def quote_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", match_key(text)))


def quote_similarity(a: str, b: str) -> float:
    """Word overlap of two quoted names over the longer one (1.0 when they are the same words)."""
    wa, wb = quote_key(a).split(), quote_key(b).split()
    if not wa or not wb:
        return 0.0
    common = sum((Counter(wa) & Counter(wb)).values())
    return common / max(len(wa), len(wb))


def anchor_recall(query: str, doc: str) -> tuple[float, list[str]]:
    """Share of the query's anchors that `doc` contains, and those anchors. Stand-alone numbers
    count for little (a year is everywhere); quoted names and document numbers count most."""
    qa = anchors(query)
    if not qa.all():
        return 0.0, []
    da = anchors(doc)
    doc_key = quote_key(doc)
    weights = {"quote": 3.0, "docnum": 3.0, "date": 2.0, "number": 0.5}
    total = hit = 0.0
    hits: list[str] = []
    for kind, value in qa.all():
        w = weights[kind]
        total += w
        if kind == "quote":
            ok = quote_key(value) in doc_key or any(
                quote_similarity(value, q) >= 0.99 for q in da.quotes
            )
        elif kind == "docnum":
            ok = any(match_key(value) == match_key(d) for d in da.docnums)
        elif kind == "date":
            ok = value in da.dates
        else:
            ok = value in da.numbers
        if ok:
            hit += w
            hits.append(value)
    return (hit / total if total else 0.0), hits


def best_sentence(query_terms: Iterable[str], text: str, limit: int = 300) -> str:
    """The sentence or clause of `text` that shares most terms with the query, for evidence."""
    q = set(query_terms)
    parts = [p.strip() for p in re.split(r"(?<=[.;])\s+", text) if p.strip()]
    if not parts:
        return ""
    best = max(parts, key=lambda p: len(q & set(terms(p))))
    return best if len(best) <= limit else best[: limit - 1] + "…"
