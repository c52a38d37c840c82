"""A long scan split by page ranges, for a batch on several workers (dask_runner.py).

OCR is 2–4 CPU-s a page: a 200-page scan parsed in one task holds one worker for ten minutes
while the others run dry at the end of a batch, and overruns the per-file time limit. So a
task that meets a PDF of more than `split_pages` pages asks the reader which pages it would OCR
(its plan, which the parse then reuses); if there are more than `split_pages`, the task hands
back a `Split` instead of a result, the client submits one task per range of pages
(`ocr_range`) and a final task (`finish_split`) that takes their pages and parses the file as
usual — the reader OCRs only the pages no range brought (`readers.pdf.given`) and lays out all
pages in page order, so the record is the one parsing it whole gives.

Every part runs under the per-file time limit: a range that overruns brings nothing, and the
final task, OCR'ing its pages itself, overruns too and records the file as timed out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..settings import Settings, use
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


def process_or_split(
    task: Task, want_rows: bool, timeout: float, split_pages: int
) -> FileResult | Split:
    """The file's result; or, for a PDF with more than `split_pages` pages to OCR, a Split. The
    plan made to decide is handed to the parse, which does not make it again."""
    import time

    from ..readers.pdf import given

    started, cpu = time.perf_counter(), time.thread_time()
    planned = _planned(task, timeout, split_pages)
    if planned is None:
        return process_chunk([task], want_rows, timeout)[0]
    sha256, plan = planned
    if len(plan.dpis) > split_pages:
        return Split(task, sha256, page_ranges(plan.dpis, split_pages))
    left = max(timeout - (time.perf_counter() - started), 0.001) if timeout > 0 else 0.0
    with given(sha256, plan=plan):
        [result] = process_chunk([task], want_rows, left)
    result.seconds = time.perf_counter() - started
    result.cpu = time.thread_time() - cpu
    return result


def _planned(task: Task, timeout: float, split_pages: int) -> tuple[str, Any] | None:
    """(sha256, the reader's plan) of a PDF of more than `split_pages` pages; None: parse it
    as usual (not a PDF, short, unchanged since stored, unreadable — the parse says why)."""
    from ..readers.limits import TimeLimitExceeded, time_limit

    if split_pages <= 0 or os.path.splitext(task.path)[1].lower() != ".pdf":
        return None
    try:
        with time_limit(timeout):
            if _page_count(task.path) <= split_pages:
                return None
            if task.stored_sha256 and file_sha256(task.path) == task.stored_sha256:
                return None  # unchanged: skipped without a plan
            from ..readers.pdf import plan_ocr

            sha256, plan = plan_ocr(task.path)
    except (Exception, TimeLimitExceeded):
        return None
    return sha256, plan


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
    split: Split,
    want_rows: bool,
    timeout: float,
    settings: Settings,
    *parts: tuple[dict[int, Any], float],
) -> list[FileResult]:
    """Parse the file with the pages its ranges OCR'd (a chunk's result: a list of one). Its
    CPU counts the ranges' too, for measurements."""
    from ..readers.pdf import given

    pages: dict[int, Any] = {}
    for part, _ in parts:
        pages.update(part)
    with given(split.sha256, ocr=pages), use(settings):
        [result] = process_chunk([split.task], want_rows, timeout)
    result.cpu += sum(cpu for _, cpu in parts)
    result.parts = len(parts)
    return [result]
