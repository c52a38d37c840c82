"""Hostile and broken inputs, generated at test time (nothing large is stored in the repository).

Each maker writes one file (or link, or FIFO) under a folder and returns its path. `INPUTS`
names them with the outcome a test expects: the reader's error kind, or None for a parse.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "corpus" / "formats"
TEXT_PDF = FORMATS / "kh-36-thbtd.pdf"
DOCX = FORMATS / "kh-36-thbtd.docx"


# --- PDFs written object by object ----------------------------------------------------------------


def pdf_bytes(pages: list[tuple[float, float, bytes]], *, font: bool = False) -> bytes:
    """A PDF of pages (width pt, height pt, content stream), with a correct xref table."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font_ref = b""
    if font:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        font_ref = f"/Resources << /Font << /F1 {len(objects)} 0 R >> >>".encode()
    for width, height, content in pages:
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        stream_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R %s >>"
            % (width, height, stream_ref, font_ref)
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def huge_page_pdf(folder: Path) -> Path:
    """~600 bytes: one 14400×14400 pt page (200 inches square) with a small drawn box."""
    path = folder / "huge-page.pdf"
    path.write_bytes(pdf_bytes([(14400, 14400, b"0 0 0 rg 100 100 50 50 re f")]))
    return path


def huge_inked_page_pdf(folder: Path) -> Path:
    """The same page with ink over a fifth of it: not blank, so only the pixel limit guards."""
    path = folder / "huge-inked-page.pdf"
    path.write_bytes(pdf_bytes([(14400, 14400, b"0 0 0 rg 0 0 14400 2880 re f")]))
    return path


_TEXT_PAGE = (
    b"BT /F1 12 Tf 72 770 Td (UY BAN NHAN DAN) Tj 0 -16 Td (So: 12/KH-UBND) Tj "
    b"0 -40 Td (KE HOACH) Tj 0 -16 Td (To chuc kiem tra cong tac nam 2024) Tj "
    b"0 -30 Td (I. MUC DICH) Tj 0 -16 Td (Kiem tra viec thuc hien nhiem vu.) Tj ET"
)


def blank_pages_pdf(folder: Path) -> Path:
    """One page of text, then 300 near-blank pages (a speck each: drawn, so OCR candidates)."""
    path = folder / "blank-300.pdf"
    speck = b"0 0 0 rg 300 400 1 1 re f"
    pages = [(595.0, 842.0, _TEXT_PAGE)] + [(595.0, 842.0, speck)] * 300
    path.write_bytes(pdf_bytes(pages, font=True))
    return path


def truncated_pdf(folder: Path) -> Path:
    data = TEXT_PDF.read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def garbage_xref_pdf(folder: Path) -> Path:
    """Every xref offset and startxref replaced by nonsense: readers must rebuild or refuse."""
    data = TEXT_PDF.read_bytes()
    data = re.sub(rb"\d{10} \d{5} n", b"9999999999 00000 n", data)
    data = re.sub(rb"startxref\s+\d+", b"startxref\n123", data)
    path = folder / "garbage-xref.pdf"
    path.write_bytes(data)
    return path


def encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(TEXT_PDF).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = folder / "encrypted.pdf"
    with path.open("wb") as f:
        writer.write(f)
    return path


# --- .docx -------------------------------------------------------------------------------------

_DOC_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>"
)
_PARA = b"<w:p><w:r><w:t>Ke hoach kiem tra cong tac nam 2024.</w:t></w:r></w:p>"


def _docx_with(folder: Path, name: str, document_xml: bytes) -> Path:
    """The corpus .docx with its word/document.xml replaced."""
    path = folder / name
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                dst.writestr("word/document.xml", document_xml)
            else:
                dst.writestr(info, src.read(info))
    return path


def _deflate_repeated(head: bytes, block: bytes, count: int, tail: bytes) -> tuple[bytes, int]:
    """(raw deflate stream, CRC-32) of head + block * count + tail, compressing `block` once:
    after a full flush the compressor forgets its history, so every copy compresses the same."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    one = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(tail) + comp.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return first + one * count + last, zlib.crc32(tail, crc)


def _zip_raw(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of (name, raw deflate data, CRC-32, inflated size) members, written by hand (zipfile
    cannot store data compressed elsewhere)."""
    local, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(data), size)
        encoded = name.encode()
        central.write(
            b"PK\x01\x02" + struct.pack("<H", 20) + fields
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, local.tell()) + encoded
        )  # fmt: skip
        local.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data)
    start, length = local.tell(), central.tell()
    end = b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(members), len(members), length, start, 0
    )
    path.write_bytes(local.getvalue() + central.getvalue() + end)


def zip_bomb_docx(folder: Path) -> Path:
    """~3 MB on disk; word/document.xml inflates to 1 GiB (the corpus .docx's other parts)."""
    members = []
    with zipfile.ZipFile(DOCX) as src:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                block = _PARA * ((1 << 20) // len(_PARA))
                count = (1 << 30) // len(block)
                tail = b"</w:body></w:document>"
                data, crc = _deflate_repeated(_DOC_HEAD, block, count, tail)
                size = len(_DOC_HEAD) + len(block) * count + len(tail)
            else:
                raw = src.read(info)
                comp = zlib.compressobj(6, zlib.DEFLATED, -15)
                data, crc, size = comp.compress(raw) + comp.flush(), zlib.crc32(raw), len(raw)
            members.append((info.filename, data, crc, size))
    path = folder / "zip-bomb.docx"
    _zip_raw(path, members)
    return path


def _doctype_docx(folder: Path, name: str, doctype: bytes, ref: bytes) -> Path:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + doctype
        + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>UBND HUYEN A</w:t></w:r></w:p>"
        b"<w:p><w:r><w:t>truoc " + ref + b" sau thuc the</w:t></w:r></w:p>"
        b"<w:p><w:r><w:t>KE HOACH kiem tra nam 2024</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with(folder, name, xml)


def xxe_docx(folder: Path) -> Path:
    """An external entity pointing at /etc/passwd, referenced in the text."""
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _doctype_docx(folder, "xxe.docx", doctype, b"&xxe;")


def billion_laughs_docx(folder: Path) -> Path:
    lol = [b'<!ENTITY lol0 "lol">']
    lol += [b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
    doctype = b"<!DOCTYPE w:document [" + b"".join(lol) + b"]>"
    return _doctype_docx(folder, "billion-laughs.docx", doctype, b"&lol9;")


# --- images, text, HTML ------------------------------------------------------------------------


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def huge_png(folder: Path) -> Path:
    """20000×20000 = 400 megapixels, 1 bit per pixel, white: ~60 KB on disk."""
    side = 20000
    row = b"\x00" + b"\xff" * (side // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path = folder / "huge.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    return path


def one_line_text(folder: Path) -> Path:
    """50 MB of a real plan with its line breaks taken out: one line."""
    seed = (ROOT / "corpus" / "seed" / "kh-36-thbtd.txt").read_text(encoding="utf-8")
    unit = (" ".join(seed.split()) + " ").encode("utf-8")
    path = folder / "one-line-50mb.txt"
    with path.open("wb") as f:
        for _ in range(50 * (1 << 20) // len(unit) + 1):
            f.write(unit)
    return path


def nul_text(folder: Path) -> Path:
    path = folder / "nul.txt"
    path.write_bytes(b"\x00" * (1 << 20))
    return path


def deep_html(folder: Path) -> Path:
    path = folder / "deep.html"
    depth = 100_000
    path.write_text(
        "<!DOCTYPE html><html><body>"
        + "<div>" * depth
        + "<p>UBND HUYỆN A</p><p>KẾ HOẠCH kiểm tra công tác năm 2024</p>"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    return path


# --- not files ---------------------------------------------------------------------------------


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def symlink_loop(folder: Path) -> Path:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    os.symlink(b.name, a)
    os.symlink(a.name, b)
    return a


def dangling_link(folder: Path) -> Path:
    path = folder / "dangling.pdf"
    os.symlink("no-such-file.pdf", path)
    return path


# file name -> (maker, a pattern of the one-line error expected, or None when the file must
# parse; "either" for a damaged file that may be recovered or refused)
INPUTS: dict[str, tuple[Callable[[Path], Path], str | None]] = {
    "huge-page.pdf": (huge_page_pdf, "no text could be read"),
    "huge-inked-page.pdf": (huge_inked_page_pdf, "no text could be read.*too large to OCR"),
    "blank-300.pdf": (blank_pages_pdf, None),
    "zip-bomb.docx": (zip_bomb_docx, r"word/document\.xml inflates to more than \d+ MiB"),
    "huge.png": (huge_png, r"400 megapixels, over the \d+ megapixel limit"),
    "one-line-50mb.txt": (one_line_text, r"characters of text, over the [\d,]+ limit"),
    "pipe.txt": (fifo, r"is a named pipe \(FIFO\), not a file"),
    "loop-a.txt": (symlink_loop, "is a symbolic link that loops"),
    "dangling.pdf": (dangling_link, "is a link to a file that does not exist"),
    "truncated.pdf": (truncated_pdf, "either"),
    "encrypted.pdf": (encrypted_pdf, "is encrypted"),
    "garbage-xref.pdf": (garbage_xref_pdf, None),
    "xxe.docx": (xxe_docx, None),
    "billion-laughs.docx": (billion_laughs_docx, "either"),
    "nul.txt": (nul_text, "is binary data"),
    "deep.html": (deep_html, None),
}
