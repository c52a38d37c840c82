"""underthesea's CRF models (word segmentation, POS, chunking, NER) loaded straight from the
installed package's files into `underthesea_core`, without importing the `underthesea` package.

Importing `underthesea` costs 0.25-0.6 s: its `__init__` imports every pipeline, joblib (whose
pure-Python unpickler then reads the models slowly) and loads a 74k-word dictionary three times
for features the POS/chunk/NER models do not use. The models themselves load in ~0.3 s.

What the package computes in Python is taken from the installed version itself, so the two stay
in step: the tokeniser's regular expression and the feature templates are read from its source
files (parsed; only the assignments building the pattern are evaluated, none of its imports); the
features are computed by `underthesea_core.CRFFeaturizer` (the same template language, in Rust,
and much faster than the package's Python featuriser). `tests/ml/test_entities_nlp.py` checks
that `ner` and `word_tokenize` equal the package's on the corpus. When the installed files do not have the
expected shape, they call the package instead.

`import_spacy()` imports spaCy without its command-line interface, which is 0.3-0.5 s of its
~1.05 s import and nothing a Matcher needs.
"""

from __future__ import annotations

import ast
import importlib.util
import pickle
import re
import sys
import types
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

# The NER model's input columns are word, POS tag, chunk tag and a placeholder for its own tag.
_PLACEHOLDER = "X"


@lru_cache(maxsize=1)
def underthesea_dir() -> Path | None:
    """Where the `underthesea` package is installed, found without importing it."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _read_pickle(path: Path) -> Any:
    # These small files are plain pickles written by joblib.dump inside the installed package
    # (trusted like its code); the package reads them with joblib.load.
    with open(path, "rb") as fh:
        return pickle.load(fh)


_ISTITLE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(\d+)\])?\.istitle$")


def _is_title(word: str) -> bool:
    """underthesea's tagged_feature.text_istitle: every space-separated part starts with a
    title-case character (so "(" and "24" are not title-case)."""
    parts = word.split(" ")
    return bool(word) and all(parts) and all(p[0].istitle() for p in parts)


class _Featurizer:
    """underthesea's feature templates ("T[-1,0][1]", "T[0].lower", "T[1].istitle") computed
    by `underthesea_core.CRFFeaturizer`. The 2017 POS, chunk and NER models were trained with
    the package's Python features, whose `.istitle` differs from the Rust one ("(" and "24" are
    not title-case), so for them (`python_istitle`) that template is computed here as
    underthesea's tagged_feature.py does, and put at its place in the template order."""

    def __init__(self, templates: list[str], dictionary: set[str], python_istitle: bool):
        from underthesea_core import CRFFeaturizer

        # (position in the template list, template, first row, last row or None, column)
        self.titles: list[tuple[int, str, int, int | None, int]] = []
        for k, template in enumerate(templates):
            m = _ISTITLE.match(template) if python_istitle else None
            if m:
                first, last, column = m.groups()
                self.titles.append(
                    (k, template, int(first), int(last) if last else None, int(column or 0))
                )
        skip = {k for k, *_ in self.titles}
        self.rust = CRFFeaturizer([t for k, t in enumerate(templates) if k not in skip], dictionary)

    def __call__(self, rows: list[list[str]]) -> list[list[str]]:
        computed: list[list[str]] = self.rust.process([rows])[0]
        if not self.titles:
            return computed
        n = len(rows)
        flags = {c: [_is_title(row[c]) for row in rows] for c in {t[4] for t in self.titles}}
        for i, features in enumerate(computed):
            for k, template, first, last, column in self.titles:  # ascending k: insert in place
                if i + first < 0:
                    value = "BOS"
                elif i + first >= n or (last is not None and i + last >= n):
                    value = "EOS"
                else:
                    stop = i + (first if last is None else last) + 1
                    value = str(all(flags[column][i + first : stop]))
                features.insert(k, f"{template}={value}")
        return computed


class CRF:
    """One CRF sequence model: `tag(rows)` labels a sentence given as rows of columns."""

    def __init__(
        self,
        model: Path,
        templates: list[str],
        dictionary: set[str] | None = None,
        python_istitle: bool = False,
    ):
        from underthesea_core import CRFTagger

        self.tagger = CRFTagger()
        self.tagger.load(str(model))
        self.featurizer = _Featurizer(templates, dictionary or set(), python_istitle)

    def tag(self, rows: list[list[str]]) -> list[str]:
        if not rows:
            return []
        tags: list[str] = self.tagger.tag(self.featurizer(rows))
        return tags


@lru_cache(maxsize=1)
def word_segmenter() -> CRF | None:
    """underthesea's word segmentation model (syllables in, B-W/I-W out), or None if absent."""
    base = underthesea_dir()
    if base is None:
        return None
    models = sorted((base / "pipeline" / "word_tokenize" / "models").glob("ws_crf_*"))
    if not models:
        return None
    model_dir = models[-1]
    return CRF(
        model_dir / "models.bin",
        _read_pickle(model_dir / "features.bin"),
        _read_pickle(model_dir / "dictionary.bin"),
    )


def join_words(tokens: list[str], tags: list[str]) -> list[str]:
    """Syllables merged into words by B-W/I-W tags ("Hà" "Nội" → "Hà Nội")."""
    words: list[str] = []
    for token, tag in zip(tokens, tags, strict=False):
        if tag == "I-W" and words:
            words[-1] = words[-1] + " " + token
        else:
            words.append(token)
    return words


# --- reading the installed sources --------------------------------------------------------------


def _module_constants(path: Path) -> dict[str, Any]:
    """The top-level assignments of a module's source, evaluated with only `re` in scope: the
    tokeniser's pattern is built from string constants, so its imports need not run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body: list[ast.stmt] = [n for n in tree.body if isinstance(n, ast.Assign | ast.AugAssign)]
    namespace: dict[str, Any] = {"re": re}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(path), "exec"), namespace)
    return namespace


def _template(path: Path) -> list[str]:
    """The feature template list a model_crf.py gives its predictor (`template = [...]`)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["template"]
            and isinstance(node.value, ast.List)
        ):
            template = ast.literal_eval(node.value)
            if isinstance(template, list) and all(isinstance(t, str) for t in template):
                return template
    raise ValueError(f"no feature template in {path}")


def _single_bin(directory: Path, prefix: str) -> Path:
    found = sorted(directory.glob(f"{prefix}*.bin"))
    if len(found) != 1:
        raise ValueError(f"expected one {prefix}*.bin in {directory}, found {len(found)}")
    return found[0]


# --- tokenisation, word segmentation, NER ------------------------------------------------------


@dataclass
class Tokenizer:
    """underthesea's regex tokenisation with its character and short-token normalisation."""

    pattern: re.Pattern[str]
    character_map: dict[str, str]
    token_map: dict[str, str]

    def _normalize_characters(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        for non_standard, standard in self.character_map.items():
            text = text.replace(non_standard, standard)
        return text

    def __call__(self, text: str) -> list[str]:
        tokens = []
        for m in self.pattern.finditer(self._normalize_characters(text)):
            token = next(v for v in m.groupdict().values() if v is not None)
            if len(token) <= 6:  # the package normalises short tokens only ("nghành" → "ngành")
                token = self._normalize_characters(token)
                token = self.token_map.get(token, token)
            tokens.append(token)
        return tokens


_SOURCE_ERRORS = (OSError, KeyError, ValueError, SyntaxError, pickle.UnpicklingError)


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer | None:
    base = underthesea_dir()
    if base is None:
        return None
    try:
        source = base / "pipeline" / "word_tokenize" / "regex_tokenize.py"
        pattern = _module_constants(source)["patterns"]
        rules = _read_pickle(_single_bin(base / "pipeline" / "text_normalize", "tn_rules_"))
        if not isinstance(pattern, re.Pattern):
            return None
        return Tokenizer(pattern, rules["character"], rules["token"])
    except _SOURCE_ERRORS:
        return None


@dataclass
class NERTagger:
    """underthesea's `ner(sentence)`: POS, chunk and NER CRFs on the segmented words, each fed
    the previous ones' tags."""

    pos: CRF
    chunk: CRF
    ner: CRF

    def __call__(self, words: list[str]) -> list[tuple[str, str, str, str]]:
        pos = self.pos.tag([[w, _PLACEHOLDER] for w in words])
        chunk = self.chunk.tag([[w, p, _PLACEHOLDER] for w, p in zip(words, pos, strict=True)])
        rows = [[w, p, c, _PLACEHOLDER] for w, p, c in zip(words, pos, chunk, strict=True)]
        return list(zip(words, pos, chunk, self.ner.tag(rows), strict=True))


@lru_cache(maxsize=1)
def _ner_tagger() -> NERTagger | None:
    base = underthesea_dir()
    if base is None:
        return None
    stages = []
    try:
        for name, prefix in (
            ("pos_tag", "pos_crf_"),
            ("chunking", "chunk_crf_"),
            ("ner", "ner_crf_"),
        ):
            directory = base / "pipeline" / name
            model, template = _single_bin(directory, prefix), _template(directory / "model_crf.py")
            stages.append(CRF(model, template, python_istitle=True))
    except _SOURCE_ERRORS:
        return None
    return NERTagger(*stages)


def fast_path() -> bool:
    """Whether the installed files have the expected shape, so that `word_tokenize` and `ner`
    run without importing the `underthesea` package."""
    return None not in (_tokenizer(), word_segmenter(), _ner_tagger())


def word_tokenize(text: str) -> list[str]:
    """`underthesea.word_tokenize(text)`: "Hà Nội là thủ đô" → ["Hà Nội", "là", "thủ đô"]."""
    tokenizer, segmenter = _tokenizer(), word_segmenter()
    if tokenizer is None or segmenter is None:
        from underthesea import word_tokenize as package_word_tokenize

        return list(package_word_tokenize(text))
    tokens = tokenizer(text)
    return join_words(tokens, segmenter.tag([[t] for t in tokens]))


def ner(text: str) -> list[tuple[str, str, str, str]]:
    """`underthesea.ner(text)`: (word, POS, chunk, NER tag) per word; the tags are BIO over PER,
    LOC, ORG and MISC."""
    tagger = _ner_tagger()
    if tagger is None or _tokenizer() is None or word_segmenter() is None:
        from underthesea import ner as package_ner

        return [(w, p, c, t) for w, p, c, t in package_ner(text)]
    return tagger(word_tokenize(text))


# --- spaCy --------------------------------------------------------------------------------------

_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info` after `import_spacy()`: the real one, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, without importing `spacy.cli`.

    spaCy's `__init__` imports `spacy.cli.info` only to re-export `spacy.info`, and `spacy.cli`
    imports every command (typer, weasel, requests, httpx, rich, ...). For the first import of
    spaCy in the process, two placeholder modules stand in for `spacy.cli` and `spacy.cli.info`
    during that import only; they are removed right after, so a later `import spacy.cli` loads
    the real package, and `spacy.info` forwards to the real function. Should a spaCy version need
    more of `spacy.cli` at import, the placeholders are removed and spaCy imported normally.
    Not thread-safe against another thread importing spaCy at the same moment (vbparse does not).
    """
    if "spacy" in sys.modules or any(name in sys.modules for name in _SPACY_CLI):
        import spacy

        return spacy
    info = types.ModuleType("spacy.cli.info", "placeholder: see vbparse.nlp.import_spacy")
    info.info = _spacy_info  # type: ignore[attr-defined]
    cli = types.ModuleType("spacy.cli", "placeholder: see vbparse.nlp.import_spacy")
    cli.info = info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(placeholders)
    try:
        import spacy
    except (ImportError, AttributeError):
        _remove(placeholders)
        sys.modules.pop("spacy", None)
        import spacy
    finally:
        _remove(placeholders)
    return spacy


def _remove(placeholders: dict[str, types.ModuleType]) -> None:
    for name, module in placeholders.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
