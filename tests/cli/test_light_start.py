"""A cold `vbparse parse` of a .txt file starts light (issue #17): no heavy library is imported on
that path, and the command line imports only the module of the command it runs. Not timed: the
modules a run leaves in sys.modules are what is asserted."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_corpus import CORPUS

SEED = CORPUS / "seed" / "kh-36-thbtd.txt"
# Libraries that cost tens of milliseconds to import, or much more; none is needed to read a
# .txt file and print its JSON.
HEAVY = {
    "pydantic",
    "pydantic_core",
    "numpy",
    "scipy",
    "sklearn",
    "underthesea",
    "pdfplumber",
    "pypdfium2",
    "docx",
    "lxml",
    "PIL",
    "fastapi",
}

_RUN = """
import contextlib, io, sys
import vbparse
from vbparse.cli import main

doc = vbparse.parse(sys.argv[1])
assert doc.number.symbol == "KH-THBTD"
doc.to_json()
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main(["parse", sys.argv[1]]) == 0
assert '"symbol": "KH-THBTD"' in out.getvalue()
print("\\n".join(sorted(sys.modules)))
"""


@pytest.fixture(scope="module")
def modules() -> set[str]:
    """The modules loaded after parsing the seed with the API and with `vbparse parse`."""
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(SEED)], capture_output=True, text=True, check=True
    )
    return set(proc.stdout.split())


def test_parsing_a_txt_imports_no_heavy_library(modules):
    assert "vbparse.pipeline" in modules  # the parse did run here
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_the_parse_command_imports_no_other_command(modules):
    assert "vbparse.cli.parse_cmd" in modules
    others = sorted(m for m in modules if m.startswith("vbparse.cli.") and m.endswith("_cmd"))
    assert others == ["vbparse.cli.parse_cmd"]
