"""Corrections a person made to parsed fields: stored in the registry, applied when a document is
read, written out as gold annotations.

A correction is keyed by the file's sha256, not by its registry row: the same file parsed again
(uploaded twice, batched again, moved to another folder) gets the same corrections. History is
never deleted; undoing marks the latest live correction of a field as undone, which makes the
one before it (or the parser's value) current again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Fields a person can correct: the dotted path in the document JSON, and the provenance key
# whose span shows where the value came from.
CORRECTABLE: dict[str, str] = {
    "doc_type.name": "doc_type",
    "doc_type.code": "doc_type",
    "number.raw": "number",
    "number.number": "number",
    "number.symbol": "number",
    "issued.date": "issued",
    "issued.place": "issued",
    "issuer.name": "issuer",
    "issuer.parent": "issuer",
    "subject": "subject",
    "signer.authority": "signer.authority",
    "signer.title": "signer.title",
    "signer.name": "signer.name",
}

MAX_VALUE = 2000  # characters: a field is a line or two, never a document


class CorrectionError(ValueError):
    """A correction that cannot be stored (unknown field, value too long): says why."""


@dataclass
class Correction:
    id: int
    sha256: str
    field: str
    old_value: str | None
    new_value: str | None
    at: str
    undone_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "old": self.old_value,
            "new": self.new_value,
            "at": self.at,
            "undone_at": self.undone_at,
        }


_SELECT = "SELECT id, sha256, field, old_value, new_value, at, undone_at FROM corrections"


def get_field(document: dict[str, Any], field: str) -> Any:
    value: Any = document
    for key in field.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _set_field(document: dict[str, Any], field: str, value: Any) -> None:
    *parents, last = field.split(".")
    target = document
    for key in parents:
        target = target.setdefault(key, {})
    target[last] = value


def clean_value(field: str, value: object) -> str | None:
    """The value as stored: text with its outer spaces removed; empty means "no value"."""
    if field not in CORRECTABLE:
        raise CorrectionError(f"'{field}' cannot be corrected; one of: {', '.join(CORRECTABLE)}")
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorrectionError("the value must be text")
    import unicodedata

    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if len(text) > MAX_VALUE:
        raise CorrectionError(f"the value is longer than {MAX_VALUE} characters")
    return text or None


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE), rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def add(
    conn: sqlite3.Connection, sha256: str, field: str, old: str | None, new: object
) -> Correction:
    """Store one correction (in its own transaction); `old` is the value shown before it."""
    value = clean_value(field, new)
    with immediate(conn):
        row_id = conn.execute(
            "INSERT INTO corrections (sha256, field, old_value, new_value) VALUES (?, ?, ?, ?)",
            (sha256, field, None if old is None else str(old), value),
        ).lastrowid
    return next(c for c in history(conn, sha256) if c.id == row_id)


def undo(conn: sqlite3.Connection, sha256: str, field: str) -> Correction | None:
    """Mark the latest live correction of `field` as undone; None if there was none."""
    with immediate(conn):
        row = conn.execute(
            "SELECT id FROM corrections WHERE sha256 = ? AND field = ? AND undone_at IS NULL "
            "ORDER BY id DESC LIMIT 1",
            (sha256, field),
        ).fetchone()
        if row:
            conn.execute(
                "UPDATE corrections SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                "WHERE id = ?",
                row,
            )
    if not row:
        return None
    return next(c for c in history(conn, sha256) if c.id == row[0])


def history(conn: sqlite3.Connection, sha256: str) -> list[Correction]:
    """Every correction of one file, oldest first, undone ones included."""
    rows = conn.execute(f"{_SELECT} WHERE sha256 = ? ORDER BY id", (sha256,))
    return [Correction(*row) for row in rows]


def current(corrections: list[Correction]) -> dict[str, Correction]:
    """The correction in force per field: the latest one not undone."""
    live: dict[str, Correction] = {}
    for c in corrections:
        if c.undone_at is None:
            live[c.field] = c
    return live


def apply(document: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """The document JSON with the corrections in force written into it (a copy)."""
    out = json.loads(json.dumps(document))
    for field, c in current(corrections).items():
        _set_field(out, field, c.new_value)
    return out


def corrected_documents(
    conn: sqlite3.Connection,
) -> Iterator[tuple[str, dict[str, Any], list[Correction]]]:
    """(path, corrected document, corrections in force) of every file with a live correction,
    one registry row per file (the most recently imported)."""
    shas = [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT sha256 FROM corrections WHERE undone_at IS NULL ORDER BY sha256"
        )
    ]
    for sha in shas:
        row = conn.execute(
            "SELECT path, json FROM documents WHERE sha256 = ? AND status = 'ok' "
            "ORDER BY imported_at DESC, id DESC LIMIT 1",
            (sha,),
        ).fetchone()
        if row is None:
            continue  # corrected once, no longer in the registry
        path, document_json = row
        found = history(conn, sha)
        yield path, apply(json.loads(document_json), found), list(current(found).values())


# --- gold ---------------------------------------------------------------------------------------

_GOLD_BASE_KEYS = ("doc_type", "number", "symbol", "date", "issuer")


def gold_record(document: dict[str, Any], corrected: list[str]) -> dict[str, Any]:
    """A document in the gold format of corpus/docs/README.md (keys in its order). Fields a person
    corrected are named in `notes`; the others are the parser's values, unchecked."""
    g = get_field
    return {
        "doc_type": {"name": g(document, "doc_type.name"), "code": g(document, "doc_type.code")},
        "number": {
            key: g(document, f"number.{key}")
            for key in ("number", "symbol", "type_code", "issuer_code", "year")
        },
        "issued": {"place": g(document, "issued.place"), "date": g(document, "issued.date")},
        "issuer": {"name": g(document, "issuer.name"), "parent": g(document, "issuer.parent")},
        "national_header": bool(document.get("national_header")),
        "motto": bool(document.get("motto")),
        "party_header": bool(document.get("party_header")),
        "subject": document.get("subject"),
        "addressees": list(document.get("addressees") or []),
        "bases": [{k: b.get(k) for k in _GOLD_BASE_KEYS} for b in document.get("bases") or []],
        "sections_top": [
            {"id": s.get("id"), "role": s.get("role")} for s in document.get("sections") or []
        ],
        "recipients": list(document.get("recipients") or []),
        "signer": {k: g(document, f"signer.{k}") for k in ("authority", "title", "name")},
        "notes": "corrected by a person in vbparse serve: "
        + ", ".join(sorted(corrected))
        + "; every other field is the parser's value, not checked by a person",
    }


def uploads_dir(registry: str | Path) -> Path:
    """Where `vbparse serve` keeps the files uploaded into a registry, each under its sha256:
    REGISTRY.files/ beside it."""
    registry = Path(registry)
    return registry.with_name(registry.name + ".files")


def source_file(registry: str | Path, path: str, sha256: str) -> Path | None:
    """The file behind a registry row: the kept upload, or the batched file if unchanged."""
    kept = sorted(uploads_dir(registry).glob(sha256 + "*"))
    if kept:
        return kept[0]
    candidate = Path(path)
    if not path.startswith("upload/") and candidate.is_file():
        from .runner import file_sha256

        if file_sha256(str(candidate)) == sha256:
            return candidate
    return None


def export_gold(registry: str | Path, out_dir: str | Path) -> tuple[int, list[str]]:
    """Write every corrected document as gold: OUT/NAME.gold.json and, beside it, the document
    itself (OUT/NAME.EXT), so that `vbparse eval OUT` measures the parser on them. Returns the
    number written and the names whose document is no longer available (gold only)."""
    import shutil

    from .registry import connect

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    conn = connect(registry)
    written, missing = 0, []
    used: set[str] = set()
    try:
        for path, document, live in corrected_documents(conn):
            sha = document["source"]["sha256"]
            source = source_file(registry, path, sha)
            name = Path(path).name
            suffix = (source.suffix if source else "") or Path(name).suffix or ".txt"
            stem = _unique(Path(name).stem or sha[:12], used)
            record = gold_record(document, [c.field for c in live])
            (out / f"{stem}.gold.json").write_text(
                json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            if source is None:
                missing.append(name)
            else:
                shutil.copyfile(source, out / f"{stem}{suffix}")
            written += 1
    finally:
        conn.close()
    return written, missing


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate.lower() in used:
        candidate = f"{stem}-{n}"
        n += 1
    used.add(candidate.lower())
    return candidate
