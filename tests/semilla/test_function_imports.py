"""Imports belong at the top of a module (issue 16, item 3). An import inside a function is
allowed only with a reason on the line above it (or at the end of its line): ``# cycle: …``
(a real import cycle, the chain named) or ``# lazy: …`` (Django's app loading, or a heavy
optional library only one path needs). One comment covers the adjacent imports after it.

The guard parses every production module of our apps (no migrations, no tests) and fails on
a function-level import without such a comment."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "site",
    "cohorts",
    "mentors",
    "curriculum",
    "pitchday",
    "outcomes",
    "community",
    "market",
    "conversations",
)
REASON = re.compile(r"#\s*(cycle|lazy):\s*\S")


def _function_imports(tree: ast.Module) -> list[tuple[ast.stmt, list[ast.stmt]]]:
    """Each import inside a function, with the statement list it sits in."""
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            for _field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    found.extend(
                        (child, value)
                        for child in value
                        if isinstance(child, ast.Import | ast.ImportFrom)
                    )
    unique = {id(statement): (statement, block) for statement, block in found}
    return sorted(unique.values(), key=lambda pair: pair[0].lineno)


def unexplained_imports(source: str) -> list[int]:
    """Line numbers of function-level imports with no ``# cycle:``/``# lazy:`` reason."""
    lines = source.splitlines()
    missing = []
    for statement, block in _function_imports(ast.parse(source)):
        if REASON.search(lines[statement.lineno - 1]):
            continue
        # The reason sits on the line above this import or above an import of the
        # same run of adjacent imports before it.
        index = block.index(statement)
        while True:
            head = block[index].lineno
            if head >= 2 and REASON.match(lines[head - 2].strip()):
                break
            if index == 0 or not isinstance(block[index - 1], ast.Import | ast.ImportFrom):
                missing.append(statement.lineno)
                break
            index -= 1
    return missing


def production_modules(root: Path = ROOT) -> list[Path]:
    return [
        path
        for folder in APPS
        for path in sorted((root / folder).rglob("*.py"))
        if "migrations" not in path.relative_to(root).parts
    ]


def offenders(root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root).as_posix()}:{line}"
        for path in production_modules(root)
        for line in unexplained_imports(path.read_text(encoding="utf-8"))
    ]


def test_every_function_level_import_says_why():
    assert offenders() == []


def test_guard_finds_an_unexplained_function_level_import(tmp_path):
    module = tmp_path / "mentors" / "selectors.py"
    module.parent.mkdir()
    module.write_text(
        "import os\n"
        "\n"
        "def read():\n"
        "    from .models import Booking\n"
        "    # cycle: mentors.services -> mentors.selectors\n"
        "    from .services import x\n"
        "    from .enums import y\n"
        "    if True:\n"
        "        import json\n"
        "    import csv  # lazy: only the export needs it\n"
        "    # a plain comment is no reason\n"
        "    import io\n"
        "    return Booking\n"
    )
    assert offenders(tmp_path) == [
        "mentors/selectors.py:4",
        "mentors/selectors.py:9",
        "mentors/selectors.py:12",
    ]
