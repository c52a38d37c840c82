"""The parser's thresholds are one settings object (vbparse.settings), overridable per parse
from the API, documented one line each, and not left as numbers scattered over extract/."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import vbparse
from vbparse import settings
from vbparse.errors import UsageError
from vbparse.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CV = CORPUS / "docs" / "cv-2345-bgddt-gdth.md"  # a V/v subject wrapped over two lines
EXTRACT = Path(settings.__file__).parent / "extract"


def test_a_threshold_changed_for_one_parse_changes_that_parse_only():
    default = vbparse.parse(CV)
    assert default.subject == "hướng dẫn xây dựng kế hoạch giáo dục của nhà trường cấp tiểu học"
    one_line = vbparse.parse(CV, settings=Settings().override(header={"vv_lines": 1}))
    assert one_line.subject == "hướng dẫn xây dựng kế hoạch giáo dục của"
    # No line of the signer block scores as a title: it is inferred from the text, and says so.
    untitled = vbparse.parse(CV, settings=Settings().override(signer={"title_min_score": 2.0}))
    assert default.signer.title == "THỨ TRƯỞNG" and untitled.signer.title != "THỨ TRƯỞNG"
    assert any(w.field == "signer.title" for w in untitled.warnings)
    assert vbparse.parse(CV).to_json() == default.to_json()  # nothing stayed behind
    assert settings.current() is settings.DEFAULT


def test_overrides_are_checked():
    with pytest.raises(TypeError):
        Settings().override(header={"no_such_threshold": 1})
    with pytest.raises(TypeError):
        Settings().override(no_such_group={})
    with pytest.raises(UsageError):
        vbparse.parse(CV, settings={"header": {"vv_lines": 1}})  # type: ignore[arg-type]
    changed = Settings().override(closing={"full_name_words": 2})
    assert changed.closing.full_name_words == 2 and changed.header == Settings().header


def test_every_threshold_says_what_it_bounds():
    """Each field of a settings group has its comment on its line (a docstring line)."""
    source = Path(settings.__file__).read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(source))
    groups = [
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name != "Settings"
    ]
    assert len(groups) >= 8
    for group in groups:
        assert ast.get_docstring(group), group.name
        for stmt in group.body:
            if isinstance(stmt, ast.AnnAssign):
                line = source[stmt.lineno - 1]
                assert "#" in line, f"{group.name}: {line.strip()}"
    # and every group is reachable from the one object
    assert {f.name for f in dataclasses.fields(Settings)} >= {"header", "closing", "signer"}


def test_extract_keeps_no_numeric_module_constants():
    """A threshold of extract/ is a settings attribute, not a module constant next to its use."""
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if (
                isinstance(value, ast.Constant)
                and isinstance(value.value, int | float)
                and not isinstance(value.value, bool)
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
