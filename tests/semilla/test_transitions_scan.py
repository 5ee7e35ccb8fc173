"""No status changes outside the one transition function (semilla.transitions).

The production code is parsed (AST, like the money scan in tests/pitchday/test_money.py):
an assignment to ``<anything>.status``, a ``setattr(x, "status", ...)`` or a queryset
``.update(status=...)`` is a status change that skipped the table of allowed moves and the
history row. The few bulk updates that remain are listed with their reason; a new one fails."""

import ast
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: every folder of production code: the packages pyproject.toml installs
FOLDERS = tuple(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-dir"
    ].values()
)
ENGINE = "site/transitions.py"

#: Bulk status updates that stay, with why (file -> how many).
ALLOWED_BULK_UPDATES = {
    # a matching run's progress is committed as it goes, outside the long computation's
    # transaction, so that the console's polling sees "running" and "failed"
    "mentors/services/matching.py": 2,
    # a match's open end requests close in bulk when the match ends: an end request is a
    # record of a request, not a status machine with a history
    "mentors/services/matches.py": 1,
    # a data export is ready or expired (a file's lifetime, not a status machine)
    "site/privacy/services.py": 2,
}


def _status_writes(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        found.extend(
            (node.lineno, "assignment to .status")
            for target in targets
            for part in ast.walk(target)
            if isinstance(part, ast.Attribute) and part.attr == "status"
        )
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Name)
                and func.id == "setattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == "status"
            ):
                found.append((node.lineno, 'setattr(..., "status", ...)'))
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "update"
                and any(k.arg == "status" for k in node.keywords)
            ):
                found.append((node.lineno, ".update(status=...)"))
    return found


def _production_files():
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative == ENGINE:
                continue
            yield relative, path


def test_no_status_is_changed_outside_the_transition_engine():
    assignments = []
    bulk = Counter()
    for relative, path in _production_files():
        for line, what in _status_writes(path.read_text(encoding="utf-8")):
            if what == ".update(status=...)":
                bulk[relative] += 1
            else:
                assignments.append(f"{relative}:{line}: {what}")
    assert assignments == []
    unexplained = {
        name: count for name, count in bulk.items() if count > ALLOWED_BULK_UPDATES.get(name, 0)
    }
    assert unexplained == {}


def test_the_scan_covers_every_app():
    assert {
        "site",
        "cohorts",
        "mentors",
        "pitchday",
        "curriculum",
        "community",
        "outcomes",
        "market",
    } <= set(FOLDERS)


def test_the_scan_catches_every_way_of_writing_a_status():
    source = (
        "def f(obj, qs):\n"
        "    obj.status = 'paid'\n"
        "    obj.tranche.status = 'paid'\n"
        "    setattr(obj, 'status', 'paid')\n"
        "    qs.update(status='paid')\n"
        "    obj.status_note = 'fine'\n"
        "    qs.filter(status='paid').update(note='fine')\n"
    )
    assert _status_writes(source) == [
        (2, "assignment to .status"),
        (3, "assignment to .status"),
        (4, 'setattr(..., "status", ...)'),
        (5, ".update(status=...)"),
    ]
