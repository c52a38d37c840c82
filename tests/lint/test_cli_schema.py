"""`vbparse lint` on the command line: exit codes, text and JSON output, the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from vbparse.cli import main
from vbparse.lint.runner import lint_json_schema

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "corpus" / "seed" / "kh-36-thbtd.txt")
CLEAN = str(ROOT / "corpus" / "docs" / "file_data_22.md")


def test_json_output_matches_schema(capsys):
    assert main(["lint", "--format", "json", "--today", "2026-01-01", SEED, CLEAN]) == 1
    out = json.loads(capsys.readouterr().out)
    jsonschema.validate(out, lint_json_schema())
    assert [f["file"] for f in out["files"]] == [SEED, CLEAN]


def test_exit_zero_without_errors(capsys):
    assert main(["lint", "--today", "2026-01-01", CLEAN]) == 0
    assert "0 lỗi" in capsys.readouterr().out


def test_text_output_in_english(capsys):
    main(["lint", "--lang", "en", "--today", "2026-01-01", SEED])
    out = capsys.readouterr().out
    assert f"{SEED}:75: error [fixed phrase] «Noi nhận»" in out


def test_unreadable_file_is_one_line_and_exit_3(capsys, tmp_path):
    assert main(["lint", str(tmp_path / "missing.txt")]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt: không có tệp này" in err[0]
    # Findings in one file and a missing other: 1 (something to act on), not 3.
    assert main(["lint", str(tmp_path / "missing.txt"), SEED]) == 1


def test_no_file_is_bad_usage(capsys):
    assert main(["lint"]) == 2


def test_schema_flag_prints_schema(capsys):
    assert main(["lint", "--schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "vbparse lint output"
