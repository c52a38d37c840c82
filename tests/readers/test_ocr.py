"""OCR path: phone photos of a real công văn against their hand-typed ground truth, rotation,
multi-page TIFF, stamps, missing Tesseract. Each photo is read once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse import settings
from vbparse.readers import ReadError, Zone, ocr_engine, read
from vbparse.readers import ocr as ocr_mod
from vbparse.readers.wordlines import PageWords, Word, layout_document
from vbparse.text.cer import cer, edit_distance

SCANS = Path(__file__).resolve().parents[2] / "corpus" / "scans"
PAGE1 = SCANS / "sgddt-dn-1906-4_1.jpg"
PAGE1_SKEWED = SCANS / "sgddt-dn-1906-4_1_rotated.jpg"
GT1 = (SCANS / "sgddt-dn-1906-4_1_gt.txt").read_text(encoding="utf-8")


def _text(raw) -> str:
    return "\n".join(ln.full_text for ln in raw.lines if ln.zone is not Zone.META)


@pytest.fixture(scope="module")
def straight():
    return read(PAGE1)


@pytest.fixture(scope="module")
def skewed():
    return read(PAGE1_SKEWED)


@pytest.fixture(scope="module")
def quarter_turn(tmp_path_factory):
    from PIL import Image

    path = tmp_path_factory.mktemp("ocr") / "page1-turned.png"
    Image.open(PAGE1).rotate(90, expand=True).save(path)
    return read(path)


# --- accuracy -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_cer_straight(straight):
    assert cer(GT1, _text(straight)) <= 0.05


@pytest.mark.slow
def test_cer_skewed_photo(skewed):
    assert cer(GT1, _text(skewed)) <= 0.08
    assert skewed.pages[0].notes and "deskewed" in skewed.pages[0].notes[0]


@pytest.mark.slow
def test_quarter_turn_is_detected(quarter_turn):
    info = quarter_turn.pages[0]
    assert info.rotation in (90, 270)
    assert cer(GT1, _text(quarter_turn)) <= 0.08


@pytest.mark.slow
def test_header_columns_from_photo(straight):
    left = [ln.text for ln in straight.lines if ln.zone is Zone.HEADER_LEFT]
    right = [ln.text for ln in straight.lines if ln.zone is Zone.HEADER_RIGHT]
    assert left[1] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert any(t.startswith("Số: 1906") for t in left)
    assert any(t.startswith("V/v khẩn trương") for t in left)
    assert right[:2] == ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[2].startswith("Đà Nẵng, ngày 26")
    body = [ln for ln in straight.lines if ln.zone is Zone.BODY]
    assert body[0].text == "Kính gửi:"


@pytest.mark.slow
def test_page_info(straight):
    info = straight.pages[0]
    assert info.method == "ocr" and info.rotation == 0
    assert info.confidence is not None and info.confidence > 80
    assert straight.format == "image"
    assert all(ln.loc.page == 1 and ln.loc.bbox for ln in straight.lines)


@pytest.mark.slow
def test_multipage_tiff_and_blank_image(tmp_path):
    from PIL import Image

    photo = Image.open(PAGE1).convert("L")
    top = photo.crop((0, 0, photo.width, photo.height // 4))
    bottom = photo.crop((0, photo.height * 3 // 4, photo.width, photo.height))
    tif = tmp_path / "two.tif"
    top.save(tif, save_all=True, append_images=[bottom])
    raw = read(tif)
    assert [p.number for p in raw.pages] == [1, 2]
    assert {ln.loc.page for ln in raw.lines} == {1, 2}
    assert any("Tiếp tục quán triệt" in ln.text for ln in raw.lines if ln.loc.page == 2)

    blank = tmp_path / "blank.png"
    Image.new("L", (600, 800), 255).save(blank)
    with pytest.raises(ReadError) as err:
        read(blank)
    assert err.value.kind == "no_text"


def _blank_png(tmp_path):
    from PIL import Image

    img = tmp_path / "x.png"
    Image.new("L", (100, 100), 255).save(img)
    return img


def test_missing_tesseract(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(ocr_engine, "_load_libtesseract", lambda: None)  # no in-process one either
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    monkeypatch.setattr(ocr_engine, "_engine", {})
    with pytest.raises(ReadError) as err:
        read(_blank_png(tmp_path))
    assert err.value.kind == "missing_tool"
    assert "tesseract-ocr" in err.value.message


def test_missing_vietnamese_model_cli(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(ocr_engine, "_load_libtesseract", lambda: None)
    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    monkeypatch.setattr(ocr_engine, "_engine", {})
    with pytest.raises(ReadError) as err:
        read(_blank_png(tmp_path))
    assert err.value.kind == "missing_tool" and "tesseract-ocr-vie" in err.value.message


def test_missing_vietnamese_model_api(tmp_path, monkeypatch):
    if ocr_engine._load_libtesseract() is None:
        pytest.skip("no libtesseract")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    monkeypatch.setattr(ocr_engine, "_TESSDATA_DIRS", ())
    monkeypatch.setattr(ocr_engine, "_engine", {})
    with pytest.raises(ReadError) as err:
        read(_blank_png(tmp_path))
    assert err.value.kind == "missing_tool" and "tesseract-ocr-vie" in err.value.message


# --- pieces ---------------------------------------------------------------------------------------


def test_skew_estimate():
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 1000), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 940, 30):
        draw.rectangle((60, y, 740, y + 10), fill=0)
    skewed = img.rotate(2.0, expand=False, fillcolor=255)
    assert abs(ocr_mod.estimate_skew(skewed) + 2.0) <= 0.3


def test_stamp_lines_are_meta():
    def line(text, x0, top, size=12.0):
        out, x = [], x0
        for t in text.split():
            out.append(Word(t, x, top, x + len(t) * 6, top + size))
            x += len(t) * 6 + 3
        return out

    words = (
        line("UBND QUẬN 2", 120, 50)
        + line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 320, 50)
        + line("Số: 36/KH-UBND", 125, 66)
        + line("Độc lập - Tự do - Hạnh phúc", 350, 66)
        + line("ĐẾN", 140, 82)
        + line("Số: 1234 Ngày: 25/4", 125, 96)
        + line("Quận 2, ngày 23 tháng 4 năm 2020", 330, 96)
        + line("HỎA TỐC", 140, 112)
        + line("KẾ HOẠCH", 270, 150, size=14)
    )
    layout = layout_document([PageWords(1, 595, 842, words)])
    meta = [ln.text for ln in layout.lines if ln.zone is Zone.META]
    assert meta == ["ĐẾN", "Số: 1234 Ngày: 25/4", "HỎA TỐC"]
    assert len(layout.warnings) == 3
    left = [ln.text for ln in layout.lines if ln.zone is Zone.HEADER_LEFT]
    assert left == ["UBND QUẬN 2", "Số: 36/KH-UBND"]
    right = [ln.text for ln in layout.lines if ln.zone is Zone.HEADER_RIGHT]
    assert right[-1] == "Quận 2, ngày 23 tháng 4 năm 2020"


def test_cer():
    assert edit_distance("kitten", "sitting") == 3
    page = "Số: 36/KH-THBTD ngày 23 tháng 4 năm 2020 " * 40  # long: the numpy path
    typo = page.replace("36", "38", 2).replace("THBTD", "THBT", 1)
    assert edit_distance(page, typo) == 3 == edit_distance(page[:60], typo[:59])
    assert cer("Số: 36/KH", "Số: 36/KH") == 0.0
    assert cer("a b\nc", "a  b c") == 0.0  # whitespace and line breaks do not count
    assert cer("Đông", "Dông") == 0.25


# --- how Tesseract is driven ----------------------------------------------------------------------


def _ruled_page():
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 1000), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 940, 30):
        for x in range(60, 740, 40):  # words: short dark runs along each line
            draw.rectangle((x, y, x + 30, y + 10), fill=0)
    return img


def test_cheap_geometry_tests():
    page = _ruled_page()
    assert ocr_mod.lines_run_across(ocr_mod._ink_mask(page))
    assert not ocr_mod.lines_run_across(ocr_mod._ink_mask(page.rotate(90, expand=True)))
    assert abs(ocr_mod.estimate_skew(page)) < 0.2
    assert abs(ocr_mod.estimate_skew(page.rotate(1.5, fillcolor=255)) + 1.5) <= 0.3


class _Counting:
    """An engine that counts the orientation detector's runs."""

    def __init__(self, engine):
        self.engine, self.osd = engine, 0

    def words(self, img, psm):
        return self.engine.words(img, psm)

    def orientation(self, img):
        self.osd += 1
        return self.engine.orientation(img)


@pytest.mark.slow
def test_orientation_detector_only_for_turned_pages(monkeypatch):
    from PIL import Image

    top = Image.open(PAGE1).convert("L")
    top = top.crop((0, 0, top.width, top.height // 3))
    counting = _Counting(ocr_mod.require_tesseract("test"))
    monkeypatch.setattr(ocr_mod, "require_tesseract", lambda path: counting)
    _pw, info = ocr_mod.ocr_image(top, 1, "top", points_per_pixel=0.5)
    assert counting.osd == 0 and info.rotation == 0
    _pw, info = ocr_mod.ocr_image(top.rotate(90, expand=True), 1, "top", points_per_pixel=0.5)
    assert counting.osd == 1 and info.rotation in (90, 270)


@pytest.mark.slow
def test_in_process_engine_reads_as_the_program(monkeypatch):
    """The C API engine (libtesseract in process) gives the words the tesseract program gives."""
    from PIL import Image

    lib = ocr_engine._load_libtesseract()
    if lib is None:
        pytest.skip("no libtesseract")
    import pytesseract

    api = ocr_engine.CApiEngine(lib, ocr_engine.tessdata_dir())
    cli = ocr_engine.CliEngine(pytesseract)
    img = Image.open(PAGE1).convert("L")
    img = img.crop((0, 0, img.width, img.height // 4))

    def key(words):
        return [(w.text, w.x0, w.top, w.x1, w.bottom, w.conf) for w in words]

    psm = settings.DEFAULT.ocr.psm
    assert key(api.words(img, psm)) == key(cli.words(img, psm))
    assert isinstance(ocr_mod.require_tesseract("x"), ocr_engine.CApiEngine)


def test_grey_scans_render_grey():
    import pypdfium2 as pdfium

    real = SCANS.parent / "real" / "kgu"

    def first_page(path):
        return pdfium.PdfDocument(str(path))[0]

    assert ocr_mod._grey_page(first_page(real / "2119_KH-SYT_scan.pdf"))  # 1-bit scan
    assert not ocr_mod._grey_page(first_page(real / "2084_KH-SYT_scan.pdf"))  # colour scan
    formats = SCANS.parent / "formats"
    assert not ocr_mod._grey_page(first_page(formats / "cv-3354-vpcp.pdf"))  # text


@pytest.mark.slow
def test_pdf_scan_geometry_measured_on_a_small_render(tmp_path, monkeypatch):
    """A skewed scan of small print: a small render of the page tells that its lines run
    across (no orientation detector), its skew and the enlargement its text needs; the
    full-size render is not analysed again, and the reading is as good."""
    import pypdfium2 as pdfium
    from PIL import Image

    formats = SCANS.parent / "formats"
    page = pdfium.PdfDocument(str(formats / "kh-36-thbtd.pdf"))[0]
    picture = page.render(scale=300 / 72, grayscale=True).to_pil()
    turned = picture.rotate(0.8, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    scan = tmp_path / "small-print.pdf"
    turned.save(scan, resolution=900)  # a third of A4: 13 pt print becomes 4.3 pt

    counting = _Counting(ocr_mod.require_tesseract("test"))
    monkeypatch.setitem(ocr_engine._engine, "engine", counting)
    full_size: list[str] = []
    for name in ("_ink_mask", "_text_height"):
        real = getattr(ocr_mod, name)
        monkeypatch.setattr(
            ocr_mod, name, lambda img, real=real, name=name: full_size.append(name) or real(img)
        )
    raw = read(scan)
    assert counting.osd == 0 and full_size == []
    notes = raw.pages[0].notes
    assert "deskewed by -0.80°" in notes and any(n.startswith("upscaled ×1.") for n in notes)
    truth = "\n".join(ln.text for ln in read(formats / "kh-36-thbtd.pdf").lines if ln.loc.page == 1)
    assert cer(truth, "\n".join(ln.text for ln in raw.lines)) < 0.01  # 0.52 %, as before


# --- one render per scanned page (issue #17) ------------------------------------------------------

COLOUR_SCAN = SCANS.parent / "real" / "kgu" / "2084_KH-SYT_scan.pdf"  # 5 pages, a red seal on 4-5


class _Recording:
    """An engine that reads nothing and keeps the pictures it was given: the page preparation
    is tested without Tesseract's seconds."""

    def __init__(self):
        self.images = []

    def words(self, img, psm):
        self.images.append(img)
        return []

    def orientation(self, img):
        return 0


@pytest.fixture()
def recording(monkeypatch):
    import pypdfium2 as pdfium

    engine = _Recording()
    monkeypatch.setitem(ocr_engine._engine, "engine", engine)
    engine.renders, engine.grey_renders = [], 0
    real = pdfium.PdfPage.render

    def render(page, *args, **kwargs):
        engine.renders.append(kwargs.get("scale", 1.0))
        engine.grey_renders += bool(kwargs.get("grayscale"))
        return real(page, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfPage, "render", render)
    return engine


def test_a_scanned_page_is_rendered_once(recording):
    """Reading a 5-page colour scan renders each page once, at its resolution: the grey page,
    its coloured ink dropped, the small copy that measures skew and text height, and the blank
    page test all come from that render (a small preview for the blank test and a small probe
    render were two more per page before)."""
    from vbparse.readers import pdf

    raw = pdf.read(COLOUR_SCAN, COLOUR_SCAN.read_bytes())
    assert [p.method for p in raw.pages] == ["ocr"] * 5
    assert len(recording.images) == 5
    assert len(recording.renders) == 5 and min(recording.renders) > 2.7, recording.renders
    # pdfium's grey render takes half as long again as its colour one: Pillow makes the grey.
    assert recording.grey_renders == 0


def test_a_blank_scanned_page_is_told_from_its_render(recording, tmp_path):
    """A scanned page with a speck only is left out as near-blank (no Tesseract run, no
    "no text found" warning) without a preview render of its own; the faint scan's thin
    strokes are not blank."""
    from PIL import Image, ImageDraw

    from vbparse.readers import pdf

    paper = Image.new("L", (1654, 2339), 238)
    ImageDraw.Draw(paper).rectangle((800, 1200, 806, 1206), fill=30)
    path = tmp_path / "blank-scan.pdf"
    paper.save(path, save_all=True, append_images=[_ruled_page()], resolution=200)
    raw = pdf.read(path, path.read_bytes())
    assert any(n.startswith("near-blank page") for n in raw.pages[0].notes)
    assert len(recording.images) == 1 and len(recording.renders) == 2
    assert not any("no text found" in w for w in raw.warnings if w.startswith("page 1"))

    faint = SCANS.parent / "unseen" / "uitqlcv" / "TB-HTTT_bao-ve-KLTN_scan.pdf"
    recording.images.clear()
    ocr_mod.ocr_pdf_pages(str(faint), faint.read_bytes(), {0: 213.0, 1: 213.0})
    assert len(recording.images) == 2


def test_the_seal_is_dropped_and_a_straight_page_not_turned(recording):
    """The page given to Tesseract is grey without the red seal (pages 4 and 5), and a page
    whose lines are straight (page 2) is passed as rendered, not turned."""
    import numpy as np
    import pypdfium2 as pdfium

    data = COLOUR_SCAN.read_bytes()
    ocr_mod.ocr_pdf_pages(str(COLOUR_SCAN), data, {1: 200.0, 3: 200.0})
    straight, sealed = recording.images
    doc = pdfium.PdfDocument(data)
    colour = [doc[i].render(scale=200 / 72).to_pil() for i in (1, 3)]
    assert straight.mode == "L" and straight.size == colour[0].size
    assert np.array_equal(np.asarray(straight), np.asarray(colour[0].convert("L")))

    rgb = np.asarray(colour[1]).astype(np.int16)
    seal = rgb.max(axis=2) - rgb.min(axis=2) > 60
    grey = 255 - np.asarray(colour[1].convert("L")).astype(np.int64)
    assert seal.mean() > 0.002  # the red seal is there to drop
    ink_kept = (255 - np.asarray(sealed).astype(np.int64)).sum()
    assert ink_kept < grey.sum() - 0.8 * grey[seal].sum()


def test_probe_copy_measures_as_a_small_render():
    """The skew and text height measured on the small copy of the page's render are those
    measured on pdfium's small render of the page, on which they were tuned (pages of a Công
    báo scan that an area-average copy found skewed by 0.3-0.5°)."""
    import pypdfium2 as pdfium

    path = next((SCANS.parent / "real").glob("*/TB-02-2023-TB-LPQT.pdf"))
    doc = pdfium.PdfDocument(str(path))
    for i in (3, 9, 12):
        page = doc[i]
        width, height = page.get_size()
        small = ocr_engine.ink_only(
            page.render(scale=settings.DEFAULT.ocr.probe_pixels / max(width, height)).to_pil()
        )
        gray = ocr_engine.ink_only(ocr_mod.render(page, 200 / 72))
        copy = ocr_mod._probe_copy(gray)
        assert abs(copy.width - small.width) <= 1
        assert ocr_mod._probe(copy, gray, 200.0) == ocr_mod._probe(small, gray, 200.0)


# --- the OCR's tunables are settings (issue #17) ------------------------------------------------

BW_SCAN = SCANS.parent / "real" / "kgu" / "2119_KH-SYT_scan.pdf"  # pages skewed about 1°


def test_ocr_settings_reach_the_reader_and_key_the_read_cache(recording, monkeypatch, tmp_path):
    """The OCR's tunables are the `ocr` settings group: a parse given other values reads the
    scan by them (here: a 1.1° page left as it is when the skew threshold is above it, turned
    by default), and the read cache keeps a scan's readings by other values apart."""
    import vbparse
    from vbparse import readers
    from vbparse.settings import Settings

    # The engine here reads nothing: each parse ends in "no text", its pages prepared.
    with pytest.raises(ReadError):
        vbparse.parse(BW_SCAN)
    turned = recording.images[0]
    recording.images.clear()
    with pytest.raises(ReadError):
        vbparse.parse(BW_SCAN, settings=Settings().override(ocr={"min_skew": 2.0}))
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(BW_SCAN))[0]
    size = page.render(scale=recording.renders[0]).to_pil().size
    assert recording.images[0].size == size  # read as rendered
    assert turned.size[0] > size[0] + 20  # turned, the page's frame grew

    monkeypatch.setenv("VBPARSE_READ_CACHE", str(tmp_path))
    default = [readers._cache_file("ab" * 32, fmt) for fmt in ("pdf", "txt")]
    with settings.use(Settings().override(ocr={"min_skew": 2.0})):
        other = [readers._cache_file("ab" * 32, fmt) for fmt in ("pdf", "txt")]
    assert other[0] != default[0] and other[1] == default[1]  # a .txt is read without OCR
    assert readers._cache_file("ab" * 32, "pdf") == default[0]


def test_only_a_turned_page_is_noted_as_deskewed(straight, skewed):
    """A photo whose skew is under the threshold is read as it is, and its page says nothing of
    a deskew (it said "deskewed by +0.10°"); the skewed photo is turned and says by how much."""
    assert not any(n.startswith("deskewed") for n in straight.pages[0].notes)
    assert any(n.startswith("deskewed by -1.0") for n in skewed.pages[0].notes)
