"""The JSON API (described at /docs). Every route is a thin call into service.py."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel

from .. import __version__
from .service import SearchQuery, Service, ServiceError, Upload, display_name

router = APIRouter(prefix="/api", tags=["api"])


def service(request: Request) -> Service:
    return request.app.state.service


async def read_upload(request: Request, file: UploadFile) -> Upload:
    """The upload's bytes, read no further than one byte over the limit."""
    limit = service(request).max_upload
    name = display_name(file.filename)
    data = await file.read(limit + 1)
    service(request).check_size(data, name)
    return Upload(name, data)


class CorrectionIn(BaseModel):
    field: str
    value: str | None


class UndoIn(BaseModel):
    field: str


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.post("/parse")
async def parse(request: Request, file: Annotated[UploadFile, File()]) -> dict[str, Any]:
    """Parse one file (multipart field `file`) and store it: the JSON of `vbparse parse`, with
    the registry `id`."""
    return await service(request).parse_upload(await read_upload(request, file))


@router.post("/check")
async def check(
    request: Request,
    parent: Annotated[UploadFile, File()],
    children: Annotated[list[UploadFile], File()],
    lang: str = Query("vi", pattern="^(vi|en)$"),
) -> dict[str, Any]:
    """Check school plans (`children`) against the parent plan: per school the JSON of
    `vbparse check --format json`, in `results`; unreadable ones in `failures`."""
    parent_upload = await read_upload(request, parent)
    uploads = [await read_upload(request, child) for child in children]
    return await service(request).check(parent_upload, list(uploads), lang)


@router.get("/documents")
async def documents(
    request: Request,
    q: str = "",
    type: str = "",
    issuer: str = "",
    year: int | None = Query(None, ge=1900, le=2200),
    warnings: bool = False,
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
    page: int = Query(1, ge=1),
    per_page: int = Query(20, ge=1, le=200),
) -> dict[str, Any]:
    query = SearchQuery(q, type, issuer, year, warnings, sort, page, per_page)
    hits, total = service(request).search(query)
    return {"total": total, "page": page, "per_page": per_page, "hits": hits}


@router.get("/documents/{doc_id}")
async def document(request: Request, doc_id: int, lines: bool = False) -> dict[str, Any]:
    """The document as `vbparse parse` gives it, corrections applied, with their history."""
    return await service(request).document(doc_id, with_lines=lines)


@router.post("/documents/{doc_id}/reparse")
async def reparse(request: Request, doc_id: int) -> dict[str, Any]:
    """Parse the document's stored file again; its corrections stay in force."""
    return await service(request).reparse(doc_id)


@router.post("/documents/{doc_id}/corrections", status_code=201)
async def correct(request: Request, doc_id: int, body: CorrectionIn) -> dict[str, Any]:
    """Correct one field, e.g. `{"field": "signer.title", "value": "Hiệu trưởng"}`."""
    return await service(request).correct(doc_id, body.field, body.value)


@router.post("/documents/{doc_id}/corrections/undo")
async def undo(request: Request, doc_id: int, body: UndoIn) -> dict[str, Any]:
    """Undo the latest correction of a field."""
    return await service(request).undo(doc_id, body.field)


__all__ = ["ServiceError", "router"]
