"""What the registry's backends and their factory (`batch.storage`) share: the record one file
adds, the transaction callback, the claims table and the `Registry` interface. The backends import
this module, never the package's `__init__`, so the factory can import them without a loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from ..registry import DocumentRows, Hit, SearchFilters

# (path, sha256, rows): what one file adds to the registry.
Record = tuple[str, "str | None", "DocumentRows"]
T = TypeVar("T")
# Runs one statement (`?` placeholders) inside a transaction and returns its rows.
Execute = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]

# Which batch is parsing which file right now (see sharing.py). A working table, not part of
# the versioned schema: it only holds files in flight and is empty when no batch runs, so it is
# created where missing whatever the schema version.
CLAIMS_TABLE = (
    "CREATE TABLE IF NOT EXISTS claims (path TEXT PRIMARY KEY, owner TEXT NOT NULL, "
    "expires DOUBLE PRECISION NOT NULL)"
)


class Registry(Protocol):
    backend: str  # "sqlite" or "postgresql"
    location: str  # the path or the URL without its password, for messages

    def stored(self) -> dict[str, tuple[str | None, str]]:
        """path → (sha256, status) of every recorded file (what a rerun skips)."""
        ...

    def write(self, records: list[Record]) -> None:
        """Insert or replace these files' records in one transaction (releasing their claims)."""
        ...

    def transaction(self, work: Callable[[Execute], T]) -> T:
        """`work(execute)` in one write transaction (retried whole if SQLite is locked)."""
        ...

    def search(
        self,
        query: str | None,
        filters: SearchFilters,
        *,
        limit: int = 20,
        no_accents: bool = False,
    ) -> list[Hit]: ...

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only SQL statement written with `?` placeholders (both backends)."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
