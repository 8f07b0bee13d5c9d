"""The shape of the package: no import cycles, no oversized modules."""

from __future__ import annotations

import ast
import pathlib
import re


from .conftest import ROOT

PACKAGE = ROOT / "filing_grammar"
MAX_LINES = 600


def _modules(package: pathlib.Path = PACKAGE) -> dict[str, pathlib.Path]:
    """Dotted name -> file, for every module of ``package`` (a package is its
    ``__init__.py``)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: pathlib.Path, modules: dict[str, pathlib.Path]) -> set[str]:
    """Modules of the package that ``name`` imports anywhere in its file: at
    the top, inside functions, under ``if`` (``ast.walk`` sees every node).

    ``from X import y`` imports ``X.y`` when that is a module, else ``X``.
    Importing ``a.b.c`` also runs ``a`` and ``a.b``: those count too, except
    the packages that hold ``name`` itself (they are always run first).
    """
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    if is_package:
        ancestors.add(name)
    edges = set()
    for target in found:
        parts = target.split(".")
        for i in range(1, len(parts) + 1):
            module = ".".join(parts[:i])
            if module in modules and module not in ancestors and module != name:
                edges.add(module)
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _graph(package: pathlib.Path = PACKAGE) -> dict[str, set[str]]:
    modules = _modules(package)
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _describe(graph: dict[str, set[str]], cycles: list[list[str]]) -> str:
    return "; ".join(
        " <-> ".join(c) + " (" + ", ".join(f"{a} imports {b}" for a in c
                                          for b in sorted(graph[a]) if b in c) + ")"
        for c in cycles)


def test_no_import_cycles():
    graph = _graph()
    cycles = _cycles(graph)
    assert not cycles, f"import cycles in filing_grammar/: {_describe(graph, cycles)}"


def test_the_cycle_finder_sees_every_kind_of_import(tmp_path):
    """Relative imports (resolved), imports inside functions, parent packages."""
    pkg = tmp_path / "p"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from .a import x\n",
        "a.py": "x = 1\ndef f():\n    from .sub import b\n",
        "sub/__init__.py": "",
        "sub/b.py": "import os\nfrom ..c import y\n",
        "c.py": "y = 2\nclass K:\n    def g(self):\n        from . import a\n",
        "d.py": "from .sub.b import z\nfrom p import c\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text)
    graph = _graph(pkg)
    assert graph == {"p": {"p.a"}, "p.a": {"p.sub", "p.sub.b"}, "p.sub": set(),
                     "p.sub.b": {"p.c"}, "p.c": {"p.a"}, "p.d": {"p.sub", "p.sub.b", "p.c"}}
    assert _cycles(graph) == [["p.a", "p.c", "p.sub.b"]]
    (pkg / "c.py").write_text("y = 2\n")
    assert _cycles(_graph(pkg)) == []


def test_nothing_under_checks_imports_the_cli():
    graph = _graph()
    for name, edges in graph.items():
        if name.startswith("filing_grammar.checks"):
            assert not {e for e in edges if e.startswith("filing_grammar.cli")}, name


def _long_modules() -> list[str]:
    return [f"{path.relative_to(ROOT)} ({n} lines)" for path in sorted(PACKAGE.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]


def test_no_module_is_over_600_lines():
    assert not _long_modules(), f"modules over {MAX_LINES} lines: {', '.join(_long_modules())}"


def test_every_subpackage_ships_in_the_wheel():
    """pyproject.toml lists the packages one by one (grammar/ is mapped into
    the package); a subpackage left out would be missing from `pip install .`."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(filing_grammar(?:\.\w+)*)"', text.split("packages = [", 1)[1].split("]", 1)[0]))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"not in pyproject.toml packages: {sorted(found - listed)}"
