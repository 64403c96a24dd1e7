"""The project's import graph, read from the source with ``ast`` (nothing is imported).

    .venv/bin/python -m tests.import_graph      # package arrows, upward arrows, file cycles

Every ``import`` counts, wherever it is written: at the top, inside a function, or under
``if TYPE_CHECKING:``. A lazy or type-only import still ties two files together, and an
upward one still lets a lower layer know about a higher one.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: lowest first: each layer may import only itself and the layers before it
LAYERS = ("assistant", "adapters", "bot")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path for layer in LAYERS for path in sorted((REPO / layer).rglob("*.py"))
    }


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolve against this module's package
            base = module.split(".")
            base = base if is_package else base[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        # "from pkg import sub" may name a submodule: keep both candidates
        return [target, *(f"{target}.{alias.name}" for alias in node.names)]
    return []


def file_graph() -> dict[str, set[str]]:
    """module -> the project modules it imports (anywhere in the file)."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            for name in _imported(node, module, path.name == "__init__.py"):
                if name in modules and name != module:
                    targets.add(name)
        graph[module] = targets
    return graph


def layer_of(module: str) -> str:
    return module.split(".", 1)[0]


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            if layer_of(target) != layer_of(module):
                packages[layer_of(module)].add(layer_of(target))
    return {layer: packages.get(layer, set()) for layer in LAYERS}


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    return sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if rank[layer_of(target)] > rank[layer_of(module)]
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def main() -> int:
    graph = file_graph()
    print("package arrows (importer -> imported):")
    for layer, targets in package_graph(graph).items():
        print(f"  {layer} -> {', '.join(sorted(targets)) or '(nothing)'}")
    upward = upward_imports(graph)
    print(f"upward imports: {len(upward)}")
    for module, target in upward:
        print(f"  {module} -> {target}")
    loops = cycles(graph)
    print(f"file cycles: {len(loops)}")
    for loop in loops:
        print("  " + " <-> ".join(loop))
    edges = sum(len(t) for t in graph.values())
    print(f"{len(graph)} modules, {edges} import arrows between them")
    return 1 if upward or loops else 0


if __name__ == "__main__":
    sys.exit(main())
