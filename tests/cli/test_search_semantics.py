"""`vbparse search` means what a clerk means: every word, with its diacritics; the words side by
side first; --no-accents ("dan van") finds the same; one hit per document with its formats. The
registry is built by `vbparse batch` from the corpus (conftest.py)."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

import pytest
from cli_corpus import CORPUS

SEED = str(CORPUS / "seed" / "kh-36-thbtd.txt")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def document_texts(db) -> dict[str, tuple[str, str, str]]:
    """path → (text, number, date) of every stored document, read straight from the registry."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT d.path, f.subject || char(10) || f.body, d.number_raw, d.issued_date "
        "FROM documents d JOIN documents_fts f ON f.rowid = d.id"
    )
    return {path: (text, number, date) for path, text, number, date in rows}


def search(run_cli, db, *args: str) -> tuple[int, list[dict]]:
    code, out, _ = run_cli("search", *args, "--db", db, "--format", "json", "--limit", "500")
    return code, [json.loads(line) for line in out.splitlines()]


def paths_of(hits: list[dict]) -> set[str]:
    return {p for h in hits for p in (h["path"], *h["copies"])}


def test_unquoted_words_must_all_match_with_their_diacritics(corpus_registry, run_cli):
    texts = document_texts(corpus_registry)
    code, hits = search(run_cli, corpus_registry, "dân vận")
    assert code == 0
    both = {p for p, (t, _n, _d) in texts.items() if {"dân", "vận"} <= set(words(t))}
    # Only documents holding both words, and all of them (each copy listed with its hit).
    assert paths_of(hits) == both
    assert len(hits) < len(texts) / 2  # "dân" and "văn" alone are in almost every document
    # The seed (whose subject is "… công tác dân vận …") comes first.
    assert SEED in (hits[0]["path"], *hits[0]["copies"])
    # The documents holding the words side by side come before the others.
    side_by_side = ["dân vận" in " ".join(words(texts[h["path"]][0])) for h in hits]
    assert side_by_side == sorted(side_by_side, reverse=True) and not all(side_by_side)


def test_no_accents_finds_the_same(corpus_registry, run_cli):
    _, marked = search(run_cli, corpus_registry, "dân vận")
    _, folded = search(run_cli, corpus_registry, "--no-accents", "dan van")
    _, typed_bare = search(run_cli, corpus_registry, "dan van")
    assert [h["path"] for h in folded] == [h["path"] for h in marked]
    assert [h["path"] for h in typed_bare] == [h["path"] for h in marked]
    # One word without diacritics keeps every spelling: "van" is văn, vận, vấn …
    _, van = search(run_cli, corpus_registry, "--no-accents", "van")
    assert len(van) > 2 * len(marked)


def test_quoted_phrase_is_exact(corpus_registry, run_cli):
    texts = document_texts(corpus_registry)
    _, hits = search(run_cli, corpus_registry, '"dân vận"')
    expected = {p for p, (t, _n, _d) in texts.items() if "dân vận" in " ".join(words(t))}
    assert hits and paths_of(hits) == expected


def test_one_hit_per_document_with_its_formats(corpus_registry, run_cli):
    _, hits = search(run_cli, corpus_registry, "dân vận")
    seed = next(h for h in hits if SEED in (h["path"], *h["copies"]))
    assert set(seed["formats"]) >= {"txt", "docx", "pdf"}
    assert {p.rsplit(".", 1)[1] for p in (seed["path"], *seed["copies"])} >= {"docx", "pdf"}
    identities = [(h["number"], h["date"]) for h in hits if h["number"]]
    assert len(identities) == len(set(identities))
    code, out, _ = run_cli("search", "dân vận", "--db", corpus_registry, "--limit", "3")
    assert code == 0 and "các bản: docx, pdf, txt" in out


def test_python_search_and_typed_dates(corpus_registry):
    import datetime

    import vbparse

    hits = vbparse.search("dân vận", db=corpus_registry, date_from=datetime.date(2020, 4, 23))
    assert hits and all(h.date_value and h.date_value >= datetime.date(2020, 4, 23) for h in hits)
    with pytest.raises(vbparse.UsageError):
        vbparse.search("", db=corpus_registry)
    with pytest.raises(vbparse.InputError):
        vbparse.search("x", db=corpus_registry.parent / "none.sqlite")
