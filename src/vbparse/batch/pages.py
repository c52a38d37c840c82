"""A long scan split by page ranges, for a batch on several workers (dask_runner.py).

OCR is 2–4 CPU-s a page: a 200-page scan parsed in one task holds one worker for ten minutes
while the others run dry at the end of a batch, and overruns the per-file time limit. So a
task that meets a PDF of more than `split_pages` pages asks the reader which pages it would OCR;
if there are more than `split_pages`, the task hands back a `Split` instead of a result, the
client submits one task per range of pages (`ocr_range`) and a final task (`finish_split`) that
takes their pages, in page order, and parses the file as usual — the reader OCRs only the pages
no range brought (`readers.pdf.ocr_given`), so the record is the one parsing it whole gives.

Every part runs under the per-file time limit: a range that overruns brings nothing, and the
final task, OCR'ing its pages itself, overruns too and records the file as timed out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .runner import FileResult, Task, file_sha256, process_chunk


@dataclass(slots=True)
class Split:
    """A file to OCR in parts: its pages to OCR (index → resolution), cut into ranges."""

    task: Task
    sha256: str
    ranges: list[dict[int, float]]


def page_ranges(dpis: dict[int, float], size: int) -> list[dict[int, float]]:
    """The pages to OCR, in order, `size` at a time."""
    ordered = sorted(dpis)
    return [{i: dpis[i] for i in ordered[k : k + size]} for k in range(0, len(ordered), size)]


def _page_count(path: str) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError, ValueError):
        return 0  # not for PDFium: the reader says what is wrong with it
    try:
        return len(doc)
    finally:
        doc.close()


def split_plan(task: Task, timeout: float, split_pages: int) -> Split | None:
    """A Split for a PDF with more than `split_pages` pages to OCR; None: parse it whole (not a
    PDF, short, unchanged since it was stored, unreadable — the whole parse says why)."""
    from ..readers.limits import TimeLimitExceeded, time_limit

    if split_pages <= 0 or os.path.splitext(task.path)[1].lower() != ".pdf":
        return None
    try:
        with time_limit(timeout):
            if _page_count(task.path) <= split_pages:
                return None
            sha256 = file_sha256(task.path)
            if sha256 == task.stored_sha256:
                return None
            from ..readers.pdf import pages_to_ocr

            dpis = pages_to_ocr(task.path)
    except (Exception, TimeLimitExceeded):  # parsed whole, which records what went wrong
        return None
    if len(dpis) <= split_pages:
        return None
    return Split(task, sha256, page_ranges(dpis, split_pages))


def ocr_range(path: str, dpis: dict[int, float], timeout: float) -> tuple[dict[int, Any], float]:
    """OCR one range of pages → (pages, CPU seconds); no pages if it fails or overruns (the
    final task OCRs them, under its own limit)."""
    import time

    from ..readers.limits import TimeLimitExceeded, time_limit
    from ..readers.pdf import ocr_pages

    cpu = time.thread_time()
    try:
        with time_limit(timeout):
            pages = ocr_pages(path, dpis)
    except (Exception, TimeLimitExceeded):
        pages = {}
    return pages, time.thread_time() - cpu


def finish_split(
    split: Split, want_rows: bool, timeout: float, *parts: tuple[dict[int, Any], float]
) -> list[FileResult]:
    """Parse the file with the pages its ranges OCR'd (a chunk's result: a list of one). Its
    CPU counts the ranges' too, for measurements."""
    from ..readers.pdf import ocr_given

    pages: dict[int, Any] = {}
    for part, _ in parts:
        pages.update(part)
    with ocr_given(split.sha256, pages):
        [result] = process_chunk([split.task], want_rows, timeout)
    result.cpu += sum(cpu for _, cpu in parts)
    result.parts = len(parts)
    return [result]
