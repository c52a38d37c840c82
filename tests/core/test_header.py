"""Header extraction on the shapes real documents come in: zoned tables, flat text, and two
header columns interleaved onto one line by PDF extraction."""

from __future__ import annotations

import pytest

from vbparse.extract.refs import find_date, parse_number
from vbparse.pipeline import parse


@pytest.mark.parametrize(
    ("raw", "number", "symbol", "type_code", "issuer_code", "year", "style"),
    [
        ("36/KH-THBTD", "36", "KH-THBTD", "KH", "THBTD", None, "state"),
        ("49/2012/QĐ-UBND", "49", "QĐ-UBND", "QĐ", "UBND", 2012, "state"),
        ("1906/SGDĐT-CTrTT", "1906", "SGDĐT-CTrTT", None, "SGDĐT-CTrTT", None, "state"),
        ("479-KH/TWĐTN", "479", "KH/TWĐTN", "KH", "TWĐTN", None, "party"),
        ("57-NQ/TW", "57", "NQ/TW", "NQ", "TW", None, "party"),
        ("389 KH/TWĐTNVP", "389", "KH/TWĐTNVP", "KH", "TWĐTNVP", None, "party"),
        ("773 /QĐ-TTg", "773", "QĐ-TTg", "QĐ", "TTg", None, "state"),
        ("  /TB-UBND", None, "TB-UBND", "TB", "UBND", None, "state"),
        (
            "05/2013/TTLT-BLĐTBXH-BYT",
            "05",
            "TTLT-BLĐTBXH-BYT",
            "TTLT",
            "BLĐTBXH-BYT",
            2013,
            "state",
        ),
    ],
)
def test_number_styles_and_noise(raw, number, symbol, type_code, issuer_code, year, style):
    parts = parse_number(raw)
    assert parts is not None
    assert (
        parts.number,
        parts.symbol,
        parts.type_code,
        parts.issuer_code,
        parts.year,
        parts.style,
    ) == (
        number,
        symbol,
        type_code,
        issuer_code,
        year,
        style,
    )


def test_not_a_number():
    assert parse_number("ngày 20 tháng 4") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Hà Nội, ngày 26 tháng 0 6 năm 2018", "2018-06-26"),
        ("ngày 25/6/2019 của Thủ tướng", "2019-06-25"),
        ("ngày 05 tháng 3 năm 2020", "2020-03-05"),
        ("ngày 31 tháng 02 năm 2020", None),  # not a real date: found, but no ISO value
    ],
)
def test_dates(text, iso):
    found = find_date(text)
    assert found is not None and found.iso == iso


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_interleaved_header_columns(tmp_path):
    path = write(
        tmp_path,
        "flat.txt",
        "UBND QUẬN 2 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG TIỂU HỌC BÌNH TRƯNG ĐÔNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-THBTD Bình Trưng Đông, ngày 05 tháng 9 năm 2020\n"
        "KẾ HOẠCH\n"
        "Tổ chức ngày hội đọc sách\n"
        "năm học 2020 - 2021\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "- Khuyến khích học sinh đọc sách.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Tổ chuyên môn:\n"
        "- Chuẩn bị sách.\n"
        "Nơi nhận: HIỆU TRƯỞNG\n"
        "- Phòng GDĐT Quận 2;\n"
        "- Lưu: VT.\n"
        "Trần Văn Bình\n",
    )
    doc = parse(path)
    assert doc.issuer.parent == "UBND QUẬN 2"
    assert doc.issuer.name == "TRƯỜNG TIỂU HỌC BÌNH TRƯNG ĐÔNG"
    assert doc.national_header and doc.motto
    assert (doc.number.number, doc.number.symbol) == ("12", "KH-THBTD")
    assert (doc.issued.place, doc.issued.date) == ("Bình Trưng Đông", "2020-09-05")
    assert doc.subject == "Tổ chức ngày hội đọc sách năm học 2020 - 2021"
    assert [s.role for s in doc.sections] == ["purpose", "responsibilities"]
    assert doc.recipients == ["Phòng GDĐT Quận 2", "Lưu: VT"]
    assert (doc.signer.title, doc.signer.name) == ("HIỆU TRƯỞNG", "Trần Văn Bình")
    # provenance of a piece cut from a run-together line points into that line
    span = doc.provenance["issuer"]
    line = path.read_text(encoding="utf-8").splitlines()[span.source["line"] - 1]
    assert line[span.start : span.start + 10] == "TRƯỜNG TIỂ"


def test_cong_van_from_vv_and_type_from_code(tmp_path):
    cv = parse(
        write(
            tmp_path,
            "cv.txt",
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1906/SGDĐT-CTrTT\nV/v hướng dẫn tổ chức hoạt động\n"
            "trải nghiệm hè năm 2020\nĐà Nẵng, ngày 12 tháng 6 năm 2020\n"
            "Kính gửi:\n- Các phòng giáo dục và đào tạo;\n- Các trường trung học phổ thông.\n"
            "Thực hiện Công văn số 1234/BGDĐT-GDCTHSSV ngày 01/6/2020 của Bộ Giáo dục và Đào tạo, Sở hướng dẫn như sau:\n"
            "1. Nội dung hoạt động.\n",
        )
    )
    assert (cv.doc_type.name, cv.doc_type.code) == ("Công văn", None)
    assert cv.subject == "hướng dẫn tổ chức hoạt động trải nghiệm hè năm 2020"
    assert cv.addressees == ["Các phòng giáo dục và đào tạo", "Các trường trung học phổ thông"]
    assert [(b.doc_type, b.number, b.symbol, b.date) for b in cv.bases] == [
        ("Công văn", "1234", "BGDĐT-GDCTHSSV", "2020-06-01")
    ]
    no_title = parse(
        write(
            tmp_path,
            "tb.txt",
            "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố:   /TB-UBND\nAn Bình, ngày    tháng    năm 2021\nVề lịch tiếp công dân\n",
        )
    )
    assert (no_title.doc_type.name, no_title.doc_type.inferred_from) == ("Thông báo", "number")
    # A blank day and month give the year alone, flagged: a partial date, not none.
    assert no_title.number.number is None and no_title.issued.date == "2021"
    assert any(w.code == "field_partial" for w in no_title.warnings)
    assert {w.field for w in no_title.warnings} >= {"doc_type", "number.number", "issued.date"}


def test_parent_and_issuer_run_together():
    from vbparse.extract.header import _split_run_together

    assert _split_run_together("BỘ TÀI CHÍNH TỔNG CỤC THUẾ") == ("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ")
    assert _split_run_together("ỦY BAN NHÂN DÂN QUẬN 2 PHÒNG GIÁO DỤC VÀ ĐÀO TẠO") == (
        "ỦY BAN NHÂN DÂN QUẬN 2",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    )
    for whole in (
        "VĂN PHÒNG CHÍNH PHỦ",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    ):
        assert _split_run_together(whole) == (None, whole)


PARTY_PLAN = """ĐẢNG BỘ TỈNH QUẢNG NAM ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY ĐẠI LỘC
* Đại Lộc, ngày 05 tháng 01 năm 2021
Số 57-KH/HU
KẾ HOẠCH
thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIII
Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp;
I- MỤC ĐÍCH, YÊU CẦU
1- Quán triệt sâu sắc nghị quyết.
II- NỘI DUNG
1- Tổ chức học tập nghị quyết.
III- TỔ CHỨC THỰC HIỆN
1- Ban Tuyên giáo Huyện ủy: hướng dẫn, theo dõi.
Nơi nhận: T/M BAN THƯỜNG VỤ
- Ban Thường vụ Tỉnh ủy (b/c), PHÓ BÍ THƯ
- Lưu Văn phòng Huyện ủy.
Nguyễn Văn Hùng
"""


def test_party_document_flattened(tmp_path):
    doc = parse(write(tmp_path, "party.txt", PARTY_PLAN))
    assert doc.party_header and not doc.national_header
    assert (doc.issuer.parent, doc.issuer.name) == ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY ĐẠI LỘC")
    assert (doc.number.number, doc.number.symbol, doc.number.style) == ("57", "KH/HU", "party")
    assert [(b.number, b.symbol) for b in doc.bases] == [("35", "CT/TW")]
    assert [(s.id, s.role) for s in doc.sections] == [
        ("I", "purpose"),
        ("II", "tasks"),
        ("III", "responsibilities"),
    ]
    assert doc.responsibilities[0].actor == "Ban Tuyên giáo Huyện ủy"
    assert doc.recipients == ["Ban Thường vụ Tỉnh ủy (b/c)", "Lưu Văn phòng Huyện ủy"]
    assert (
        doc.signer.authority,
        doc.signer.authority_prefix,
        doc.signer.title,
        doc.signer.name,
    ) == (
        "T/M BAN THƯỜNG VỤ",
        "TM.",
        "PHÓ BÍ THƯ",
        "Nguyễn Văn Hùng",
    )


def test_right_column_first_and_lost_dashes(tmp_path):
    doc = parse(
        write(
            tmp_path,
            "swapped.txt",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "ỦY BAN NHÂN DÂN QUẬN 2\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 253/KH-GDĐT\n"
            "Quận 2, ngày 20 tháng 4 năm 2020\nKẾ HOẠCH\nTriển khai công tác dân vận\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức của cán bộ.\nPhát huy quyền làm chủ.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Các trường:\nXây dựng kế hoạch tại đơn vị.\n"
            "Báo cáo kết quả về Phòng trước ngày 15/6/2020.\n"
            "Nơi nhận: KT. TRƯỞNG PHÒNG\n- UBND Quận 2; PHÓ TRƯỞNG PHÒNG\n- Lưu: VT.\n(Đã ký)\nTrần Minh Tâm\n",
        )
    )
    assert (doc.issuer.parent, doc.issuer.name) == (
        "ỦY BAN NHÂN DÂN QUẬN 2",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    )
    assert [c.id for c in doc.section("I").children] == ["I-1", "I-2"]
    assert doc.responsibilities[0].duties == [
        "Xây dựng kế hoạch tại đơn vị",
        "Báo cáo kết quả về Phòng trước ngày 15/6/2020",
    ]
    assert doc.recipients == ["UBND Quận 2", "Lưu: VT"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG",
        "Trần Minh Tâm",
    )


def test_signer_name_under_a_seal_is_recovered(tmp_path):
    doc = parse(
        write(
            tmp_path,
            "sealed.txt",
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/SGDĐT-VP\nV/v phòng chống dịch\nĐà Nẵng, ngày 05 tháng 8 năm 2020\n"
            "Kính gửi: Các trường.\nSở yêu cầu các trường thực hiện nghiêm./.\n"
            "@ơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- PGĐ Phạm Mạnh Cường;\n- Lưu: VT.\n"
            'â Mạnh H "huâ Cường\n',
        )
    )
    assert doc.recipients == ["Như trên", "PGĐ Phạm Mạnh Cường", "Lưu: VT"]
    assert (doc.signer.authority, doc.signer.title) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert doc.signer.name == "Phạm Mạnh Cường"
    assert any(w.field == "signer.name" and w.code == "field_inferred" for w in doc.warnings)
