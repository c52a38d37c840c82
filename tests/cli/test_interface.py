"""One interface: every command takes the shared options, documented in docs/cli.md, and keeps
the shared exit codes (0 done, 1 findings / some failed, 2 bad usage, 3 unreadable, 4 internal)."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys

import pytest
from cli_corpus import CORPUS, ROOT

from vbparse.cli import build_parser

SEED = CORPUS / "seed" / "kh-36-thbtd.txt"
CLEAN = CORPUS / "docs" / "file_data_22.md"
PARENT = CORPUS / "plans" / "parent-253-kh-gddt.txt"
CHILD = CORPUS / "plans" / "child-seed-36-thbtd.txt"
SHARED = {"--lang", "--quiet", "-q", "--verbose", "-v"}
# The arguments a command needs before any option.
REQUIRED = {
    "parse": ["x.txt"],
    "eval": ["corpus"],
    "check": ["c.txt", "--parent", "p.txt"],
    "check-batch": ["d", "--parent", "p.txt", "--out", "r.html"],
    "lint": ["x.txt"],
    "batch": ["d", "--out", "r.sqlite"],
    "search": ["x"],
    "export": ["--out", "x.csv"],
    "train": ["roles"],
    "completion": ["bash"],
    "serve": [],
    "eval-check": [],
}


def commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def visible_options(parser: argparse.ArgumentParser) -> set[str]:
    return {
        "/".join(a.option_strings)
        for a in parser._actions
        if a.option_strings and a.help != argparse.SUPPRESS and a.dest != "help"
    }


def documented() -> dict[str, set[str]]:
    """docs/cli.md's command table: command → every option it lists."""
    rows = {}
    for line in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([a-z-]+)[^|]*\|(.*?)\|(.*?)\|\s*[0-9, ]+\s*\|$", line)
        if m:
            rows[m.group(1)] = set(re.findall(r"`(-[^`]+)`", m.group(2) + m.group(3)))
    return rows


def test_every_command_is_documented_with_all_its_options():
    table = documented()
    parsers = commands()
    assert set(table) == set(parsers)
    for name, parser in parsers.items():
        assert visible_options(parser) == table[name], name


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_accepts_the_shared_options(name):
    parser = build_parser()
    args = parser.parse_args([name, *REQUIRED.get(name, []), "--lang", "en", "-q", "-v"])
    assert (args.lang, args.quiet, args.verbose) == ("en", True, True)
    options = {o for a in commands()[name]._actions for o in a.option_strings}
    assert options >= SHARED
    # Where a command has the idea, it has the shared spelling (short forms included).
    for long, short in (("--format", "-f"), ("--out", "-o"), ("--jobs", "-j")):
        assert (long in options) == (short in options), (name, long)
    # The old spellings of the same ideas are hidden aliases (search --to is a date bound).
    for old in ("--json", "--no-progress", *(("--to",) if name == "export" else ())):
        assert old not in visible_options(commands()[name]), (name, old)


@pytest.mark.parametrize("name", sorted(commands()))
def test_bad_usage_is_exit_2(name, capsys):
    from vbparse.cli import main

    with pytest.raises(SystemExit) as exc:
        main([name, *REQUIRED.get(name, []), "--no-such-option"])
    assert exc.value.code == 2


def test_exit_codes_0_1(run_cli, tmp_path):
    assert run_cli("parse", SEED)[0] == 0
    assert run_cli("lint", CLEAN, "--today", "2026-01-01")[0] == 0
    assert run_cli("lint", SEED)[0] == 1  # errors found
    assert run_cli("parse", SEED, tmp_path / "missing.txt")[0] == 1  # one of two failed
    assert run_cli("check", CHILD, "--parent", PARENT, "--fail-under", "50")[0] == 0
    code, _, err = run_cli("check", CHILD, "--parent", PARENT, "--fail-under", "99,5")
    assert code == 1 and "thấp hơn ngưỡng 99,5 %" in err


def test_unreadable_input_is_exit_3_with_one_line(run_cli, tmp_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cases = [
        ("parse", missing),
        ("parse", empty, missing),
        ("lint", missing),
        ("check", missing, "--parent", PARENT),
        ("check", CHILD, "--parent", missing),
        ("check-batch", CORPUS / "plans", "--parent", missing, "--out", tmp_path / "r.html"),
        ("search", "x", "--db", tmp_path / "none.sqlite"),
        ("export", "--db", tmp_path / "none.sqlite", "--out", tmp_path / "x.csv"),
    ]
    for case in cases:
        code, _, err = run_cli(*case)
        assert code == 3, (case, err)
        inputs = 2 if case[0] == "parse" and len(case) == 3 else 1
        assert len(err.strip().splitlines()) == inputs and "Traceback" not in err, (case, err)
    _, _, err = run_cli("parse", empty)
    assert err.strip() == f"vbparse: {empty}: tệp rỗng"
    _, _, err = run_cli("parse", empty, "--lang", "en")
    assert err.strip() == f"vbparse: {empty}: the file is empty"
    _, _, err = run_cli("parse", empty, "-v")
    assert "tệp rỗng (the file is empty)" in err


def test_internal_error_is_exit_4_traceback_only_when_verbose(run_cli, monkeypatch):
    import vbparse.lint.runner
    import vbparse.pipeline
    import vbparse.plancheck.report

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(vbparse.pipeline, "parse", boom)
    monkeypatch.setattr(vbparse.lint.runner, "lint_path", boom)
    monkeypatch.setattr(vbparse.plancheck.report, "check_child", boom)
    for case in (("parse", SEED), ("lint", SEED), ("check", CHILD, "--parent", PARENT)):
        code, _, err = run_cli(*case)
        assert code == 4, case
        assert err.count("\n") == 1 and "lỗi nội bộ" in err and "RuntimeError: boom" in err
        code, _, err = run_cli(*case, "--verbose")
        assert code == 4 and "Traceback (most recent call last)" in err


def test_parse_reads_standard_input(run_cli, monkeypatch):
    for source in (SEED, CORPUS / "formats" / "kh-36-thbtd.docx"):
        stdin = io.TextIOWrapper(io.BytesIO(source.read_bytes()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        code, out, _ = run_cli("parse", "-")
        doc = json.loads(out)
        assert code == 0 and doc["source"]["path"] == "-"
        assert doc["number"]["symbol"] == "KH-THBTD", source
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    assert run_cli("parse", "-")[0] == 3
    assert run_cli("parse", "-", "-")[0] == 2


def test_progress_is_plain_lines_when_not_a_terminal(run_cli, tmp_path):
    files = sorted((CORPUS / "docs").glob("*.md"))[:12]
    code, _, err = run_cli("parse", *files, "--out", tmp_path / "out")
    assert code == 0
    lines = err.splitlines()
    assert (
        "\r" not in err
        and lines
        and all(re.fullmatch(r"vbparse parse: \d+/12 \(\d+ %\)", x) for x in lines)
    )
    assert lines[-1] == "vbparse parse: 12/12 (100 %)"
    assert run_cli("parse", *files, "--out", tmp_path / "out2", "-q")[2] == ""


def test_completion_script_knows_every_command():
    from vbparse.cli.completion_cmd import bash_script

    script = bash_script(build_parser())
    for name in commands():
        assert f'{name}) words="' in script
        assert "--lang" in script.split(f'{name}) words="')[1].split('"')[0]


def test_check_batch_format_option_beats_the_suffix(run_cli, tmp_path):
    parent = CORPUS / "plans" / "parent-253-kh-gddt.txt"
    plans = CORPUS / "plans"
    by_suffix = tmp_path / "district.json"
    assert run_cli("check-batch", plans, "-p", parent, "-o", by_suffix, "-q")[0] == 0
    suffix_json = json.loads(by_suffix.read_text("utf-8"))
    chosen = tmp_path / "district.out"  # no suffix the report knows: -f decides
    assert run_cli("check-batch", plans, "-p", parent, "-o", chosen, "-f", "json", "-q")[0] == 0
    assert json.loads(chosen.read_text("utf-8")) == suffix_json
    as_csv = tmp_path / "district.html"
    assert run_cli("check-batch", plans, "-p", parent, "-o", as_csv, "--format", "csv")[0] == 0
    head = as_csv.read_text("utf-8-sig").splitlines()[0]
    assert "<" not in head and head.count(",") >= 3  # a CSV header, not HTML
    as_text = tmp_path / "district.md"
    assert run_cli("check-batch", plans, "-p", parent, "-o", as_text, "-f", "txt", "-q")[0] == 0
    assert not as_text.read_text("utf-8").lstrip().startswith("#")  # plain text, not Markdown
    code, _, err = run_cli("check-batch", plans, "-p", parent, "-o", tmp_path / "r.out")
    assert code == 2 and "r.out" in err  # no -f and an unknown suffix: bad usage
