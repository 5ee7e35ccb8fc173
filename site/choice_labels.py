"""Choice labels in constant time: ``get_<field>_display()`` of every model field with fixed
choices in our apps reads its label from a table built once per field and language.

Django's own ``get_FOO_display`` builds a dictionary of the field's choices on every call,
hashing each label on the way, and our labels are translated (lazy): each call translates
every choice of the field, 17 µs for four choices, 36 µs for an application's ten statuses.
A list of 25 rows showing a status and a kind paid that on every row of every page (the
finance desk's reconciliation, the selection board, the console's lists). Here the labels
are translated once per language and kept; what a call returns is exactly Django's (a
test compares every value of every field in both languages).

Installed once at start-up (``SemillaConfig.ready``), on every model of the project's own
apps, so a new model gets it without asking. A model's own ``get_<field>_display`` (the
multiple-choice fields of cohorts, for instance) is left alone, and so is a field whose
choices are computed (a callable): those can change while the process runs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partialmethod
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language


def _display(field: models.Field) -> Callable[[models.Model], object]:
    labels_by_language: dict[str | None, dict[object, str]] = {}

    def display(self: models.Model) -> object:
        value = getattr(self, field.attname)
        language = get_language()
        labels = labels_by_language.get(language)
        if labels is None:
            labels = {make_hashable(v): force_str(label) for v, label in field.flatchoices}
            labels_by_language[language] = labels
        key = make_hashable(value)
        if key in labels:
            return labels[key]
        return force_str(value, strings_only=True)

    display.__name__ = f"get_{field.name}_display"
    display.__doc__ = f"The label of ``{field.name}`` in the reader's language."
    display.field = field  # type: ignore[attr-defined]  # the scan test reads it
    return display


def our_models() -> list[type[models.Model]]:
    """The models of the project's own apps (not Django's, Wagtail's or other libraries')."""
    root = Path(settings.BASE_DIR).resolve()
    venv = root / ".venv"
    found: list[type[models.Model]] = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(root) and not path.is_relative_to(venv):
            found.extend(config.get_models())
    return found


def fixed_choice_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields of ``model`` whose ``get_<field>_display`` Django installed on it and
    whose choices are fixed."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.choices is not None
        and isinstance(model.__dict__.get(f"get_{field.name}_display"), partialmethod)
        and not isinstance(field.choices, CallableChoiceIterator)
    ]


def install_everywhere() -> None:
    for model in our_models():
        for field in fixed_choice_fields(model):
            setattr(model, f"get_{field.name}_display", _display(field))
