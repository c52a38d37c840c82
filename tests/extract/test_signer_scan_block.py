"""The signer block of scans from new sources (corpus/unseen3: Quảng Ngãi, Tây Đô; corpus/unseen2:
Hải Phòng): a red seal over the name's first letters, a title level with "Nơi nhận:" above the
closing, a signature's flourish glued to the title, a "KT." line lost under the seal."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.signer import best_title, vocabulary_match
from vbparse.pipeline import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_a_flourish_glued_to_a_titles_last_word_is_noise():
    assert vocabulary_match("HIỆU TRƯỞNGZZ") is not None
    found = best_title(["HIỆU TRƯỞNGZZ"])
    assert found is not None and found.value == "HIỆU TRƯỞNG"
    # A word that is a syllable with the letters after the title is not a title plus noise.
    assert vocabulary_match("BÍ THƯƠNG") is None


def test_a_dash_or_quote_after_a_title_is_a_signatures_stroke():
    found = best_title(["HIỆU TRƯỞNG“—"])
    assert found is not None and found.value == "HIỆU TRƯỞNG"


@pytest.mark.slow
def test_a_name_under_a_red_seal_is_read_with_the_coloured_ink_dropped():
    """The red-kept re-read gives "FFẩn Hoàng Tuân" (the seal's rim over "Tr"); read once more
    with every coloured ink dropped, the black print under the seal reads whole."""
    doc = parse(CORPUS / "unseen3" / "quangngai" / "239-TTr_scan.pdf")
    assert doc.signer.name == "Trần Hoàng Tuấn"
    assert doc.signer.title == "PHÓ CHỦ TỊCH"


@pytest.mark.slow
def test_a_title_above_the_recipients_label_is_in_the_region_read_again():
    """'HIỆU TRƯỞNG' stands higher than 'Nơi nhận:', between it and the body's last line; the
    page's reading lost it under the signature's stroke."""
    doc = parse(CORPUS / "unseen3" / "taydo" / "1135-DHTD_scan.pdf")
    assert doc.signer.title == "HIỆU TRƯỞNG"


@pytest.mark.slow
def test_a_kt_line_lost_under_the_seal_completes_the_authority():
    doc = parse(CORPUS / "unseen2" / "so4t" / "68-KH-UBND-HaiPhong_scan.pdf")
    assert doc.signer.authority == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    assert doc.signer.title == "PHÓ CHỦ TỊCH"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("unseen3/quangngai/280-BC_scan.pdf", "Trần Phước Hiền"),  # the page read "Hiên"
        ("unseen2/ctuet/873-TB-DHKTCN_scan.pdf", "Nguyễn Thị Yên Chi"),  # the page read "Chỉ"
    ],
)
def test_a_names_tone_marks_are_those_most_readings_of_its_line_give(path, name):
    doc = parse(CORPUS / path)
    assert doc.signer.name == name


def test_name_vote_leaves_a_common_name_syllable_as_read() -> None:
    """The tone-mark vote once turned a sound "Toàn" into "Toản" (two re-readings against the
    page OCR): a common name syllable stays as read; an uncommon one ("Hiên") gives way only to
    a common one ("Hiền")."""
    from vbparse.extract.reread import _voted

    assert _voted(2, "Toàn", [["Hà", "Thanh", "Toàn"]] + [["Hà", "Thanh", "Toản"]] * 2) == "Toàn"
    assert (
        _voted(2, "Hiên", [["Trần", "Phước", "Hiên"]] + [["Trần", "Phước", "Hiền"]] * 2) == "Hiền"
    )
    assert _voted(0, "Toàn", [["Toàn"]] + [["Toản"]] * 2) == "Toàn"
    assert _voted(0, "Toạn", [["Toạn"]] + [["Toản"]] * 2) == "Toạn"
