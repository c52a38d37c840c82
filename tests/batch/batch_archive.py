"""A small mixed archive built from the corpus: real plans in text and .docx, in nested
folders, plus the broken files a real archive holds."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
BROKEN = ("empty.txt", "binary.txt", "truncated.docx", "random.pdf")


def build_archive(root: Path) -> Path:
    rng = random.Random(5)
    plans = root / "2020" / "plans"
    plans.mkdir(parents=True)
    for source in sorted((CORPUS / "plans").glob("*.txt")):
        shutil.copy(source, plans / source.name)
    shutil.copy(CORPUS / "seed" / "kh-36-thbtd.txt", root / "kh-36-thbtd.txt")
    shutil.copy(CORPUS / "formats" / "kh-36-thbtd.docx", root / "2020" / "kh-36-thbtd.docx")
    broken = root / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    docx = (CORPUS / "formats" / "kh-36-thbtd.docx").read_bytes()
    (broken / "truncated.docx").write_bytes(docx[: len(docx) // 3])
    (broken / "random.pdf").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    (root / "budget.xlsx").write_bytes(b"PK\x03\x04 not read: no reader for spreadsheets")
    return root
