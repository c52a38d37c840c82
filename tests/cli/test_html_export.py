"""`parse --format html`: one self-contained page per document showing everything the text
format shows; several documents make one page with an index."""

from __future__ import annotations

import html
import re

from cli_corpus import CORPUS, shown_text

SEED = CORPUS / "seed" / "kh-36-thbtd.txt"
DECISION = CORPUS / "docs" / "file_data_22.md"


def facts(path) -> list[str]:
    """Every string the text view is made of (fields, căn cứ, outline, duties, recipients,
    warnings), from the view model both renderers share."""
    from vbparse import parse
    from vbparse.export.summary import document_view

    view = document_view(parse(path))
    out = [value for _label, value in view.fields if value] + [label for label, _ in view.fields]
    out += view.bases + view.recipients + view.warnings
    out += [e.id for e in view.outline] + [e.heading for e in view.outline]
    out += [e.role for e in view.outline if e.role]
    out += [actor for actor, _sid, _duties in view.duties]
    return out


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_page_shows_everything_the_text_view_shows(run_cli):
    for path in (SEED, DECISION):
        _, text, _ = run_cli("parse", path, "--format", "text")
        code, page, _ = run_cli("parse", path, "--format", "html")
        assert code == 0
        shown = squeeze(shown_text(page))
        things = facts(path)
        assert len(things) > 20
        for fact in things:
            assert squeeze(fact) in squeeze(text), fact  # what the text view shows …
            assert squeeze(fact) in shown, fact  # … the page shows too
    # The seed's warnings, căn cứ and recipients, and whole headings, are on the page.
    _, page, _ = run_cli("parse", SEED, "--format", "html")
    assert "Cảnh báo" in page and "Căn cứ" in page and "Nơi nhận" in page
    assert "Tổ chuyên môn" in page and "Cụm từ cố định viết sai" in html.unescape(page)


def test_self_contained(run_cli):
    _, page, _ = run_cli("parse", SEED, "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(link|script|img)\b|src=|href=\"http", page)


def test_several_files_make_one_page_with_an_index(run_cli):
    code, page, _ = run_cli("parse", SEED, DECISION, "--format", "html")
    assert code == 0
    assert page.count("<!DOCTYPE html>") == 1 and page.count("<html") == 1
    assert page.count("</html>") == 1
    links = re.findall(r'<a href="#(doc-\d+)">', page)
    assert links == ["doc-1", "doc-2"]
    for anchor in links:
        assert f'<article id="{anchor}">' in page
    assert str(SEED) in page and str(DECISION) in page


def test_english_page(run_cli):
    _, page, _ = run_cli("parse", SEED, "--format", "html", "--lang", "en")
    assert '<html lang="en">' in page and "Recipients" in page and "[purpose]" in page
