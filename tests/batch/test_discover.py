from __future__ import annotations

import os

from vbparse.batch.discover import discover


def test_folder_is_walked_recursively_and_other_extensions_ignored(archive):
    found = discover([str(archive)])
    names = {os.path.relpath(p, archive) for p in found.files}
    assert "2020/plans/parent-253-kh-gddt.txt" in names
    assert "2020/kh-36-thbtd.docx" in names
    assert "broken/empty.txt" in names
    assert "budget.xlsx" not in names
    assert found.ignored == 1
    assert all(os.path.isabs(p) for p in found.files)


def test_globs_files_and_duplicates(archive):
    pattern = str(archive / "**" / "child-*.txt")
    found = discover([pattern, str(archive / "2020" / "plans"), str(archive / "budget.xlsx")])
    children = [p for p in found.files if os.path.basename(p).startswith("child-")]
    assert (
        len(children) == len(set(children)) == len(list((archive / "2020/plans").glob("child-*")))
    )
    # A file named explicitly is taken whatever its extension.
    assert str(archive / "budget.xlsx") in found.files


def test_missing_arguments_are_reported(tmp_path):
    found = discover([str(tmp_path / "nope"), str(tmp_path / "*.none")])
    assert found.files == []
    assert len(found.missing) == 2
