"""The package's layout is its architecture: no import cycles, arrows pointing down, small folders.

The graph is read from the source with `ast`, so it counts every import, the ones inside
functions too (an import deferred for start-up speed is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import summarize

PACKAGE = Path(summarize.__file__).parent
# What each floor may import from the package (besides itself). Lower floors never import higher ones.
KERNEL = {"summarize.options", "summarize.types", "summarize.errors"}
ALLOWED = {
    "kernel": set(),
    "text": {"kernel"},
    "fs": {"kernel"},
    "models": {"kernel", "text"},
    "web": {"kernel", "text", "fs"},  # fetching pages: URLs given on the command line, feeds (stored under fs)
    "editing": {"kernel", "text"},  # a wire editor's rules for the brief's sentences
    "pipeline": {"kernel", "text", "editing", "fs", "models", "web"},
    "output": {"kernel", "text", "fs", "jobs"},  # draws the jobs' results (metrics, outcomes, feeds)
    "jobs": {"kernel", "text", "editing", "fs", "models", "pipeline", "output", "web"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["summarize", *path.relative_to(PACKAGE).with_suffix("").parts]
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules `name` imports, wherever in the module the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path that returns to its start, or [] when the graph has none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def _floor(module: str) -> str:
    if module in KERNEL:
        return "kernel"
    return module.split(".")[1] if module.count(".") >= 1 else "top"


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert len(graph) > 40 and "summarize.pipeline.run" in graph  # the graph is the real package
    assert find_cycle(graph) == [], " -> ".join(find_cycle(graph))


def test_the_cycle_finder_finds_a_cycle():
    # The test above can fail: a deferred import back up the chain is a cycle.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []
    graph = import_graph()
    graph["summarize.types"] = graph["summarize.types"] | {"summarize.output.render"}
    assert "summarize.types" in find_cycle(graph)


def test_imports_point_down_the_floors():
    wrong = []
    for module, targets in import_graph().items():
        floor = _floor(module)
        if floor not in ALLOWED:  # cli and the package's own __init__ sit on top
            continue
        for target in targets:
            other = _floor(target)
            if other != floor and other not in ALLOWED[floor]:
                wrong.append(f"{module} ({floor}) imports {target} ({other})")
    assert wrong == []


def test_no_folder_holds_more_than_about_a_dozen_modules():
    for folder in [PACKAGE, *(p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 13, f"{folder.name}: {len(modules)} modules"


def test_the_public_api_is_exported():
    assert summarize.__all__ == sorted(summarize.__all__) == sorted(summarize._EXPORTS)
    for name in summarize.__all__:
        assert getattr(summarize, name) is not None
    brief = summarize.summarize_texts(
        ["The bridge closed on Monday after the storm damaged it."] * 1,
        summarize.Options(mode=summarize.Mode.extractive),
    )
    assert isinstance(brief, summarize.Brief)
    assert summarize.render_brief(brief, summarize.Format.json) == brief.to_json()
