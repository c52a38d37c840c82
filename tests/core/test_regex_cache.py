"""The compiled-regex cache (vbparse.regex_cache, issue #17): a second cold run takes the slow
patterns from the file instead of compiling them, each one exactly the pattern `re` compiles, and
parses to the same JSON; a damaged file is ignored and replaced; VBPARSE_REGEX_CACHE=0 turns it
off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "kh-36-thbtd.txt"

# Parse the seed as `vbparse parse` does; report how many patterns came from the file, whether
# each is the very pattern re compiles, and how many slow ones this run compiled itself.
_RUN = """
import contextlib, io, re, sys
from re import _compiler
from vbparse import regex_cache
from vbparse.cli import main

with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main(["parse", sys.argv[1]]) == 0
loaded = regex_cache._loaded
same = all(re._cache[(str, p, f)] == _compiler.compile(p, f) for p, f in loaded)
print(len(loaded), same, len(regex_cache.new_entries()))
print(out.getvalue(), end="")
"""


def _run(cache: Path, **env: str) -> tuple[int, bool, int, str]:
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(SEED)],
        env={**os.environ, "VBPARSE_CACHE_DIR": str(cache), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    head, _, output = proc.stdout.partition("\n")
    loaded, same, new = head.split()
    return int(loaded), same == "True", int(new), output


def test_a_second_run_takes_the_patterns_from_the_cache(tmp_path):
    loaded, _, new, first = _run(tmp_path)
    assert loaded == 0 and new > 20  # nothing to load yet: the extractors' patterns compiled
    (cache,) = tmp_path.glob("regex-*.marshal")
    written = cache.stat().st_mtime_ns
    loaded, same, new, second = _run(tmp_path)
    assert loaded > 20 and same  # each loaded pattern is the one re compiles
    assert new == 0 and cache.stat().st_mtime_ns == written  # nothing new: not rewritten
    assert second == first and '"symbol": "KH-THBTD"' in second


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    _run(tmp_path)
    (cache,) = tmp_path.glob("regex-*.marshal")
    cache.write_bytes(b"\x00not a cache")
    loaded, _, _, output = _run(tmp_path)
    assert loaded == 0 and '"symbol": "KH-THBTD"' in output
    assert _run(tmp_path)[0] > 20  # rewritten by the run that found it damaged


def test_the_cache_can_be_turned_off(tmp_path):
    loaded, _, _, output = _run(tmp_path, VBPARSE_REGEX_CACHE="0")
    assert loaded == 0 and '"symbol": "KH-THBTD"' in output
    assert list(tmp_path.iterdir()) == []


def test_without_cpythons_regex_internals_the_cache_is_off(tmp_path):
    # Another Python may lack `_sre`: vbparse still imports and parses, compiling as usual.
    first = "import contextlib, io, re, sys\n"
    run = _RUN.replace(first, first + "sys.modules['_sre'] = None\n")
    proc = subprocess.run(
        [sys.executable, "-c", run, str(SEED)],
        env={**os.environ, "VBPARSE_CACHE_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.startswith("0 True 0\n") and '"symbol": "KH-THBTD"' in proc.stdout
    assert list(tmp_path.iterdir()) == []
