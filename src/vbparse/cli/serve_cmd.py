"""vbparse serve : the web application (pages for clerks and district officers, and a JSON API)."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import sys
from pathlib import Path

from .options import add_common_options


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="start the web application over a registry",
        description="Start the web application: import documents, see every field beside the "
        "source text and correct it, check school plans against the district plan, search the "
        "registry. The JSON API is described at /docs. It listens on 127.0.0.1 unless --host "
        "says otherwise; any other address needs --token (or --token-file), and every page and "
        "API call must then carry it. Ctrl-C stops it.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any free one)")
    p.add_argument("--token", help="access token every request must carry (needed off loopback)")
    p.add_argument("--token-file", metavar="FILE", help="read the access token from FILE")
    p.add_argument(
        "--max-upload", type=float, default=50.0, metavar="MB", help="largest file (default 50)"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="time limit per file (default 120)",
    )
    add_common_options(p, db=True, jobs=True)
    p.set_defaults(func=run)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _token(args: argparse.Namespace) -> str | None:
    if args.token_file:
        return Path(args.token_file).read_text(encoding="utf-8").strip() or None
    return args.token or None


def run(args: argparse.Namespace) -> int:
    try:
        token = _token(args)
    except OSError as exc:
        print(f"vbparse serve: {args.token_file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not _loopback(args.host) and not token:
        print(
            f"vbparse serve: listening on {args.host} opens the registry to the network; "
            "give an access token with --token or --token-file",
            file=sys.stderr,
        )
        return 2
    try:
        import uvicorn

        from ..web.app import Settings, create_app
        from ..web.service import ServiceError
    except ImportError as exc:
        print(
            f"vbparse serve: needs the web extra ({exc.name} is missing): "
            "pip install 'vbparse[web]'",
            file=sys.stderr,
        )
        return 2
    settings = Settings(Path(args.db), token, args.max_upload, args.jobs or 2, args.timeout)
    try:
        app = create_app(settings)
    except ServiceError as exc:
        print(f"vbparse serve: {exc.message}", file=sys.stderr)
        return 2
    app.state.service.pool.warm_up()
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning")
    server = uvicorn.Server(config)
    original_startup = server.startup

    async def startup(sockets: object = None) -> None:
        await original_startup(sockets)  # type: ignore[arg-type]
        for s in server.servers:
            for sock in s.sockets:
                host, port = sock.getsockname()[:2]
                shown = "127.0.0.1" if host == "0.0.0.0" else host
                suffix = f"/?token={token}" if token else "/"
                print(f"vbparse serve: open http://{shown}:{port}{suffix}", flush=True)
        print(f"vbparse serve: registry {settings.db}; Ctrl-C stops", flush=True)

    server.startup = startup  # type: ignore[method-assign]
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises the signal it handled
        server.run()
    print("vbparse serve: stopped", flush=True)
    return 0
