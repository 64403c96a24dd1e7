"""The architecture, checked: layers import only downwards, no file cycles, one owner of the
disclaimer, and the configuration loads without any platform library."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.import_graph import REPO, cycles, file_graph, project_modules, upward_imports


def test_no_import_runs_upwards() -> None:
    graph = file_graph()
    assert len(graph) > 50  # the scan found the project
    assert upward_imports(graph) == []


def test_no_import_cycles_between_files() -> None:
    assert cycles(file_graph()) == []


def test_the_disclaimer_is_added_in_exactly_one_place() -> None:
    callers = []
    for module, path in project_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "with_disclaimer":
                callers.append(module)
    assert callers == ["assistant.conversation"]


def test_config_loads_without_platform_libraries() -> None:
    code = (
        "import sys; from bot.config import load_config; load_config('config.yaml', {}); "
        "print(sorted(m for m in ('telegram', 'nio', 'torch') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
