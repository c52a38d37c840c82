"""The seed plan, field by field, exactly as issue 2 states it."""

from __future__ import annotations


def test_type_and_number(seed_doc):
    assert (seed_doc.doc_type.name, seed_doc.doc_type.code) == ("Kế hoạch", "KH")
    n = seed_doc.number
    assert (n.number, n.symbol, n.type_code, n.issuer_code) == ("36", "KH-THBTD", "KH", "THBTD")


def test_place_date_subject(seed_doc):
    assert seed_doc.issued.place == "Bình Trung Đông"
    assert seed_doc.issued.date == "2020-04-23"
    assert seed_doc.subject == (
        "Triển khai công tác dân vận của chính quyền và quy chế dân chủ ở Trường Tiểu học Bình Trung Đông"
    )
    assert seed_doc.national_header is False


def test_single_base_is_the_district_plan(seed_doc):
    assert len(seed_doc.bases) == 1
    base = seed_doc.bases[0]
    assert (base.number, base.symbol, base.date) == ("253", "KH-GDĐT", "2020-04-20")
    assert base.issuer and base.issuer.startswith("Phòng Giáo dục và Đào tạo")
    assert base.doc_type == "Kế hoạch"
    assert base.title and base.title.startswith("Kế hoạch triển khai công tác dân vận")


def test_outline_and_roles(seed_doc):
    top = [(s.id, s.role) for s in seed_doc.sections]
    assert top == [
        ("I", "purpose"),
        ("II", "tasks"),
        ("III", "solutions"),
        ("IV", "responsibilities"),
        ("V", "timeline"),
    ]
    assert [c.id for c in seed_doc.section("II").children] == [f"II.{k}" for k in range(1, 7)]
    assert [c.id for c in seed_doc.section("IV.1").children] == [f"IV.1-{k}" for k in range(1, 5)]


def test_responsibilities(seed_doc):
    got = [(r.actor, len(r.duties), r.section_id) for r in seed_doc.responsibilities]
    assert got == [("Lãnh đạo nhà trường", 4, "IV.1"), ("Các bộ phận trong nhà trường", 3, "IV.2")]
    assert seed_doc.responsibilities[0].duties[0].startswith("Xây dựng kế hoạch và triển khai")


def test_closing(seed_doc):
    assert seed_doc.recipients == ["Các bộ phận đoàn thể", "Tổ chuyên môn", "Lưu VT"]
    assert seed_doc.signer.name == "Nguyễn Thị Lệ Hằng"


def test_inferred_fields_point_at_their_evidence(seed_doc, seed_path):
    """No issuer in the header and no title over the signature: both come from the text
    ("Trường Tiểu học … ban hành Kế hoạch …", "Hiệu trưởng Trường Tiểu học … đề nghị"), each
    flagged field_inferred, with provenance on the sentence that says it."""
    assert seed_doc.issuer.name == "Trường Tiểu học Bình Trung Đông"
    assert seed_doc.signer.title == "Hiệu trưởng"
    inferred = {w.field for w in seed_doc.warnings if w.code == "field_inferred"}
    assert inferred == {"issuer", "signer.title"}
    assert not any(w.code == "field_missing" and w.field in inferred for w in seed_doc.warnings)
    raw_lines = seed_path.read_text(encoding="utf-8").splitlines()
    for key, words in (("issuer", "ban hành Kế hoạch"), ("signer.title", "đề nghị")):
        span = seed_doc.provenance[key]
        line = raw_lines[span.source["line"] - 1]
        assert words in line
        assert line[span.start : span.end] in (seed_doc.issuer.name, seed_doc.signer.title)


def test_provenance_points_at_the_source(seed_doc, seed_path):
    raw_lines = seed_path.read_text(encoding="utf-8").splitlines()
    span = seed_doc.provenance["number"]
    line = raw_lines[span.source["line"] - 1]
    assert "36/KH-THBTD" in line
    base_span = seed_doc.bases[0].span
    assert base_span is not None and "253/KH-GDĐT" in raw_lines[base_span.source["line"] - 1]
    ii3 = seed_doc.section("II.3")
    assert ii3 is not None and ii3.span is not None
    assert raw_lines[ii3.span.source["line"] - 1].startswith("3. Thực hiện nghiêm túc")
