"""Fixtures of the web tests: the app over a fresh registry (FastAPI's TestClient), and the
real server started on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_helpers import LiveServer


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from fastapi.testclient import TestClient

    from vbparse.web.app import Settings, create_app

    db = tmp_path_factory.mktemp("web") / "registry.sqlite"
    app = create_app(Settings(db, max_upload_mb=1, jobs=1, timeout=60))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("live") / "registry.sqlite")
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()
