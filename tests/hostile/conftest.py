"""Fixtures of the hostile-input tests: a folder of generated inputs, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_inputs import INPUTS


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding every hostile input, each under its INPUTS name (and nothing else)."""
    folder = tmp_path_factory.mktemp("hostile")
    for name, (make, _) in INPUTS.items():
        assert make(folder).name == name
    return folder
