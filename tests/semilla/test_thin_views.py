"""Views run services through ``semilla.service_call.call_service`` (issue 16, item 3): no
production module catches an exception only to show its message with ``messages.error``.

The guard parses every module of our apps and fails on an ``except ... as exc`` handler
whose body calls ``messages.error`` with something made from ``exc`` (``exc.message``,
``str(exc)``, ``getattr(exc, ...)``, ``exc`` itself)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("site", "cohorts", "mentors", "curriculum", "pitchday", "outcomes", "community")
#: the one place allowed to turn a refusal into a message
CHOKEPOINT = "site/service_call.py"
#: Modules that still hold such a block. Empty: a refusal for a form goes through
#: ``call_service(..., form=form, field=...)``. Nothing may be added.
PENDING: set[str] = set()


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _is_messages_error(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "error"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "messages"
    )


def handlers_showing_errors(source: str) -> list[int]:
    """Line numbers of ``except ... as name`` handlers that pass ``name`` to messages.error."""
    found = []
    for handler in ast.walk(ast.parse(source)):
        if not isinstance(handler, ast.ExceptHandler) or handler.name is None:
            continue
        for statement in handler.body:
            if any(
                _is_messages_error(call)
                and any(_mentions(arg, handler.name) for arg in [*call.args, *call.keywords])
                for call in ast.walk(statement)
            ):
                found.append(handler.lineno)
                break
    return found


def offenders(root: Path = ROOT) -> list[str]:
    found = []
    for folder in APPS:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative == CHOKEPOINT or "/migrations/" in relative or relative in PENDING:
                continue
            lines = handlers_showing_errors(path.read_text(encoding="utf-8"))
            found.extend(f"{relative}:{line}" for line in lines)
    return found


def test_no_view_turns_a_service_error_into_a_message_itself():
    assert offenders() == []


def test_pending_modules_still_need_their_exception():
    # An allow-list entry that no longer holds such a block must go (so it cannot hide a
    # new one later).
    stale = [
        relative
        for relative in sorted(PENDING)
        if not handlers_showing_errors((ROOT / relative).read_text(encoding="utf-8"))
    ]
    assert stale == []


def test_guard_finds_a_try_except_messages_error_block(tmp_path):
    module = tmp_path / "pitchday" / "views.py"
    module.parent.mkdir()
    module.write_text(
        "def view(request):\n"
        "    try:\n"
        "        svc.do(x=1)\n"
        "    except ServiceError as exc:\n"
        "        messages.error(request, exc.message)\n"
        "    try:\n"
        "        svc.do(x=2)\n"
        "    except (ValueError, ServiceError) as err:\n"
        "        messages.error(request, str(err))\n"
        "    try:\n"
        "        svc.do(x=3)\n"
        "    except ServiceError:\n"
        "        messages.error(request, 'fixed text')\n"
    )
    assert offenders(tmp_path) == ["pitchday/views.py:4", "pitchday/views.py:8"]
