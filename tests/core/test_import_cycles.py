"""No module of vbparse imports a module that imports it back (directly or round a loop): the
layers readers/ → text/ → extract/ → model → lint/ … stay a ladder. Checked twice: with the
imports run at import time, and with the imports inside functions (loaded on first use) too, as
a deferred import that closes a loop is still a tangle. Imports under TYPE_CHECKING never count."""

from __future__ import annotations

import ast
from pathlib import Path

import vbparse

SRC = Path(vbparse.__file__).parent


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module is imported: not in a function, not under TYPE_CHECKING."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
            elif isinstance(node, ast.If | ast.Try | ast.With | ast.ClassDef):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def _all_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import, inside functions too, but not under TYPE_CHECKING."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for stmt in child.orelse:
                    visit(ast.Module(body=[stmt], type_ignores=[]))
            elif isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            else:
                visit(child)

    visit(tree)
    return found


def import_graph(root: Path, *, deferred: bool = False) -> dict[str, set[str]]:
    """Module → the package's modules it imports at its top level (`deferred`: anywhere)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {}
    collect = _all_imports if deferred else _top_level_imports
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: list[str] = []
        for node in collect(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.extend(alias.name for alias in node.names)
                continue
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from . import header` imports the submodule header (its package is a parent,
            # loaded first whatever imports the submodule); `from .x import f`, module x.
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                targets.append(submodule if submodule in modules else module)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_vbparse_has_no_import_cycle():
    graph = import_graph(SRC)
    assert len(graph) > 100  # the whole package was read
    assert graph["vbparse.pipeline"] >= {"vbparse.extract.header", "vbparse.extract.context"}
    assert cycles(graph) == []


def test_vbparse_has_no_import_cycle_through_deferred_imports():
    graph = import_graph(SRC, deferred=True)
    assert graph["vbparse.batch.storage"] >= {"vbparse.batch.storage.sqlite"}  # inside a function
    assert cycles(graph) == []


def test_the_check_finds_a_cycle_where_there_is_one(tmp_path):
    """The test above is not empty: a loop through a relative import and a package's
    __init__ is found, one under TYPE_CHECKING or inside a function is not."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("from ..c import f\n")
    (pkg / "c.py").write_text("from . import a\n\ndef f():\n    from .d import g\n")
    (pkg / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .c import f\n"
    )
    assert cycles(import_graph(pkg)) == [["pkg.a", "pkg.c", "pkg.sub.b"]]
    # c → d is deferred, d → c only under TYPE_CHECKING: no more loops than at import time.
    assert cycles(import_graph(pkg, deferred=True)) == [["pkg.a", "pkg.c", "pkg.sub.b"]]


def test_the_deferred_check_finds_a_loop_through_a_package_init(tmp_path):
    """A backend taking a name from its package's __init__, which imports the backend inside
    a factory function, is a loop; a submodule taken by `from . import x` is not an edge to the
    package (a parent is loaded first whatever imports the submodule)."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("NAME = 1\n\ndef make():\n    from .backend import B\n")
    (pkg / "backend.py").write_text("from . import NAME, other\n\nB = NAME\n")
    (pkg / "other.py").write_text("")
    assert cycles(import_graph(pkg)) == []
    assert cycles(import_graph(pkg, deferred=True)) == [["pkg", "pkg.backend"]]
    (pkg / "backend.py").write_text("from . import other\n")
    assert cycles(import_graph(pkg, deferred=True)) == []
