"""`vbparse check`/`check-batch` end without tearing the interpreter down (freeing the plan
checker's models object by object costs ~0.1 s a run): the report is written and flushed, the
exit code and the atexit handlers kept; other commands exit as usual. Not timed: whether the
teardown ran is seen by an object that says so when it is freed."""

from __future__ import annotations

import subprocess
import sys

from cli_corpus import CORPUS

PLANS = CORPUS / "plans"

_RUN = """
import atexit, sys
from vbparse import cli


class Freed:
    def __del__(self):
        sys.stderr.write("teardown\\n")


cli.KEEP = Freed()  # freed only when the interpreter tears its modules down
atexit.register(lambda: sys.stderr.write("atexit\\n"))
sys.argv = ["vbparse", *sys.argv[1:]]
cli.run()
"""


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, *map(str, args)], capture_output=True, text=True, check=False
    )


def test_check_ends_without_teardown():
    child, parent = PLANS / "child-gaps-th-an-phu.txt", PLANS / "parent-253-kh-gddt.txt"
    done = _run("check", child, "--parent", parent, "--format", "json", "--fail-under", "100")
    assert done.returncode == 1  # below 100 %: the command's own exit code
    assert done.stdout.rstrip().endswith("}")  # the whole report, flushed
    assert "atexit" in done.stderr.splitlines()
    assert "teardown" not in done.stderr.splitlines()


def test_check_batch_ends_without_teardown(tmp_path):
    out = tmp_path / "district.json"
    done = _run("check-batch", PLANS, "--parent", PLANS / "parent-253-kh-gddt.txt", "-o", out, "-q")
    assert done.returncode in (0, 1)
    assert out.read_text(encoding="utf-8").rstrip().endswith("}")
    assert "teardown" not in done.stderr.splitlines()


def test_other_commands_exit_as_usual():
    done = _run("parse", CORPUS / "seed" / "kh-36-thbtd.txt")
    assert done.returncode == 0
    assert done.stderr.splitlines()[-2:] == ["atexit", "teardown"]
