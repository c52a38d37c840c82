"""The web application: `create_app(settings)` builds the FastAPI app that `vbparse serve` runs.

Routes live in api.py (JSON) and pages.py (HTML); both call service.py. Errors are JSON
`{"error": {"code", "message"}}` for the API and a page for the pages, with their real status;
an unexpected exception is logged and answered with a 500 that carries no traceback.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .pool import WorkerPool
from .security import Guard, error_body
from .service import Service, ServiceError

HERE = Path(__file__).resolve().parent
log = logging.getLogger("vbparse.web")


@dataclass
class Settings:
    db: Path
    token: str | None = None
    max_upload_mb: float = 50.0
    jobs: int = 2
    timeout: float = 120.0  # seconds per file


def create_app(settings: Settings) -> FastAPI:
    pool = WorkerPool(settings.jobs, settings.timeout)
    max_upload = int(settings.max_upload_mb * 2**20)
    service = Service(settings.db, pool=pool, max_upload=max_upload)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        pool.close()
        service.close()

    app = FastAPI(
        title="vbparse",
        version=__version__,
        description="Parse, correct, search and check Vietnamese administrative documents.",
        lifespan=lifespan,
        # Swagger UI and ReDoc load from a CDN; /docs is our own page (pages.api_docs).
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.state.settings = settings
    app.add_middleware(Guard, token=settings.token, max_file=max_upload)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get(
        "accept", ""
    )


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(code, message), status_code=status)
    from .pages import error_page

    return error_page(request, status, message)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return _error(request, 422, "invalid_request", problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal", f"internal error ({type(exc).__name__})")
