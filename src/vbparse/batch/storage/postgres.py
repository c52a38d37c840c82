"""The PostgreSQL backend: the registry's tables on a server (psycopg 3), for archives that
several machines write and several web users read at once.

The schema is versioned in `meta.schema_version`, and the migrations are registry.MIGRATIONS
(SQLite's) translated by a table of dialect rows, so one list versions both backends. Migrations run under an advisory lock, so batches started
together on several machines upgrade the database once.

Full-text search uses the `vbparse_vi` text search configuration: the `simple` parser and
dictionary (Vietnamese words are syllables; no stemming applies) behind `unaccent`, which folds
every Vietnamese diacritic and đ → d, so "dan van" finds "dân vận". The tsvectors are generated
columns: the writer sends text, the server indexes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from ..registry import (
    _DOCUMENT_COLUMNS,
    Hit,
    RegistryError,
    SearchFilters,
    filter_sql,
    query_terms,
)
from .base import CLAIMS_TABLE, Execute, Record

T = TypeVar("T")

_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
# The tsvector of a long body is capped (PostgreSQL refuses one over 1 MB); the first 300,000
# characters of a document are far more than any search needs.
_INDEXED_BODY = "left(coalesce(body, ''), 300000)"

# SQLite DDL → PostgreSQL DDL: a migration is written once, for SQLite (registry.MIGRATIONS),
# and these rows translate it; a statement no row can translate gets an entry in _REPLACED.
_DIALECT = (
    (r"\bid(\s+)INTEGER PRIMARY KEY\b", r"id\1BIGSERIAL PRIMARY KEY"),
    (r"\bINTEGER NOT NULL REFERENCES\b", "BIGINT NOT NULL REFERENCES"),
    (r"\(strftime\('%Y-%m-%dT%H:%M:%SZ', 'now'\)\)", _NOW),
    (r"\bREAL\b", "DOUBLE PRECISION"),
    (r"\bBLOB\b", "BYTEA"),
)

# The full-text index: FTS5 in SQLite; here generated tsvector columns under a GIN index, over
# the `vbparse_vi` configuration.
_FTS_V1 = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION vbparse_vi (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vbparse_vi
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;
CREATE TABLE documents_fts (
    doc_id       BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    subject      TEXT,
    body         TEXT,
    subject_tsv  tsvector GENERATED ALWAYS AS
                 (to_tsvector('vbparse_vi', coalesce(subject, ''))) STORED,
    tsv          tsvector GENERATED ALWAYS AS
                 (setweight(to_tsvector('vbparse_vi', coalesce(subject, '')), 'A') ||
                  setweight(to_tsvector('vbparse_vi', {_INDEXED_BODY}), 'B')) STORED
);
CREATE INDEX documents_fts_tsv ON documents_fts USING gin (tsv)
"""
# Statements of registry.MIGRATIONS that have no translation, by their first words.
_REPLACED = {"CREATE VIRTUAL TABLE documents_fts": _FTS_V1}


def translate(sqlite_script: str) -> list[str]:
    """The PostgreSQL statements of one SQLite migration."""
    out = []
    for statement in _statements(sqlite_script):
        replaced = next((v for k, v in _REPLACED.items() if statement.startswith(k)), None)
        if replaced is not None:
            out += _statements(replaced)
            continue
        for pattern, replacement in _DIALECT:
            statement = re.sub(pattern, replacement, statement)
        out.append(statement)
    return out


def migrations() -> list[list[str]]:
    """migrations()[i] takes a database from schema version i to i + 1: registry.MIGRATIONS
    translated, so that the two backends never drift apart."""
    from .. import registry

    return [translate(script) for script in registry.MIGRATIONS]


_MIGRATION_LOCK = 0x76627061  # "vbpa": the advisory lock key of migrations

_UPSERT = (
    f"INSERT INTO documents (path, {', '.join(_DOCUMENT_COLUMNS)}) "
    f"VALUES (%s, {', '.join(['%s'] * len(_DOCUMENT_COLUMNS))}) "
    "ON CONFLICT (path) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _DOCUMENT_COLUMNS)
    + f", imported_at = {_NOW} RETURNING id, xmax = 0"  # xmax = 0: inserted, not updated
)
_CHILD_INSERTS = {
    "sections": "INSERT INTO sections VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
    "citations": "INSERT INTO citations VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
    "recipients": "INSERT INTO recipients VALUES (%s, %s, %s)",
}


def redact(url: str) -> str:
    """`url` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def tsquery(query: str) -> str | None:
    """A to_tsquery expression for a user's query: every word or phrase must match (`<->`
    between a phrase's words), a trailing * makes a prefix. Words are \\w only: no input can
    make the expression invalid."""
    parts = []
    for words, prefix in query_terms(query):
        phrase = " <-> ".join(words)
        parts.append(f"({phrase}:*)" if prefix else f"({phrase})")
    return " & ".join(parts) or None


class PostgresRegistry:
    backend = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise RegistryError("store.needs_psycopg") from exc
        self.location = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise RegistryError(
                "store.cannot_connect", path=self.location, detail=str(exc)
            ) from exc
        try:
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        value = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        found = value.fetchone()
        return int(found[0]) if found else 0

    def migrate(self) -> None:
        from ... import __version__

        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            version = self.schema_version()
            steps = migrations()
            if version > len(steps):
                raise RegistryError(
                    "store.newer_at", path=self.location, version=version, supported=len(steps)
                )
            if version == 0:
                tables = self.conn.execute(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                ).fetchone()
                if tables and tables[0]:
                    raise RegistryError("store.postgres_not_registry", path=self.location)
            for target in range(version + 1, len(steps) + 1):
                for statement in steps[target - 1]:
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', %s), "
                    "('migrated_by', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(target), f"vbparse {__version__}"),
                )
            self.conn.execute(CLAIMS_TABLE)

    def stored(self) -> dict[str, tuple[str | None, str]]:
        rows = self.conn.execute("SELECT path, sha256, status FROM documents")
        return {path: (sha256, status) for path, sha256, status in rows}

    def write(self, records: list[Record]) -> None:
        """One transaction, pipelined: one round trip to the server per file (for its id), not
        one per statement, which matters when the server is across a network."""
        if not records:
            return
        with self.conn.transaction(), self.conn.pipeline(), self.conn.cursor() as cur:
            for path, sha256, rows in records:
                values = [rows.columns.get(c) for c in _DOCUMENT_COLUMNS]
                values[0] = sha256
                found = cur.execute(_UPSERT, (path, *values)).fetchone()
                assert found is not None
                doc_id, inserted = found
                if not inserted:  # a changed file parsed again: its old child rows go
                    for table in ("sections", "citations", "recipients", "documents_fts"):
                        cur.execute(f"DELETE FROM {table} WHERE doc_id = %s", (doc_id,))
                children = {
                    "sections": [(doc_id, *row) for row in rows.sections],
                    "citations": [(doc_id, *row) for row in rows.citations],
                    "recipients": [(doc_id, i, name) for i, name in enumerate(rows.recipients)],
                }
                for table, values_list in children.items():
                    if values_list:
                        cur.executemany(_CHILD_INSERTS[table], values_list)
                if rows.columns["status"] == "ok":
                    cur.execute(
                        "INSERT INTO documents_fts (doc_id, subject, body) VALUES (%s, %s, %s)",
                        (doc_id, rows.fts[0], rows.fts[1]),
                    )
                cur.execute("DELETE FROM claims WHERE path = %s", (path,))

    def transaction(self, work: Callable[[Execute], T]) -> T:
        def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
            cur = self.conn.execute(sql.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []

        with self.conn.transaction():
            return work(execute)

    def search(
        self,
        query: str | None,
        filters: SearchFilters,
        *,
        limit: int = 20,
        no_accents: bool = False,
    ) -> list[Hit]:
        """Documents matching every term of `query`, those matching in the subject first, then
        by ts_rank_cd (subject weighted above body); without a query, newest first. The index
        compares unaccented words; the diacritics typed then decide (batch/query.py), as on
        SQLite, unless `no_accents`."""
        where, params = filter_sql(filters, contains="strpos({}, ?) > 0")
        expression = tsquery(query or "")
        columns = "d.id, d.path, d.number_raw, d.issued_date, d.doc_type_name, d.issuer, d.subject"
        if expression:
            sql = (
                f"WITH q AS (SELECT to_tsquery('vbparse_vi', ?) AS q), "
                f"top AS (SELECT {columns}, f.body, f.subject_tsv @@ q.q AS in_subject, "
                "ts_rank_cd(f.tsv, q.q) AS rank FROM documents_fts f "
                "JOIN documents d ON d.id = f.doc_id, q "
                f"WHERE f.tsv @@ q.q AND {' AND '.join(where)} "
                "ORDER BY in_subject DESC, rank DESC, d.path LIMIT ?) "
                "SELECT top.id, top.path, top.number_raw, top.issued_date, top.doc_type_name, "
                "top.issuer, top.subject, ts_headline('vbparse_vi', top.body, q.q, "
                '\'StartSel="[", StopSel="]", MaxWords=30, MinWords=12, MaxFragments=1\'), '
                "-top.rank FROM top, q ORDER BY top.in_subject DESC, top.rank DESC, top.path"
            )
            # Candidates on the unaccented index; the query's own reading decides (batch/query.py).
            rows = self.query(sql, (expression, *params, limit * 10))
            rows = self._accepted(query or "", rows, no_accents)
        else:
            sql = (
                f"SELECT {columns}, NULL, NULL FROM documents d WHERE {' AND '.join(where)} "
                "ORDER BY d.issued_date DESC NULLS LAST, d.path LIMIT ?"
            )
            rows = self.query(sql, (*params, limit * 10))
        return self._one_hit_per_document(rows, limit)

    def _one_hit_per_document(self, rows: list[tuple[Any, ...]], limit: int) -> list[Hit]:
        """Copies of one document imported in several formats are one hit listing its formats
        (batch/query.py's group_key), as on SQLite."""
        from ..query import format_of, group_key

        if not rows:
            return []
        ids = [r[0] for r in rows]
        extra = {
            doc_id: (number, symbol, fmt)
            for doc_id, number, symbol, fmt in self.query(
                "SELECT id, number, symbol, format FROM documents WHERE id = ANY(?)", (ids,)
            )
        }
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for row in rows:
            number, symbol, _fmt = extra.get(row[0], (None, None, None))
            groups.setdefault(group_key(row[1], number, symbol, row[3]), []).append(row)
        hits = []
        for group in list(groups.values())[:limit]:
            doc_id, path, number, date, doc_type, issuer, subject, text, score = group[0]
            hits.append(
                Hit(doc_id, path, number, date, doc_type, issuer, subject,
                    re.sub(r"\s+", " ", text).strip() if text else None, score,
                    formats=sorted({format_of(r[1], extra.get(r[0], (None,) * 3)[2]) for r in group}),
                    copies=[r[1] for r in group[1:]])
            )  # fmt: skip
        return hits

    def _accepted(
        self, query: str, rows: list[tuple[Any, ...]], no_accents: bool
    ) -> list[tuple[Any, ...]]:
        from ..query import parse_query

        parsed = parse_query(query, no_accents=no_accents)
        if not rows:
            return rows
        texts = dict(
            self.query(
                "SELECT d.id, coalesce(d.subject, '') || chr(10) || coalesce(f.body, '') "
                "FROM documents d JOIN documents_fts f ON f.doc_id = d.id WHERE d.id = ANY(?)",
                ([r[0] for r in rows],),
            )
        )
        return [r for r in rows if parsed.matches(texts.get(r[0], ""))]

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        translated = sql.replace("%", "%%").replace("?", "%s")
        return self.conn.execute(translated, params).fetchall()

    def close(self) -> None:
        self.conn.close()
