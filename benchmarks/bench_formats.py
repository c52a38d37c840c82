"""Reader speed per format on corpus/formats and corpus/scans; OCR accuracy on the photos.

For each format: median milliseconds per document (and per page for PDF/OCR). For text-layer
PDF also the ratio to pdfplumber's own `extract_text` over the same pages (target ≤ 1.5).
For OCR: seconds per page and the character error rate against the hand-typed ground truth,
straight and skewed photo.

Run: python benchmarks/bench_formats.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "corpus" / "formats"
SCANS = ROOT / "corpus" / "scans"


def timed(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="runs per file for the fast formats")
    ap.add_argument("--skip-slow", action="store_true", help="no LibreOffice/OCR rows")
    args = ap.parse_args()

    import pdfplumber

    from vbparse.readers import read
    from vbparse.text.cer import cer

    rows: list[tuple[str, str, str, str, str]] = []

    # warm-up: import every reader once
    read(FORMATS / "cv-3354-vpcp.docx")
    read(FORMATS / "cv-3354-vpcp.pdf")

    for fmt in ("docx", "doc", "odt", "rtf"):
        if fmt != "docx" and args.skip_slow:
            continue
        files = sorted(FORMATS.glob(f"*.{fmt}"))
        files = [f for f in files if "tcvn3" not in f.name] + [
            f for f in files if "tcvn3" in f.name
        ]
        rep = args.repeat if fmt == "docx" else 1
        per_doc = [timed(lambda f=f: read(f), rep)[0] for f in files]
        rows.append((fmt, str(len(files)), f"{statistics.median(per_doc) * 1000:.0f}", "", ""))

    for path in sorted(FORMATS.glob("*.pdf")):
        if "scan" in path.name:
            continue

        def plumber(path: Path = path) -> None:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()

        t_ref, _ = timed(plumber, args.repeat)
        t_ours, raw = timed(lambda path=path: read(path), args.repeat)
        pages = len(raw.pages)  # type: ignore[attr-defined]
        rows.append(
            (
                f"pdf text ({path.stem})",
                "1",
                f"{t_ours * 1000:.0f}",
                f"{t_ours * 1000 / pages:.0f} ms/page",
                f"×{t_ours / t_ref:.2f} of extract_text",
            )
        )

    if not args.skip_slow:
        scan = FORMATS / "kh-36-thbtd-scan.pdf"
        t, raw = timed(lambda: read(scan), 1)
        ref = read(FORMATS / "kh-36-thbtd.pdf")
        c = cer("\n".join(ln.text for ln in ref.lines), "\n".join(ln.text for ln in raw.lines))  # type: ignore[attr-defined]
        pages = len(raw.pages)  # type: ignore[attr-defined]
        rows.append(
            (
                "pdf scan (OCR at scan dpi)",
                "1",
                f"{t * 1000:.0f}",
                f"{t / pages:.1f} s/page",
                f"CER {c:.2%} vs text layer",
            )
        )
        gt = (SCANS / "sgddt-dn-1906-4_1_gt.txt").read_text(encoding="utf-8")
        gt2 = (SCANS / "sgddt-dn-1906-4_2_gt.txt").read_text(encoding="utf-8")
        for name, truth in (
            ("sgddt-dn-1906-4_1", gt),
            ("sgddt-dn-1906-4_1_rotated", gt),
            ("sgddt-dn-1906-4_2", gt2),
        ):
            t, raw = timed(lambda name=name: read(SCANS / f"{name}.jpg"), 1)
            text = "\n".join(ln.full_text for ln in raw.lines if ln.zone.value != "meta")  # type: ignore[attr-defined]
            rows.append(
                (
                    f"photo {name}",
                    "1",
                    f"{t * 1000:.0f}",
                    f"{t:.1f} s/page",
                    f"CER {cer(truth, text):.2%} vs ground truth",
                )
            )

    head = ("format", "docs", "median ms/doc", "per page", "note")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    sys.stdout.flush()


if __name__ == "__main__":
    main()
