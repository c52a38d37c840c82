"""What the pages and the JSON API do, once: store an upload, read a document with its
corrections, correct, search, check plans. The routes only translate HTTP to these calls.

The registry has one writer: every write runs on one thread with its own connection, in its own
transaction (SQLite in WAL mode then never sees two writers, and readers never wait). Reads open
their own short connections. Uploaded files are kept beside the registry under their sha256
(`REGISTRY.files/`), so the name a user gave never becomes a path and a document can be linted
or checked again later.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..batch import corrections as corr
from ..batch.registry import RegistryError, SearchFilters, connect, search, store
from .pool import WorkerPool


class ServiceError(Exception):
    """A request that cannot be served: an HTTP status, a stable code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


# Read failures by kind → (HTTP status, code). A type the readers cannot read is judged by the
# content (the text reader refuses binary data whatever the name says); a file of a known type
# that yields nothing usable is 422.
_READ_STATUS: dict[str, tuple[int, str]] = {
    "binary": (415, "unsupported_type"),
    "missing_tool": (503, "missing_tool"),
    "timeout": (422, "timeout"),
    "crashed": (422, "crashed"),
    "internal": (422, "parse_failed"),
}
# The suffix a stored upload gets, from its content: a binary format by its signature, else
# one of the text formats its name may choose among (anything else is read as plain text).
_CONTENT_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc", "rtf": ".rtf", "html": ".html"}
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


def display_name(name: str | None) -> str:
    """The name an upload is shown under: its last component, NFC, no control characters or
    separators, at most 120 characters. Only ever shown, never used as a path."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = _UNSAFE.sub(" ", unicodedata.normalize("NFC", base)).strip(" .")
    return base[:120] or "tệp"


def kept_suffix(name: str, data: bytes) -> str:
    """The suffix to store an upload under, judged by its content, not by its name: a text
    named .pdf is read as text, a PDF named .txt as a PDF."""
    from ..readers import sniff_format

    suffix = Path(name).suffix.lower()
    content = sniff_format(Path("upload"), data)
    if content is None:
        return suffix if suffix in _TEXT_SUFFIXES else ""
    if content == "docx" and _ODT_MIMETYPE in data[:100]:
        return ".odt"  # both are ZIP files; an ODF file names its type in its first entry
    if content == "image":
        return suffix if suffix in _IMAGE_SUFFIXES else ".png"
    return _CONTENT_SUFFIX[content]


def shown_name(path: str) -> str:
    """What a registry row is called: an upload's name, a batched file's path."""
    return path.split("/", 2)[-1] if path.startswith("upload/") else path


@dataclass
class Upload:
    name: str  # as the user named it (display_name)
    data: bytes


class Service:
    def __init__(self, db: str | Path, *, pool: WorkerPool, max_upload: int) -> None:
        self.db = Path(db)
        self.files = corr.uploads_dir(self.db)
        self.pool = pool
        self.max_upload = max_upload
        try:  # create or upgrade it now: a bad registry stops the server before it starts
            connect(self.db, create=True).close()
        except RegistryError as exc:
            raise ServiceError(500, "registry", str(exc)) from exc
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="registry-writer")
        self._write_conn: sqlite3.Connection | None = None
        self._lint_cache: dict[tuple[str, str], list[dict[str, Any]]] = {}

    # --- registry access ------------------------------------------------------------------------

    def read_conn(self) -> sqlite3.Connection:
        conn = connect(self.db)
        conn.execute("PRAGMA query_only = ON")
        return conn

    async def write(self, work: Any, *args: Any) -> Any:
        """`work(conn, *args)` on the writer thread."""

        def run() -> Any:
            if self._write_conn is None:
                self._write_conn = connect(self.db, create=True)
                self._write_conn.execute("PRAGMA busy_timeout = 10000")
            return work(self._write_conn, *args)

        return await asyncio.get_running_loop().run_in_executor(self._writer, run)

    def close(self) -> None:
        def shut() -> None:
            if self._write_conn is not None:
                self._write_conn.close()

        self._writer.submit(shut).result()
        self._writer.shutdown()

    # --- uploads --------------------------------------------------------------------------------

    def check_size(self, data: bytes, name: str) -> None:
        if len(data) > self.max_upload:
            raise ServiceError(
                413,
                "too_large",
                f"{name}: {len(data) / 2**20:.1f} MB, over the limit of "
                f"{self.max_upload / 2**20:g} MB",
            )
        if not data:
            raise ServiceError(422, "empty", f"{name}: the file is empty")

    def keep(self, upload: Upload) -> Path:
        """Store the bytes under their hash (with a safe suffix) and return that path."""
        import hashlib

        self.check_size(upload.data, upload.name)
        self.files.mkdir(parents=True, exist_ok=True)
        target = self.files / (
            hashlib.sha256(upload.data).hexdigest() + kept_suffix(upload.name, upload.data)
        )
        if not target.exists():
            with tempfile.NamedTemporaryFile(dir=self.files, delete=False) as f:
                f.write(upload.data)
            Path(f.name).replace(target)
        return target

    async def parse_upload(self, upload: Upload) -> dict[str, Any]:
        """Parse and store one upload; returns the document JSON with its registry `id`. The
        same file uploaded again (same content, same name) updates the same row."""
        kept = self.keep(upload)
        sha = kept.name[:64]
        return await self._parse_and_store(kept, upload.name, f"upload/{sha[:12]}/{upload.name}")

    async def reparse(self, doc_id: int) -> dict[str, Any]:
        """Parse a stored document's file again (a newer parser); its corrections stay."""
        path, kept = self._file_of(doc_id)
        return await self._parse_and_store(kept, shown_name(path), path)

    def _file_of(self, doc_id: int) -> tuple[str, Path]:
        """A registry row's path and the file behind it (kept upload or batched file)."""
        conn = self.read_conn()
        try:
            path, sha, *_ = self._row(conn, doc_id)
        finally:
            conn.close()
        kept = self.stored_file(path, sha)
        if kept is None:
            raise ServiceError(422, "file_gone", f"{path}: the file is no longer available")
        return path, kept

    async def _parse_and_store(self, file: Path, shown: str, path: str) -> dict[str, Any]:
        from .jobs import parse_upload

        result = await self.pool.run(parse_upload, str(file), shown)
        if not result["ok"]:
            status, code = _READ_STATUS.get(result["kind"], (422, result["kind"]))
            raise ServiceError(status, code, f"{shown}: {result['message']}")

        def save(conn: sqlite3.Connection) -> int:
            with corr.immediate(conn):
                store(conn, path, result["sha256"], result["rows"])
                row = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
            return int(row[0])

        return await self.document(await self.write(save))

    # --- documents ------------------------------------------------------------------------------

    def _row(self, conn: sqlite3.Connection, doc_id: int) -> tuple[Any, ...]:
        row = conn.execute(
            "SELECT d.path, d.sha256, d.status, d.json, d.error_message, f.body "
            "FROM documents d LEFT JOIN documents_fts f ON f.rowid = d.id WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise ServiceError(404, "not_found", f"no document {doc_id} in the registry")
        return tuple(row)

    async def document(self, doc_id: int, *, with_lines: bool = False) -> dict[str, Any]:
        """The document's JSON (as `vbparse parse`) with the corrections in force applied, its
        `id`, the `corrections` history and, if asked, the reader's `lines`."""
        conn = self.read_conn()
        try:
            path, sha, status, document_json, error, body = self._row(conn, doc_id)
            history = corr.history(conn, sha) if sha else []
        finally:
            conn.close()
        if status != "ok":
            raise ServiceError(422, "parse_failed", f"{path}: {error}")
        document = corr.apply(json.loads(document_json), history)
        document = {"id": doc_id, **document, "corrections": [c.as_dict() for c in history]}
        document["corrected"] = sorted(corr.current(history))
        if with_lines:
            document["lines"] = (body or "").split("\n")
        return document

    async def correct(self, doc_id: int, field: str, value: object) -> dict[str, Any]:
        document = await self.document(doc_id)
        sha = document["source"].get("sha256")
        if not sha:
            raise ServiceError(422, "no_hash", "this document has no content hash to key on")
        old = corr.get_field(document, field) if field in corr.CORRECTABLE else None
        try:
            await self.write(corr.add, sha, field, old, value)
        except corr.CorrectionError as exc:
            raise ServiceError(422, "bad_correction", str(exc)) from exc
        return await self.document(doc_id)

    async def undo(self, doc_id: int, field: str) -> dict[str, Any]:
        document = await self.document(doc_id)
        sha = document["source"].get("sha256")
        undone = await self.write(corr.undo, sha, field) if sha else None
        if undone is None:
            raise ServiceError(404, "no_correction", f"no correction of '{field}' to undo")
        return await self.document(doc_id)

    def stored_file(self, path: str, sha: str | None) -> Path | None:
        return corr.source_file(self.db, path, sha) if sha else None

    async def lint(self, document: dict[str, Any], lang: str) -> list[dict[str, Any]] | None:
        """The lint findings of a stored document (None when its file is no longer there)."""
        from .jobs import lint_upload

        sha = document["source"].get("sha256") or ""
        if (sha, lang) in self._lint_cache:
            return self._lint_cache[(sha, lang)]
        kept = self.stored_file(document["source"]["path"], sha)
        if kept is None:
            return None
        result = await self.pool.run(lint_upload, str(kept), document["source"]["path"], lang)
        findings = result["findings"] if result["ok"] else []
        if len(self._lint_cache) > 500:
            self._lint_cache.clear()
        self._lint_cache[(sha, lang)] = findings
        return findings

    # --- search ---------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> tuple[list[dict[str, Any]], int]:
        """One page of hits (with corrections applied to what they show) and the total."""
        filters = SearchFilters(doc_type=query.doc_type or None, issuer=query.issuer or None)
        if query.year:
            filters.date_from, filters.date_to = str(query.year), f"{query.year}-12-31"
        conn = self.read_conn()
        try:
            hits = search(conn, query.q or None, filters, limit=query.scan_limit)
            extra = _hit_extras(conn, [h.id for h in hits])
        finally:
            conn.close()
        rows = []
        for hit in hits:
            sha, warnings, history = extra.get(hit.id, (None, 0, []))
            if query.warnings and not warnings:
                continue
            row = {**hit.__dict__, "warnings": warnings, "sha256": sha}
            for field, key in (("subject", "subject"), ("number.raw", "number"),
                               ("issuer.name", "issuer"), ("issued.date", "date")):  # fmt: skip
                live = corr.current(history).get(field)
                if live is not None:
                    row[key] = live.new_value
            rows.append(row)
        if query.sort == "date":
            rows.sort(key=lambda r: r["date"] or "", reverse=True)
        start = (query.page - 1) * query.per_page
        return rows[start : start + query.per_page], len(rows)

    def doc_types(self) -> list[tuple[str, str]]:
        conn = self.read_conn()
        try:
            rows = conn.execute(
                "SELECT DISTINCT coalesce(doc_type_code, doc_type_name), doc_type_name "
                "FROM documents WHERE status = 'ok' AND doc_type_name IS NOT NULL ORDER BY 2"
            ).fetchall()
        finally:
            conn.close()
        return [(code, name) for code, name in rows]

    def plans(self) -> list[dict[str, Any]]:
        """Registry documents that can stand in a plan check (kế hoạch and the like)."""
        conn = self.read_conn()
        try:
            rows = conn.execute(
                "SELECT id, path, sha256, number_raw, issuer, subject FROM documents "
                "WHERE status = 'ok' AND (doc_type_code IN ('KH', 'CTr', 'PA', 'ĐA', 'HD') "
                "OR doc_type_code IS NULL) ORDER BY imported_at DESC LIMIT 500"
            ).fetchall()
        finally:
            conn.close()
        keys = ("id", "path", "sha256", "number", "issuer", "subject")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # --- plan check -----------------------------------------------------------------------------

    async def check(
        self, parent: Upload | int, children: list[Upload | int], lang: str
    ) -> dict[str, Any]:
        """The district check over uploads and/or registry documents (by id)."""
        from .jobs import check_plans

        if not children:
            raise ServiceError(422, "no_children", "choose at least one school plan")
        resolved = [self._plan_file(p) for p in (parent, *children)]
        result = await self.pool.run(check_plans, resolved[0], resolved[1:], lang)
        if not result["ok"]:
            status, code = _READ_STATUS.get(result["kind"], (422, result["kind"]))
            raise ServiceError(status, code, f"{resolved[0][1]}: {result['message']}")
        result.pop("ok")
        return result

    def _plan_file(self, plan: Upload | int) -> tuple[str, str]:
        if isinstance(plan, Upload):
            return str(self.keep(plan)), plan.name
        path, kept = self._file_of(plan)
        return str(kept), shown_name(path)


@dataclass
class SearchQuery:
    q: str = ""
    doc_type: str = ""
    issuer: str = ""
    year: int | None = None
    warnings: bool = False
    sort: str = "relevance"  # or "date"
    page: int = 1
    per_page: int = 20
    scan_limit: int = 2000  # hits read before filtering and paging


def _hit_extras(
    conn: sqlite3.Connection, ids: list[int]
) -> dict[int, tuple[str | None, int, list[corr.Correction]]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, sha256, warnings_count FROM documents WHERE id IN ({marks})", ids
    ).fetchall()
    corrected = {
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT c.sha256 FROM corrections c JOIN documents d ON d.sha256 = c.sha256 "
            f"WHERE d.id IN ({marks})",
            ids,
        )
    }
    return {
        doc_id: (sha, warnings or 0, corr.history(conn, sha) if sha in corrected else [])
        for doc_id, sha, warnings in rows
    }
