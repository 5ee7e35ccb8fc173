"""Missing template variables fail the test that renders them (only in test settings).

Django renders a variable it cannot find as ``string_if_invalid`` (``""`` by default), so a
view that forgets to pass a value ("Horas de voluntariado: " with no number) goes unnoticed.
The test settings set ``string_if_invalid`` to ``MISSING_VARIABLE``: when Django reaches a
missing variable it formats this object with the variable's name (``"%s" % name``), and the
object raises :class:`MissingTemplateVariable` when the variable is in one of OUR templates.

Django's, Wagtail's and allauth's own templates rely on missing variables all the time
(``{{ x|default:"..." }}``): for them the object answers exactly what Django answers with
the default setting, so third-party screens render as in production. "Ours" is a template
file under the repository (not under .venv): the node being rendered tells which file the
variable is written in, so a block of ours inside a Wagtail layout is checked and a Wagtail
block inside a layout of ours is not.

Not checked (Django never asks ``string_if_invalid`` for them): ``{% if %}``, ``{% for %}``,
``{% with %}`` and a filter's argument. ``{{ x|default:"y" }}`` on a missing ``x`` fails in
our templates: pass the value (``None`` or ``""``) from the view instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Folders under the repository that are not ours (the virtual environment, build output).
NOT_OURS = (ROOT / ".venv", ROOT / "var", ROOT / "node_modules")


class MissingTemplateVariable(Exception):
    """A template of ours used a variable that is not in its context."""


def is_our_template(name: str | None) -> bool:
    if not name or name.startswith("<"):
        return False
    path = Path(name).resolve()
    if not path.is_relative_to(ROOT):
        return False
    return not any(path.is_relative_to(folder) for folder in NOT_OURS)


def _rendering_node(frame):
    """The template node (with its origin) whose rendering reached the missing variable."""
    from django.template.base import Node

    while frame is not None:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, Node) and getattr(candidate, "origin", None) is not None:
            return candidate
        frame = frame.f_back
    return None


def _lenient(frame, name):
    """What Django answers with the default ``string_if_invalid = ""``."""
    from django.template.base import FilterExpression

    expression = frame.f_locals.get("self")
    context = frame.f_locals.get("context")
    if isinstance(expression, FilterExpression) and context is not None:
        engine = context.template.engine
        engine.string_if_invalid = ""
        try:
            return expression.resolve(context)
        finally:
            engine.string_if_invalid = MISSING_VARIABLE
    return ""  # {% blocktranslate %}: the missing value is left out


def _known(node) -> bool:
    """A template another branch fixes this round (the one list: ``KNOWN_ELSEWHERE`` in
    tests/voice/test_crawl.py, key ``template:<path from the repository>``)."""
    from tests.voice.test_crawl import KNOWN_ELSEWHERE

    name = Path(node.origin.name).resolve().relative_to(ROOT).as_posix()
    return f"template:{name}" in KNOWN_ELSEWHERE


class _MissingVariable(str):
    """A non-empty string (Django only calls it when it is true and contains "%s")."""

    def __mod__(self, name):
        caller = sys._getframe(1)
        node = _rendering_node(caller)
        if node is not None and is_our_template(node.origin.name) and not _known(node):
            line = node.token.lineno if getattr(node, "token", None) else "?"
            raise MissingTemplateVariable(
                f"{node.origin.name}:{line}: the variable"
                f" {str(getattr(name, 'var', name))!r} is not in the context"
            )
        return _lenient(caller, name)

    def __bool__(self):
        # True only where Django decides whether to format it with the variable's name;
        # elsewhere (a method that needs arguments, used in {% if %}) it is false like "".
        caller = sys._getframe(1).f_code
        return caller.co_name in ("resolve", "render_value", "render") and (
            caller.co_filename.endswith(("template/base.py", "templatetags/i18n.py"))
        )

    def __str__(self):
        # Django also uses string_if_invalid as a value (a method that needs arguments):
        # it prints as nothing, as with the default setting.
        return ""


MISSING_VARIABLE = _MissingVariable("%s")
