"""Repairs of converter damage, and the guarantee that correct text is never touched."""

from __future__ import annotations

import pytest

from vbparse.text.normalize import fold_tone_placement, strip_diacritics
from vbparse.text.syllables import is_syllable, repair_split_syllables


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Nh ư tr ê n", "Như trên"),
        ("B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
        ("ngân sách trung ươ n g", "ngân sách trung ương"),
        ("Ng o ại giao, Xã hộ i , Tài chính", "Ngoại giao, Xã hội, Tài chính"),
        ("của Bộ trưởngBộ Giáo dục", "của Bộ trưởng Bộ Giáo dục"),
        ("trực thuộc T W", "trực thuộc TW"),
        ("các Vụ: KG V X, TH", "các Vụ: KGVX, TH"),
        ("Thành đoàn T N C S Hồ Chí Minh", "Thành đoàn TNCS Hồ Chí Minh"),
    ],
)
def test_converter_damage_is_repaired(damaged, repaired):
    assert repair_split_syllables(damaged) == repaired


@pytest.mark.parametrize(
    "correct",
    [
        "xoè khoẻ khuỷu Huỳnh thuở Nguyễn ở y tế",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 1906/SGDĐT-CTrTT; QĐ-TTg; UBND TP HCM",
        "Phụ lục I, Chương II, điểm a, b",
        "Lưu: VT, KGVX (3).",
        "iPhone và McDonald",
    ],
)
def test_correct_text_is_untouched(correct):
    assert repair_split_syllables(correct) == correct


def test_syllable_shape():
    for word in ("nghiêng", "khuỷu", "quốc", "giữa", "oà", "tuyển", "Đảng"):
        assert is_syllable(word), word
    for piece in ("ươ", "Nh", "tr", "ng", "KG"):
        assert not is_syllable(piece), piece


def test_folding_for_matching():
    assert fold_tone_placement("hòa thủy") == fold_tone_placement("hoà thuỷ")
    assert fold_tone_placement("hoàn") == "hoàn"
    assert strip_diacritics("Đồng Nguyễn") == "Dong Nguyen"
    assert len(strip_diacritics("Trường Tiểu học")) == len("Trường Tiểu học")
