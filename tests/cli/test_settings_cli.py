"""The parser's thresholds from the command line: `vbparse settings` prints them as a TOML file,
--settings FILE and --set GROUP.NAME=VALUE change them for parse, eval, lint, check and batch —
batch workers included, which are other processes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomllib

from vbparse import settings
from vbparse.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CV = CORPUS / "docs" / "cv-2345-bgddt-gdth.md"  # its V/v subject is wrapped over two lines
WHOLE = "hướng dẫn xây dựng kế hoạch giáo dục của nhà trường cấp tiểu học"
FIRST_LINE = "hướng dẫn xây dựng kế hoạch giáo dục của"


@pytest.fixture(autouse=True)
def own_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI passes settings on through the environment: restore it after each test."""
    for name in (settings.ENV_FILE, settings.ENV_SET):
        monkeypatch.setenv(name, "")  # recorded as it was, so that undo restores it
        monkeypatch.delenv(name)
    settings.reset_process_settings()
    yield
    monkeypatch.undo()
    settings.reset_process_settings()


def _subject(run_cli, *options: object) -> str:
    code, out, err = run_cli("parse", "-f", "json", *options, CV)
    assert code == 0, err
    return json.loads(out)["subject"]


def test_settings_prints_a_file_that_reads_back_as_the_defaults(run_cli, tmp_path):
    code, out, _ = run_cli("settings")
    assert code == 0
    data = tomllib.loads(out)
    assert data["header"]["vv_lines"] == Settings().header.vv_lines
    (tmp_path / "s.toml").write_text(out, encoding="utf-8")
    assert settings.from_toml(tmp_path / "s.toml") == Settings()
    # A list setting, from --set as from the file.
    changed = settings.from_assignments(["reread.dpis=[250, 350]", "reread.lang=vie"])
    assert changed.reread.dpis == (250.0, 350.0) and changed.reread.lang == "vie"


def test_set_and_a_settings_file_change_the_parse(run_cli, tmp_path):
    assert _subject(run_cli) == WHOLE
    assert _subject(run_cli, "--set", "header.vv_lines=1") == FIRST_LINE
    settings.reset_process_settings()
    (tmp_path / "s.toml").write_text("[header]\nvv_lines = 1\n", encoding="utf-8")
    assert _subject(run_cli, "--settings", tmp_path / "s.toml") == FIRST_LINE
    # --set applies after the file: the value typed last wins.
    assert (
        _subject(run_cli, "--settings", tmp_path / "s.toml", "--set", "header.vv_lines=8") == WHOLE
    )


@pytest.mark.parametrize(
    ("option", "vi", "en"),
    [
        (
            ["--set", "header.no_such=1"],
            "không có thiết lập header.no_such",
            "no setting header.no_such",
        ),
        (["--set", "header.vv_lines=nhiều"], "không phải một số nguyên", "is not a whole number"),
        (["--set", "vv_lines"], "nhóm.tên=giá_trị", "group.name=value"),
        (["--settings", "/no/such/file.toml"], "không đọc được tệp thiết lập", "cannot read"),
    ],
)
def test_a_bad_setting_is_a_usage_error_in_words(run_cli, option, vi, en):
    code, out, err = run_cli("parse", *option, CV)
    assert (code, out) == (2, "") and vi in err and "Traceback" not in err
    code, _, err = run_cli("parse", "--lang", "en", *option, CV)
    assert code == 2 and en in err


@pytest.mark.parametrize("scheduler", [[], ["--scheduler", "local:2"]], ids=["processes", "dask"])
def test_batch_workers_parse_with_the_settings(run_cli, tmp_path, scheduler):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        shutil.copy(CV, folder / f"cv{i}.md")
    db = tmp_path / "r.sqlite"
    code, _, err = run_cli(
        "batch", folder, "--db", db, "-j", "2", "-q", "--set", "header.vv_lines=1"
    )
    assert code == 0, err
    with sqlite3.connect(db) as con:
        subjects = {row[0] for row in con.execute("SELECT subject FROM documents")}
    assert subjects == {FIRST_LINE}


@pytest.mark.parametrize("command", [["settings"], ["schema"], ["lint", CV]])
def test_an_out_file_that_cannot_be_written_is_named(run_cli, tmp_path, command):
    target = tmp_path / "no_such_folder" / "out.txt"
    code, out, err = run_cli(*command, "-o", target)
    assert code == 2 and str(target) in err and "Traceback" not in err and out == ""
