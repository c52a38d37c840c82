"""Several writers on one registry: a write-locked SQLite file is waited for, not a crash."""

from __future__ import annotations

import threading
import time

import pytest


def test_a_locked_sqlite_registry_is_waited_for(tmp_path):
    import sqlite3

    from vbparse.batch.registry import DocumentRows, RegistryError, failed_columns
    from vbparse.batch.storage.sqlite import SqliteRegistry

    path = str(tmp_path / "r.sqlite")
    SqliteRegistry(path, create=True).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process writing a long transaction
    release = threading.Timer(1.5, lambda: holder.execute("COMMIT"))
    release.start()
    rows = DocumentRows(failed_columns("empty", "the file is empty", "txt"))
    patient = SqliteRegistry(path, busy_timeout=0.1)
    patient.write([("/x/a.txt", None, rows)])  # waits, retries, succeeds
    release.join()
    assert patient.query("SELECT path FROM documents") == [("/x/a.txt",)]
    holder.execute("BEGIN IMMEDIATE")
    impatient = SqliteRegistry(path, busy_timeout=0.1, lock_patience=0.5)
    with pytest.raises(RegistryError, match="still locked"):
        impatient.write([("/x/b.txt", None, rows)])
    holder.execute("ROLLBACK")
    patient.close()
    impatient.close()


def test_two_batches_on_one_registry_share_the_files(tmp_path, registry_url):
    """Two `vbparse batch` started together on one registry: every file recorded once, each
    batch parsing part of the archive, not all of it."""
    import re
    import subprocess
    import sys

    from test_kill_resume import FILES, small_archive

    from vbparse.batch.storage import open_registry

    expected = small_archive(tmp_path / "archive")
    open_registry(registry_url, create=True).close()  # both find the schema in place
    command = [sys.executable, "-m", "vbparse", "batch", str(tmp_path / "archive"), "--db",
               registry_url, "--jobs", "1", "--quiet"]  # fmt: skip
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    parsed = [int(re.search(r"(\d+) đã đọc", out).group(1)) for out, _ in outputs]
    assert sum(parsed) == FILES and min(parsed) > FILES // 10, parsed
    opened = open_registry(registry_url)
    paths = [p for (p,) in opened.query("SELECT path FROM documents")]
    assert len(paths) == len(set(paths)) == FILES and set(paths) == expected
    assert opened.query("SELECT count(*) FROM claims") == [(0,)]  # all released
    opened.close()


def test_a_claim_of_a_vanished_batch_expires(registry_url):
    from vbparse.batch.sharing import WorkShare
    from vbparse.batch.storage import open_registry

    opened = open_registry(registry_url, create=True)
    opened.transaction(
        lambda execute: execute(
            "INSERT INTO claims (path, owner, expires) VALUES (?, ?, ?)",
            ("/a/held.txt", "another-machine:1:dead", time.time() + 1.0),
        )
    )
    opened.close()
    share = WorkShare(registry_url, poll=0.1)
    try:
        assert list(share.claimed(["/a/free.txt", "/a/held.txt"], {})) == ["/a/free.txt"]
        assert share.aside == ["/a/held.txt"]
        started = time.monotonic()
        assert share.next_round({}) == ["/a/held.txt"]  # once the lease ran out
        assert time.monotonic() - started >= 0.5
        assert share.next_round({}) is None
    finally:
        share.close()
