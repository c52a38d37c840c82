"""The SQLite backend: a registry file (schema, migrations and search live in registry.py).

Several processes may share one file (two batches, a batch and `vbparse search`): a writer that
finds the file locked waits for SQLite's busy timeout, then retries with a growing pause, and
gives up with a clear error only after `LOCK_PATIENCE` seconds.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .. import registry
from ..registry import Hit, RegistryError, SearchFilters
from .base import CLAIMS_TABLE, Execute, Record

T = TypeVar("T")

BUSY_TIMEOUT = 5.0  # seconds SQLite itself waits for a lock, each attempt
LOCK_PATIENCE = 300.0  # seconds of retries before a write gives up


def _locked(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def retry_locked(
    action: Callable[[], T], *, patience: float = LOCK_PATIENCE, what: str = "registry"
) -> T:
    """`action()`, retried with back-off (0.05 s doubling to 2 s) while the database is locked."""
    deadline = time.monotonic() + patience
    pause = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise RegistryError("store.locked", what=what, seconds=f"{patience:g}") from exc
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


class SqliteRegistry:
    backend = "sqlite"

    def __init__(
        self,
        path: str,
        *,
        create: bool = False,
        busy_timeout: float = BUSY_TIMEOUT,
        lock_patience: float = LOCK_PATIENCE,
    ) -> None:
        self.location = path
        self.lock_patience = lock_patience
        try:
            self.conn = retry_locked(
                lambda: registry.connect(path, create=create, timeout=busy_timeout),
                patience=lock_patience,
                what=path,
            )
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise RegistryError("store.cannot_open", path=path, detail=detail) from exc
        retry_locked(lambda: self.conn.execute(CLAIMS_TABLE), patience=lock_patience, what=path)

    def stored(self) -> dict[str, tuple[str | None, str]]:
        rows = self.conn.execute("SELECT path, sha256, status FROM documents")
        return {path: (sha256, status) for path, sha256, status in rows}

    def write(self, records: list[Record]) -> None:
        def store(execute: Execute) -> None:
            for path, sha256, rows in records:
                registry.store(self.conn, path, sha256, rows)
                execute("DELETE FROM claims WHERE path = ?", (path,))

        if records:
            self.transaction(store)

    def transaction(self, work: Callable[[Execute], T]) -> T:
        def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
            return self.conn.execute(sql, params).fetchall()

        def attempt() -> T:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(execute)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            return result

        return retry_locked(attempt, patience=self.lock_patience, what=self.location)

    def search(
        self,
        query: str | None,
        filters: SearchFilters,
        *,
        limit: int = 20,
        no_accents: bool = False,
    ) -> list[Hit]:
        return registry.search(self.conn, query, filters, limit=limit, no_accents=no_accents)

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        # Locked by another writer: the statistics can wait for the next close.
        with contextlib.suppress(sqlite3.OperationalError):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
