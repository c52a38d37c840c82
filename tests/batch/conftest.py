"""Fixtures of the batch tests: a small mixed archive, and the CLI run in this process."""

from __future__ import annotations

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
