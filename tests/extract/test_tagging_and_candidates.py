"""The line-tagging pass and the header candidates: fields come from the best-scored line of
the whole header window, not from the first match of a scan that stops early."""

from __future__ import annotations

from vbparse.extract.candidates import resolve
from vbparse.extract.tagging import tag_line, tag_lines
from vbparse.pipeline import parse
from vbparse.readers.base import Line, Zone


def _lines(*texts: str, zone: Zone = Zone.BODY) -> list[Line]:
    return [Line(t, zone=zone) for t in texts]


def test_tags_carry_strengths():
    assert tag_line(0, Line("Số: 36/KH-THBTD")).tags["number"] == 1.0
    assert tag_line(0, Line("Số:/. /")).tags["number"] < 1.0  # a Số line with nothing readable
    assert tag_line(0, Line("Kiên Giang, ngày 20 tháng 10 năm 2017")).tags["place_date"] == 1.0
    assert tag_line(0, Line("Kiên Giang, ngày ..1: tháng 01 năm 2018")).tags["place_date"] < 1
    assert tag_line(0, Line("'V/v báo cáo số lượng")).has("vv")  # OCR noise before V/v
    assert tag_line(0, Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).has("national")


def test_wrapped_subject_starting_with_thuc_hien_does_not_hide_the_date(tmp_path):
    """The old scan stopped at a wrapped lower-case "thực hiện …" line of a V/v subject and
    never saw the date below it."""
    text = (
        "SỞ Y TẾ\nSố: 2083/SYT-NVY\nV/v triển khai\nthực hiện Quyết định số 3916/QĐ-BYT\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Kiên Giang, ngày 30 tháng 10 năm 2017\nKính gửi: Các đơn vị trực thuộc.\n"
        "Thực hiện Quyết định số 3916/QĐ-BYT ngày 28/8/2017 của Bộ Y tế, Sở Y tế đề nghị.\n"
    )
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    assert doc.issued.date == "2017-10-30"
    assert doc.subject == "triển khai thực hiện Quyết định số 3916/QĐ-BYT"


def test_a_title_after_the_bases_is_not_the_title():
    lines = _lines(
        "ỦY BAN NHÂN DÂN",
        "Số: 12/QĐ-UBND",
        "CHỈ THỊ",
        "Về việc tăng cường",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "QUYẾT ĐỊNH:",
    )
    res = resolve(tag_lines(lines), len(lines))
    assert res.best("title") == 2
    assert [c.pos for c in res.fields["title"]] == [2, 5]


def test_zones_weigh_but_do_not_forbid():
    """A Số line in the closing (a form's) loses to the header's; alone it still counts."""
    header = Line("Số: 5/TB-SYT", zone=Zone.HEADER_LEFT)
    closing = Line("Số: 9/TB-ABC", zone=Zone.CLOSING_LEFT)
    res = resolve(tag_lines([closing, header]), 2)
    assert res.best("number") == 1
    alone = resolve(tag_lines([Line("x"), Line("Số: 9/TB-ABC", zone=Zone.TABLE)]), 2)
    assert alone.best("number") == 1
