"""The HTML pages: Nhập văn bản (/), Văn bản (/documents/{id}), Kiểm tra kế hoạch (/check),
Tra cứu (/search). Jinja2 escapes every value; forms carry the CSRF token."""

from __future__ import annotations

import math
import secrets
from collections import OrderedDict
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import UploadFile

from ..batch.corrections import CORRECTABLE
from .labels import has_label, label
from .security import csrf_ok, csrf_token
from .service import SearchQuery, Service, ServiceError, Upload, display_name

router = APIRouter(include_in_schema=False)
templates = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
LANG_COOKIE = "vbparse_lang"


def shown_date(value: str | None, lang: str = "vi") -> str:
    """An ISO date as the reader writes it: 23/04/2020 in Vietnamese, ISO in English."""
    if not value or lang == "en":
        return value or ""
    return "/".join(reversed(value.split("-")))


templates.filters["shown_date"] = shown_date
# Finished plan checks, kept for their downloads (the newest few; a report is small).
_REPORTS: OrderedDict[str, dict[str, Any]] = OrderedDict()
_KEEP_REPORTS = 50


def service(request: Request) -> Service:
    return request.app.state.service


def page_lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "vi"
    return "en" if lang == "en" else "vi"


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = page_lang(request)
    html = templates.get_template(name).render(
        t=lambda key, **p: label(key, lang, **p),
        has_label=has_label,
        lang=lang,
        csrf=csrf_token(request),
        path=request.url.path,
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, samesite="lax")
    return response


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, message=message)


async def _form(request: Request) -> Any:
    form = await request.form()
    if not csrf_ok(request, str(form.get("csrf") or "")):
        raise ServiceError(403, "csrf", "the page's security token is missing or stale; reload")
    return form


async def _uploads(request: Request, items: list[Any]) -> list[Upload]:
    out = []
    for item in items:
        if isinstance(item, UploadFile) and item.filename:
            limit = service(request).max_upload
            data = await item.read(limit + 1)
            name = display_name(item.filename)
            service(request).check_size(data, name)
            out.append(Upload(name, data))
    return out


# --- Nhập văn bản -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
async def upload_page(request: Request) -> Response:
    recent, _ = service(request).search(SearchQuery(sort="date", per_page=10))
    return render(request, "upload.html", results=None, recent=recent)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """The form without JavaScript: parse every file, then list the results."""
    form = await _form(request)
    results = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        name = display_name(item.filename)
        try:
            (upload_,) = await _uploads(request, [item])
            document = await service(request).parse_upload(upload_)
            results.append({"name": name, "document": document})
        except ServiceError as exc:
            results.append({"name": name, "error": exc.message})
    return render(request, "upload.html", results=results, recent=[])


# --- Văn bản ------------------------------------------------------------------------------------


def _span_lines(span: dict[str, Any] | None) -> list[int]:
    return [span["line"]] if span else []


def document_view(document: dict[str, Any]) -> dict[str, Any]:
    """What the document page shows: each correctable field with its value, source line(s) and
    correction in force; warnings with their lines."""
    from ..batch.corrections import get_field

    provenance = document.get("provenance") or {}
    live = {c["field"]: c for c in document["corrections"] if c["undone_at"] is None}
    fields = []
    for key, prov in CORRECTABLE.items():
        value = get_field(document, key)
        span = provenance.get(key) or provenance.get(prov)
        fields.append(
            {
                "key": key,
                "value": value,
                # An empty field came from nowhere, even when its component's span is known.
                "lines": _span_lines(span) if value not in (None, "") else [],
                "correction": live.get(key),
            }
        )
    warnings = [
        {**w, "lines": _span_lines(provenance.get(w.get("field") or ""))}
        for w in document.get("warnings") or []
    ]
    recipients = list(
        zip(document.get("recipients") or [], document.get("recipient_spans") or [], strict=False)
    )
    return {"fields": fields, "warnings": warnings, "recipients": recipients}


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document_page(request: Request, doc_id: int) -> Response:
    document = await service(request).document(doc_id, with_lines=True)
    findings = await service(request).lint(document, page_lang(request))
    return render(
        request,
        "document.html",
        doc=document,
        view=document_view(document),
        findings=findings,
        sections=document.get("sections") or [],
    )


@router.post("/documents/{doc_id}/corrections")
async def correct(request: Request, doc_id: int) -> Response:
    form = await _form(request)
    field = str(form.get("field") or "")
    await service(request).correct(doc_id, field, str(form.get("value") or ""))
    return RedirectResponse(f"/documents/{doc_id}#f-{field}", status_code=303)


@router.post("/documents/{doc_id}/reparse")
async def reparse(request: Request, doc_id: int) -> Response:
    await _form(request)
    await service(request).reparse(doc_id)
    return RedirectResponse(f"/documents/{doc_id}", status_code=303)


@router.post("/documents/{doc_id}/undo")
async def undo(request: Request, doc_id: int) -> Response:
    form = await _form(request)
    field = str(form.get("field") or "")
    await service(request).undo(doc_id, field)
    return RedirectResponse(f"/documents/{doc_id}#f-{field}", status_code=303)


# --- Kiểm tra kế hoạch --------------------------------------------------------------------------


@router.get("/check", response_class=HTMLResponse)
async def check_page(request: Request) -> Response:
    return render(request, "check.html", plans=service(request).plans(), report=None, rid=None)


def _registry_ids(values: list[Any]) -> list[int]:
    return [int(v) for v in values if isinstance(v, str) and v.isdigit()]


@router.post("/check", response_class=HTMLResponse)
async def check(request: Request) -> Response:
    form = await _form(request)
    lang = page_lang(request)
    parents: list[Upload | int] = [
        *await _uploads(request, form.getlist("parent")),
        *_registry_ids(form.getlist("parent_id")),
    ]
    children: list[Upload | int] = [
        *await _uploads(request, form.getlist("children")),
        *_registry_ids(form.getlist("child_ids")),
    ]
    if not parents:
        raise ServiceError(422, "no_parent", label("check.parent", lang) + ": ?")
    report = await service(request).check(parents[0], children, lang)
    rid = secrets.token_urlsafe(12)
    _REPORTS[rid] = {**report, "lang": lang}
    while len(_REPORTS) > _KEEP_REPORTS:
        _REPORTS.popitem(last=False)
    return render(
        request, "check.html", plans=service(request).plans(), report=matrix(report), rid=rid
    )


def school_name(result: dict[str, Any]) -> str:
    """A school as a district officer names it: the issuing body, else the number, else the
    file."""
    child = result["child"]
    return str(child.get("issuer") or child.get("number") or child.get("path"))


def matrix(report: dict[str, Any]) -> dict[str, Any]:
    """The matrix the page draws: one row per school, one status per parent item."""
    rows = []
    for result in report["results"]:
        status = {c["parent_id"]: c["status"] for c in result["coverage"]}
        rows.append(
            {
                "school": school_name(result),
                "file": result["child"]["path"],
                "number": result["child"].get("number"),
                "cells": [status.get(item["id"], "missing") for item in report["items"]],
                "ratio": result["summary"]["ratio"],
                "findings": result["findings"],
            }
        )
    # Per item, how many schools carry it out (the column's total).
    covered = [
        sum(row["cells"][i] == "covered" for row in rows) for i in range(len(report["items"]))
    ]
    return {**report, "rows": rows, "covered": covered}


_DOWNLOADS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


@router.get("/check/{rid}/report.{fmt}")
async def check_download(rid: str, fmt: str) -> Response:
    """The same report as `vbparse check-batch`, as .xlsx, .csv or printable .html."""
    from ..plancheck.output import render_batch
    from ..plancheck.report import BatchReport

    report = _REPORTS.get(rid)
    if report is None or fmt not in _DOWNLOADS:
        raise ServiceError(404, "not_found", "this report is no longer kept; check again")
    batch = BatchReport(
        parent=report["parent"],
        item_ids=[item["id"] for item in report["items"]],
        results=report["results"],
        failures=report["failures"],
        lang=report["lang"],
    )
    body = render_batch(batch, fmt)
    data = body if isinstance(body, bytes) else ("\ufeff" if fmt == "csv" else "") + body
    return Response(
        data,
        media_type=_DOWNLOADS[fmt],
        headers={"Content-Disposition": f'attachment; filename="kiem-tra-ke-hoach.{fmt}"'},
    )


# --- Tra cứu ------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request) -> Response:
    p = request.query_params
    year = p.get("year", "")
    page = p.get("page", "1")
    query = SearchQuery(
        q=p.get("q", ""),
        doc_type=p.get("type", ""),
        issuer=p.get("issuer", ""),
        year=int(year) if year.isdigit() else None,
        warnings=p.get("warnings") == "1",
        sort="date" if p.get("sort") == "date" else "relevance",
        page=max(1, int(page)) if page.isdigit() else 1,
    )
    hits, total = service(request).search(query)
    pages = max(1, math.ceil(total / query.per_page))
    others = [(k, v) for k, v in p.multi_items() if k != "page"]
    return render(
        request,
        "search.html",
        query=query,
        hits=hits,
        total=total,
        pages=pages,
        others=others,
        types=service(request).doc_types(),
    )


# --- API description ----------------------------------------------------------------------------


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> Response:
    """The OpenAPI description as a page of this server (FastAPI's own loads from a CDN)."""
    spec = request.app.openapi()
    operations = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api_docs.html", spec=spec, operations=operations)
