"""The parse/schema/eval commands as a user runs them: output, exit codes, error lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed" / "kh-36-thbtd.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, timeout=120
    )


def test_parse_seed_json_validates_against_published_schema():
    result = run("parse", str(SEED))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(data, schema)
    for key in (
        "schema_version",
        "source",
        "doc_type",
        "number",
        "issued",
        "issuer",
        "national_header",
        "subject",
        "bases",
        "sections",
        "responsibilities",
        "recipients",
        "signer",
        "warnings",
    ):
        assert key in data
    assert set(data["source"]) >= {"path", "format", "sha256", "encoding"}
    assert data["number"]["symbol"] == "KH-THBTD"


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_human_formats(fmt):
    result = run("parse", str(SEED), "--format", fmt)
    assert result.returncode == 0
    assert "36/KH-THBTD" in result.stdout and "Nguyễn Thị Lệ Hằng" in result.stdout


def test_bad_inputs_one_line_each_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    missing = tmp_path / "missing.txt"
    result = run(
        "parse",
        str(empty),
        str(binary),
        str(truncated),
        str(tmp_path),
        str(missing),
        str(SEED),
        "--out",
        str(tmp_path / "out"),
        "--lang",
        "en",
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 5, result.stderr
    assert "Traceback" not in result.stderr
    for path, words in (
        (empty, "empty"),
        (binary, "binary"),
        (truncated, "docx"),
        (tmp_path, "directory"),
        (missing, "no such file"),
    ):
        assert any(str(path) in line and words in line for line in lines), (path, lines)
    assert (tmp_path / "out" / "kh-36-thbtd.txt.json").exists()


def test_bad_usage_exit_2():
    assert run("parse").returncode == 2
    assert run("no-such-command").returncode == 2


def test_eval_reports_per_field_accuracy():
    result = run("eval", str(CORPUS / "docs"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "issued.date" in result.stdout and "ALL" in result.stdout


def test_several_files_json_lines_and_no_overwrite(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "plan.txt").write_bytes(SEED.read_bytes())
    files = [str(tmp_path / "a" / "plan.txt"), str(tmp_path / "b" / "plan.txt")]
    result = run("parse", *files)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(ln)["number"]["number"] == "36" for ln in lines)
    out = tmp_path / "out"
    assert run("parse", *files, "--out", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["plan.txt-2.json", "plan.txt.json"]
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    result = run("parse", files[0], "--out", str(blocked))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_run_on_number_line_keeps_only_the_number(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text(
        "Số: 12/KH-THAP Trường Tiểu học An Phú triển khai kế hoạch trong toàn trường năm 2020\n",
        encoding="utf-8",
    )
    data = json.loads(run("parse", str(path)).stdout)
    assert (data["number"]["raw"], data["number"]["symbol"]) == ("12/KH-THAP", "KH-THAP")


def test_shipped_schema_file_is_current():
    """The JSON Schema shipped in the package is the one the model generates (regenerate it with
    `vbparse schema > src/vbparse/schema/document.schema.json`)."""
    shipped = ROOT / "src" / "vbparse" / "schema" / "document.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(run("schema").stdout)
