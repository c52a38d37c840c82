"""The work the server hands to its worker processes: parse an upload, lint it, check plans.

Each function runs in a worker, takes file paths the server wrote (never a name a user chose)
and the name to show, never raises, and stops itself after `timeout` seconds with a SIGALRM
(a reader stuck inside a C library is caught by the pool's own deadline instead, see pool.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..readers.limits import TimeLimitExceeded, time_limit

T = TypeVar("T")


def failure(kind: str, message: str) -> dict[str, Any]:
    return {"ok": False, "kind": kind, "message": message}


def guarded(timeout: float, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`work()` under the time limit; a read error, a bug or the limit become a failure."""
    from ..readers import ReadError

    try:
        with time_limit(timeout):
            return work()
    except TimeLimitExceeded:
        return failure("timeout", f"took longer than {timeout:g} s")
    except ReadError as exc:
        return failure(exc.kind, exc.message)
    except Exception as exc:  # a parser bug is this file's failure, never the server's
        return failure("internal", f"{type(exc).__name__}: {exc}")


def _read(file_path: str, shown_as: str) -> Any:
    from ..readers import read

    raw = read(file_path)
    raw.path = shown_as
    return raw


def parse_upload(file_path: str, shown_as: str, timeout: float) -> dict[str, Any]:
    """Parse one stored upload: the document JSON (as `vbparse parse`) and its registry rows."""

    def work() -> dict[str, Any]:
        from ..batch.registry import document_rows
        from ..pipeline import parse_raw

        raw = _read(file_path, shown_as)
        doc = parse_raw(raw)
        lines = [line.text for line in raw.lines]
        document_json = doc.to_json(indent=None)
        return {
            "ok": True,
            "sha256": raw.sha256,
            "json": document_json,
            "rows": document_rows(doc, lines, document_json),
        }

    return guarded(timeout, work)


def lint_upload(file_path: str, shown_as: str, lang: str, timeout: float) -> dict[str, Any]:
    """Lint findings of one stored file, as dicts (the JSON of `vbparse lint`)."""

    def work() -> dict[str, Any]:
        from ..lint.runner import lint_raw

        report = lint_raw(_read(file_path, shown_as), lang=lang)  # type: ignore[arg-type]
        return {"ok": True, "findings": [f.model_dump() for f in report.findings]}

    return guarded(timeout, work)


def check_plans(
    parent: tuple[str, str], children: list[tuple[str, str]], lang: str, timeout: float
) -> dict[str, Any]:
    """The district check: the parent's items (the legend) and one result or failure per
    school plan, in order. `parent` and each child are (file path, name shown)."""
    from ..plancheck.report import CheckError, ParentPlan, _doc_info, check_child

    def load_parent() -> dict[str, Any]:
        try:
            plan = ParentPlan.load(parent[0])
        except CheckError as exc:
            return failure("not_a_plan", exc.message)
        plan.path = parent[1]
        plan.doc.source.path = parent[1]
        return {"ok": True, "plan": plan}

    loaded = guarded(timeout, load_parent)
    if not loaded["ok"]:
        return loaded
    plan = loaded.pop("plan")
    results: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    for path, name in children:

        def check_one(path: str = path) -> dict[str, Any]:
            try:
                return {"ok": True, "report": check_child(plan, path, lang).to_dict()}  # type: ignore[arg-type]
            except CheckError as exc:
                return failure("not_a_plan", exc.message)

        outcome = guarded(timeout, check_one)
        if outcome["ok"]:
            report = outcome["report"]
            report["child"]["path"] = name
            results.append(report)
        else:
            failures.append({"path": name, "error": outcome["message"]})
    return {
        "ok": True,  # for the pool's caller; service.check drops it
        "parent": _doc_info(parent[1], plan.doc),
        "items": [{"id": i.id, "kind": i.kind, "text": i.text} for i in plan.items],
        "results": results,
        "failures": failures,
    }
