"""A scan's Số line and date line read again when the number or the day is missing: a region
request through the context, every ink kept, readings at several resolutions that must agree."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbparse
from vbparse.pipeline import parse_raw
from vbparse.readers.base import Line, Loc, PageInfo, RawDocument, Zone
from vbparse.readers.region import RegionRequest
from vbparse.readers.wordlines import Word

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"

_HEADER = [
    ("UBND TỈNH KIÊN GIANG", Zone.HEADER_LEFT, (80, 60, 220, 72)),
    ("SỞ Y TẾ", Zone.HEADER_LEFT, (125, 76, 175, 86)),
    ("Số: ¿ /KH-SYT", Zone.HEADER_LEFT, (96, 102, 206, 119)),  # the number stamped in blue
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", Zone.HEADER_RIGHT, (285, 59, 555, 73)),
    ("Độc lập - Tự do - Hạnh phúc", Zone.HEADER_RIGHT, (335, 76, 505, 89)),
    ("Kiên Giang, ngày ( tháng 10 năm 2017", Zone.HEADER_RIGHT, (325, 105, 544, 117)),
    ("KẾ HOẠCH", Zone.BODY, (278, 135, 348, 149)),
    ("Tổ chức xét công nhận sáng kiến năm 2017", Zone.BODY, (166, 150, 460, 164)),
    ("1. Mục đích", Zone.BODY, (87, 185, 540, 200)),
]


class _Images:
    """Page images whose regions read as given, per resolution: what Tesseract would answer."""

    def __init__(self, number: dict[float, str], date: dict[float, str]) -> None:
        self.number, self.date = number, date
        self.requests: list[RegionRequest] = []

    def words(self, request: RegionRequest) -> list[Word]:
        self.requests.append(request)
        table = self.number if request.x0 < 250 else self.date
        return [Word(t, request.x0 + i, request.top, request.x0 + i + 1, request.bottom, conf=50)
                for i, t in enumerate(table[request.dpi].split())]  # fmt: skip


def _parse(images: _Images, method: str = "ocr") -> vbparse.Document:
    lines = [Line(t, Loc(page=1, bbox=b), z) for t, z, b in _HEADER]
    raw = RawDocument("scan.pdf", "pdf", lines, pages=[PageInfo(1, method)])
    raw.images = images  # type: ignore[assignment]
    return parse_raw(raw)


def test_a_number_and_day_every_reading_agrees_on_are_taken_with_low_confidence():
    images = _Images(
        {300.0: "S6: 1942 /KH-SYT", 400.0: "S6:1942 /KH-SYT"},
        {300.0: "Kién Giang, ngay 10 thang 10 nam 2017", 400.0: "Kién Giang, ngay 10 thang 10"},
    )
    doc = _parse(images)
    assert doc.number.number == "1942" and doc.number.symbol == "KH-SYT"
    assert doc.issued.date == "2017-10-10"
    low = {w.field for w in doc.warnings if w.code == "low_confidence"}
    assert low == {"number.number", "issued.date"}
    assert not any(w.code == "field_partial" and w.field == "issued.date" for w in doc.warnings)
    assert {r.ink for r in images.requests} == {"all"}  # the stamp's colour is kept


def test_readings_that_disagree_or_do_not_fit_are_not_taken():
    doc = _parse(
        _Images(
            {300.0: "S6: 5683 /KH-SYT", 400.0: "S6: 5623 /KH-SYT"},  # two readings, two numbers
            {300.0: "ngay 42 thang 10 nam 2017", 400.0: "ngay 42 thang 10 nam 2017"},  # no 42nd
        )
    )
    assert doc.number.number is None
    assert doc.issued.date == "2017-10"
    doc = _parse(
        _Images(
            {300.0: "S6: 3/62. /QD-SYT", 400.0: "S6: 3/62. /QD-SYT"},  # "/62." is no ký hiệu
            {300.0: "ngay thang 10", 400.0: "ngay thang 10"},
        )
    )
    assert doc.number.number is None and doc.issued.date == "2017-10"


def test_only_pages_read_by_ocr_are_read_again():
    images = _Images({300.0: "S6: 12 /KH-SYT", 400.0: "S6: 12 /KH-SYT"}, {})
    doc = _parse(images, method="text-layer")
    assert images.requests == [] and doc.number.number is None


@pytest.mark.slow
def test_a_scans_bytes_parsed_through_the_api_get_the_region_rereads():
    """No path: the reader keeps the bytes for the re-reads (the signer's name stamped in red
    under the seal, the number stamped after "Số:")."""
    data = (REAL / "kgl" / "29_SYT-KHTC_scan.pdf").read_bytes()
    doc = vbparse.parse(data, name="upload.pdf")
    assert doc.source.path == "upload.pdf"
    assert doc.signer.name == "Nguyễn Trúc Giang"
    assert any(w.code == "read" and w.field == "signer" for w in doc.warnings)
    assert doc.number.number == "29"
    assert any(w.code == "low_confidence" and w.field == "number.number" for w in doc.warnings)


@pytest.mark.slow
def test_a_day_written_in_is_read_again_from_the_date_line():
    doc = vbparse.parse(REAL / "kgu" / "2128_KH-SYT_scan.pdf")
    assert doc.issued.date == "2017-11-14"
    assert any(w.code == "low_confidence" and w.field == "issued.date" for w in doc.warnings)
