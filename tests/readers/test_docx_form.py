"""The .docx reader keeps the form the decree's check needs and reads what hides in content
controls, text boxes and packages written without relationship parts."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx.oxml import parse_xml

from vbparse.readers import read

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lint" / "form"))
import docbuild


def test_styles_resolve_font_size_and_emphasis(tmp_path):
    path = tmp_path / "qd.docx"
    path.write_bytes(docbuild.build())
    raw = read(path)
    assert round(raw.sections[0].left) == 30 and round(raw.sections[0].width) == 210
    qh = next(ln for ln in raw.lines if ln.text.startswith("CỘNG HÒA"))
    assert qh.form is not None and qh.form.runs[0].size == 13 and qh.form.runs[0].bold
    assert (qh.loc.table, qh.loc.col) == (0, 1)
    date = next(ln for ln in raw.lines if ln.text.startswith("Bình Dương"))
    assert date.italic and date.size == 14
    body = next(ln for ln in raw.lines if ln.text.startswith("Điều 2"))
    assert (
        body.form is not None and body.form.align == "both" and round(body.form.indent_first) == 10
    )


def test_package_without_rels_is_read(tmp_path):
    data = docbuild.build()
    stripped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            if "_rels/" not in info.filename:
                dst.writestr(info, src.read(info))
    full, bare = tmp_path / "full.docx", tmp_path / "bare.docx"
    full.write_bytes(data)
    bare.write_bytes(stripped.getvalue())
    assert read(bare).text() == read(full).text()


def test_content_controls_only(tmp_path):
    path = tmp_path / "sdt.docx"
    path.write_bytes(docbuild.build(docbuild.Spec(layout="sdt")))
    raw = read(path)
    assert any(ln.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" for ln in raw.lines)
    assert any(ln.text == "Nguyễn Văn An" for ln in raw.lines)


def test_text_box_and_tab_laid_header(tmp_path):
    from docx import Document

    doc = Document()
    p = doc.add_paragraph()
    p.add_run("BỘ NỘI VỤ")
    p.add_run().add_tab()
    p.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    box = doc.add_paragraph()
    box._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
            "<w:txbxContent><w:p><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    path = tmp_path / "tb.docx"
    doc.save(path)
    raw = read(path)
    zones = [(ln.text, ln.zone.value) for ln in raw.lines]
    assert ("BỘ NỘI VỤ", "header_left") in zones
    assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header_right") in zones
    boxed = [ln for ln in raw.lines if ln.text == "Độc lập - Tự do - Hạnh phúc"]
    assert len(boxed) == 1 and boxed[0].form is not None and boxed[0].form.frame == "textbox"
