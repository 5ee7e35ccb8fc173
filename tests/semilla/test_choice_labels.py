"""``get_<field>_display`` of our models reads a kept table (semilla.choice_labels) and says
exactly what Django's own says, for every value of every field with fixed choices, in both
languages; every such field of every model of our apps has it (a new model cannot miss
it)."""

from functools import partialmethod

import pytest
from django.test.utils import isolate_apps
from django.utils import translation
from django.utils.choices import CallableChoiceIterator

from semilla import choice_labels
from semilla.choice_labels import our_models

NOT_A_CHOICE = "no-es-una-opcion"


def _choice_fields():
    for model in our_models():
        for field in model._meta.get_fields():
            if getattr(field, "choices", None) is not None and getattr(field, "concrete", False):
                yield model, field


def test_choice_labels_cover_the_models_of_our_apps():
    labels = {model._meta.app_label for model in our_models()}
    assert {"semilla", "cohorts", "mentors", "curriculum", "pitchday"} <= labels
    assert not {"auth", "wagtailcore", "django_q", "account"} & labels


def test_choice_labels_every_fixed_choice_field_of_our_models_reads_the_kept_table():
    """Django's own (a ``partialmethod`` that builds the choices on every call) is left on
    no field of ours; a model's own ``get_<field>_display`` stays its own."""
    left = [
        f"{model._meta.label}.{field.name}"
        for model, field in _choice_fields()
        if isinstance(model.__dict__.get(f"get_{field.name}_display"), partialmethod)
        and not isinstance(field.choices, CallableChoiceIterator)
    ]
    installed = [
        f"{model._meta.label}.{field.name}"
        for model, field in _choice_fields()
        if getattr(getattr(model, f"get_{field.name}_display"), "field", None) is field
    ]
    assert left == []
    assert len(installed) >= 100
    assert "cohorts.Application.status" in installed
    assert "pitchday.ReconciliationIssue.kind" in installed
    # cohorts' multiple-choice fields have their own (a comma-separated list of labels)
    assert "cohorts.Application.needs" not in installed


@pytest.mark.django_db  # a page's defaults read the default locale
@pytest.mark.parametrize("language", ["es", "en", None])
def test_choice_labels_say_what_django_says_for_every_value(language):
    compared = 0
    for model, field in _choice_fields():
        display = getattr(model, f"get_{field.name}_display")
        if getattr(display, "field", None) is not field:
            continue
        for value in [value for value, _label in field.flatchoices] + [NOT_A_CHOICE, None]:
            instance = model()
            setattr(instance, field.attname, value)
            with translation.override(language):
                ours = display(instance)
                django = model._get_FIELD_display(instance, field)
            assert (field.name, value, ours) == (field.name, value, django)
            compared += 1
    assert compared >= 500


def test_choice_labels_follow_the_reader_language():
    from pitchday.models import ReconciliationIssue

    issue = ReconciliationIssue(kind="amount")
    with translation.override("es"):
        spanish = issue.get_kind_display()
    with translation.override("en"):
        english = issue.get_kind_display()
    with translation.override("es"):
        again = issue.get_kind_display()
    assert (spanish, english, again) == (
        "Los montos no coinciden",
        "Amounts differ",
        "Los montos no coinciden",
    )


@isolate_apps("semilla")
def test_choice_labels_leave_computed_choices_alone(monkeypatch):
    """A field whose choices are a callable (they may change while the process runs) keeps
    Django's own display."""
    from django.db import models

    class Computed(models.Model):
        size = models.CharField(max_length=5, choices=lambda: [("s", "small")])
        fixed = models.CharField(max_length=5, choices=[("s", "small")])

        class Meta:
            app_label = "semilla"

        def __str__(self) -> str:
            return self.size

    monkeypatch.setattr(choice_labels, "our_models", lambda: [Computed])
    choice_labels.install_everywhere()
    assert isinstance(Computed.__dict__["get_size_display"], partialmethod)
    assert Computed.__dict__["get_fixed_display"].field is Computed._meta.get_field("fixed")
