"""The noise harness: every gold document parsed again after the damage real pipelines do to it,
and each field compared with the parse of the clean document (`vbparse eval --variants`).

Text variants are cheap and made from the reader's own lines: header columns interleaved line
by line (pdftotext without -layout), lines wrapped at 60–80 characters, dashes of the Số line
and list bullets dropped, the header as a Markdown table. Rendered variants (`render=True`)
go through a real pipeline: the text written to .docx with its header in a table
(python-docx), converted to PDF by LibreOffice, read back by pdftotext (plain and -layout), by
vbparse's PDF reader, and by OCR of the page rendered at 200 dpi.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .readers import Zone, read
from .readers.base import Line

# field -> what is compared: the parse's value, normalised as the evaluation does
COMPARED: dict[str, Callable[..., object]] = {
    "doc_type": lambda d: d.doc_type.name,
    "number": lambda d: (d.number.number, d.number.symbol),
    "date": lambda d: d.issued.date,
    "place": lambda d: d.issued.place,
    "issuer": lambda d: d.issuer.name,
    "subject": lambda d: re.sub(r"\W+", " ", d.subject or "").strip().lower() or None,
    "signer.name": lambda d: d.signer.name,
    "signer.title": lambda d: d.signer.title,
    "recipients": lambda d: len(d.recipients),
    "bases": lambda d: sorted((b.number or "", b.symbol or "") for b in d.bases),
    "sections": lambda d: [s.id for s in d.sections],
}
_HEADER = (Zone.HEADER_LEFT, Zone.HEADER_RIGHT)
_CLOSING = (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)


def _blocks(lines: list[Line]) -> Iterator[tuple[str, list[Line]]]:
    def kind(ln: Line) -> str:
        return "header" if ln.zone in _HEADER else "closing" if ln.zone in _CLOSING else "body"

    for key, group in itertools.groupby(lines, key=kind):
        yield key, list(group)


def _interleave(group: list[Line], zones: tuple[Zone, Zone]) -> list[str]:
    left = [ln.text for ln in group if ln.zone is zones[0]]
    right = [ln.text for ln in group if ln.zone is zones[1]]
    out: list[str] = []
    for a, b in itertools.zip_longest(left, right):
        out.extend(t for t in (a, b) if t)
    return out


def interleaved(lines: list[Line]) -> str:
    """The two header columns and the two closing columns alternate line by line."""
    out: list[str] = []
    for key, group in _blocks(lines):
        if key == "header":
            out += _interleave(group, _HEADER)
        elif key == "closing":
            out += _interleave(group, _CLOSING)
        else:
            out += [ln.full_text for ln in group]
    return "\n".join(out) + "\n"


def wrapped(lines: list[Line], width: int = 70) -> str:
    """Every line wrapped at `width` characters, header columns one after the other."""
    out: list[str] = []
    for ln in lines:
        out += textwrap.wrap(ln.full_text, width) or [""]
    return "\n".join(out) + "\n"


def dashes_dropped(lines: list[Line]) -> str:
    """ "Số: 36/KH-THBTD" → "Số: 36/KHTHBTD" and list bullets lost, as bad extraction does."""
    out: list[str] = []
    for ln in lines:
        text = ln.full_text
        if re.match(r"^\s*S[ốo]\s*[:.]", text):
            text = re.sub(r"(?<=[A-ZĐa-z])-(?=[A-ZĐ])", "", text)
        out.append(re.sub(r"^[-–+•]\s*", "", text))
    return "\n".join(out) + "\n"


def markdown_table(lines: list[Line]) -> str:
    """The header as a one-row Markdown table whose cells break lines with <br>."""
    out: list[str] = []
    for key, group in _blocks(lines):
        if key == "header":
            left = "<br>".join(ln.text for ln in group if ln.zone is Zone.HEADER_LEFT)
            right = "<br>".join(ln.text for ln in group if ln.zone is Zone.HEADER_RIGHT)
            out += [f"| {left} | {right} |", "|---|---|", "| | |"]
        else:
            out += [ln.full_text for ln in group]
    return "\n".join(out) + "\n"


TEXT_VARIANTS: dict[str, Callable[[list[Line]], str]] = {
    "interleaved": interleaved,
    "wrapped70": wrapped,
    "wrapped60": lambda lines: wrapped(lines, 60),
    "dashes_dropped": dashes_dropped,
    "markdown_table": markdown_table,
}


def _docx(lines: list[Line], target: Path) -> None:
    """The document as Word writes it: the header in a borderless two-column table."""
    from docx import Document as DocxDocument

    d = DocxDocument()
    for key, group in _blocks(lines):
        zones = _HEADER if key == "header" else _CLOSING if key == "closing" else None
        if zones is None:
            for ln in group:
                d.add_paragraph(ln.full_text)
            continue
        table = d.add_table(rows=1, cols=2)
        for col, zone in enumerate(zones):
            cell = table.rows[0].cells[col]
            cell.text = "\n".join(ln.text for ln in group if ln.zone is zone)
    d.save(str(target))


def rendered(lines: list[Line], work: Path, *, ocr: bool) -> dict[str, Path]:
    """docx → PDF (LibreOffice) → pdftotext / -layout / the PDF reader / OCR at 200 dpi."""
    docx = work / "doc.docx"
    _docx(lines, docx)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to",
         "pdf", "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = work / "doc.pdf"
    out = {"pdf": pdf}
    for name, args in (("pdftotext", []), ("pdftotext_layout", ["-layout"])):
        txt = work / f"{name}.txt"
        subprocess.run(["pdftotext", *args, str(pdf), str(txt)], check=True, timeout=60)
        out[name] = txt
    if ocr:
        subprocess.run(
            ["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(work / "page")],
            check=True, timeout=120,
        )  # fmt: skip
        pages = sorted(work.glob("page*.png"))
        from PIL import Image

        images = [Image.open(p).convert("L") for p in pages]
        tiff = work / "scan.pdf"
        images[0].save(tiff, save_all=True, append_images=images[1:], resolution=200)
        out["ocr200"] = tiff
    return out


@dataclass
class Agreement:
    same: int = 0
    total: int = 0
    differ: list[tuple[str, object, object]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.same / self.total if self.total else 1.0


def run_variants(
    documents: list[Path], *, render: bool = False, ocr: bool = False
) -> dict[str, dict[str, Agreement]]:
    """variant -> field -> how often the variant parses to the clean document's value."""
    from .pipeline import parse
    from .readers import ReadError

    table: dict[str, dict[str, Agreement]] = {}
    for path in documents:
        try:
            raw = read(path)
        except ReadError:
            continue
        if any(p.method == "ocr" for p in raw.pages):
            continue  # a scan has no clean text to damage
        lines = [ln for ln in raw.lines if ln.zone is not Zone.META]
        clean = parse(path)
        with tempfile.TemporaryDirectory(prefix="vbparse-variants-") as tmp:
            work = Path(tmp)
            files: dict[str, Path] = {}
            for name, make in TEXT_VARIANTS.items():
                suffix = ".md" if name == "markdown_table" else ".txt"
                files[name] = work / f"{name}{suffix}"
                files[name].write_text(make(lines), encoding="utf-8")
            if render:
                # A conversion that fails leaves those variants out for this file.
                with contextlib.suppress(subprocess.SubprocessError, OSError):
                    files.update(rendered(lines, work, ocr=ocr))
            for name, file in files.items():
                try:
                    doc = parse(file)
                except ReadError:
                    continue
                for key, get in COMPARED.items():
                    a = table.setdefault(name, {}).setdefault(key, Agreement())
                    a.total += 1
                    want, got = get(clean), get(doc)
                    if want == got:
                        a.same += 1
                    else:
                        a.differ.append((path.name, got, want))
    return table
