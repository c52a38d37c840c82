"""Readers for .txt (encodings), .md (converter tables) and .docx (tables, generated numbering),
and the errors a clerk sees for files that cannot be read."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from vbparse.readers import ReadError, Zone, read

SAMPLE = (
    "Số: 36/KH-THBTD\n"
    "Bình Trung Đông, ngày 23 tháng 4 năm 2020\n"
    "KẾ HOẠCH\n"
    "Triển khai công tác dân vận của chính quyền\n"
    "I. MỤC ĐÍCH – YÊU CẦU:\n"
    "- Nâng cao nhận thức của đội ngũ cán bộ, khoẻ mạnh, hoà nhập, thuở trước, Nguyễn Huỳnh.\n"
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed and tone marks as combining characters."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (to_cp1258, "windows-1258"),
    ],
)
def test_text_encodings_give_the_same_lines(tmp_path, encode, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(SAMPLE))
    raw = read(path)
    assert raw.encoding == expected
    assert [ln.text for ln in raw.lines] == [ln for ln in SAMPLE.splitlines() if ln]


def test_cp1258_decoding_is_nfc(tmp_path):
    # Windows-1258 stores tones as combining marks; the reader must compose them.
    path = tmp_path / "doc.txt"
    path.write_bytes(to_cp1258(SAMPLE))
    import unicodedata

    assert all(unicodedata.is_normalized("NFC", ln.text) for ln in read(path).lines)


def test_markdown_header_and_closing_tables(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(
        "*Source: https://example.org/x*\n\n# A page title that is not the document\n\n"
        "| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n"
        "| Số: 1414/TCT-CS V/v hỗ trợ người có công | Hà Nội, ngày 04 tháng 05 năm 2013 |\n\n"
        "Kính gửi: Cục Thuế tỉnh Hà Tĩnh.\n\nNội dung [liên kết](#) **đậm**.\n\n"
        "| Nơi nhận: - Như trên; - Lưu: VT, CS (2). | KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Cao Anh Tuấn |\n|---|---|\n",
        encoding="utf-8",
    )
    raw = read(path)
    zones = [(ln.zone, ln.text) for ln in raw.lines]
    assert zones[0][0] is Zone.META and zones[1][0] is Zone.META
    assert (Zone.HEADER_LEFT, "Số: 1414/TCT-CS") in zones
    assert (Zone.HEADER_LEFT, "V/v hỗ trợ người có công") in zones
    assert (Zone.HEADER_RIGHT, "Hà Nội, ngày 04 tháng 05 năm 2013") in zones
    assert (Zone.BODY, "Nội dung liên kết đậm.") in zones
    assert [t for z, t in zones if z is Zone.CLOSING_LEFT] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, CS (2).",
    ]

    from vbparse.pipeline import parse_raw

    doc = parse_raw(raw)
    assert (doc.issuer.parent, doc.issuer.name) == ("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ")
    assert doc.subject == "hỗ trợ người có công"
    assert doc.recipients == ["Như trên", "Lưu: VT, CS (2)"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. TỔNG CỤC TRƯỞNG",
        "PHÓ TỔNG CỤC TRƯỞNG",
        "Cao Anh Tuấn",
    )


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN QUẬN 2"
    left.add_paragraph("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    left.add_paragraph("Số: 253/KH-GDĐT")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Quận 2, ngày 20 tháng 4 năm 2020")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Triển khai công tác dân vận năm 2020")
    d.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="List Number")
    d.add_paragraph("Nâng cao nhận thức.", style="List Bullet")
    d.add_paragraph("NHIỆM VỤ", style="List Number")
    d.add_paragraph("Thực hiện dân chủ.", style="List Bullet")
    closing = d.add_table(rows=1, cols=2)
    closing.rows[0].cells[0].text = "Nơi nhận:"
    closing.rows[0].cells[0].add_paragraph("- Các trường;")
    closing.rows[0].cells[0].add_paragraph("- Lưu: VT.")
    closing.rows[0].cells[1].text = "KT. TRƯỞNG PHÒNG"
    closing.rows[0].cells[1].add_paragraph("PHÓ TRƯỞNG PHÒNG")
    closing.rows[0].cells[1].add_paragraph("Trần Minh Tâm")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_tables_zones_and_generated_labels(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx_bytes())
    raw = read(path)
    left = [ln.text for ln in raw.lines if ln.zone is Zone.HEADER_LEFT]
    assert left == ["ỦY BAN NHÂN DÂN QUẬN 2", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 253/KH-GDĐT"]
    labels = [ln.list_label for ln in raw.lines if ln.list_label]
    assert labels[:2] == ["1.", "•"] and labels[2] == "2."

    from vbparse.pipeline import parse_raw

    doc = parse_raw(raw)
    assert (doc.issuer.parent, doc.issuer.name) == (
        "ỦY BAN NHÂN DÂN QUẬN 2",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    )
    assert [(s.id, s.role) for s in doc.sections] == [("1", "purpose"), ("2", "tasks")]
    assert [c.id for c in doc.sections[0].children] == ["1-1"]
    assert doc.recipients == ["Các trường", "Lưu: VT"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG",
        "Trần Minh Tâm",
    )
    assert doc.provenance["number"].source == {"paragraph": 0, "table": 0, "row": 0, "col": 0}


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("random.docx", b"PK\x03\x04" + b"\x00garbage" * 50, "corrupt"),
        ("latin.txt", "naïve café crème brûlée à la mode".encode("latin-1") * 3, "encoding"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind == kind
    assert str(path) in str(err.value)


def test_truncated_docx(tmp_path):
    data = _docx_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind == "corrupt"
    # a valid zip that is not a Word document
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "x")
    other = tmp_path / "notword.docx"
    other.write_bytes(buf.getvalue())
    with pytest.raises(ReadError):
        read(other)


def test_missing_and_directory(tmp_path):
    with pytest.raises(ReadError) as err:
        read(tmp_path / "nope.txt")
    assert err.value.kind == "not_found"
    with pytest.raises(ReadError) as err:
        read(tmp_path)
    assert err.value.kind == "is_directory"


HTML_PLAN = """<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
<table><tr><td><p>ỦY BAN NHÂN DÂN QUẬN 2</p><p>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</p><p>Số: 253/KH-GDĐT</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>
<p>Quận 2, ngày 20 tháng 4 năm 2020</p></td></tr></table>
<p><b>KẾ HOẠCH</b></p><p>Triển khai công tác dân vận năm 2020</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p><p>- Nâng cao nhận thức.</p>
<table><tr><td><p><b>Nơi nhận:</b></p><p>- Các trường;</p><p>- Lưu: VT.</p></td>
<td><p>KT. TRƯỞNG PHÒNG</p><p>PHÓ TRƯỞNG PHÒNG</p><p>Trần Minh Tâm</p></td></tr></table>
</body></html>"""


@pytest.mark.parametrize("name", ["plan.html", "saved-page.txt"])
def test_html_page_read_with_its_tables(tmp_path, name):
    """A web page (even one saved with a .txt name) keeps its header and closing columns."""
    from vbparse.pipeline import parse

    path = tmp_path / name
    path.write_text(HTML_PLAN, encoding="utf-8")
    doc = parse(path)
    assert doc.source.format == "html"
    assert (doc.issuer.parent, doc.issuer.name) == (
        "ỦY BAN NHÂN DÂN QUẬN 2",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    )
    assert (doc.number.number, doc.issued.date, doc.subject) == (
        "253",
        "2020-04-20",
        "Triển khai công tác dân vận năm 2020",
    )
    assert doc.recipients == ["Các trường", "Lưu: VT"]
    assert (doc.signer.title, doc.signer.name) == ("PHÓ TRƯỞNG PHÒNG", "Trần Minh Tâm")


def test_form_feed_does_not_shift_line_numbers(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text(
        "Số: 1/KH-X\nHà Nội, ngày 01 tháng 02 năm 2020\fKẾ HOẠCH\nabc\n", encoding="utf-8"
    )
    got = [(ln.loc.line, ln.text) for ln in read(path).lines]
    assert got == [
        (1, "Số: 1/KH-X"),
        (2, "Hà Nội, ngày 01 tháng 02 năm 2020"),
        (2, "KẾ HOẠCH"),
        (3, "abc"),
    ]
