"""vbparse against the bare tools under it, side by side in one run (issue #17).

Each row runs a vbparse command and the bare tool doing the same work, as fresh processes,
alternately (vbparse first in odd rounds, the tool first in even ones) so that a change in the
load of a shared machine hits both sides; the best of the rounds is kept, in wall time and in CPU
time (user + system of the child processes, which the load inflates less). Tesseract runs with
OMP_THREAD_LIMIT=1 on both sides.

    ocr        vbparse parse of a 5-page scan   | pdftoppm -r DPI -gray + tesseract vie, per page
    text pdf   vbparse parse of 27 text pages   | pypdfium2 plain text of the same pages
    .doc       vbparse parse of 5 .doc, 1 call  | one soffice --convert-to docx of the 5
    cold .txt  vbparse parse of the seed .txt   | python3 + 2 regexes on the same file
               (again with VBPARSE_REGEX_CACHE=0: a first run, which compiles every pattern)
    check-batch -j2 against -j1 on 20 plans (a speed-up: higher is better)

The OCR rows time the whole job: where the page OCR lost the number or the signer, their regions
read again (extract/reread_header.py, the signer block) are part of it, as in any parse; the bare
pipeline gives neither field (≈ 0.2 s of the 7-8 s, docs/performance.md, Session 6).

Run: python benchmarks/bench_ratios.py [--rounds 3] [--only ocr,txt,...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
FORMATS = ROOT / "corpus" / "formats"
SEED = ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"
SCANS = {
    "ocr colour": REAL / "kgu" / "2084_KH-SYT_scan.pdf",
    "ocr b/w": REAL / "kgu" / "2119_KH-SYT_scan.pdf",
}
TEXT_PDFS = [
    FORMATS / "cv-3354-vpcp.pdf",
    FORMATS / "kh-36-thbtd.pdf",
    *(
        REAL / "phuocbuu" / name
        for name in (
            "230_KH-THPT.PB_startup.pdf",
            "2858_QD-UBND_HCM_bo-sung-du-toan.pdf",
            "4646_SGDDT-TCCB_bo-nhiem-CDNN.pdf",
            "4728_SGDDT-HSSV_phong-chong-ma-tuy.pdf",
            "79_TTTT-CTGD_lich-boi-duong-STEM.pdf",
            "TTr-DTN_THPT-BungRieng.pdf",
        )
    ),
    REAL / "phapluat" / "CT-21-CT-TTg-2026.pdf",
]  # 27 pages
DOCS = [
    FORMATS / "cv-3354-vpcp.doc",
    FORMATS / "kh-36-thbtd.doc",
    REAL / "hpbaotho" / "KH-NVKS_TTCNTT-TayBac_khao-sat.doc",
    REAL / "hpbaotho" / "QD-93-2007-QD-TTg.doc",
    REAL / "hpbaotho" / "TT-01-2010-TT-TTCP.doc",
]
PLANS = ROOT / "corpus" / "plans"
TARGETS = {"ocr": 1.1, "text pdf": 5.0, ".doc": 1.5, "cold .txt": 3.0}

BARE_REGEX = """import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(re.search(r"Số:\\s*([0-9]+/[^\\s]+)", text).group(1))
print(re.search(r"ngày\\s+(\\d+)\\s+tháng\\s+(\\d+)\\s+năm\\s+(\\d{4})", text).groups())
"""

PDFIUM_TEXT = """import sys
import pypdfium2 as pdfium
n = 0
for name in sys.argv[1:]:
    doc = pdfium.PdfDocument(name)
    for page in doc:
        n += len(page.get_textpage().get_text_range())
print(n)
"""

BARE_OCR = """import os, subprocess, sys, tempfile
path, dpi, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
with tempfile.TemporaryDirectory() as tmp:
    for i in range(1, pages + 1):
        prefix = os.path.join(tmp, "p")
        subprocess.run(["pdftoppm", "-r", dpi, "-gray", "-f", str(i), "-l", str(i), "-singlefile",
                        path, prefix], check=True)
        subprocess.run(["tesseract", prefix + ".pgm", "stdout", "-l", "vie", "--psm", "4"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
"""


def _run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-800:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _alternate(
    ours: Callable[[], tuple[float, float]], bare: Callable[[], tuple[float, float]], rounds: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for k in range(rounds):
        if k % 2:
            b.append(bare())
            a.append(ours())
        else:
            a.append(ours())
            b.append(bare())
    best = lambda xs: (min(x[0] for x in xs), min(x[1] for x in xs))  # noqa: E731
    return best(a), best(b)


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def _scan_dpi(path: Path) -> int:
    """The resolution vbparse renders the scan at (its own, see readers/pdf._render_dpi)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(path))[0]
    widths = [obj.get_metadata().width for obj in page.get_objects()]
    return round(max(widths) / (page.get_width() / 72))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="alternated runs of each side")
    ap.add_argument(
        "--only", default="", help="comma-separated rows: ocr, pdf, doc, txt, check (default all)"
    )
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    want = lambda key: not only or key in only  # noqa: E731

    # As an installed package: byte-compiled (PYTHONDONTWRITEBYTECODE would hide that).
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        OMP_THREAD_LIMIT="1",
        VBPARSE_CACHE_DIR=tempfile.mkdtemp(prefix="bench-cache-"),
    )
    env.pop("VBPARSE_READ_CACHE", None)
    py = sys.executable
    vb = [py, "-m", "vbparse", "parse"]
    rows: list[tuple[str, str, str, str, str, str]] = []
    load0 = os.getloadavg()

    def add(task: str, ours: tuple[float, float], bare: tuple[float, float], target: str) -> None:
        rows.append(
            (
                task,
                f"{ours[0]:.2f} s / {ours[1]:.2f} s",
                f"{bare[0]:.2f} s / {bare[1]:.2f} s",
                f"{ours[0] / bare[0]:.2f}×",
                f"{ours[1] / bare[1]:.2f}×",
                target,
            )
        )
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "bare_regex.py").write_text(BARE_REGEX, encoding="utf-8")
        (tmp / "pdfium_text.py").write_text(PDFIUM_TEXT, encoding="utf-8")
        (tmp / "bare_ocr.py").write_text(BARE_OCR, encoding="utf-8")

        if want("txt"):
            # As installed and used once: byte-compiled (above) and the compiled-regex cache
            # filled (vbparse/regex_cache.py). A fresh process each run all the same.
            _run([*vb, str(SEED)], env)
            ours, bare = _alternate(
                lambda: _run([*vb, str(SEED)], env),
                lambda: _run([py, str(tmp / "bare_regex.py"), str(SEED)], env),
                max(args.rounds, 5),
            )
            add("cold .txt parse", ours, bare, f"≤ {TARGETS['cold .txt']}×")
            # The very first run on a machine, which compiles every pattern (for information).
            no_cache = dict(env, VBPARSE_REGEX_CACHE="0")
            ours, bare = _alternate(
                lambda: _run([*vb, str(SEED)], no_cache),
                lambda: _run([py, str(tmp / "bare_regex.py"), str(SEED)], env),
                max(args.rounds, 5),
            )
            add("cold .txt, no regex cache", ours, bare, "—")

        if want("pdf"):
            pdfs = [str(p) for p in TEXT_PDFS]
            pages = sum(_pages(p) for p in TEXT_PDFS)
            ours, bare = _alternate(
                lambda: _run([*vb, *pdfs], env),
                lambda: _run([py, str(tmp / "pdfium_text.py"), *pdfs], env),
                args.rounds,
            )
            add(f"text PDFs, {pages} pages, one call", ours, bare, f"≤ {TARGETS['text pdf']}×")

        if want("doc"):
            docs = tmp / "docs"
            docs.mkdir()
            for d in DOCS:
                shutil.copy(d, docs / d.name)
            names = sorted(str(p) for p in docs.iterdir())

            def soffice() -> tuple[float, float]:
                out = tmp / "soffice-out"
                profile = tmp / "soffice-profile"  # fresh each run, as vbparse's is
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(profile, ignore_errors=True)
                return _run(
                    [
                        "soffice",
                        "--headless",
                        "--norestore",
                        f"-env:UserInstallation={profile.as_uri()}",
                        "--convert-to",
                        "docx",
                        "--outdir",
                        str(out),
                        *names,
                    ],
                    dict(env, HOME=str(tmp)),
                )

            ours, bare = _alternate(lambda: _run([*vb, *names], env), soffice, args.rounds)
            add(f"{len(names)} .doc, one call", ours, bare, f"≤ {TARGETS['.doc']}×")

        if want("ocr"):
            for label, scan in SCANS.items():
                pages, dpi = _pages(scan), _scan_dpi(scan)
                ours, bare = _alternate(
                    lambda scan=scan: _run([*vb, str(scan)], env),
                    lambda scan=scan, pages=pages, dpi=dpi: _run(
                        [py, str(tmp / "bare_ocr.py"), str(scan), str(dpi), str(pages)], env
                    ),
                    max(1, args.rounds - 1),
                )
                add(f"{label}, {pages} pages at {dpi} dpi", ours, bare, f"≤ {TARGETS['ocr']}×")

        if want("check"):
            district = tmp / "district"
            district.mkdir()
            children = sorted(PLANS.glob("child-*.txt"))
            for k in range(20):
                text = children[k % len(children)].read_text(encoding="utf-8")
                text = text.replace("Trên đây là", f"Phổ biến đến tổ {k + 1}. Trên đây là", 1)
                (district / f"school-{k + 1:02d}.txt").write_text(text, encoding="utf-8")
            parent = PLANS / "parent-253-kh-gddt.txt"

            def check(jobs: int) -> tuple[float, float]:
                cmd = [py, "-m", "vbparse", "check-batch", str(district), "--parent"]
                cmd += [str(parent), "--out", str(tmp / "r.json"), "--no-progress", "-j", str(jobs)]
                return _run(cmd, dict(env, VBPARSE_NO_CACHE="1"))

            one, two = _alternate(lambda: check(1), lambda: check(2), args.rounds)
            rows.append(
                (
                    "check-batch 20 plans: -j1 | -j2",
                    f"{one[0]:.2f} s / {one[1]:.2f} s",
                    f"{two[0]:.2f} s / {two[1]:.2f} s",
                    f"speed-up {one[0] / two[0]:.2f}×",
                    f"cpu j2/j1 {two[1] / one[1]:.2f}",  # what the workers repeat
                    "≥ 1.7× (wall)",
                )
            )

    load1 = os.getloadavg()
    head = (
        "task",
        "vbparse wall / cpu",
        "bare tool wall / cpu",
        "wall ratio",
        "cpu ratio",
        "target",
    )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(6)]
    print(
        f"{os.cpu_count()} cpus; load average {load0[0]:.1f} at start, {load1[0]:.1f} at end; "
        f"best of {args.rounds} alternated rounds (OCR: {max(1, args.rounds - 1)})"
    )
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
