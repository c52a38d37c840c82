"""vbparse.nlp reproduces underthesea's NER and word segmentation from the installed model files
(without importing the package), and imports spaCy without its CLI, safely."""

import subprocess
import sys
from pathlib import Path

import pytest

from vbparse import nlp
from vbparse.entities import _name_windows
from vbparse.readers import read

ROOT = Path(__file__).resolve().parents[2]

# Cases the corpus has few of: the tokeniser's special patterns, its character and short-token
# normalisation ("ð", "nghành"), and title-case features on punctuation and digits.
EDGE_CASES = [
    "UBND TP.HCM, H'Mông, v.v. và 43H-0530 (ngày 02/05/2014) lúc 10:20:50",
    "Trường ðại học nghành Giáo dục - 60.542.000 đồng, email a.b@gd.vn, http://moet.gov.vn/x",
    "“Dân vận khéo” => Quận 2 -- (24) ... 4K 3x4 T.Ư NĐ-CP 100,000 đ",
    "Ông Nguyễn Văn A, Bà Trần Thị B; Sở GD&ĐT; Phòng Giáo dục và Đào tạo Quận 2.",
]


def corpus_texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in [
        ROOT / "corpus/seed/kh-36-thbtd.txt",
        ROOT / "corpus/plans/parent-253-kh-gddt.txt",
    ]:
        for line in read(path).lines:  # what entities.py runs the NER on
            texts.extend(window for _at, window in _name_windows(line.text))
    return texts


@pytest.fixture(scope="module")
def texts():
    return corpus_texts()


def test_installed_models_are_read_directly():
    assert nlp.fast_path()


def test_ner_equals_underthesea(texts):
    from underthesea import ner

    assert len(texts) > 100
    for text in texts:
        assert nlp.ner(text) == [tuple(row) for row in ner(text)], text


def test_word_tokenize_equals_underthesea(texts):
    from underthesea import word_tokenize

    for text in texts:
        assert nlp.word_tokenize(text) == word_tokenize(text), text


def test_ner_finds_names():
    tags = {w: t for w, _p, _c, t in nlp.ner("Bà Nguyễn Thị Lệ Hằng làm việc tại Hà Nội.")}
    assert tags["Hà Nội"] == "B-LOC"
    assert nlp.word_tokenize("") == [] and nlp.ner("") == []


def test_import_spacy_leaves_spacy_cli_importable():
    code = """
import sys
from vbparse.nlp import import_spacy
spacy = import_spacy()
assert "spacy.cli" not in sys.modules and "typer" not in sys.modules
from spacy.matcher import Matcher
nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
m = Matcher(nlp.vocab)
m.add("X", [[{"LOWER": "quận"}, {"IS_DIGIT": True}]])
assert len(m(nlp.make_doc("tại Quận 2 và quận 3"))) == 2
import spacy.cli
from spacy.cli.info import info
assert spacy.cli.info is info and callable(spacy.info)
assert spacy.cli.__file__ and spacy.cli.download
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
