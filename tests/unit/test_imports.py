"""The layering, read from the source: no import cycle anywhere (imports inside functions
included), the library never imports Streamlit, and nothing imports Streamlit's private runtime."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("sourcetrace", "components")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    for package in PACKAGES:
        files += sorted((ROOT / package).rglob("*.py"))
    return {_module_name(f): f for f in files}


def _imports(path: Path, name: str) -> set[str]:
    """Every module this file imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _graph() -> nx.DiGraph:
    sources = _sources()
    graph = nx.DiGraph()
    graph.add_nodes_from(sources)
    for name, path in sources.items():
        for imported in _imports(path, name):
            if imported in sources and imported != name:
                graph.add_edge(name, imported)
    return graph


def test_the_walk_sees_the_known_layers():
    graph = _graph()
    assert "components.claims" in graph and "sourcetrace.model" in graph and "app" in graph
    assert graph.has_edge("components.claims", "sourcetrace.model")


def test_no_import_cycle():
    cycles = sorted(sorted(c) for c in nx.simple_cycles(_graph()))
    assert cycles == []


def test_the_library_never_imports_streamlit():
    offenders = [
        name for name, path in _sources().items()
        if name.startswith("sourcetrace")
        and any(m == "streamlit" or m.startswith("streamlit.") for m in _imports(path, name))
    ]
    assert offenders == []



def test_nothing_imports_streamlits_private_runtime():
    offenders = sorted(
        name for name, path in _sources().items()
        if any(m.startswith("streamlit.runtime") for m in _imports(path, name))
    )
    assert offenders == []
