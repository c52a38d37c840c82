"""One interface over the registry's two backends: SQLite (a file, the embedded default) and
PostgreSQL (a server several machines and web users share).

`open_registry(url)` picks the backend from the URL: `postgresql://…` (or `postgres://…`) is
PostgreSQL; `sqlite:///path`, or a plain path, is SQLite. Both hold the same tables (see
docs/registry.md), version them with their own list of migrations kept in step, and answer the
same calls, so the batch, search and export never ask which one they hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..registry import RegistryError

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

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


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


def is_url(target: str) -> bool:
    """Whether `target` names a registry by URL rather than by a file name."""
    return target.startswith((*POSTGRES_SCHEMES, SQLITE_SCHEME))


def open_registry(target: str, *, create: bool = False) -> Registry:
    """The registry at `target` (a path, sqlite:///path or postgresql://…), upgraded to the
    current schema; `create` makes a new SQLite file (a PostgreSQL database must exist, and an
    empty one gets the schema whatever `create` says)."""
    if target.startswith(POSTGRES_SCHEMES):
        from .postgres import PostgresRegistry

        return PostgresRegistry(target)
    from .sqlite import SqliteRegistry

    # As SQLAlchemy spells it: sqlite:///rel.db is relative, sqlite:////abs/x.db absolute.
    path = target[len(SQLITE_SCHEME) :] if target.startswith(SQLITE_SCHEME) else target
    return SqliteRegistry(path, create=create)


__all__ = ["Record", "Registry", "RegistryError", "is_url", "open_registry"]
