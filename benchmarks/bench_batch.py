"""Benchmark `vbparse batch` on a mixed archive built from the corpus.

    python benchmarks/bench_batch.py [--files 2000] [--ocr N] [--office N] [--keep DIR]

Builds an archive of varied copies of the corpus documents in every format found under corpus/
(text and Markdown copies get small edits, .docx copies get an extra paragraph) plus broken
files (truncated .docx, random-byte .pdf, empty files, binary .txt); formats read through
LibreOffice or OCR are kept to a few files so the run takes minutes. Then it imports the
archive with --jobs 1 and --jobs 2 and runs `vbparse parse` over the same files, and prints
documents/s, peak memory (the batch process tree, sampled from /proc) and the ratios the issue
asks for: jobs-2/jobs-1 throughput and batch/parse cost per document.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SLOW_OFFICE = (".doc", ".odt", ".rtf")


def sources() -> dict[str, list[Path]]:
    """Corpus files by kind: text-like, docx, pdf with a text layer, office, scans."""
    kinds: dict[str, list[Path]] = {"text": [], "docx": [], "pdf": [], "office": [], "scan": []}
    kinds["text"] += sorted((CORPUS / "docs").glob("*.md"))
    kinds["text"] += sorted((CORPUS / "seed").glob("*.txt"))
    kinds["text"] += sorted((CORPUS / "plans").glob("*.txt"))
    for path in sorted((CORPUS / "formats").glob("*")):
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            kinds["text"].append(path)
        elif suffix == ".docx":
            kinds["docx"].append(path)
        elif suffix == ".pdf":
            kinds["scan" if "scan" in path.name else "pdf"].append(path)
        elif suffix in SLOW_OFFICE:
            kinds["office"].append(path)
        elif suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
            kinds["scan"].append(path)
    return {k: v for k, v in kinds.items() if v}


def text_copy(source: Path, target: Path, i: int, rng: random.Random) -> None:
    data = source.read_bytes()
    edit = rng.randrange(3)
    note = f"\nBản sao lưu trữ số {i}.\n".encode() if edit else f"\n(copy {i})\n".encode()
    if b"\x00" in data[:1000] or "cp1258" in source.name or "vni" in source.name:
        note = f"\n(copy {i})\n".encode()  # ASCII is the same in every legacy encoding
    if edit == 2:
        data = data.replace(b"\n\n", b"\n\n\n", 1)
    target.write_bytes(data + note)


def docx_copy(source: Path, target: Path, i: int) -> None:
    import docx

    document = docx.Document(str(source))
    document.add_paragraph(f"Bản sao lưu trữ số {i}.")
    document.save(str(target))


def broken_files(folder: Path, count: int, rng: random.Random, docx_source: Path | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    docx_bytes = docx_source.read_bytes() if docx_source else b"PK\x03\x04"
    for i in range(count):
        kind = i % 4
        if kind == 0:
            (folder / f"truncated-{i}.docx").write_bytes(docx_bytes[: rng.randrange(30, 2000)])
        elif kind == 1:
            (folder / f"random-{i}.pdf").write_bytes(os.urandom(rng.randrange(100, 5000)))
        elif kind == 2:
            (folder / f"empty-{i}.txt").write_bytes(b"")
        else:
            (folder / f"binary-{i}.txt").write_bytes(os.urandom(rng.randrange(100, 5000)))


def copy_plan(
    root: Path, plan: dict[str, int], kinds: dict[str, list[Path]], rng: random.Random
) -> dict[str, str]:
    """plan[kind] copies of the `kinds[kind]` sources under root/kind/boxNN/ (text copies
    edited, .docx copies given a paragraph, so that they differ); returns path → kind."""
    kind_of = {}
    i = 0
    for kind, count in plan.items():
        for k in range(count):
            source = kinds[kind][k % len(kinds[kind])]
            folder = root / kind / f"box{k // 200:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{k:05d}-{source.name}"
            if kind == "text":
                text_copy(source, target, i, rng)
            elif kind == "docx" and k >= len(kinds["docx"]):
                docx_copy(source, target, i)
            else:
                shutil.copy(source, target)
            kind_of[str(target)] = kind
            i += 1
    return kind_of


def build_archive(root: Path, total: int, *, ocr: int, office: int) -> Counter[str]:
    rng = random.Random(2020)
    kinds = sources()
    broken = max(8, total // 40)
    plan = {
        "scan": ocr if "scan" in kinds else 0,
        "office": office if "office" in kinds else 0,
        "pdf": 20 if "pdf" in kinds else 0,
        "docx": total // 12 if "docx" in kinds else 0,
    }
    plan["text"] = total - broken - sum(plan.values())
    copy_plan(root, plan, kinds, rng)
    broken_files(root / "broken", broken, rng, kinds.get("docx", [None])[0])
    return Counter(p.suffix.lower() for p in root.rglob("*") if p.is_file())


class TreeMemory:
    """Peak resident memory of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_total = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self._tree_rss()
            if rss:
                self.peak_total = max(self.peak_total, sum(rss))
                self.peak_single = max(self.peak_single, max(rss))
            time.sleep(0.05)

    def _tree_rss(self) -> list[int]:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        page = os.sysconf("SC_PAGE_SIZE")
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                fields = stat[stat.rindex(")") + 2 :].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
                rss[int(entry)] = int(fields[21]) * page
            except (OSError, ValueError, IndexError):
                continue
        # The fork server and its workers are reparented only if the batch dies; until then
        # they are descendants of the batch process.
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            if pid in rss:
                out.append(rss[pid])
            todo.extend(children.get(pid, []))
        return out

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_measured(command: list[str]) -> tuple[float, TreeMemory, int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    memory = TreeMemory(process.pid)
    out, _ = process.communicate()
    elapsed = time.perf_counter() - started
    memory.stop()
    sys.stdout.write(
        "    " + out.decode("utf-8", "replace").replace("\n", "\n    ").rstrip() + "\n"
    )
    return elapsed, memory, process.returncode


def parse_files(files: list[str], out_dir: Path) -> float:
    """`vbparse parse --out DIR` over the files, 400 per invocation (the argv limit)."""
    started = time.perf_counter()
    for k in range(0, len(files), 400):
        subprocess.run(
            [sys.executable, "-m", "vbparse", "parse", "--out", str(out_dir), *files[k : k + 400]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="archive size (default 2000)")
    parser.add_argument("--ocr", type=int, default=0, help="scanned files (OCR; slow)")
    parser.add_argument("--office", type=int, default=4, help=".doc/.odt/.rtf (LibreOffice)")
    parser.add_argument("--keep", metavar="DIR", help="build and keep everything in DIR")
    parser.add_argument("--skip-parse", action="store_true", help="do not time `vbparse parse`")
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vbparse-bench-"))
    archive = work / "archive"
    shutil.rmtree(archive, ignore_errors=True)
    started = time.perf_counter()
    formats = build_archive(archive, args.files, ocr=args.ocr, office=args.office)
    files = sorted(str(p) for p in archive.rglob("*") if p.is_file())
    print(f"archive: {len(files)} files in {time.perf_counter() - started:.1f} s → {archive}")
    print("  by extension: " + ", ".join(f"{ext or '?'} {n}" for ext, n in formats.most_common()))

    results = {}
    for jobs in (1, 2):
        db = work / f"registry-j{jobs}.sqlite"
        for stale in work.glob(f"registry-j{jobs}.sqlite*"):
            stale.unlink()
        print(f"batch --jobs {jobs}:")
        command = [sys.executable, "-m", "vbparse", "batch", str(archive), "--out", str(db),
                   "--jobs", str(jobs), "--quiet"]  # fmt: skip
        elapsed, memory, code = run_measured(command)
        conn = sqlite3.connect(db)
        stored = dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        conn.close()
        accounted = sum(stored.values())
        results[jobs] = elapsed
        print(
            f"  {elapsed:.1f} s, {len(files) / elapsed:.1f} documents/s, exit {code}; "
            f"stored {accounted}/{len(files)} ({stored}); peak memory: whole tree "
            f"{memory.peak_total / 2**20:.0f} MiB, largest process "
            f"{memory.peak_single / 2**20:.0f} MiB"
        )
        if accounted != len(files):
            print("  ERROR: not every file is accounted for")
    print(f"scaling --jobs 2 / --jobs 1: {results[1] / results[2]:.2f}x (target >= 1.6)")
    if not args.skip_parse:
        out_dir = work / "parse-out"
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir()
        parse_elapsed = parse_files(files, out_dir)
        print(
            f"vbparse parse (sequential, same files): {parse_elapsed:.1f} s, "
            f"{len(files) / parse_elapsed:.1f} documents/s; per-document cost batch --jobs 1 / "
            f"parse: {results[1] / parse_elapsed:.2f}x (target <= 1.3)"
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
