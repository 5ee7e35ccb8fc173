"""The personal-data registry covers every model that looks personal."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from semilla.privacy.registry import (
    HISTORY,
    NOT_HISTORY,
    NOT_PERSONAL,
    PERSONAL_FIELD_WORDS,
    REGISTRY,
    entries,
)

#: Our own apps and the account apps whose tables hold people's data.
APPS = {"semilla", "cohorts", "mentors", "curriculum", "pitchday", "account", "mfa", "wagtailusers"}
WORDS = re.compile(r"(^|_)(" + "|".join(PERSONAL_FIELD_WORDS) + r")($|_)")


def _looks_personal(model) -> bool:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if model is user_model:
        return True
    for field in model._meta.get_fields():
        if getattr(field, "model", None) is not model or not field.concrete:
            continue  # inherited (e.g. a Wagtail page's owner) or a reverse relation
        if field.is_relation and field.related_model is not None:
            related = field.related_model
            label = related if isinstance(related, str) else related._meta.label
            if label.lower() == settings.AUTH_USER_MODEL.lower():
                return True
        if WORDS.search(field.name):
            return True
    return False


def test_registry_covers_every_model_with_personal_data():
    registered = {entry.model.lower() for entry in REGISTRY}
    exempt = {label.lower() for label in NOT_PERSONAL}
    missing = sorted(
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and not model._meta.proxy
        and _looks_personal(model)
        and model._meta.label_lower not in registered | exempt
    )
    assert missing == [], (
        "Models that hold personal data are missing from semilla.privacy.registry.REGISTRY "
        f"(add one Entry each, or list them in NOT_PERSONAL with the reason): {missing}"
    )


def test_registry_entries_name_real_models_and_fields():
    for entry in REGISTRY:
        model = entry.get_model()
        if model is None:
            # an entry written ahead of a model another app is still building: its app
            # must exist (the entry is skipped until the model lands)
            assert apps.is_installed(entry.model.split(".")[0]) or entry.model.startswith(
                ("account.", "mfa.")
            ), entry.model
            continue
        names = {f.name for f in model._meta.get_fields()}
        for field in (
            *entry.text,
            *entry.replace,
            *entry.coarsen,
            *entry.secret,
            *(spec.field for spec in entry.files),
        ):
            assert field in names, f"{entry.model}.{field}"
        for lookup in (*entry.person, *entry.actors):
            assert str(model._base_manager.filter(**{lookup: 1}).query)
        for lookup in entry.email:
            assert str(model._base_manager.filter(**{f"{lookup}__iexact": "a@b.c"}).query)
        assert all(isinstance(model._meta.get_field(f), models.Field) for f in entry.text)


@isolate_apps("semilla")
def test_registry_heuristic_catches_a_new_personal_model():
    class Temporary(models.Model):
        owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

        class Meta:
            app_label = "semilla"

        def __str__(self) -> str:
            return "x"

    class Notes(models.Model):
        comment = models.TextField()

        class Meta:
            app_label = "semilla"

        def __str__(self) -> str:
            return "x"

    class Counter(models.Model):
        total = models.IntegerField()

        class Meta:
            app_label = "semilla"

        def __str__(self) -> str:
            return "x"

    assert [_looks_personal(m) for m in (Temporary, Notes, Counter)] == [True, True, False]
    assert Temporary._meta.label_lower not in {e.model.lower() for e in REGISTRY}


@pytest.mark.parametrize("label", sorted(NOT_PERSONAL))
def test_registry_exemptions_name_real_models(label):
    assert apps.get_model(label) is not None


def _points_at_any_record(model) -> bool:
    """A ContentType FK plus an object id: the shape of a console history table."""
    from django.contrib.contenttypes.models import ContentType

    names = {f.name for f in model._meta.concrete_fields}
    typed = any(
        f.is_relation and f.related_model is ContentType for f in model._meta.concrete_fields
    )
    return typed and bool(names & {"object_id", "page"})


def test_history_registry_covers_every_generic_pointer():
    known = {spec.model.lower() for spec in HISTORY} | {label.lower() for label in NOT_HISTORY}
    missing = sorted(
        model._meta.label
        for model in apps.get_models()
        if not model._meta.proxy
        and _points_at_any_record(model)
        and model._meta.label_lower not in known
    )
    assert missing == [], (
        "Tables that point at any record (console history) are missing from "
        "semilla.privacy.registry.HISTORY (or NOT_HISTORY with the reason): "
        f"{missing}"
    )


def test_history_entries_name_real_fields():
    from semilla.privacy.registry import history

    assert len(history()) == len(HISTORY)
    for spec, model in history():
        fields = model._meta.concrete_fields
        names = {f.name for f in fields} | {f.attname for f in fields}
        for name in (*spec.content_types, spec.object_id, spec.by):
            assert name in names, f"{spec.model}.{name}"
        for name in (*spec.text, *spec.data, *spec.snapshot):
            assert name in names, f"{spec.model}.{name}"


@pytest.mark.parametrize("label", sorted(NOT_HISTORY))
def test_history_exemptions_name_real_models(label):
    assert _points_at_any_record(apps.get_model(label))


def test_no_registered_model_is_in_the_search_index():
    from wagtail.search.index import Indexed

    indexed = [e.model for e, model in entries() if issubclass(model, Indexed)]
    assert indexed == []
