"""Build corpus/formats/: the same real documents in every form a clerk meets.

Sources (real documents, see corpus/seed and corpus/docs):
- corpus/seed/kh-36-thbtd.txt — Kế hoạch 36/KH-THBTD, the project's seed plan (3 pages);
- corpus/docs/file_data_27.md — Công văn 3354/VPCP-KGVX of Văn phòng Chính phủ (1 page).

For each: a .docx laid out as a clerk types it (two-column header table, body paragraphs, closing
table Nơi nhận | signer, page number at the top centre from page 2), then through LibreOffice a
.doc, .odt, .rtf and a text-layer .pdf; for the seed also a scanned PDF (pages rendered at 200 dpi
with a slight skew and noise) and the legacy-encoding variants (.VnTime .docx, VNI .txt,
Windows-1258 .txt) when `vbparse.text.legacy.encode_text` exists.

The text is the source's text unchanged; only the layout is added. Output is deterministic: zip
members get a fixed timestamp, document dates are pinned, random noise is seeded.

Needs: python-docx, Pillow, numpy, LibreOffice (soffice), poppler-utils (pdftoppm).
Run: python scripts/make_format_fixtures.py
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "formats"
SEED = ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"
CV = ROOT / "corpus" / "docs" / "file_data_27.md"
SHARED = Path("/work/shared")
FIXED_DATE = dt.datetime(2020, 4, 23, 8, 0, 0)
PDF_DATE = b"20200423080000"


@dataclass
class Doc:
    stem: str
    header_left: list[list[str]]  # one list of lines per header-table row
    header_right: list[list[str]]
    body: list[
        tuple[str, str]
    ]  # (style, text): style "title", "subtitle", "heading", "para", "item"
    closing_left: list[str]
    closing_right: list[str]
    notes: list[str] = field(default_factory=list)


# --- sources ----------------------------------------------------------------------------------


def ensure_sources() -> None:
    if not SEED.exists():
        SEED.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHARED / "seed" / "kh-36-thbtd.txt", SEED)
    if not CV.exists():
        CV.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHARED / "corpus" / "tvpl" / "file_data_27.md", CV)


_HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.)\s")


def seed_doc() -> Doc:
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    number, date, title, subtitle = lines[0:4]
    rest = lines[4:]
    cut = next(i for i, ln in enumerate(rest) if ln.lower().startswith(("noi nhận", "nơi nhận")))
    body: list[tuple[str, str]] = [("title", title), ("subtitle", subtitle)]
    for ln in rest[:cut]:
        if re.match(r"^[IVX]+\.\s", ln):
            body.append(("heading", ln))
        elif re.match(r"^\d+\.\s", ln) and len(ln) < 60:
            body.append(("heading2", ln))
        else:
            body.append(("para", ln))
    closing = rest[cut:]
    signer = closing[-1]
    return Doc(
        stem="kh-36-thbtd",
        header_left=[[number]],
        header_right=[[date]],
        body=body,
        closing_left=closing[:-1],
        closing_right=[signer],
    )


def cv_doc() -> Doc:
    """Công văn 3354/VPCP-KGVX from its Markdown export (header and closing pipe tables)."""
    from vbparse.readers import read  # the project's own Markdown reader cuts the cells

    raw = read(CV)
    hl = [ln.text for ln in raw.lines if ln.zone.value == "header_left"]
    hr = [ln.text for ln in raw.lines if ln.zone.value == "header_right"]
    body = [("para", ln.text) for ln in raw.lines if ln.zone.value == "body"]
    cl = [ln.text for ln in raw.lines if ln.zone.value == "closing_left"]
    cr_text = " ".join(ln.text for ln in raw.lines if ln.zone.value == "closing_right")
    # "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Khắc Định": authority, title, name.
    m = re.match(r"^(KT\. .+?, CHỦ NHIỆM) (PHÓ CHỦ NHIỆM) (.+)$", cr_text)
    cr = [m.group(1), m.group(2), m.group(3)] if m else [cr_text]
    return Doc(
        stem="cv-3354-vpcp",
        header_left=[[hl[0]], hl[1:]],
        header_right=[hr[:2], hr[2:]],
        body=body,
        closing_left=cl,
        closing_right=cr,
    )


# --- .docx ------------------------------------------------------------------------------------


def _no_borders(table) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _page_number_header(section) -> None:  # type: ignore[no-untyped-def]
    """Page number at the top centre, not on the first page (Nghị định 30/2020, Phụ lục I)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def build_docx(doc: Doc, font: str = "Times New Roman", transform=None) -> bytes:  # type: ignore[no-untyped-def]
    """The document as a clerk lays it out in Word. `transform` re-encodes every text run."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    tr = transform or (lambda s: s)
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(13)
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)
    style.paragraph_format.space_after = Pt(6)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    _page_number_header(sec)

    def para(container, text, *, bold=False, italic=False, align=None, size=None, indent=True):  # type: ignore[no-untyped-def]
        p = container.add_paragraph()
        r = p.add_run(tr(text))
        r.bold = bold
        r.italic = italic
        r.font.name = font
        if size:
            r.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        elif indent:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        return p

    def fill(cell, lines, *, left: bool, closing: bool = False) -> None:  # type: ignore[no-untyped-def]
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for i, text in enumerate(lines):
            upper = text == text.upper() and any(c.isalpha() for c in text)
            is_number = text.startswith("Số")
            is_date = bool(re.search(r"ngày .* năm \d{4}", text))
            is_recip = closing and left and i == 0
            item = closing and left and i > 0
            p = para(
                cell,
                text,
                bold=(upper and not is_number)
                or text.startswith("Độc lập")
                or (closing and not left),
                italic=is_date or is_recip,
                align=WD_ALIGN_PARAGRAPH.LEFT if item else WD_ALIGN_PARAGRAPH.CENTER,
                size=11 if item else (12 if (left and not closing) else None),
                indent=False,
            )
            p.paragraph_format.space_after = Pt(0)
            if closing and not left and i == len(lines) - 2:
                p.paragraph_format.space_after = Pt(60)  # room for the signature
            if closing and not left and len(lines) == 1:
                p.paragraph_format.space_before = Pt(60)

    rows = max(len(doc.header_left), len(doc.header_right))
    table = d.add_table(rows=rows, cols=2)
    _no_borders(table)
    for r in range(rows):
        table.cell(r, 0).width = Cm(6.5)
        table.cell(r, 1).width = Cm(9.5)
        fill(table.cell(r, 0), doc.header_left[r] if r < len(doc.header_left) else [], left=True)
        fill(table.cell(r, 1), doc.header_right[r] if r < len(doc.header_right) else [], left=False)

    for kind, text in doc.body:
        if kind == "title":
            p = para(d, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.space_after = Pt(0)
        elif kind == "subtitle":
            para(d, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif kind in ("heading", "heading2"):
            para(d, text, bold=True)
        else:
            para(d, text)

    closing = d.add_table(rows=1, cols=2)
    _no_borders(closing)
    closing.cell(0, 0).width = Cm(7.5)
    closing.cell(0, 1).width = Cm(8.5)
    fill(closing.cell(0, 0), doc.closing_left, left=True, closing=True)
    fill(closing.cell(0, 1), doc.closing_right, left=False, closing=True)

    cp = d.core_properties
    cp.author = "vbparse fixtures"
    cp.last_modified_by = "vbparse fixtures"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


# --- determinism ------------------------------------------------------------------------------

_XML_DATE = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")


def normalise_zip(data: bytes, *, pin_dates: bool = False) -> bytes:
    """Same members, fixed timestamps (and pinned dates in meta.xml when asked)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if pin_dates and info.filename in ("meta.xml", "docProps/core.xml", "docProps/app.xml"):
                blob = _XML_DATE.sub(b"2020-04-23T08:00:00", blob)
                blob = re.sub(rb"<meta:generator>.*?</meta:generator>", b"", blob)
                blob = re.sub(rb"<meta:editing-duration>.*?</meta:editing-duration>", b"", blob)
            if pin_dates and info.filename == "settings.xml":
                blob = re.sub(
                    rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>0", blob
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            # The mimetype of an ODF package must come first, stored.
            zi.compress_type = (
                zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            )
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


def pin_pdf(data: bytes) -> bytes:
    """Creation date and document ID fixed, byte lengths kept (xref offsets stay valid)."""
    data = re.sub(rb"D:\d{14}([+\-Z][^)]*)?", lambda m: b"D:" + PDF_DATE + m.group(0)[16:], data)
    data = re.sub(
        rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
        lambda m: (
            m.group(0)
            .replace(m.group(1), b"0" * len(m.group(1)))
            .replace(m.group(2), b"0" * len(m.group(2)))
        ),
        data,
    )
    return re.sub(
        rb"/DocChecksum /[0-9A-Fa-f]+",
        lambda m: m.group(0)[:14] + b"0" * (len(m.group(0)) - 14),
        data,
    )


def pin_rtf(data: bytes) -> bytes:
    data = re.sub(
        rb"\{\\(creatim|revtim|printim)[^}]*\}",
        lambda m: b"{\\" + m.group(1) + b"\\yr2020\\mo4\\dy23\\hr8\\min0}",
        data,
    )
    return re.sub(rb"\{\\\*\\generator[^}]*\}", b"", data)


def pin_doc(data: bytes) -> bytes:
    """Word 97 stores FILETIMEs in its property streams; LibreOffice writes the current time."""
    import struct

    # Zero every FILETIME property (VT_FILETIME = 0x40) in the summary-information streams.
    out = bytearray(data)
    for m in re.finditer(rb"\x40\x00\x00\x00(.{8})", bytes(out), re.DOTALL):
        (value,) = struct.unpack("<Q", m.group(1))
        # Plausible FILETIMEs (years 2000-2100) only, so that no other bytes are touched.
        if 125911584000000000 <= value <= 157469184000000000:
            out[m.start(1) : m.end(1)] = struct.pack("<Q", 132320448000000000)  # 2020-04-23
    return bytes(out)


# --- LibreOffice and poppler --------------------------------------------------------------------


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    profile = Path(tempfile.gettempdir()) / f"vbparse-lo-{uuid.uuid4().hex}"
    target = {"doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf", "pdf": "pdf:writer_pdf_Export"}[
        fmt
    ]
    try:
        subprocess.run(
            [
                exe,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{src.stem}.{fmt}"
    if not out.exists():
        sys.exit(f"LibreOffice did not write {out}")
    return out


def scanned_pdf(text_pdf: Path, dest: Path, seed: int) -> None:
    """Render at 200 dpi, rotate each page slightly, add sensor noise, pack as an image-only PDF."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", "200", "-gray", "-png", str(text_pdf), f"{tmp}/p"], check=True
        )
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            img = Image.open(png).convert("L")
            angle = rng.uniform(-1.2, 1.2)
            img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(0.6))
            arr = np.asarray(img, dtype=np.float32)
            arr = arr + nrng.normal(0, 8, arr.shape)
            arr = arr * 0.92 + 14  # grey paper, not quite black ink
            pages.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L"))
        buf = io.BytesIO()
        pages[0].save(
            buf,
            "PDF",
            resolution=200.0,
            save_all=True,
            append_images=pages[1:],
            quality=50,
            title="scan",
            producer="vbparse fixtures",
            creationDate=FIXED_DATE.timetuple(),
            modDate=FIXED_DATE.timetuple(),
        )
        dest.write_bytes(buf.getvalue())


def scan_with_bad_ocr_layer(scan_pdf: Path, dest: Path) -> None:
    """Page 1 of the scan with an embedded OCR text layer made with the English model: what
    scanners produce when their OCR does not know Vietnamese ("56:" for "Số:")."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-jpeg",
                "-jpegopt",
                "quality=50",
                "-f",
                "1",
                "-l",
                "1",
                str(scan_pdf),
                f"{tmp}/p",
            ],
            check=True,
        )
        png = next(Path(tmp).glob("p-*.jpg"))
        subprocess.run(
            [
                "tesseract",
                str(png),
                f"{tmp}/out",
                "-l",
                "eng",
                "--dpi",
                "200",
                "-c",
                "textonly_pdf=0",
                "pdf",
            ],
            check=True,
            capture_output=True,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        )
        dest.write_bytes(pin_pdf(Path(f"{tmp}/out.pdf").read_bytes()))


# --- legacy encodings -------------------------------------------------------------------------


def legacy_variants(doc: Doc) -> list[str]:
    """TCVN3 (.VnTime) .docx, VNI .txt, Windows-1258 .txt — needs legacy.encode_text."""
    from vbparse.text import legacy

    encode = getattr(legacy, "encode_text", None)
    if encode is None:
        return ["legacy variants skipped: vbparse.text.legacy.encode_text does not exist yet"]
    text = SEED.read_text(encoding="utf-8")
    written = []
    (OUT / f"{doc.stem}-tcvn3.docx").write_bytes(
        build_docx(doc, font=".VnTime", transform=lambda s: _as_text(encode(s, "tcvn3")))
    )
    written.append(f"{doc.stem}-tcvn3.docx")
    (OUT / f"{doc.stem}-vni.txt").write_bytes(_as_bytes(encode(text, "vni")))
    written.append(f"{doc.stem}-vni.txt")
    (OUT / f"{doc.stem}-cp1258.txt").write_bytes(cp1258(text))
    written.append(f"{doc.stem}-cp1258.txt")
    return [f"wrote {w}" for w in written]


def _as_text(value: str | bytes) -> str:
    """Legacy-font text as a .docx run stores it: one code point per byte, as Word reads it
    through the Western code page (cp1252; the five bytes cp1252 leaves undefined as Latin-1)."""
    if isinstance(value, str):
        return value
    out = []
    for b in value:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed â ê ô ă ơ ư đ, combining tones."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + tone).encode("cp1258", errors="replace"))
    return b"".join(out)


def _as_bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("latin-1")


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    ensure_sources()
    OUT.mkdir(parents=True, exist_ok=True)
    for doc in (seed_doc(), cv_doc()):
        docx_path = OUT / f"{doc.stem}.docx"
        docx_path.write_bytes(build_docx(doc))
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in ("doc", "odt", "rtf", "pdf"):
                out = soffice_convert(docx_path, fmt, Path(tmp))
                data = out.read_bytes()
                if fmt == "odt":
                    data = normalise_zip(data, pin_dates=True)
                elif fmt == "pdf":
                    data = pin_pdf(data)
                elif fmt == "rtf":
                    data = pin_rtf(data)
                elif fmt == "doc":
                    data = pin_doc(data)
                (OUT / f"{doc.stem}.{fmt}").write_bytes(data)
        print(f"wrote {doc.stem}: docx doc odt rtf pdf")
    scanned_pdf(OUT / "kh-36-thbtd.pdf", OUT / "kh-36-thbtd-scan.pdf", seed=36)
    print("wrote kh-36-thbtd-scan.pdf")
    scan_with_bad_ocr_layer(OUT / "kh-36-thbtd-scan.pdf", OUT / "kh-36-thbtd-scan-eng-ocr.pdf")
    print("wrote kh-36-thbtd-scan-eng-ocr.pdf")
    for note in legacy_variants(seed_doc()):
        print(note)


if __name__ == "__main__":
    main()
