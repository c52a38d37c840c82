"""The SQLite registry: schema, migrations, the rows one document becomes, and search.

The schema is versioned with `PRAGMA user_version`: MIGRATIONS[i] brings a registry from version
i to i + 1, so opening an older registry upgrades it in place and a later vbparse only appends
to the list. docs/registry.md describes every table; keep it in step with MIGRATIONS.

Search folds diacritics (and đ → d, which FTS5's `remove_diacritics` does not) in copies of the
subject and body, so "dan van" finds "dân vận" and "dao tao" finds "đào tạo". The folding maps
each character to exactly one character, so a hit found in the folded copy marks the same
characters of the original for the snippet.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MessageError
from ..text.normalize import fold
from .query import Query, Term, format_of, group_key, parse_query

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    path              TEXT NOT NULL UNIQUE,
    sha256            TEXT,
    status            TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_kind        TEXT,
    error_message     TEXT,
    format            TEXT,
    doc_type_code     TEXT,
    doc_type_name     TEXT,
    number_raw        TEXT,
    number            TEXT,
    symbol            TEXT,
    issued_date       TEXT,
    issued_place      TEXT,
    issuer            TEXT,
    issuer_parent     TEXT,
    issuer_fold       TEXT,
    subject           TEXT,
    signer_name       TEXT,
    signer_title      TEXT,
    signer_authority  TEXT,
    recipients_count  INTEGER,
    warnings_count    INTEGER,
    json              TEXT,
    parser_version    TEXT,
    imported_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_type ON documents (doc_type_code);
CREATE INDEX documents_date ON documents (issued_date);
CREATE INDEX documents_status ON documents (status);
CREATE TABLE sections (
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    section_id  TEXT NOT NULL,
    parent_id   TEXT,
    label       TEXT,
    kind        TEXT,
    heading     TEXT,
    role        TEXT,
    text        TEXT,
    PRIMARY KEY (doc_id, ord)
);
CREATE TABLE citations (
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    kind       TEXT,
    doc_type   TEXT,
    type_code  TEXT,
    number     TEXT,
    symbol     TEXT,
    ref_key    TEXT,
    date       TEXT,
    issuer     TEXT,
    title      TEXT,
    raw        TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX citations_ref ON citations (ref_key);
CREATE TABLE recipients (
    doc_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    subject UNINDEXED,
    body UNINDEXED,
    subject_fold,
    body_fold,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

# MIGRATIONS[i] takes a registry from user_version i to i + 1. Append, never edit a released one.
# Version 2: the corrections a person makes in `vbparse serve` (batch/corrections.py reads and
# writes them), keyed by the file's content so they survive re-parsing and re-batching.
_V2 = """
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL,
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at  TEXT
);
CREATE INDEX corrections_sha ON corrections (sha256, field);
"""

MIGRATIONS: list[str] = [_V1, _V2]
assert len(MIGRATIONS) == SCHEMA_VERSION


class RegistryError(MessageError):
    """The file is not a registry this version can use (not SQLite, or from a newer vbparse)."""


def connect(path: str | Path, *, create: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """Open a registry, creating it (`create`) or upgrading an older one to SCHEMA_VERSION.
    A locked registry is waited for up to `timeout` seconds per statement."""
    p = Path(path)
    if not create and not p.exists():
        raise RegistryError("store.no_registry", path=path)
    try:
        conn = sqlite3.connect(
            p, isolation_level=None, timeout=timeout
        )  # autocommit: transactions are explicit
    except sqlite3.Error as exc:
        raise RegistryError("store.cannot_open", path=path, detail=str(exc)) from exc
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed transaction survives the process being killed; only a
        # power cut can lose the last few, which a rerun parses again.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise  # the caller may wait and retry
        raise RegistryError("store.not_registry", path=path, detail=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise RegistryError("store.not_registry", path=path, detail=str(exc)) from exc
    except RegistryError:
        conn.close()
        raise
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    from .. import __version__

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RegistryError("store.newer", version=version, supported=SCHEMA_VERSION)
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise RegistryError("store.sqlite_not_registry")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[target - 1]):
                conn.execute(statement)
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?), "
                "('migrated_by', ?)",
                (str(target), f"vbparse {__version__}"),
            )
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    # executescript() would commit on its own; splitting keeps a migration in one transaction.
    return [s.strip() for s in script.split(";") if s.strip()]


def ref_key(number: str | None, symbol: str | None) -> str | None:
    """Key comparing số/ký hiệu loosely: no spaces, upper case, no diacritics (ĐT = DT)."""
    if not symbol:
        return None
    key = f"{number or ''}/{symbol}"
    return fold(re.sub(r"\s+", "", key)).upper()


def ref_key_of(text: str) -> str:
    """ref_key of a số/ký hiệu typed by a user ("253/KH-GDĐT", "479-KH/TWĐTN")."""
    from ..extract.refs import parse_number

    parts = parse_number(text)
    key = ref_key(parts.number, parts.symbol) if parts else None
    return key or fold(re.sub(r"\s+", "", text)).upper()


# --- rows ---------------------------------------------------------------------------------------


@dataclass
class DocumentRows:
    """What one parsed document adds to the registry, computed in the worker process so that
    the process writing the registry does nothing but insert."""

    columns: dict[str, Any]
    sections: list[tuple[Any, ...]] = field(default_factory=list)
    citations: list[tuple[Any, ...]] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    fts: tuple[str, str, str, str] = ("", "", "", "")


def document_rows(doc: Any, lines: list[str], document_json: str) -> DocumentRows:
    """Rows for a parsed `vbparse.model.Document`; `lines` are the reader's lines (the body the
    full-text index covers)."""
    from .. import __version__

    issuer = " / ".join(x for x in (doc.issuer.name, doc.issuer.parent) if x)
    columns = {
        "status": "ok",
        "format": doc.source.format,
        "doc_type_code": doc.doc_type.code,
        "doc_type_name": doc.doc_type.name,
        "number_raw": doc.number.raw,
        "number": doc.number.number,
        "symbol": doc.number.symbol,
        "issued_date": doc.issued.date,
        "issued_place": doc.issued.place,
        "issuer": doc.issuer.name,
        "issuer_parent": doc.issuer.parent,
        "issuer_fold": fold(issuer).lower() if issuer else None,
        "subject": doc.subject,
        "signer_name": doc.signer.name,
        "signer_title": doc.signer.title,
        "signer_authority": doc.signer.authority,
        "recipients_count": len(doc.recipients),
        "warnings_count": len(doc.warnings),
        "json": document_json,
        "parser_version": __version__,
    }
    citations = [
        (
            i,
            b.kind,
            b.doc_type,
            b.type_code,
            b.number,
            b.symbol,
            ref_key(b.number, b.symbol),
            b.date,
            b.issuer,
            b.title,
            b.raw,
        )
        for i, b in enumerate(doc.bases)
    ]
    subject = doc.subject or ""
    body = "\n".join(lines)
    return DocumentRows(
        columns,
        _section_rows(doc.sections),
        citations,
        list(doc.recipients),
        (subject, body, fold(subject), fold(body)),
    )


def _section_rows(top: list[Any]) -> list[tuple[Any, ...]]:
    """(position, id, parent id, label, kind, heading, role, text) of each section, depth first."""
    rows: list[tuple[Any, ...]] = []

    def visit(nodes: list[Any], parent: str | None) -> None:
        for node in nodes:
            rows.append(
                (
                    len(rows),
                    node.id,
                    parent,
                    node.label,
                    node.kind,
                    node.heading,
                    node.role,
                    node.text,
                )
            )
            visit(node.children, node.id)

    visit(top, None)
    return rows


def failed_columns(error_kind: str, error_message: str, fmt: str | None) -> dict[str, Any]:
    from .. import __version__

    return {
        "status": "failed",
        "error_kind": error_kind,
        "error_message": error_message,
        "format": fmt,
        "parser_version": __version__,
    }


_DOCUMENT_COLUMNS = (
    "sha256",
    "status",
    "error_kind",
    "error_message",
    "format",
    "doc_type_code",
    "doc_type_name",
    "number_raw",
    "number",
    "symbol",
    "issued_date",
    "issued_place",
    "issuer",
    "issuer_parent",
    "issuer_fold",
    "subject",
    "signer_name",
    "signer_title",
    "signer_authority",
    "recipients_count",
    "warnings_count",
    "json",
    "parser_version",
)
_UPSERT = (
    f"INSERT INTO documents (path, {', '.join(_DOCUMENT_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' * len(_DOCUMENT_COLUMNS))}) "
    "ON CONFLICT (path) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _DOCUMENT_COLUMNS)
    + ", imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') RETURNING id"
)


def store(conn: sqlite3.Connection, path: str, sha256: str | None, rows: DocumentRows) -> None:
    """Insert or replace one file's record (inside the caller's transaction)."""
    values = [rows.columns.get(c) for c in _DOCUMENT_COLUMNS]
    values[0] = sha256
    doc_id = conn.execute(_UPSERT, (path, *values)).fetchone()[0]
    for table in ("sections", "citations", "recipients"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (doc_id,))
    if rows.sections:
        conn.executemany(
            "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, *row) for row in rows.sections],
        )
    if rows.citations:
        conn.executemany(
            "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, *row) for row in rows.citations],
        )
    if rows.recipients:
        conn.executemany(
            "INSERT INTO recipients VALUES (?, ?, ?)",
            [(doc_id, i, name) for i, name in enumerate(rows.recipients)],
        )
    if rows.columns["status"] == "ok":
        conn.execute(
            "INSERT INTO documents_fts (rowid, subject, body, subject_fold, body_fold) "
            "VALUES (?, ?, ?, ?, ?)",
            (doc_id, *rows.fts),
        )


# --- search -------------------------------------------------------------------------------------


@dataclass
class SearchFilters:
    doc_type: str | None = None
    issuer: str | None = None
    date_from: str | None = None  # ISO prefix, inclusive
    date_to: str | None = None
    cites: str | None = None


@dataclass
class Hit:
    id: int
    path: str
    number: str | None
    date: str | None
    doc_type: str | None
    issuer: str | None
    subject: str | None
    snippet: str | None
    score: float | None
    # One hit per document: the formats it was imported in, and the other copies' paths.
    formats: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)

    @property
    def date_value(self) -> _dt.date | None:
        """The date of issue as a datetime.date; None when absent or partial."""
        from ..model import to_date

        return to_date(self.date)


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def query_terms(query: str) -> list[tuple[list[str], bool]]:
    """A user's query as terms: (folded lower-case words of a word or "quoted phrase", whether
    a trailing * makes it a prefix). Only \\w characters survive, so no search syntax does."""
    terms = []
    for m in _TERM.finditer(query):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        words = re.findall(r"\w+", fold(text).lower())
        if words:
            terms.append((words, bool(m.group(2) and text.endswith("*"))))
    return terms


def _fts_terms(terms: list[Term]) -> str | None:
    """FTS5 over the folded columns: every term's folded words (a phrase for several)."""
    parts = ['"' + " ".join(t.folded) + '"' + ("*" if t.prefix else "") for t in terms]
    if not parts:
        return None
    return "{subject_fold body_fold} : (" + " AND ".join(parts) + ")"


def fts_query(query: str) -> str | None:
    """An FTS5 expression over the folded columns retrieving the candidates of a user's query:
    every word or "quoted phrase" must match; a trailing * makes a prefix. FTS syntax in the
    query is not honoured, so no input can make the expression invalid."""
    return _fts_terms(parse_query(query).terms)


def search(
    conn: sqlite3.Connection,
    query: str | None,
    filters: SearchFilters,
    *,
    limit: int = 20,
    no_accents: bool = False,
) -> list[Hit]:
    """Documents matching `query` (batch/query.py says how words match) and the filters, one hit
    per document: those holding the words side by side first, then by BM25 (subject weighing
    more than body). Without a query, the filtered documents newest first."""
    conditions, params = filter_sql(filters, contains="instr({}, ?) > 0")
    where = " AND ".join(conditions)
    parsed = parse_query(query or "", no_accents=no_accents)
    expression = _fts_terms(parsed.terms)
    columns = (
        "d.id, d.path, d.number_raw, d.issued_date, d.doc_type_name, d.issuer, d.subject, "
        "d.number, d.symbol, d.format"
    )
    if not expression:
        sql = (
            f"SELECT {columns}, NULL, 0 FROM documents d WHERE {where} "
            "ORDER BY d.issued_date DESC, d.path"
        )
        return _grouped(conn, conn.execute(sql, params).fetchall(), None, limit)
    phrase = parsed.ranking_phrase()
    side_by_side = _fts_terms([Term(phrase, phrase=True)]) if phrase else None
    rank_first = (
        "f.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
        if side_by_side
        else "0"
    )
    sql = (
        f"SELECT {columns}, bm25(documents_fts, 0, 0, 4.0, 1.0) AS score, {rank_first} AS ph "
        "FROM documents_fts f JOIN documents d ON d.id = f.rowid "
        f"WHERE documents_fts MATCH ? AND {where} ORDER BY ph DESC, score"
    )
    first_args = [side_by_side] if side_by_side else []
    rows = conn.execute(sql, [*first_args, expression, *params]).fetchall()
    if side_by_side and not parsed.accents:
        # The spelling the archive uses for these words side by side (batch/query.py).
        parsed.restore_from(_text(conn, r[0])[0] for r in rows[:200] if r[-1])
    return _grouped(conn, rows, parsed, limit)


def filter_sql(filters: SearchFilters, *, contains: str) -> tuple[list[str], list[Any]]:
    """WHERE conditions (over `documents d`, `?` placeholders) and their parameters for the
    filters; `contains` is the backend's substring test, `{}` standing for the column."""
    where = ["d.status = 'ok'"]
    params: list[Any] = []
    if filters.doc_type:
        where.append("(upper(d.doc_type_code) = upper(?) OR lower(d.doc_type_name) = lower(?))")
        params += [filters.doc_type, filters.doc_type]
    if filters.issuer:
        where.append(contains.format("d.issuer_fold"))
        params.append(fold(filters.issuer).lower())
    if filters.date_from:
        where.append("d.issued_date >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("d.issued_date <= ?")
        params.append(filters.date_to)
    if filters.cites:
        where.append("d.id IN (SELECT doc_id FROM citations WHERE ref_key = ?)")
        params.append(ref_key_of(filters.cites))
    return where, params


def _text(conn: sqlite3.Connection, doc_id: int) -> tuple[str, str]:
    """The subject and body joined (for matching), and the body (for the snippet)."""
    row = conn.execute("SELECT subject, body FROM documents_fts WHERE rowid = ?", (doc_id,))
    subject, body = row.fetchone() or ("", "")
    return f"{subject or ''}\n{body or ''}", body or ""


def _grouped(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    matching: Query | None,
    limit: int,
) -> list[Hit]:
    """The first `limit` documents of the candidate `rows` (ordered side-by-side first, then by
    score) that the query accepts on their text; one Hit per document, with the formats of all
    its copies. `matching` is None for a filter-only search (every row is a hit)."""
    copies: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        copies.setdefault(group_key(row[1], row[7], row[8], row[3]), []).append(row)
    chosen: list[tuple[int, float, tuple[str, ...], tuple[Any, ...], str | None]] = []
    taken: set[tuple[str, ...]] = set()
    for key, row in ((group_key(r[1], r[7], r[8], r[3]), r) for r in rows):
        if key in taken:
            continue
        body, first = None, 0
        if matching is not None:
            text, body = _text(conn, row[0])
            accepted, side_by_side = matching.assess(text)
            if not accepted:
                continue
            # The index saw the folded words side by side; the accents decide.
            first = 1 if row[-1] and side_by_side else 0
        taken.add(key)
        chosen.append((-first, row[-2] or 0.0, key, row, body))
        if len(chosen) >= limit and (not row[-1] or sum(c[0] for c in chosen) <= -limit):
            break
    chosen.sort(key=lambda c: (c[0], c[1]))
    hits = []
    for _first, score, key, row, body in chosen[:limit]:
        doc_id, path, number, date, doc_type, issuer, subject = row[:7]
        marked = window(body, matching.marks(body)) if matching and body else None
        group = copies[key]
        hits.append(
            Hit(
                doc_id, path, number, date, doc_type, issuer, subject, marked,
                score if matching else None,
                formats=sorted({format_of(r[1], r[9]) for r in group}),
                copies=[r[1] for r in group if r[1] != path],
            )
        )  # fmt: skip
    return hits


def snippet(body: str, highlighted_fold: str, *, width: int = 160) -> str | None:
    """A window of the original `body` around the first hit, the hits in [brackets].

    `highlighted_fold` is the folded body with each hit between \\x02 and \\x03; since folding
    keeps offsets, the hits' offsets apply to `body` as they are.
    """
    hits: list[tuple[int, int]] = []
    offset = 0
    start = 0
    for piece in re.split(r"([\x02\x03])", highlighted_fold):
        if piece == "\x02":
            start = offset
        elif piece == "\x03":
            hits.append((start, offset))
        else:
            offset += len(piece)
    if offset != len(body):
        return None
    return window(body, hits, width=width)


def window(body: str, hits: list[tuple[int, int]], *, width: int = 160) -> str | None:
    """A window of `body` around the first of the `hits` (character spans), the hits inside it
    in [brackets]."""
    if not hits:
        return None
    first = hits[0][0]
    lo = max(0, first - width // 3)
    hi = min(len(body), lo + width)
    # Whole words only at both ends of the window.
    while 0 < lo < first and not body[lo - 1].isspace():
        lo += 1
    while hi < len(body) and hi > hits[0][1] and not body[hi].isspace():
        hi -= 1
    out = []
    cursor = lo
    for a, b in sorted(hits):
        if a < lo or b > hi:
            continue
        out.append(body[cursor:a] + "[" + body[a:b] + "]")
        cursor = b
    out.append(body[cursor:hi])
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(body) else "")
