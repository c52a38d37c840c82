"""Several writers on one registry: a write-locked SQLite file is waited for, not a crash."""

from __future__ import annotations

import threading

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
