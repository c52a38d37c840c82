"""Where batch results go: a JSON Lines file or a registry (SQLite or PostgreSQL).

Both commit every chunk of results before the next is taken, and both tell the runner what they
already hold (path → sha256, status), which is how a rerun skips finished files and how a run
killed at any moment — even with SIGKILL — resumes without losing or repeating a file.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Protocol

from ..errors import MessageError
from .runner import FileResult

SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


class SinkError(MessageError):
    """The output cannot be opened or written (one line for the user)."""


class Sink(Protocol):
    wants_rows: bool  # whether results need registry rows (computed in the workers)

    def stored(self) -> dict[str, tuple[str | None, str]]: ...

    def write(self, results: list[FileResult]) -> None: ...

    def close(self) -> None: ...


def open_sink(out: str) -> Sink:
    """The sink for `out`: a registry for a URL (postgresql://…, sqlite:///…) or a
    .sqlite/.sqlite3/.db file, JSON Lines for .jsonl/.ndjson."""
    from .storage import is_url

    suffix = Path(out).suffix.lower()
    if is_url(out) or suffix in SQLITE_SUFFIXES:
        return RegistrySink(out)
    if suffix in (".jsonl", ".ndjson"):
        return JsonlSink(out)
    raise SinkError("store.bad_suffix", path=out)


class JsonlSink:
    """One JSON record per line, appended and flushed one by one.

    A write reaches the operating system before the next file is taken, so a killed process
    loses nothing it reported; the file is also fsynced at most every `FSYNC_SECONDS` and at the
    end, which bounds what a power cut can lose. A line torn by a kill is cut off at the next
    open. A changed file gets a new line at the end; the older line for the same path is dropped
    by rewriting the file (atomically) when the run closes, or at the next open if it was killed.
    """

    wants_rows = False
    FSYNC_SECONDS = 1.0

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._stored: dict[str, tuple[str | None, str]] = {}
        self._replaced = False
        duplicated = self._load()
        if duplicated:
            self._compact()
        try:
            self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (held open)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise SinkError("store.cannot_write", path=path, detail=detail) from exc
        self._last_sync = time.monotonic()

    def _load(self) -> bool:
        """Read what the file holds; cut off a torn last line. True if a path occurs twice."""
        if not self.path.exists():
            return False
        duplicated = False
        good_end = 0
        try:
            size = self.path.stat().st_size
            with open(self.path, "rb") as f:
                for number, raw in enumerate(f, 1):
                    key = _record_key(raw) if raw.endswith(b"\n") else None
                    if key is None:
                        if f.tell() == size:
                            break  # the last line, torn by a kill: it was never acknowledged
                        raise SinkError("store.bad_record", path=self.path, line=number)
                    path, sha256, status = key
                    duplicated = duplicated or path in self._stored
                    self._stored[path] = (sha256, status)
                    good_end = f.tell()
            if good_end != size:
                os.truncate(self.path, good_end)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise SinkError("store.cannot_read", path=self.path, detail=detail) from exc
        return duplicated

    def _compact(self) -> None:
        """Keep only the last line of each path: two streaming passes, then an atomic rename."""
        last: dict[str, int] = {}
        with open(self.path, "rb") as f:
            for number, raw in enumerate(f):
                key = _record_key(raw)
                if key:
                    last[key[0]] = number
        keep = set(last.values())
        temporary = self.path.with_name(self.path.name + ".compact")
        with open(self.path, "rb") as src, open(temporary, "wb") as dst:
            for number, raw in enumerate(src):
                if number in keep:
                    dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temporary, self.path)

    def stored(self) -> dict[str, tuple[str | None, str]]:
        return self._stored

    def write(self, results: list[FileResult]) -> None:
        for result in results:
            if result.json is None:
                continue
            self._replaced = self._replaced or result.path in self._stored
            self._file.write(result.json + "\n")
            self._file.flush()
        now = time.monotonic()
        if now - self._last_sync >= self.FSYNC_SECONDS:
            os.fsync(self._file.fileno())
            self._last_sync = now

    def close(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if self._replaced:
            self._compact()


def _record_key(raw: bytes) -> tuple[str, str | None, str] | None:
    """(path, sha256, status) of one JSON Lines record, or None if it is not a whole record."""
    try:
        record = json.loads(raw)
        source = record["source"]
        return source["path"], source.get("sha256"), record.get("status", "ok")
    except (ValueError, KeyError, TypeError):
        return None


class RegistrySink:
    """A registry (see storage/); one transaction per chunk of results."""

    wants_rows = True

    def __init__(self, target: str) -> None:
        from .storage import RegistryError, open_registry

        try:
            self.registry = open_registry(target, create=True)
        except RegistryError as exc:
            raise SinkError(exc.key, **exc.params) from exc
        self.location = self.registry.location  # a URL without its password

    def stored(self) -> dict[str, tuple[str | None, str]]:
        return self.registry.stored()

    def write(self, results: list[FileResult]) -> None:
        from .storage import RegistryError

        records = []
        for result in results:
            assert result.rows is not None, "registry rows are computed in the worker"
            records.append((result.path, result.sha256, result.rows))
        try:
            self.registry.write(records)
        except RegistryError as exc:
            raise SinkError(exc.key, **exc.params) from exc

    def close(self) -> None:
        self.registry.close()


SqliteSink = RegistrySink  # the name before PostgreSQL came
