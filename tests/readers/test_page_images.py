"""A scan's page pictures for region re-reads (readers/region.py PageImages): the PDF is opened
once for every page and region asked of it, not again for each (a 34-page scan asks 34 times)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from vbparse.readers.pdfium_text import page_images
from vbparse.readers.region import PageImages, RegionRequest

SCAN = Path(__file__).resolve().parents[2] / "corpus" / "real" / "kgl" / "2253_TB-SYT_scan.pdf"


def test_the_pdf_is_opened_once_for_all_its_pages(monkeypatch):
    data = SCAN.read_bytes()
    doc = pdfium.PdfDocument(data)
    expected = [
        (doc[n].get_width(), [box[:4] for box in page_images(doc[n])]) for n in range(len(doc))
    ]
    opened = []
    real = pdfium.PdfDocument

    def counting(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdfium, "PdfDocument", counting)
    images = PageImages("pdf", data, SCAN.name)
    assert [images.pictures(n) for n in range(1, len(doc) + 1)] == expected
    assert images.pictures(len(doc) + 1) == (0.0, [])
    found = images._render(RegionRequest(page=2, top=0.0, bottom=200.0))
    assert found is not None and found[0].width > 100
    assert len(opened) == 1
