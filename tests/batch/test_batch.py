"""`vbparse batch` end to end on a small mixed archive: records, failures, resume, changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from batch_archive import BROKEN


def jsonl_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def archive_files(archive: Path) -> set[str]:
    return {str(p) for p in archive.rglob("*") if p.is_file() and p.suffix != ".xlsx"}


def test_jsonl_records_every_file_once_with_failures_as_records(archive, tmp_path, run_cli):
    out = tmp_path / "out.jsonl"
    code, stdout, _ = run_cli("batch", archive, "--out", out, "--jobs", "2")
    assert code == 1  # the broken files failed
    records = jsonl_records(out)
    by_path = {r["source"]["path"]: r for r in records}
    assert len(records) == len(by_path) == len(archive_files(archive))
    failed = {Path(p).name: r for p, r in by_path.items() if r["status"] == "failed"}
    assert set(failed) == set(BROKEN)
    assert failed["empty.txt"]["error"]["kind"] == "empty"
    for record in failed.values():
        assert set(record) == {"source", "status", "error"}
        assert record["error"]["kind"] and record["error"]["message"]
    parent = by_path[str(archive / "2020" / "plans" / "parent-253-kh-gddt.txt")]
    assert parent["status"] == "ok"
    assert parent["number"]["symbol"] == "KH-GDĐT"
    assert len(parent["source"]["sha256"]) == 64
    ok = len(records) - len(BROKEN)
    assert f"{ok} đã đọc, {len(BROKEN)} lỗi, 0 bỏ qua" in stdout
    assert "KH " in stdout.split("loại văn bản:")[1]


def test_rerun_skips_unchanged_and_reparses_changed(archive, tmp_path, run_cli):
    out = tmp_path / "out.jsonl"
    run_cli("batch", archive, "--out", out, "--jobs", "2", "--quiet")
    total = len(archive_files(archive))
    changed = archive / "kh-36-thbtd.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("KẾ HOẠCH", "KẾ HOẠCH MỚI", 1),
                       encoding="utf-8")  # fmt: skip
    code, stdout, _ = run_cli("batch", archive, "--out", out, "--jobs", "2")
    assert f"1 đã đọc, 0 lỗi, {total - 1} bỏ qua" in stdout
    assert f"trong đó {len(BROKEN)} tệp lỗi từ lần trước" in stdout
    assert code == 1  # the archive still holds failed files
    records = jsonl_records(out)
    paths = [r["source"]["path"] for r in records]
    assert len(paths) == len(set(paths)) == total  # the old line of the changed file is gone
    (record,) = [r for r in records if r["source"]["path"] == str(changed)]
    assert record["source"]["sha256"] == hashlib.sha256(changed.read_bytes()).hexdigest()


def test_torn_last_line_is_cut_and_its_file_parsed_again(archive, tmp_path, run_cli):
    out = tmp_path / "out.jsonl"
    run_cli("batch", archive, "--out", out, "--jobs", "1", "--quiet")
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    torn_path = json.loads(lines[-1])["source"]["path"]
    out.write_text("".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")
    _, stdout, _ = run_cli("batch", archive, "--out", out, "--jobs", "1")
    records = jsonl_records(out)
    assert len(records) == len({r["source"]["path"] for r in records}) == len(lines)
    assert records[-1]["source"]["path"] == torn_path
    assert f"1 đã đọc, 0 lỗi, {len(lines) - 1} bỏ qua" in stdout


def test_registry_holds_documents_sections_citations_recipients(archive, registry_url, run_cli):
    from vbparse.batch.storage import open_registry

    code, _, _ = run_cli("batch", archive, "--db", registry_url, "--jobs", "2", "--quiet")
    assert code == 1
    registry = open_registry(registry_url)
    q = registry.query
    statuses = dict(q("SELECT status, count(*) FROM documents GROUP BY status"))
    assert statuses == {"ok": len(archive_files(archive)) - len(BROKEN), "failed": len(BROKEN)}
    ((doc_id, document_json, recipients),) = q(
        "SELECT id, json, recipients_count FROM documents WHERE path LIKE '%child-clean-mn%'"
    )
    doc = json.loads(document_json)
    assert recipients == len(doc["recipients"]) > 0
    names = [
        n for (n,) in q("SELECT name FROM recipients WHERE doc_id = ? ORDER BY ord", (doc_id,))
    ]
    assert names == doc["recipients"]
    refs = [r for (r,) in q("SELECT ref_key FROM citations WHERE doc_id = ?", (doc_id,))]
    assert "253/KH-GDDT" in refs
    ((sections,),) = q("SELECT count(*) FROM sections WHERE doc_id = ?", (doc_id,))
    assert sections >= len(doc["sections"]) > 0
    kinds = {k for (k,) in q("SELECT error_kind FROM documents WHERE status = 'failed'")}
    assert "empty" in kinds and None not in kinds
    # Rerun: nothing parsed again, nothing added.
    code, stdout, _ = run_cli("batch", archive, "--db", registry_url, "--jobs", "2")
    assert " 0 đã đọc, 0 lỗi" in stdout
    assert q("SELECT count(*) FROM documents") == [(sum(statuses.values()),)]
    registry.close()


@pytest.mark.parametrize("out", ["out.txt", "out"])
def test_bad_output_name_is_usage_error(archive, tmp_path, run_cli, out):
    code, _, stderr = run_cli("batch", archive, "--out", tmp_path / out)
    assert code == 2
    assert ".jsonl" in stderr and "Traceback" not in stderr


def test_nothing_to_parse_is_usage_error(tmp_path, run_cli):
    code, _, stderr = run_cli("batch", tmp_path / "missing", "--out", tmp_path / "x.jsonl")
    assert code == 2
    assert "missing" in stderr
