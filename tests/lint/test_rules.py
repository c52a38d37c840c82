"""Each lint rule: one well-formed plan passes clean; one change to it triggers exactly the rule."""

from __future__ import annotations

import pytest

from conftest import GOOD_PLAN, codes


def test_good_plan_is_clean(lint_text):
    report = lint_text(GOOD_PLAN)
    assert report.findings == []


@pytest.mark.parametrize(
    ("old", "new", "component"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "", "national_header"),
        ("Độc lập - Tự do - Hạnh phúc\n", "", "motto"),
        ("ỦY BAN NHÂN DÂN QUẬN 2\nTRƯỜNG TIỂU HỌC AN KHÁNH\n", "", "issuer"),
        ("HIỆU TRƯỞNG\n", "", "signer_title"),
        ("- Lưu: VT.\n", "", "archive"),
        ("Nơi nhận:\n- Các bộ phận đoàn thể;\n- Lưu: VT.\n", "", "recipients"),
    ],
)
def test_missing_component(lint_text, old, new, component):
    report = lint_text(GOOD_PLAN.replace(old, new))
    found = [f for f in report.findings if f.code == "missing_component"]
    assert [f.detail["component"] for f in found] == [component]
    assert found[0].severity == "error"


def test_missing_component_message_names_it_in_both_languages(lint_text):
    text = GOOD_PLAN.replace("HIỆU TRƯỞNG\n", "")
    assert "chức vụ của người ký" in lint_text(text).findings[0].message
    assert "signer's title" in lint_text(text, lang="en").findings[0].message


@pytest.mark.parametrize(
    ("number", "key", "severity", "fix"),
    [
        ("36 /KH-THAK", "number_spaces", "warning", "36/KH-THAK"),
        ("36/KH/THAK", "number_separator", "error", "36/KH-THAK"),
        ("36-KH/THAK", "number_party_style", "error", "36/KH-THAK"),
        ("36/QĐ-THAK", "number_type_mismatch", "error", "36/KH-THAK"),
        ("5/KH-THAK", "number_leading_zero", "warning", "05/KH-THAK"),
    ],
)
def test_number_format(lint_text, number, key, severity, fix):
    report = lint_text(GOOD_PLAN.replace("36/KH-THAK", number))
    found = [f for f in report.findings if f.code == "number_format"]
    assert found, codes(report)
    assert found[0].severity == severity and found[0].fix == fix
    assert codes(report) == ["number_format"] * len(found)


def test_party_number_accepted_for_doan_body(lint_text):
    text = GOOD_PLAN.replace(
        "ỦY BAN NHÂN DÂN QUẬN 2\nTRƯỜNG TIỂU HỌC AN KHÁNH", "BCH ĐOÀN TNCS HỒ CHÍ MINH\nQUẬN ĐOÀN 2"
    )
    text = text.replace("Số: 36/KH-THAK", "Số 36-KH/QĐTN")
    assert "number_format" not in codes(lint_text(text))


def test_number_colon(lint_text):
    report = lint_text(GOOD_PLAN.replace("Số: 36/KH-THAK", "Số 36/KH-THAK"))
    assert [f.fix for f in report.findings if f.code == "number_format"] == ["Số:"]


@pytest.mark.parametrize(
    ("date", "severity", "fix"),
    [
        ("ngày 3 tháng 4 năm 2020", "warning", "ngày 03 tháng 4 năm 2020"),
        ("ngày 23 tháng 2 năm 2020", "warning", "ngày 23 tháng 02 năm 2020"),
        ("ngày 23 tháng 04 năm 2020", "info", "ngày 23 tháng 4 năm 2020"),
        ("ngày 31 tháng 4 năm 2020", "error", None),
        ("ngày 23 tháng 4 năm 2030", "warning", None),
    ],
)
def test_date_format(lint_text, date, severity, fix):
    report = lint_text(GOOD_PLAN.replace("ngày 23 tháng 4 năm 2020", date))
    found = [f for f in report.findings if f.code == "date_format"]
    assert [f.severity for f in found] == [severity]
    assert found[0].fix == fix


def test_date_with_leading_zeros_where_due_is_clean(lint_text):
    report = lint_text(GOOD_PLAN.replace("ngày 23 tháng 4 năm 2020", "ngày 05 tháng 02 năm 2020"))
    assert "date_format" not in codes(report)


@pytest.mark.parametrize(
    ("old", "new", "severity"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CONG HOA XA HOI CHU NGHIA VIET NAM", "error"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam", "warning"),
        ("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hanh phuc", "error"),
        ("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc", "warning"),
        ("Nơi nhận:", "Noi nhận:", "error"),
        ("Nơi nhận:", "Nơi nhận", "warning"),
        ("- Lưu: VT.", "- Lưu VT.", "warning"),
        ("- Lưu: VT.", "- Luu: VT.", "error"),
    ],
)
def test_fixed_phrase(lint_text, old, new, severity):
    report = lint_text(GOOD_PLAN.replace(old, new))
    found = [f for f in report.findings if f.code == "fixed_phrase"]
    assert [f.severity for f in found] == [severity]


def test_tone_placement_variant_is_not_a_fixed_phrase_error(lint_text):
    report = lint_text(GOOD_PLAN.replace("CỘNG HÒA", "CỘNG HOÀ"))
    assert report.findings == []


def test_name_variant_capitalised_name(lint_text):
    text = GOOD_PLAN.replace("năm 2020\n\nThực", "năm 2020 tại phường An Khánh\n\nThực").replace(
        "về hiệu trưởng nhà trường", "về hiệu trưởng Trường An Khanh"
    )
    found = [f for f in lint_text(text).findings if f.code == "name_variant"]
    assert [f.quote for f in found] == ["An Khanh"]


def test_name_variant_word_decided_by_lexicon(lint_text):
    text = GOOD_PLAN.replace("2. Lồng ghép", "2. Lòng ghép").replace(
        "xây dựng kế hoạch", "xây dựng và lồng ghép kế hoạch"
    )
    found = [f for f in lint_text(text).findings if f.code == "name_variant"]
    assert [(f.quote, f.fix) for f in found] == [("Lòng ghép", "Lồng ghép")]


def test_two_real_words_are_not_name_variants(lint_text):
    # "các cấp" and "các cặp" are both Vietnamese: no telling which was meant.
    text = GOOD_PLAN.replace("trong cơ quan.", "trong cơ quan các cấp và các cặp.")
    assert "name_variant" not in codes(lint_text(text))


def test_variant_the_document_prefers_is_not_a_slip(lint_text):
    # "Lòng ghép" written twice beside one "lồng ghép": the writer's own word, not a slip.
    text = GOOD_PLAN.replace("2. Lồng ghép", "2. Lòng ghép").replace(
        "xây dựng kế hoạch", "xây dựng, lòng ghép và lồng ghép kế hoạch"
    )
    assert "name_variant" not in codes(lint_text(text))


def test_syllable_belonging_to_a_stronger_neighbour_word_is_no_variant(lint_text):
    # "của cộng đồng dân cư" is "của" + "cộng đồng", not a misspelt "của công" ("đồng dân" is a
    # weaker word than "cộng đồng").
    text = GOOD_PLAN.replace("trong cơ quan.", "của công chức và của cộng đồng dân cư.")
    assert "name_variant" not in codes(lint_text(text))


def test_repeated_word(lint_text):
    text = GOOD_PLAN.replace("của đội ngũ cán bộ", "của đội ngũ ngũ cán bộ")
    found = [f for f in lint_text(text).findings if f.code == "repeated_word"]
    assert [(f.quote, f.fix) for f in found] == [("đội ngũ ngũ", "đội ngũ")]


@pytest.mark.parametrize(
    "phrase", ["dần dần nâng cao", "đã từng từng bước nâng cao", "thường thường nâng cao"]
)
def test_intended_reduplication_is_not_repeated_word(lint_text, phrase):
    text = GOOD_PLAN.replace("Nâng cao nhận thức", phrase.capitalize() + " nhận thức")
    assert "repeated_word" not in codes(lint_text(text))


def test_spelling(lint_text):
    text = GOOD_PLAN.replace("Hội đồng sư phạm", "Hội đồng sự phạm")
    found = [f for f in lint_text(text).findings if f.code == "spelling"]
    assert [(f.quote, f.fix) for f in found] == [("sự phạm", "sư phạm")]
    assert "spelling" not in codes(lint_text(text, spelling=False))


def test_i_and_y_spellings_are_both_right(lint_text):
    # The dictionary spells "kì thi", documents "kỳ thi": neither is a misspelling of "kỳ thị".
    text = GOOD_PLAN.replace("trong cơ quan.", "trong cơ quan và kỳ thi, kì thi, lý do.")
    assert not {"spelling", "name_variant"} & set(codes(lint_text(text)))


@pytest.mark.parametrize(
    ("citation", "missing"),
    [
        ("số 253/KH-GDĐT ngày 20 tháng 4 năm 2020 của Phòng Giáo dục và Đào tạo", "type"),
        ("Kế hoạch số 253/KH-GDĐT của Phòng Giáo dục và Đào tạo", "date"),
        ("Kế hoạch số 253/KH-GDĐT ngày 20 tháng 4 năm 2020 về", "issuer"),
    ],
)
def test_citation_incomplete(lint_text, citation, missing):
    text = GOOD_PLAN.replace(
        "Kế hoạch số 253/KH-GDĐT ngày 20 tháng 4 năm 2020 của Phòng Giáo dục và Đào tạo", citation
    )
    found = [f for f in lint_text(text).findings if f.code == "citation_incomplete"]
    assert [f.detail["missing"] for f in found] == [missing]


@pytest.mark.parametrize(
    "citation",
    [
        # Laws and ordinances are cited by type and name.
        "Luật Giáo dục số 43/2019/QH14",
        "Pháp lệnh Ưu đãi người có công với cách mạng số 26/2005/PL-UBTVQH11",
        # A name between the type and "số"; "Văn bản" as the type.
        "Báo cáo kết quả giám sát số 120/BC-ĐGS ngày 12 tháng 4 năm 2012 của Đoàn giám sát",
        "Bộ Tài chính (Văn bản số 4773/TC-CSTC ngày 25/5/2001)",
        # Dated and issued before the type, in the same clause.
        "Ngày 12/6/2015, Bộ Quốc phòng đã có Công văn số 4966/BQP-CT",
        # A list continuing one type and issuer.
        "các Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg ngày 27/10/2008"
        " và số 53/2010/QĐ-TTg ngày 20/8/2010",
    ],
)
def test_complete_citations_in_other_forms(lint_text, citation):
    text = GOOD_PLAN.replace("xây dựng kế hoạch", f"xây dựng kế hoạch theo {citation}")
    assert "citation_incomplete" not in codes(lint_text(text))


def test_repeat_of_a_full_citation_without_its_year_is_not_a_first_mention(lint_text):
    text = GOOD_PLAN.replace(
        "xây dựng kế hoạch",
        "xây dựng kế hoạch theo Quyết định số 62/2011/QĐ-TTg ngày 09/11/2011 của Thủ tướng"
        " Chính phủ và Quyết định số 62/QĐ-TTg",
    )
    assert "citation_incomplete" not in codes(lint_text(text))


def test_later_short_citation_is_fine(lint_text):
    text = GOOD_PLAN.replace("xây dựng kế hoạch", "xây dựng kế hoạch theo Kế hoạch số 253/KH-GDĐT")
    assert "citation_incomplete" not in codes(lint_text(text))


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("III. TỔ CHỨC", "IV. TỔ CHỨC", "numbering_gap"),
        ("2. Lồng ghép", "1. Lồng ghép", "numbering_repeat"),
    ],
)
def test_numbering(lint_text, old, new, key):
    report = lint_text(GOOD_PLAN.replace(old, new))
    found = [f for f in report.findings if f.code == "numbering"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].message.startswith(
        {"numbering_gap": "Đánh số bị nhảy", "numbering_repeat": "Số thứ tự"}[key]
    )
    assert found[0].fix == ("III" if key == "numbering_gap" else "2")


def test_numbering_that_starts_late(lint_text):
    text = GOOD_PLAN.replace("1. Thực hiện dân chủ", "Thực hiện dân chủ")
    found = [f for f in lint_text(text).findings if f.code == "numbering"]
    assert [(f.quote[:2], f.fix) for f in found] == [("2.", "1")]


def test_numbering_whose_first_item_is_quoted_is_whole(lint_text):
    # "1." stands inside quotation marks (quoted from an amended text): the outline lacks it,
    # the text does not.
    text = GOOD_PLAN.replace(
        "1. Thực hiện dân chủ, công khai, minh bạch trong cơ quan.",
        "“1. Thực hiện dân chủ, công khai, minh bạch trong cơ quan.”",
    )
    assert "numbering" not in codes(lint_text(text))


def test_structure_plan_without_purpose_or_organisation(lint_text):
    text = GOOD_PLAN.replace("MỤC ĐÍCH – YÊU CẦU", "NỘI DUNG").replace(
        "TỔ CHỨC THỰC HIỆN", "GIẢI PHÁP"
    )
    found = [f for f in lint_text(text).findings if f.code == "structure"]
    assert len(found) == 2


def test_structure_decision_without_articles(lint_text):
    text = GOOD_PLAN.replace("KẾ HOẠCH\n", "QUYẾT ĐỊNH\n").replace("36/KH-THAK", "36/QĐ-THAK")
    assert "structure" in codes(lint_text(text))
