"""The parsed lexicon is kept in the user's cache (issue #17: parsing the shipped file cost every
OCR'd document 0.3 s): what is read back is the lexicon parsed afresh, and a damaged or foreign
file is parsed over, never trusted."""

from __future__ import annotations

import pytest

from vbparse.lint import lexicon as lexicon_module


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("VBPARSE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("VBPARSE_NO_CACHE", raising=False)
    lexicon_module.lexicon.cache_clear()
    yield tmp_path
    lexicon_module.lexicon.cache_clear()


def _same(a, b) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in lexicon_module._PARSED_FIELDS)


def test_the_cached_lexicon_is_the_parsed_one(fresh, monkeypatch):
    parsed = lexicon_module.lexicon()
    assert (fresh / "lexicon-1.marshal").exists()
    lexicon_module.lexicon.cache_clear()
    monkeypatch.setattr(lexicon_module, "parse_lexicon", lambda lines: pytest.fail("parsed again"))
    cached = lexicon_module.lexicon()
    assert _same(cached, parsed) and len(cached.syllables) > 5000
    assert cached.variants("hoa") == parsed.variants("hoa")


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe9\x01\x02"])
def test_a_damaged_cache_file_is_parsed_over(fresh, content):
    (fresh / "lexicon-1.marshal").write_bytes(content)
    lex = lexicon_module.lexicon()
    assert len(lex.syllables) > 5000 and lex.is_word("giáo dục")
