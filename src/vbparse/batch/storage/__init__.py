"""One interface over the registry's two backends: SQLite (a file, the embedded default) and
PostgreSQL (a server several machines and web users share).

`open_registry(url)` picks the backend from the URL: `postgresql://…` (or `postgres://…`) is
PostgreSQL; `sqlite:///path`, or a plain path, is SQLite. Both hold the same tables (see
docs/registry.md), version them with their own list of migrations kept in step, and answer the
same calls, so the batch, search and export never ask which one they hold.
"""

from __future__ import annotations

from ..registry import RegistryError
from .base import CLAIMS_TABLE, Execute, Record, Registry

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


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


__all__ = [
    "CLAIMS_TABLE",
    "Execute",
    "Record",
    "Registry",
    "RegistryError",
    "is_url",
    "open_registry",
]
