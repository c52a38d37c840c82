"""Every form of the same document gives the same parse (issue 7): the seed plan and công văn
3354/VPCP-KGVX as .txt/.md, .docx, .doc, .odt, .rtf, text PDF, TCVN3 .docx, VNI and Windows-1258
text; the scanned PDF at least on the fields a clerk files by."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vbparse.model import Document
from vbparse.pipeline import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FORMATS = CORPUS / "formats"


def contract(doc: Document) -> dict[str, Any]:
    """The fields of the JSON contract, without where they came from (positions differ by format)."""

    def sections(nodes: list[Any]) -> list[Any]:
        return [(s.id, s.label, s.heading, s.role, s.text, sections(s.children)) for s in nodes]

    return {
        "doc_type": (doc.doc_type.name, doc.doc_type.code),
        "number": doc.number.model_dump(exclude={"raw"}),
        "issued": (doc.issued.place, doc.issued.date),
        "issuer": doc.issuer.model_dump(),
        "national_header": doc.national_header,
        "subject": doc.subject,
        "bases": [b.model_dump(exclude={"span", "raw"}) for b in doc.bases],
        "sections": sections(doc.sections),
        "responsibilities": [r.model_dump() for r in doc.responsibilities],
        "recipients": doc.recipients,
        "signer": doc.signer.model_dump(),
    }


SEED_FORMS = [
    "kh-36-thbtd.docx",
    "kh-36-thbtd.doc",
    "kh-36-thbtd.odt",
    "kh-36-thbtd.rtf",
    "kh-36-thbtd.pdf",
    "kh-36-thbtd-tcvn3.docx",
    "kh-36-thbtd-vni.txt",
    "kh-36-thbtd-cp1258.txt",
]
CV_FORMS = [
    "cv-3354-vpcp.docx",
    "cv-3354-vpcp.doc",
    "cv-3354-vpcp.odt",
    "cv-3354-vpcp.rtf",
    "cv-3354-vpcp.pdf",
]


@pytest.fixture(scope="module")
def seed_contract() -> dict[str, Any]:
    return contract(parse(CORPUS / "seed" / "kh-36-thbtd.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("name", SEED_FORMS)
def test_seed_in_every_form(seed_contract, name):
    got = contract(parse(FORMATS / name))
    for key, value in seed_contract.items():
        assert got[key] == value, f"{name}: {key}"


@pytest.mark.slow
@pytest.mark.parametrize("name", CV_FORMS)
def test_cong_van_in_every_form(name):
    reference = contract(parse(CORPUS / "docs" / "file_data_27.md"))
    got = contract(parse(FORMATS / name))
    for key, value in reference.items():
        assert got[key] == value, f"{name}: {key}"


@pytest.mark.slow
def test_scanned_pdf_keeps_the_filing_fields(seed_contract):
    doc = parse(FORMATS / "kh-36-thbtd-scan.pdf")
    assert doc.source.pages and all(p["method"] == "ocr" for p in doc.source.pages)
    got = contract(doc)
    for key in ("doc_type", "issued", "subject", "recipients"):
        assert got[key] == seed_contract[key], key
    assert (got["number"]["number"], got["number"]["symbol"]) == ("36", "KH-THBTD")
    assert got["signer"]["name"] == seed_contract["signer"]["name"]


@pytest.mark.slow
@pytest.mark.parametrize("layout", [False, True], ids=["pdftotext", "pdftotext-layout"])
@pytest.mark.parametrize(
    ("pdf", "reference"),
    [
        ("kh-36-thbtd.pdf", CORPUS / "seed" / "kh-36-thbtd.txt"),
        ("cv-3354-vpcp.pdf", CORPUS / "docs" / "file_data_27.md"),
    ],
)
def test_text_extracted_from_pdf_by_another_tool(tmp_path, pdf, reference, layout):
    """Text that another tool pulled out of the PDF: header columns one after the other or side
    by side, wrapped lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM", "… năm" / "2020")."""
    import subprocess

    out = tmp_path / (pdf + ".txt")
    args = ["pdftotext", *(["-layout"] if layout else []), str(FORMATS / pdf), str(out)]
    subprocess.run(args, check=True, timeout=60)
    want = contract(parse(reference))
    got = contract(parse(out))
    for key in (
        "doc_type",
        "number",
        "issued",
        "issuer",
        "national_header",
        "subject",
        "recipients",
        "signer",
    ):
        assert got[key] == want[key], key
    assert [s[0] for s in got["sections"]] == [s[0] for s in want["sections"]]


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _fonts_env(tmp_path: Path, fonts: str) -> dict[str, str] | None:
    """The machine's fonts, or DejaVu alone (no Times New Roman metrics: LibreOffice wraps the
    header and the lists elsewhere, as on a machine without the fonts install.sh brings)."""
    import os

    if fonts == "installed":
        return None
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{DEJAVU}</dir><cachedir>{tmp_path}/fc-cache</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.mark.slow
@pytest.mark.parametrize("fonts", ["installed", "dejavu-only"])
@pytest.mark.parametrize("layout", [False, True], ids=["pdftotext", "pdftotext-layout"])
def test_decree_pdf_text_closing_not_fooled_by_its_articles(tmp_path, layout, fonts):
    """Nghị định 30/2020 writes about "Nơi nhận" and "./." in its own articles; the closing is
    still found where the body ends, with all 21 recipients though the signer block is
    interleaved with them — whichever fonts LibreOffice lays the PDF out with."""
    import shutil
    import subprocess

    if fonts == "dejavu-only" and not DEJAVU.is_dir():
        pytest.fail("fonts-dejavu-core is not installed (scripts/install.sh installs it)")

    source = CORPUS / "heldout" / "30_2020_ND_CP.docx"
    shutil.copy(source, tmp_path / source.name)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / source.name),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=_fonts_env(tmp_path, fonts),
    )
    text = tmp_path / "decree.txt"
    args = [
        "pdftotext",
        *(["-layout"] if layout else []),
        str(tmp_path / "30_2020_ND_CP.pdf"),
        str(text),
    ]
    subprocess.run(args, check=True, timeout=60)
    want = contract(parse(source))
    got = contract(parse(text))
    for key in ("doc_type", "number", "issued", "issuer", "subject", "recipients", "signer"):
        assert got[key] == want[key], key
    assert [s[0] for s in got["sections"]] == [s[0] for s in want["sections"]]
