"""The Python API: what the command line does, as functions returning typed objects.

    >>> import vbparse
    >>> doc = vbparse.parse("corpus/seed/kh-36-thbtd.txt")
    >>> doc.date                                    # datetime.date (None when partial)
    datetime.date(2020, 4, 23)
    >>> report = vbparse.lint("corpus/seed/kh-36-thbtd.txt")
    >>> report.counts["error"] > 0
    True

Every function raises a `vbparse.errors` exception on bad input — `UsageError` for a bad
argument, an `InputError` subclass (`FileNotFound`, `EmptyFile`, …) for a file that cannot be
used — never returns an error string. Dates are `datetime.date`; roles, finding codes and
severities have enums whose values are the JSON codes and whose `label(lang)` is the Vietnamese
(or English) name a person sees.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .settings import Settings, use

if TYPE_CHECKING:
    from .batch.registry import Hit
    from .batch.runner import Summary
    from .lint.model import FileReport
    from .model import Document
    from .plancheck.report import BatchReport, CheckReport

PathLike = str | os.PathLike[str]


class _Coded(str, Enum):
    """A stable code (the JSON value) with a name for people in each language."""

    def label(self, lang: str = "vi") -> str:
        """The name a person sees: `Role.TASKS.label() == "nhiệm vụ"`,
        `FindingCode.SPELLING.label("en") == "spelling"`."""
        from . import messages

        table = messages.ROLE_LABELS if isinstance(self, Role) else messages.FINDING_LABELS
        return table[self.value][lang]


class Role(_Coded):
    """What a section is for (`Section.role` holds the value)."""

    PURPOSE = "purpose"
    SCOPE = "scope"
    SITUATION = "situation"
    TASKS = "tasks"
    SOLUTIONS = "solutions"
    RESPONSIBILITIES = "responsibilities"
    TIMELINE = "timeline"
    BUDGET = "budget"
    REPORTING = "reporting"
    ARTICLES = "articles"
    OTHER = "other"


class FindingCode(_Coded):
    """The stable code of a lint finding or a plan-check finding (`Finding.code`)."""

    MISSING_COMPONENT = "missing_component"
    NUMBER_FORMAT = "number_format"
    DATE_FORMAT = "date_format"
    FIXED_PHRASE = "fixed_phrase"
    NAME_VARIANT = "name_variant"
    REPEATED_WORD = "repeated_word"
    SPELLING = "spelling"
    CITATION_INCOMPLETE = "citation_incomplete"
    NUMBERING = "numbering"
    STRUCTURE = "structure"
    PARENT_REFERENCE_MISSING = "parent_reference_missing"
    PARENT_REFERENCE_MISMATCH = "parent_reference_mismatch"
    DATE_ORDER = "date_order"
    PERIOD_MISMATCH = "period_mismatch"
    DEADLINE_MISMATCH = "deadline_mismatch"
    QUOTE_MISMATCH = "quote_mismatch"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class RoleMode(str, Enum):
    """How section roles are decided: keyword rules only, or rules plus the trained model."""

    RULES = "rules"
    MODEL = "model"


def _choice(enum: type[Enum], value: Any, name: str) -> Any:
    if value is None or isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in enum)
        raise UsageError(f"{name}={value!r}: expected one of {allowed}") from None


def _lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise UsageError(f"lang={lang!r}: expected 'vi' or 'en'")
    return lang


def parse(
    path: PathLike | bytes,
    *,
    name: str = "",
    roles: RoleMode | str | None = None,
    lines: bool = False,
    entities: bool = False,
    settings: Settings | None = None,
) -> Document:
    """Parse one document (.txt .md .html .docx .doc .rtf .odt .pdf, images) into a `Document`.

    `path` is a file's path, or its content as `bytes` (an upload): then `name` (its file name,
    optional) is what the source and messages call it and its extension tells text formats apart.

    `roles`: `RoleMode.RULES` (default) or `RoleMode.MODEL`; `lines`: keep the reader's lines
    (provenance); `entities`: add named entities; `settings`: the parser's thresholds
    (`vbparse.Settings().override(header={"scan_lines": 40})`, see `vbparse.settings`). `Document.date` is the date of issue as a
    `datetime.date`. Raises `FileNotFound`, `EmptyFile`, … (`InputError`) when the file cannot
    be read, `UsageError` for a bad argument."""
    from .pipeline import parse as run
    from .pipeline import parse_raw
    from .readers import read_data

    mode = _choice(RoleMode, roles, "roles")
    if settings is not None and not isinstance(settings, Settings):
        raise UsageError(f"settings={settings!r}: expected a vbparse.Settings")
    options: dict[str, Any] = {
        "include_lines": lines,
        "roles": mode.value if mode else None,
        "settings": settings,
    }
    if isinstance(path, (bytes, bytearray, memoryview)):
        with use(settings):  # the OCR's settings are the reader's
            raw = read_data(bytes(path), name)
        doc = parse_raw(raw, **options)
    else:
        doc = run(os.fspath(path), **options)
    if entities:
        from .entities import add_entities

        add_entities(doc)
    return doc


def lint(
    path: PathLike, *, lang: str = "vi", today: _dt.date | None = None, spelling: bool = True
) -> FileReport:
    """Check one document against Nghị định 30/2020/NĐ-CP and its own consistency. The report
    has `findings` (each with `code`, a `FindingCode` value, `severity`, `line`, `message` in
    `lang`, `fix`) and `counts` per severity. `today`: the date "future" is measured against."""
    from .lint.runner import lint_path

    return lint_path(os.fspath(path), lang=_lang(lang), today=today, spelling=spelling)


def check(child: PathLike, *, parent: PathLike | Any, lang: str = "vi") -> CheckReport:
    """Check a school's plan against the district plan it implements (`parent`: a path, or a
    `ParentPlan` loaded once for many children). The report has `coverage` per parent item,
    `findings`, `extras` and `summary` (covered, partial, missing, ratio); `render(report, fmt)`
    of vbparse.plancheck.output writes it as text, Markdown, HTML or JSON."""
    from .plancheck.report import ParentPlan, check_child

    loaded = (
        parent
        if isinstance(parent, ParentPlan)
        else ParentPlan.load(os.fspath(parent), _lang(lang))  # type: ignore[arg-type]
    )
    return check_child(loaded, os.fspath(child), _lang(lang))  # type: ignore[arg-type]


def check_batch(
    plans: PathLike | Sequence[PathLike],
    *,
    parent: PathLike,
    jobs: int = 0,
    lang: str = "vi",
) -> BatchReport:
    """Check every plan of a folder (or the given files) against `parent`. Plans that cannot be
    read are listed in `failures`; a parent that cannot be read raises `InputError`."""
    from .plancheck.many import check_folder

    if jobs < 0:
        raise UsageError("jobs must be 0 (one per CPU) or more")
    source = (
        os.fspath(plans) if isinstance(plans, (str, os.PathLike)) else [os.fspath(p) for p in plans]
    )
    if isinstance(source, str) and not Path(source).is_dir():
        raise UsageError(f"{source}: not a folder")
    return check_folder(os.fspath(parent), source, jobs=jobs, lang=_lang(lang))


def batch(
    paths: PathLike | Iterable[PathLike],
    *,
    db: PathLike,
    jobs: int = 0,
    timeout: float | None = None,
) -> Summary:
    """Parse every document under `paths` (folders, globs or files) into `db`: a SQLite registry
    (.sqlite, .db; searchable with `search`) or a JSON Lines file (.jsonl). Resumable: a rerun
    skips unchanged files. Returns the run's `Summary` (total, parsed, failed, skipped, failures
    with their reasons). Files that cannot be read are recorded as failed, not raised."""
    from .batch.discover import discover
    from .batch.runner import DEFAULT_TIMEOUT
    from .batch.runner import run as run_batch
    from .batch.store import SinkError, open_sink

    names = (
        [os.fspath(paths)]
        if isinstance(paths, (str, os.PathLike))
        else [os.fspath(p) for p in paths]
    )
    found = discover(names)
    out = os.path.abspath(os.fspath(db))
    files = [f for f in found.files if f != out]
    if not files:
        raise UsageError(f"no documents to parse under {', '.join(names)}")
    try:
        sink = open_sink(os.fspath(db))
    except SinkError as exc:
        raise UsageError(str(exc)) from None
    workers = jobs or os.cpu_count() or 1
    try:
        return run_batch(
            files,
            sink.stored(),
            sink.write,
            jobs=min(workers, len(files)),
            want_rows=sink.wants_rows,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        )
    finally:
        sink.close()


def search(
    query: str = "",
    *,
    db: PathLike = "vbparse.sqlite",
    no_accents: bool = False,
    doc_type: str | None = None,
    issuer: str | None = None,
    date_from: _dt.date | str | None = None,
    date_to: _dt.date | str | None = None,
    cites: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Search a registry made by `batch`. Every word must match with the diacritics typed (a
    query typed without any, or `no_accents=True`, ignores them); documents holding the words
    side by side come first, then by BM25; "quoted words" match as a phrase. One `Hit` per
    document (`formats` lists the formats it was imported in, `copies` the other files).
    `date_from`/`date_to`: a `datetime.date` or "2020", "2020-04", "23/4/2020"."""
    from .batch.registry import RegistryError, SearchFilters, connect
    from .batch.registry import search as run_search
    from .errors import InputError

    filters = SearchFilters(doc_type=doc_type, issuer=issuer, cites=cites)
    filters.date_from = _bound(date_from, end=False)
    filters.date_to = _bound(date_to, end=True)
    if not query.strip() and not any(vars(filters).values()):
        raise UsageError("give words to find or a filter")
    if not Path(db).exists():
        raise InputError(os.fspath(db), "no such registry")
    try:
        conn = connect(os.fspath(db))
    except RegistryError as exc:
        raise InputError(os.fspath(db), str(exc)) from None
    try:
        return run_search(conn, query, filters, limit=limit, no_accents=no_accents)
    finally:
        conn.close()


def _bound(value: _dt.date | str | None, *, end: bool) -> str | None:
    from .batch.query import parse_date

    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    bound = parse_date(value, end=end)
    if bound is None:
        raise UsageError(f"{value!r} is not a date")
    return bound
