"""PDF reader: reading order of the two-column header and closing, page furniture, paragraph
joining, error kinds; scanned pages through OCR (slow)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vbparse.readers import ReadError, Zone, read
from vbparse.readers.pdf import is_garbage, text_quality
from vbparse.readers.wordlines import PageWords, Word, layout_document
from vbparse.text.cer import cer

FORMATS = Path(__file__).resolve().parents[2] / "corpus" / "formats"
SEED_PDF = FORMATS / "kh-36-thbtd.pdf"
CV_PDF = FORMATS / "cv-3354-vpcp.pdf"


@pytest.fixture(scope="module")
def seed():
    return read(SEED_PDF)


@pytest.fixture(scope="module")
def cv():
    return read(CV_PDF)


def _zone(raw, zone: Zone) -> list[str]:
    return [ln.text for ln in raw.lines if ln.zone is zone]


# --- text layer ---------------------------------------------------------------------------------


def test_header_columns_are_not_interleaved(seed, cv):
    assert _zone(seed, Zone.HEADER_LEFT) == ["Số: 36/KH-THBTD"]
    assert _zone(seed, Zone.HEADER_RIGHT) == ["Bình Trung Đông, ngày 23 tháng 4 năm 2020"]
    assert _zone(cv, Zone.HEADER_LEFT) == [
        "VĂN PHÒNG CHÍNH PHỦ",
        "Số: 3354/VPCP-KGVX",
        "V/v ban hành Thông tư hướng dẫn về quy trình xác định, trình tự thủ tục hồ sơ xác nhận "
        "nạn nhân chất độc hóa học/dioxin do Mỹ sử dụng trong chiến tranh tại Việt Nam",
    ]
    assert _zone(cv, Zone.HEADER_RIGHT) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 26 tháng 04 năm 2013",
    ]
    # left block first, then the right block, then the body
    zones = [ln.zone for ln in cv.lines]
    assert zones[:6] == [Zone.HEADER_LEFT] * 3 + [Zone.HEADER_RIGHT] * 3
    assert cv.lines[6].text.startswith("Kính gửi:") and cv.lines[6].zone is Zone.BODY


def test_closing_columns(seed, cv):
    assert _zone(seed, Zone.CLOSING_LEFT) == [
        "Noi nhận:",
        "- Các bộ phận đoàn thể;",
        "- Tổ chuyên môn.",
        "- Lưu VT.",
    ]
    assert _zone(seed, Zone.CLOSING_RIGHT) == ["Nguyễn Thị Lệ Hằng"]
    assert _zone(cv, Zone.CLOSING_RIGHT) == [
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
        "PHÓ CHỦ NHIỆM",
        "Nguyễn Khắc Định",
    ]
    # a wrapped recipient line is joined back
    assert "- Trợ lý TTCP, Cổng TTĐTCP; các Vụ: KTTH, QHQT;" in _zone(cv, Zone.CLOSING_LEFT)


def test_same_lines_as_the_docx(seed):
    """The PDF made from the .docx reads back as the .docx does: paragraphs joined, page
    numbers (top centre on pages 2 and 3) dropped."""
    docx = read(FORMATS / "kh-36-thbtd.docx")
    assert [(ln.zone, ln.text) for ln in seed.lines] == [(ln.zone, ln.text) for ln in docx.lines]
    assert not any(ln.text in ("2", "3") for ln in seed.lines)
    assert [p.method for p in seed.pages] == ["text-layer"] * 3


def test_locations_and_fonts(seed):
    title = next(ln for ln in seed.lines if ln.text == "KẾ HOẠCH")
    assert title.bold is True and title.size == 14.0
    assert title.loc.page == 1 and title.loc.bbox is not None
    x0, top, x1, bottom = title.loc.bbox
    assert 0 < x0 < x1 < 596 and 0 < top < bottom < 842
    last = seed.lines[-1]
    assert last.loc.page == 3
    body = next(ln for ln in seed.lines if ln.text.startswith("1. Thực hiện dân chủ"))
    assert body.bold is False and body.font == "LiberationSerif"


def test_hyphenated_compound_kept(seed):
    line = next(ln.text for ln in seed.lines if ln.text.startswith("6. Phối hợp"))
    assert "giai đoạn 2018-2020" in line and "xanh-sạch-đẹp" in line


# --- the layout rules on synthetic pages ----------------------------------------------------------


def _line(text: str, x0: float, top: float, *, size: float = 12.0, gap: float = 3.0) -> list[Word]:
    words = []
    x = x0
    for t in text.split():
        w = len(t) * size * 0.5
        words.append(Word(t, x, top, x + w, top + size, font="Times", size=size))
        x += w + gap
    return words


def _page(n: int, lines: list[list[Word]]) -> PageWords:
    return PageWords(n, 595.0, 842.0, [w for ln in lines for w in ln])


def _body(text: str, top: float, *, indent: bool = False) -> list[Word]:
    """A justified body line from x=85 to x=538."""
    words = _line(text, 85 + (30 if indent else 0), top)
    natural = words[-1].x1 - words[0].x0
    stretch = (538 - words[0].x0 - natural) / max(1, len(words) - 1)
    out = []
    shift = 0.0
    for w in words:
        out.append(
            Word(w.text, w.x0 + shift, w.top, w.x1 + shift, w.bottom, font=w.font, size=w.size)
        )
        shift += stretch
    return out


def test_paragraph_joined_across_pages_and_furniture_dropped():
    p1 = _page(
        1,
        [
            _line("Trang 1", 280, 20),
            _body(
                "Thực hiện kế hoạch số 253/KH-GDĐT của Phòng Giáo dục và Đào tạo về việc",
                700,
                indent=True,
            ),
            _body("triển khai công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở", 717),
            _line("Kế hoạch 36/KH-THBTD", 85, 810),
        ],
    )
    p2 = _page(
        2,
        [
            _line("Trang 2", 280, 20),
            _body("Ngành Giáo dục và Đào tạo Quận 2 năm 2020 trong toàn thể các đơn vị", 60),
            _line("trực thuộc.", 85, 77),
            _line("1. Mục đích:", 115, 100),
            _line("- nội dung thứ nhất;", 115, 120),
            _line("Kế hoạch 36/KH-THBTD", 85, 810),
        ],
    )
    p3 = _page(
        3,
        [
            _line("3", 295, 20),
            _body("Cuối cùng là đoạn văn của trang ba, một dòng ngắn.", 60, indent=True),
            _line("Kế hoạch 36/KH-THBTD", 85, 810),
        ],
    )
    texts = [ln.text for ln in layout_document([p1, p2, p3]).lines]
    assert texts == [
        "Thực hiện kế hoạch số 253/KH-GDĐT của Phòng Giáo dục và Đào tạo về việc triển khai công "
        "tác dân vận của chính quyền và quy chế dân chủ ở cơ sở Ngành Giáo dục và Đào tạo Quận 2 "
        "năm 2020 trong toàn thể các đơn vị trực thuộc.",
        "1. Mục đích:",
        "- nội dung thứ nhất;",
        "Cuối cùng là đoạn văn của trang ba, một dòng ngắn.",
    ]


def test_hyphen_and_list_labels():
    page = _page(
        1,
        [
            _line("giai đoạn 2018-", 85, 100),
            _line("2020 và các nội dung", 85, 114),
            _line("a) tiếp theo", 85, 128),
            _line("II. PHẦN HAI", 85, 142),
        ],
    )
    texts = [ln.text for ln in layout_document([page]).lines]
    assert texts == ["giai đoạn 2018-2020 và các nội dung", "a) tiếp theo", "II. PHẦN HAI"]


def test_two_column_header_split():
    page = _page(
        1,
        [
            _line("ỦY BAN NHÂN DÂN", 120, 50)
            + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 320, 50, size=11),
            _line("QUẬN 2", 150, 64) + _line("Độc lập - Tự do - Hạnh phúc", 350, 64),
            _line("Số: 36/KH-UBND", 125, 90) + _line("Quận 2, ngày 23 tháng 4 năm 2020", 330, 90),
            _line("KẾ HOẠCH", 280, 130, size=14),
            _body(
                "Nội dung kế hoạch là một đoạn văn dài chạy hết chiều ngang của trang giấy.", 160
            ),
        ],
    )
    raw = layout_document([page]).lines
    assert [(ln.zone, ln.text) for ln in raw[:6]] == [
        (Zone.HEADER_LEFT, "ỦY BAN NHÂN DÂN"),
        (Zone.HEADER_LEFT, "QUẬN 2"),
        (Zone.HEADER_LEFT, "Số: 36/KH-UBND"),
        (Zone.HEADER_RIGHT, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (Zone.HEADER_RIGHT, "Độc lập - Tự do - Hạnh phúc"),
        (Zone.HEADER_RIGHT, "Quận 2, ngày 23 tháng 4 năm 2020"),
    ]
    assert raw[6].zone is Zone.BODY and raw[6].text == "KẾ HOẠCH"


def test_garbage_text_layer_detected():
    good = [
        "Thực",
        "hiện",
        "kế",
        "hoạch",
        "số",
        "253/KH-GDĐT",
        "ngày",
        "20",
        "tháng",
        "4",
        "năm",
        "2020",
        "của",
        "Phòng",
        "Giáo",
        "dục",
        "và",
        "Đào",
        "tạo",
    ]
    assert not is_garbage(good)
    # embedded OCR made without the Vietnamese model
    bad = [
        "56:",
        "30754/PCP-CN",
        "Thue",
        "hien",
        "ke",
        "hoach",
        "so",
        "253",
        "ngay",
        "20",
        "thang",
        "4",
        "nam",
        "2020",
        "cua",
        "Phong",
        "Giao",
        "duc",
        "va",
        "Dao",
        "tao",
        "vé",
        "viéc",
        "trién",
        "khai",
        "cong",
        "tac",
        "dan",
        "van",
    ]
    assert is_garbage(bad)
    assert is_garbage(
        ["(cid:12)(cid:7)", "(cid:3)", "(cid:44)(cid:9)", "(cid:5)", "(cid:1)", "(cid:2)"]
    )
    valid, marked, n = text_quality(good)
    assert valid > 0.9 and marked > 0.5 and n >= 15


# --- errors -------------------------------------------------------------------------------------


def _encrypted_pdf(tmp_path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(CV_PDF).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    out = tmp_path / "encrypted.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def test_encrypted(tmp_path):
    with pytest.raises(ReadError) as err:
        read(_encrypted_pdf(tmp_path))
    assert err.value.kind == "encrypted"


def test_broken_and_truncated(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"this is not a pdf body\n" * 50)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(CV_PDF.read_bytes()[:3000])
    for path in (broken, truncated):
        with pytest.raises(ReadError) as err:
            read(path)
        assert err.value.kind == "corrupt", path


def test_zero_pages(tmp_path):
    from pypdf import PdfWriter

    buf = io.BytesIO()
    PdfWriter().write(buf)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(buf.getvalue())
    with pytest.raises(ReadError) as err:
        read(empty)
    assert err.value.kind == "no_pages"


# --- scanned PDF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scan():
    return read(FORMATS / "kh-36-thbtd-scan.pdf")


@pytest.mark.slow
def test_scanned_pdf_is_read_by_ocr(scan, seed):
    assert [p.method for p in scan.pages] == ["ocr"] * 3
    assert all(p.confidence and p.confidence > 80 for p in scan.pages)
    assert _zone(scan, Zone.HEADER_LEFT) == ["Số: 36/KH-THBTD"]
    assert _zone(scan, Zone.HEADER_RIGHT) == ["Bình Trung Đông, ngày 23 tháng 4 năm 2020"]
    assert "Nguyễn Thị Lệ Hằng" in _zone(scan, Zone.CLOSING_RIGHT)
    ref = "\n".join(ln.text for ln in seed.lines)
    hyp = "\n".join(ln.text for ln in scan.lines)
    assert cer(ref, hyp) <= 0.02
    # bounding boxes are in points like the text layer's
    first = scan.lines[0].loc.bbox
    assert first is not None and first[2] < 600


@pytest.mark.slow
def test_garbage_embedded_ocr_is_read_again():
    """A scan whose embedded OCR was made without the Vietnamese model ("S6:", "Trién")."""
    raw = read(FORMATS / "kh-36-thbtd-scan-eng-ocr.pdf")
    assert raw.pages[0].method == "ocr"
    assert "garbage" in raw.pages[0].notes[0]
    assert any("garbage" in w for w in raw.warnings)
    assert _zone(raw, Zone.HEADER_LEFT) == ["Số: 36/KH-THBTD"]
    assert raw.lines[3].text.startswith("Triển khai công tác dân vận")


def test_text_readings_are_cached_apart_from_ocr_readings(tmp_path, monkeypatch):
    """A reading that OCR'd no page is kept under the text revision's key: a change to the text
    path (layout, stamps, .docx sides) re-reads those without re-OCR'ing the scans. A text
    reading an older text path left under the plain key is not served."""
    import json

    from vbparse import readers

    monkeypatch.setenv("VBPARSE_READ_CACHE", str(tmp_path))
    path = FORMATS.parent / "unseen3" / "quangngai" / "507-UBND-KGVX_gop-y.pdf"
    fresh = readers.read(path)
    stored = sorted(p.name for p in tmp_path.iterdir())
    assert len(stored) == 1 and stored[0].endswith(f"-t{readers.TEXT_REVISION}.json")
    plain = tmp_path / stored[0].replace(f"-t{readers.TEXT_REVISION}", "")
    (tmp_path / stored[0]).rename(plain)
    old = json.loads(plain.read_text(encoding="utf-8"))
    old["lines"] = old["lines"][:1]  # an older text path's reading
    plain.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert [ln.text for ln in readers.read(path).lines] == [ln.text for ln in fresh.lines]
    # The same entry made by OCR is served from the plain key.
    old["pages"][0]["method"] = "ocr"
    plain.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    (tmp_path / stored[0]).unlink()
    assert len(readers.read(path).lines) == 1
