"""Access token, CSRF and origin checks, as one middleware and one form check.

- With a token (required when the server listens beyond loopback) every request must carry it:
  `Authorization: Bearer TOKEN`, or the cookie set after opening any page once with
  `?token=TOKEN`.
- A browser's state-changing request must come from our own pages: a POST whose Origin is
  another site is refused, and a form or a script that sends our cookies must also send the
  CSRF token (double submit: the cookie's value in the form field `csrf` or the header
  `X-CSRF-Token`). API clients without cookies (curl, scripts) need only the access token.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

TOKEN_COOKIE = "vbparse_token"
CSRF_COOKIE = "vbparse_csrf"
CSRF_HEADER = "x-csrf-token"
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def csrf_token(request: Request) -> str:
    """The page's CSRF token: the cookie's, or a new one the response will set."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(24)
        request.state.new_csrf = token
    return token


def csrf_ok(request: Request, sent: str | None) -> bool:
    return _same(request.cookies.get(CSRF_COOKIE), sent)


class Guard(BaseHTTPMiddleware):
    def __init__(self, app: Any, token: str | None, max_file: int) -> None:
        super().__init__(app)
        self.token = token
        self.max_file = max_file

    async def dispatch(self, request: Request, call_next: Any) -> Response:
        if self.token:
            denied = self._token_check(request)
            if denied is not None:
                return denied
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            refused = self._post_check(request)
            if refused is not None:
                return refused
        response: Response = await call_next(request)
        # Our pages load nothing from elsewhere and run no inline script: say so to the browser,
        # so that content slipping past the escaping could not run either.
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        new = getattr(request.state, "new_csrf", None)
        if new:
            response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict")
        return response

    def _token_check(self, request: Request) -> Response | None:
        given = request.query_params.get("token")
        if _same(given, self.token) and request.method == "GET":
            # Remember it in a cookie and take it out of the address bar (and of the history).
            query = urlencode(
                [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            )
            target = request.url.path + (f"?{query}" if query else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, str(self.token), httponly=True, samesite="strict")
            return response
        header = request.headers.get("authorization", "")
        bearer = header[7:] if header.lower().startswith("bearer ") else None
        if _same(bearer, self.token) or _same(request.cookies.get(TOKEN_COOKIE), self.token):
            return None
        return JSONResponse(
            error_body("unauthorized", "this server needs its access token (?token=…)"),
            status_code=401,
        )

    def _post_check(self, request: Request) -> Response | None:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return JSONResponse(
                error_body("cross_origin", "requests from other sites are refused"),
                status_code=403,
            )
        # Refused before it is read: one file (and its multipart envelope) to /api/parse, up to
        # twenty to the forms and the check; each file is held to the limit once read.
        files = 1 if request.url.path == "/api/parse" else 20
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > files * self.max_file + 2**16:
            return JSONResponse(
                error_body("too_large", f"over the limit of {self.max_file / 2**20:g} MB per file"),
                status_code=413,
            )
        # Scripts of our pages send the token in a header; forms are checked by their handler.
        is_api = request.url.path.startswith("/api/")
        sent = request.headers.get(CSRF_HEADER)
        if is_api and CSRF_COOKIE in request.cookies and not csrf_ok(request, sent):
            return JSONResponse(
                error_body("csrf", "the page's security token is missing or stale; reload"),
                status_code=403,
            )
        return None
