"""Fixtures of the batch tests: a small mixed archive, and the CLI run in this process."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from batch_archive import build_archive


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "archive")


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `vbparse ARGS…` in this process; returns (exit code, stdout, stderr)."""
    from vbparse.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole session. scripts/install.sh installs PostgreSQL, so a
    missing server is a failure, as for LibreOffice and Tesseract, not a skip."""
    from pg_server import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    assert bin_dir is not None, "PostgreSQL (initdb) is not installed: run scripts/install.sh"
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def registry_url(request, tmp_path: Path) -> str:
    """A new, empty registry on each backend: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "registry.sqlite")
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"registry_{next(_databases)}")
