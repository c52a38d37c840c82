"""The Python API mirrors the command line (vbparse.parse, lint, check, check_batch, batch,
search), typed: datetime.date dates, enums, exception classes; its reference builds with pdoc."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from cli_corpus import CORPUS, ROOT

import vbparse

SEED = CORPUS / "seed" / "kh-36-thbtd.txt"
PARENT = CORPUS / "plans" / "parent-253-kh-gddt.txt"


def test_parse_gives_dates_and_keeps_the_json(tmp_path):
    doc = vbparse.parse(SEED)
    assert isinstance(doc, vbparse.Document)
    assert doc.date == datetime.date(2020, 4, 23) == doc.issued.date_value
    assert doc.bases[0].date_value == datetime.date(2020, 4, 20)
    data = json.loads(doc.to_json())
    assert data["issued"]["date"] == "2020-04-23" and "date" not in data  # JSON unchanged
    assert {s.role for s in doc.walk_sections()} <= {r.value for r in vbparse.Role}
    assert vbparse.Role(doc.sections[0].role).label() == "mục đích, yêu cầu"


def test_a_partial_date_survives(tmp_path):
    blank_day = tmp_path / "kh.txt"
    text = SEED.read_text(encoding="utf-8").replace("ngày 23 tháng 4", "ngày    tháng 4", 1)
    blank_day.write_text(text, encoding="utf-8")
    doc = vbparse.parse(blank_day)
    assert doc.issued.date == "2020-04" and doc.date is None
    assert json.loads(doc.to_json())["issued"]["date"] == "2020-04"


def test_bad_arguments_and_inputs_are_exceptions(tmp_path):
    with pytest.raises(vbparse.UsageError, match="roles='bogus'"):
        vbparse.parse(SEED, roles="bogus")
    with pytest.raises(vbparse.UsageError):
        vbparse.lint(SEED, lang="fr")
    from vbparse.errors import EmptyFile, FileNotFound

    with pytest.raises(FileNotFound) as missing:
        vbparse.parse(tmp_path / "none.txt")
    assert isinstance(missing.value, vbparse.InputError) and missing.value.exit_code == 3
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyFile):
        vbparse.lint(tmp_path / "empty.txt")
    with pytest.raises(vbparse.InputError, match="không phải kế hoạch"):
        vbparse.check(CORPUS / "docs" / "file_data_22.md", parent=PARENT)
    with pytest.raises(vbparse.InputError, match="not a plan"):
        vbparse.check(CORPUS / "docs" / "file_data_22.md", parent=PARENT, lang="en")


def test_lint_check_and_check_batch():
    report = vbparse.lint(SEED, today=datetime.date(2026, 1, 1))
    codes = {f.code for f in report.findings}
    assert report.counts["error"] == 5 and "fixed_phrase" in codes
    assert codes <= {c.value for c in vbparse.FindingCode}
    assert vbparse.FindingCode("fixed_phrase").label() == "cụm từ cố định"
    child = CORPUS / "plans" / "child-deadline-mn-cat-lai.txt"
    result = vbparse.check(child, parent=PARENT)
    assert 0 < result.summary["ratio"] < 1
    assert "deadline_mismatch" in {f.code for f in result.findings}
    district = vbparse.check_batch(CORPUS / "plans", parent=PARENT, jobs=1)
    children = sorted(p.name for p in (CORPUS / "plans").glob("child-*.txt"))
    assert sorted(r["child"]["path"].rsplit("/", 1)[1] for r in district.results) == children
    assert district.failures == []


def test_batch_then_search(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("child-seed-36-thbtd.txt", "parent-253-kh-gddt.txt"):
        (archive / name).write_bytes((CORPUS / "plans" / name).read_bytes())
    (archive / "broken.docx").write_bytes(b"PK\x03\x04")
    db = tmp_path / "so.sqlite"
    summary = vbparse.batch(archive, db=db, jobs=1)
    assert (summary.total, summary.parsed, summary.failed) == (3, 2, 1)
    assert summary.failures[0].error_kind == "corrupt"
    hits = vbparse.search("dân vận", db=db)
    assert sorted(h.number for h in hits) == ["253/KH-GDĐT", "36/KH-THBTD"]
    assert all(isinstance(h.date_value, datetime.date) for h in hits)
    assert vbparse.batch(archive, db=db).skipped == 3  # resumable: nothing new to parse


def test_api_reference_builds(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_docs.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    api = (tmp_path / "vbparse" / "api.html").read_text(encoding="utf-8")
    for name in ("check_batch", "search", "batch", "lint", "RoleMode", "FindingCode"):
        assert f'id="{name}"' in api, name
    assert "datetime.date" in api
    errors = (tmp_path / "vbparse" / "errors.html").read_text(encoding="utf-8")
    assert 'id="FileNotFound"' in errors and 'id="ExitCode"' in errors
    index = (tmp_path / "vbparse.html").read_text(encoding="utf-8")
    assert "check_batch" in index


def test_every_reader_failure_kind_has_a_class_and_vietnamese_words():
    import re

    from vbparse.errors import READ_ERROR_KINDS, ReadError
    from vbparse.messages import READ_ERRORS

    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "src/vbparse/readers").glob("*.py")
    )
    kinds = set(re.findall(r'ReadError\(\s*[^,]+,\s*"([a-z_]+)"', source))
    assert len(kinds) >= 10
    for kind in kinds:
        assert READ_ERROR_KINDS[kind] is not ReadError and kind in READ_ERRORS, kind
        assert type(ReadError("f", kind, "why")) is READ_ERROR_KINDS[kind]
