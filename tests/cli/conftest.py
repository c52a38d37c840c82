"""Fixtures of the interface tests: the CLI run in this process, and a registry that
`vbparse batch` builds from the text documents of the corpus (no OCR: the scans take minutes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_corpus import REGISTRY_INPUTS


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `vbparse ARGS…` in this process; returns (exit code, stdout, stderr)."""
    from vbparse.cli import main

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="module")
def corpus_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vbparse.cli import main

    db = tmp_path_factory.mktemp("registry") / "corpus.sqlite"
    assert main(["batch", *map(str, REGISTRY_INPUTS), "--db", str(db), "-j", "2", "-q"]) == 0
    return db
