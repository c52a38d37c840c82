"""The signer block of a real scan read again from the page image, and the repairs of what OCR
does to a signer's name and title (corpus/real, Sở Y tế Kiên Giang scans)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.reread import name_doubtful
from vbparse.extract.respell import person_name
from vbparse.extract.signer import head_read_for_deputy
from vbparse.pipeline import parse
from vbparse.readers.region import PageImages, RegionRequest, as_lines, keep_print_and_red

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_a_heads_title_under_kt_is_the_deputys():
    assert head_read_for_deputy("KT. GIÁM ĐỐC", "GIÁM ĐỐC") == "PHÓ GIÁM ĐỐC"
    assert head_read_for_deputy("KT. GIÁM ĐỐC", "GIÁM ĐÓC") == "PHÓ GIÁM ĐỐC"
    assert head_read_for_deputy("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") is None
    assert head_read_for_deputy("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") is None
    assert head_read_for_deputy("KT. CHỦ TỊCH", "GIÁM ĐỐC") is None


def test_a_name_ocr_misread_takes_the_family_name_and_syllables_of_names():
    assert person_name("Trân Văn Thanh") == "Trần Văn Thanh"
    assert person_name("Nguyễn Trúc Glang") == "Nguyễn Trúc Giang"
    assert person_name("Hoằng Anh") == "Hoàng Anh"
    # Sound names stay, rare family names included.
    for name in ("Lê Hoàng Ánh", "Phùng Văn Lã", "Hà Văn Phúc", "Lã Thanh Tân", "Vân Anh"):
        assert person_name(name) == name
    assert name_doubtful("Nguyễn Trúc Glang") and name_doubtful("Hoàng Anh")
    assert not name_doubtful("Hà Văn Phúc")


def test_red_ink_stays_and_blue_ink_goes():
    from PIL import Image

    img = Image.new("RGB", (3, 1), "white")
    img.putpixel((0, 0), (200, 30, 40))  # a red stamp
    img.putpixel((1, 0), (40, 50, 170))  # a blue signature
    img.putpixel((2, 0), (20, 20, 20))  # print
    grey = keep_print_and_red(img)
    assert grey.getpixel((0, 0)) < 60
    assert grey.getpixel((1, 0)) == 255
    assert grey.getpixel((2, 0)) < 60


@pytest.mark.slow
def test_region_reread_reads_a_name_stamped_in_red():
    """The whole-page OCR drops coloured ink; the name under the seal is stamped in red. The
    region is rendered again from the file's bytes (no path), by the reader's PageImages."""
    data = (REAL / "kgl" / "29_SYT-KHTC_scan.pdf").read_bytes()
    images = PageImages("pdf", data, "upload.pdf")
    request = RegionRequest(1, 410, 700, left_share=0.4, ink="print_and_red", min_conf=30)
    lines = as_lines(images.words(request), 1)
    text = " ".join(line.text for line in lines)
    assert "Nguyễn Trúc" in text
    assert all(line.loc.page == 1 and line.loc.bbox for line in lines)
    # Boxes in page points, inside the region asked for.
    boxes = [line.loc.bbox for line in lines if line.loc.bbox]
    assert all(box[1] >= 410 and box[3] <= 700 for box in boxes)


@pytest.mark.slow
def test_signer_of_a_scan_with_a_red_name_is_read_again():
    doc = parse(REAL / "kgl" / "29_SYT-KHTC_scan.pdf")
    assert doc.signer.name == "Nguyễn Trúc Giang"
    assert any(w.code == "read" and w.field == "signer" for w in doc.warnings)


@pytest.mark.slow
def test_authority_and_deputy_title_of_a_scan_are_read_again():
    doc = parse(REAL / "kgu" / "155_TM-SYT_scan.pdf")
    assert doc.signer.authority == "KT. GIÁM ĐỐC"
    assert doc.signer.title == "PHÓ GIÁM ĐỐC"


# A công văn's scan (kgu/393_SYT-VP, lines as OCR gave them) followed by the Quyết định it
# forwards: the "Nơi nhận:" label of the công văn is lost, the attached QĐ has its own.
_FORWARD = """UBND TỈNH KIÊN GIANG
SỞ Y TẾ
Số: 33 ? /SYT-VP
V/ triển khai thực hiện Quyết định sô 6110/QĐ-BYT ngày 29/12/2017 của Bộ Y tế
Kính gửi:
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kiên Giang, ngày b tháng Ä năm 2018
Giám đốc Trung tâm Y tế huyện, thị, thành phố.
Sở Y tế nhận được Quyết định số 6110/QĐ-BYT ngày 29/12/2017 của Bộ Y tế về việc ban hành hướng dẫn xây dựng và triển khai hệ thống thông tin quản lý Trạm Y tế xã.
Quá mắc đề về quyết./. Sở Y t vơ ăn phòng hiện có địa khó chỉ khăn, email:syt@kiengiang.gov.vn) vướng nghị các đơn vị báo cáo
À444644 - ư trên. PHÓ ÉT. GIÁM GIÁM ĐÓC ĐỌC
- BGÐ Sở Y tế (để b/e);
- Các phòng chức năng Sở;
- BVĐK huyện, thành phố;
- Lưu: VT, pvphuc.
Hà Văn Phúc
BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Só: @HD/QĐ-BYT Hà Nội, ngày đ tháng 4,2 năm 2017
QUYẾT ĐỊNH
Về việc ban hành hướng dẫn xây dựng và triển khai hệ thống thông tin quản lý Trạm Y tế xã
BỘ TRƯỞNG BỘ Y TẾ
Căn cứ Nghị định số 117/2014/NĐ-CP ngày 08 tháng 12 năm 2014 của Chính phủ quy định về Y tế xã;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Hướng dẫn xây dựng hệ thống thông tin.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, CNTT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Viết Tiến
"""


def test_a_forwarded_documents_header_and_closing_are_not_the_letters(tmp_path):
    path = tmp_path / "forward.txt"
    path.write_text(_FORWARD, encoding="utf-8")
    doc = parse(path)
    assert doc.doc_type.name == "Công văn"  # not the attached QUYẾT ĐỊNH
    assert doc.subject is not None and doc.subject.endswith("của Bộ Y tế")  # no "Kính gửi:"
    assert doc.signer.name == "Hà Văn Phúc"
    assert doc.signer.authority is None
    assert doc.recipients[-1] == "Lưu: VT, pvphuc"
    assert "BVĐK huyện, thành phố" in doc.recipients
    assert doc.sections == []  # the QĐ's Điều are the attachment's


def test_ocr_damage_around_titles_subjects_and_head_lines():
    from vbparse import cues
    from vbparse.extract.signer import head_read_twice, vocabulary_match

    # The head's title read twice, its "KT." and "PHÓ" lost (kgl/29_SYT-KHTC, read again).
    assert head_read_twice(['" t1 GUÁM ĐÓC', "GIÁM ĐỚC"]) == "GIÁM ĐỐC"
    assert head_read_twice(["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) is None
    assert head_read_twice(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]) is None
    # "- KẾ HOẠCH": a speck before the title (kgu/2128_KH-SYT); "WW" read for "V/v".
    assert cues.title_type("- KẾ HOẠCH") == "Kế hoạch"
    assert cues.title_type("- Kế hoạch số 12") is None
    m = cues.VV_LINE.match("WW triển khai Thông tư số 48/2017/TT-BYT")
    assert m is not None and m.group("subject").startswith("triển khai")
    assert vocabulary_match("PHÓ GIÁM ĐỐC") is not None


def test_interleaved_title_echo_is_dropped():
    from vbparse.extract.signer import best_title

    # kgu/393_SYT-VP read again: the title's last word twice, the column beside it interleaved.
    best = best_title(["GIÁM", "PHÓ GIÁM ĐỌC ĐÔC"])
    assert best is not None and best.value == "PHÓ GIÁM ĐỐC"


def test_spaces_ocr_lost_or_added_inside_a_name():
    from vbparse.extract.respell import name_spacing

    assert name_spacing("HàVănPhúc") == "Hà Văn Phúc"  # kgl/2275_SYT-NVY, read again
    assert name_spacing("Nguy ên Văn Hải") == "Nguyễn Văn Hải"  # kgu/1979_SYT-TCCB
    assert name_spacing("êHoàngAnh") == "ê Hoàng Anh"  # kgu/4394_QD-SYT: a speck stays apart
    for text in ("Trần Văn an toàn", "Bộ Y tế", "KT.GIÁM ĐỐC", "VP.UBND", "Hà Nội ngày"):
        assert name_spacing(text) == text


def test_seal_letters_after_a_recipient_item():
    from vbparse.extract.closing import _drop_scan_tail

    # kgu/2094_TB-SYT, kgu/1945_SYT-NVY: letters of the seal beside the list.
    assert _drop_scan_tail("Học viên lớp CK1 DL-DLS; He").rstrip(";") == "Học viên lớp CK1 DL-DLS"
    assert _drop_scan_tail("Website Sở Y tế; SƠ").rstrip(";") == "Website Sở Y tế"
    assert _drop_scan_tail("Như trên; G C").rstrip(";") == "Như trên"
    assert _drop_scan_tail("GĐ và các PGĐ SYT; VP ĐU") == "GĐ và các PGĐ SYT; VP ĐU"


# kgu/2094_TB-SYT as OCR read it: a notice, then the plan it sends (no heading of its own);
# the scan's layout zones the closing block of the last page only.
_NOTICE = """UBND TỈNH KIÊN GIANG
SỞ Y TẾ
Số:2094/TB-SYT
CỘNG HOA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập- Tự do - Hạnh phúc
Kiên Giang, ngày Ÿ tháng l1 năm 2017
THÔNG BÁO.
Về lịch học năm thứ II lớp Chuyên khoa cấp 1 chuyên ngành Dược lý - Dược lâm sàng B2
Sở Y thông báo các đơn vị, học viên được KỆ là - và thực ĐỘY hiện./. “W -
Nơi - Các nhận: Phòng chức năng Sở; PHÓ G GIÁM ĐÓC
- Các Đơn vị trực thuộc Sở Y tế;
- Website Sở Y tế; SƠ
- Lưu: VT, vmthang (2b). Yrp
Hà Văn Phúc
KẾ HOẠCH ĐÀO TẠO CÁC LỚP CHUYÊN KHOA I
1. Thời gian học: 14 tuần.
2. Địa điểm: Bệnh viện Đa khoa tỉnh.
"""


def test_an_earlier_closing_beats_the_zoned_closing_of_the_last_page(tmp_path):
    from vbparse.extract.closing import find_closing
    from vbparse.extract.context import ParseContext
    from vbparse.model import Document, Source
    from vbparse.readers import read
    from vbparse.readers.base import PageInfo, Zone

    path = tmp_path / "notice.txt"
    path.write_text(_NOTICE, encoding="utf-8")
    raw = read(path)
    raw.pages = [PageInfo(1, "ocr"), PageInfo(2, "ocr")]
    for line in raw.lines[-2:]:  # the closing zones a scan's layout gives its last page
        line.zone = Zone.CLOSING_LEFT
    ctx = ParseContext.create(raw, Document(source=Source(path=str(path), format="txt")))
    ctx.header_end = 8
    find_closing(ctx)
    assert ctx.closing_start is not None and ctx.lines[ctx.closing_start].text.startswith("Nơi")
