"""The batch on a Dask LocalCluster: the same records as the process pool, a worker killed
mid-batch loses and repeats nothing, tasks sized by cost."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from batch_archive import BROKEN, CORPUS
from test_kill_resume import small_archive

pytest.importorskip("distributed")


def test_dask_batch_records_every_file_once(archive, registry_url, run_cli):
    from vbparse.batch.storage import open_registry

    code, out, err = run_cli("batch", archive, "--db", registry_url, "--scheduler", "local:2")
    assert code == 1  # the broken files failed
    assert "Dask: 2 tiến trình; bảng theo dõi: " in err
    files = {str(p) for p in archive.rglob("*") if p.is_file() and p.suffix != ".xlsx"}
    opened = open_registry(registry_url)
    rows = opened.query("SELECT path, status, error_kind FROM documents")
    opened.close()
    assert sorted(p for p, _, _ in rows) == sorted(files)
    assert {Path(p).name for p, status, _ in rows if status == "failed"} == set(BROKEN)
    assert f"{len(files) - len(BROKEN)} đã đọc, {len(BROKEN)} lỗi, 0 bỏ qua" in out
    code, out, _ = run_cli("batch", archive, "--db", registry_url, "--scheduler", "local:1")
    assert f"0 đã đọc, 0 lỗi, {len(files)} bỏ qua" in out  # resumes from the registry


def test_bad_scheduler_is_a_clear_error(archive, tmp_path, run_cli):
    code, _, err = run_cli("batch", archive, "--db", tmp_path / "r.sqlite", "--scheduler",
                           "local:zero")  # fmt: skip
    assert code == 2 and "local:N" in err


def test_tasks_are_sized_by_cost(tmp_path):
    from vbparse.batch.dask_runner import MAX_FILES_PER_TASK, partition
    from vbparse.batch.runner import Task

    paths = sorted(small_archive(tmp_path / "texts"))[:80]
    scan = str(CORPUS / "formats" / "kh-36-thbtd-scan.pdf")
    tasks = [Task(p, None) for p in [*paths[:40], scan, *paths[40:]]]
    groups = list(partition(tasks))
    assert [t.path for g in groups for t in g] == [t.path for t in tasks]  # all, in order
    assert [scan] in [[t.path for t in g] for g in groups]  # the scan alone
    texts = [g for g in groups if scan not in [t.path for t in g]]
    assert all(len(g) <= MAX_FILES_PER_TASK for g in texts)
    assert len(texts) < 80 // 4  # small files grouped


@pytest.mark.slow
def test_killed_worker_loses_and_repeats_no_file(tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    from vbparse.batch import dask_runner
    from vbparse.batch.storage import open_registry
    from vbparse.batch.store import RegistrySink

    monkeypatch.setattr(dask_runner, "MAX_FILES_PER_TASK", 3)  # many tasks, several in flight
    expected = small_archive(tmp_path / "archive")
    sink = RegistrySink(str(tmp_path / "registry.sqlite"))
    written: list[str] = []
    killed: list[int] = []

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster) as client:  # fmt: skip
        pids = client.run(os.getpid)

        def write(results):
            sink.write(results)
            written.extend(r.path for r in results)
            if len(written) >= 30 and not killed:
                busy = [a for a, keys in client.processing().items() if keys and a in pids]
                assert busy, "no worker is busy: the kill would not land mid-task"
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])

        summary = dask_runner.run(
            sorted(expected), sink.stored(), write,
            cluster=dask_runner.Cluster(client, None, 2), want_rows=True,
        )  # fmt: skip
    sink.close()
    assert killed, "the worker was never killed"
    assert summary.parsed == len(expected) and summary.failed == 0
    opened = open_registry(str(tmp_path / "registry.sqlite"))
    paths = [p for (p,) in opened.query("SELECT path FROM documents WHERE status = 'ok'")]
    opened.close()
    assert len(paths) == len(set(paths)) == len(expected)
    assert set(paths) == expected
    assert len(written) == len(expected)  # each file delivered once, none twice


SHORT_SCAN = CORPUS / "real" / "kgu" / "2004_KH-SYT-CDN_scan.pdf"  # 3 scanned pages


@pytest.mark.slow
def test_long_scan_split_by_page_ranges_parses_as_whole(tmp_path, monkeypatch):
    """With ranges of one page, a 3-page scan is OCR'd in 3 tasks on 2 workers, its pages put
    back in order: the record is the one parsing it whole gives."""
    from distributed import Client, LocalCluster

    from vbparse.batch import dask_runner, runner
    from vbparse.readers.pdf import plan_ocr

    scan = tmp_path / SHORT_SCAN.name
    scan.write_bytes(SHORT_SCAN.read_bytes())
    text = tmp_path / "kh-36-thbtd.txt"
    text.write_bytes((CORPUS / "seed" / "kh-36-thbtd.txt").read_bytes())
    assert len(plan_ocr(str(scan))[1].dpis) == 3
    monkeypatch.setattr(dask_runner, "SPLIT_PAGES", 1)
    written: dict[str, runner.FileResult] = {}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster) as client:  # fmt: skip
        summary = dask_runner.run(
            [str(scan), str(text)], {}, lambda rs: written.update((r.path, r) for r in rs),
            cluster=dask_runner.Cluster(client, None, 2), want_rows=True,
        )  # fmt: skip
    assert summary.parsed == 2 and summary.failed == 0
    split = written[str(scan)]
    assert split.parts == 3 and written[str(text)].parts == 1
    whole = runner.process_file(runner.Task(str(scan), None), want_rows=True, timeout=0)
    assert whole.status == "ok" and "Kế hoạch" in whole.json
    assert split.json == whole.json
    assert split.rows == whole.rows


@pytest.mark.slow
def test_timeout_is_enforced_on_dask(tmp_path, run_cli):
    """--timeout holds on a Dask worker (tasks run in a thread, which the alarm cannot reach):
    the scan that overruns is recorded as failed, with the reason; the next file is parsed."""
    from vbparse.batch.storage import open_registry

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / SHORT_SCAN.name).write_bytes(SHORT_SCAN.read_bytes())
    (archive / "kh-36-thbtd.txt").write_bytes((CORPUS / "seed" / "kh-36-thbtd.txt").read_bytes())
    db = tmp_path / "r.sqlite"
    code, _, _ = run_cli("batch", archive, "--db", db, "--scheduler", "local:1",
                           "--timeout", "0.5")  # fmt: skip
    assert code == 1
    opened = open_registry(str(db))
    rows = dict(
        (Path(p).name, (status, kind, message))
        for p, status, kind, message in opened.query(
            "SELECT path, status, error_kind, error_message FROM documents"
        )
    )
    opened.close()
    assert rows[SHORT_SCAN.name] == ("failed", "timeout", "parsing took longer than 0.5 s")
    assert rows["kh-36-thbtd.txt"][0] == "ok"
