"""The worker's guarantees: a file never raises out of it, whatever goes wrong."""

from __future__ import annotations

import contextlib
import json
import time

import pytest
from batch_archive import CORPUS

from vbparse.batch import runner

SEED = str(CORPUS / "seed" / "kh-36-thbtd.txt")


def test_unchanged_file_is_skipped_without_parsing(monkeypatch):
    sha = runner.file_sha256(SEED)
    monkeypatch.setattr("vbparse.pipeline.parse", lambda *a, **k: pytest.fail("parsed"))
    result = runner.process_file(runner.Task(SEED, sha), want_rows=False, timeout=0)
    assert result.status == "skipped" and result.sha256 == sha


def test_parser_bug_becomes_internal_failure(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr("vbparse.pipeline.parse", broken)
    result = runner.process_file(runner.Task(SEED, None), want_rows=True, timeout=0)
    assert (result.status, result.error_kind) == ("failed", "internal")
    assert "ValueError: boom" in result.error_message
    record = json.loads(result.json)
    assert record["error"] == {"kind": "internal", "message": result.error_message}
    assert record["source"]["sha256"] == runner.file_sha256(SEED)


def test_slow_file_times_out(monkeypatch):
    def slow(*args, **kwargs):
        with contextlib.suppress(Exception):  # a parser's broad except must not swallow it
            time.sleep(5)
        return None

    monkeypatch.setattr("vbparse.pipeline.parse", slow)
    started = time.monotonic()
    result = runner.process_file(runner.Task(SEED, None), want_rows=False, timeout=0.2)
    assert time.monotonic() - started < 2
    assert (result.status, result.error_kind) == ("failed", "timeout")


def test_missing_file_fails_with_reason(tmp_path):
    result = runner.process_file(runner.Task(str(tmp_path / "gone.txt"), None), False, 0)
    assert (result.status, result.error_kind) == ("failed", "not_found")


def test_ok_result_is_core_json_with_status():
    result = runner.process_file(runner.Task(SEED, None), want_rows=True, timeout=10)
    record = json.loads(result.json)
    assert record["status"] == "ok"
    assert record["source"]["path"] == SEED
    assert record["number"]["raw"] == result.rows.columns["number_raw"]
    assert "lines" not in record or record["lines"] is None
