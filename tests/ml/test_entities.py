from pathlib import Path

import pytest

from vbparse.abbreviations import add_expansions
from vbparse.entities import add_entities
from vbparse.export.html import to_html
from vbparse.pipeline import parse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed():
    doc = parse(ROOT / "corpus/seed/kh-36-thbtd.txt")
    add_entities(doc)
    return doc


def found(doc, kind):
    return {e.text for e in doc.entities if e.type == kind}


def test_seed_entities(seed):
    assert "Phòng Giáo dục và Đào tạo" in found(seed, "ORG")
    assert {"Quận 2", "phường Bình Trung Đông"} <= found(seed, "LOC")
    assert "Nguyễn Thị Lệ Hằng" in found(seed, "PER")
    dates = {e.value for e in seed.entities if e.type == "DATE"}
    assert {"2020-04-20", "2020-04-23"} <= dates
    assert {"start": "2018", "end": "2020"} in [
        e.value for e in seed.entities if e.type == "PERIOD"
    ]
    assert {"Dân vận khéo", "5 không"} <= found(seed, "QUOTE")
    assert "253/KH-GDĐT" in {e.value for e in seed.entities if e.type == "DOCREF"}


def test_offsets_point_into_the_exposed_text(seed):
    text = "\n".join(seed.lines)
    for e in seed.entities:
        assert text[e.start : e.end] == e.text


def test_issuer_code_linked_to_body(seed):
    assert seed.expansions["THBTD"] == "Trường Tiểu học Bình Trưng Đông"
    assert seed.expansions["UBND"] == "Ủy ban nhân dân"


def test_expansions_without_entities():
    doc = parse(ROOT / "corpus/plans/parent-253-kh-gddt.txt", include_lines=True)
    add_expansions(doc)
    assert doc.expansions["GDĐT"].endswith("Giáo dục và Đào tạo")


def test_html_highlights_entities(seed):
    html = to_html(seed)
    assert html.startswith("<!DOCTYPE html>")
    assert '<mark class="DOCREF"' in html and "Nguyễn Thị Lệ Hằng</mark>" in html
