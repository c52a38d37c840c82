"""Exports never write a formula: a trích yếu or a file name that begins with "=" "+" "-" "@"
is text in .xlsx (no formula cell when openpyxl reads it back) and quoted in CSV."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from openpyxl import load_workbook

from vbparse.batch.export import export
from vbparse.cli import main

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"


def test_registry_export_writes_no_formula(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    hostile = text.replace("Triển khai công tác dân vận", '=HYPERLINK("http://x","y") công tác', 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "=cmd.txt").write_text(hostile, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "in" / "+seed.txt")
    db = tmp_path / "r.sqlite"
    assert main(["batch", str(tmp_path / "in"), "--out", str(db), "--jobs", "1"]) == 0
    export(db, tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert any(isinstance(c.value, str) and c.value.startswith("=HYPERLINK") for c in cells)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    export(db, tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as f:
        values = [v for row in csv.reader(f) for v in row]
    assert not [v for v in values if v[:1] in ("=", "+", "@")]
    assert any(v.startswith("'=HYPERLINK") for v in values)
