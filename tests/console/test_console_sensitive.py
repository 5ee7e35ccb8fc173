"""Sensitive fields (semilla.console.SENSITIVE_FIELDS) obey one rule in every console
listing: without cohorts.view_sensitive_data they can be neither seen nor used to filter,
order or search; with it, each use leaves an access-audit row per person listed."""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from semilla.console import SENSITIVE_FIELDS, is_sensitive_path, sensitive_fields_of
from semilla.enums import Role
from semilla.privacy.models import AccessAudit
from tests.console.test_console_forms import BUILDERS, _our_viewsets
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _user_for(name, *, sensitive=False, model=None):
    """Staff (finance for payments) who may use the listing: its model's permissions, and
    not cohorts.view_sensitive_data unless ``sensitive``."""
    from django.contrib.contenttypes.models import ContentType

    user = make_user(Role.FINANCE if name == "disbursement" else Role.STAFF)
    if model is not None:
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type=ContentType.objects.get_for_model(model)
            ).exclude(codename="view_sensitive_data")
        )
    if sensitive:
        user.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    return user


def _pks(response):
    return [obj.pk for obj in response.context["object_list"]]


def _values(form_field):
    """Every value a filter's form field offers (choices, both booleans, or one text)."""
    choices = getattr(form_field, "choices", None)
    if choices is not None:
        return [str(value) for value, _label in choices if str(value) != ""]
    return ["true", "false", "1", "0", "x"]


def _all_sensitive_filters(view, request):
    """The listing's filters that reach a sensitive field, as the viewset declares them
    (before the rule takes any out)."""
    filterset_class = view.filterset_class
    if filterset_class is None:
        return {}
    filterset = filterset_class(data=None, request=request)
    return {
        name: filterset.form.fields[name]
        for name, definition in filterset.filters.items()
        if is_sensitive_path(view.model, definition.field_name or name)
        or is_sensitive_path(view.model, name)
    }


def test_console_sensitive_declaration_names_real_fields():
    from django.apps import apps

    for label, fields in SENSITIVE_FIELDS.items():
        model = apps.get_model(label)
        assert sorted(fields) == sorted(f for f in fields if model._meta.get_field(f))


def test_console_sensitive_every_listing_uses_the_rule():
    from semilla.console import SensitiveListingMixin

    for name, viewset in _our_viewsets().items():
        assert (name, issubclass(viewset.index_view_class, SensitiveListingMixin)) == (
            name,
            True,
        )


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_console_sensitive_filters_ordering_search_ignored_without_permission(client_for, name):
    viewset = _our_viewsets()[name]
    BUILDERS[name](2)
    user = _user_for(name, model=viewset.model)
    assert user.has_perm("cohorts.view_sensitive_data") is False
    client = client_for(user)
    url = reverse(f"{name}:index")
    plain = client.get(url)
    assert plain.status_code == 200
    expected = _pks(plain)
    view = plain.context["view"]
    request = RequestFactory().get(url)
    request.user = user
    before = AccessAudit.objects.count()

    sensitive_filters = _all_sensitive_filters(view, request)
    shown = plain.context["filters"].form.fields if plain.context["filters"] else {}
    assert sorted(set(sensitive_filters) & set(shown)) == []
    for param, form_field in sensitive_filters.items():
        for value in _values(form_field):
            response = client.get(url, {param: value})
            assert (param, value, _pks(response)) == (param, value, expected)

    orderings = [*sensitive_fields_of(viewset.model), *(f for f in view.get_valid_orderings())]
    for field in orderings:
        if not is_sensitive_path(viewset.model, str(field)):
            continue
        for ordering in (field, f"-{field}"):
            response = client.get(url, {"ordering": ordering})
            assert (ordering, _pks(response)) == (ordering, expected)

    assert [f for f in (view.search_fields or []) if is_sensitive_path(viewset.model, f)] == []
    assert AccessAudit.objects.count() == before


def test_console_sensitive_application_filter_is_ignored_without_permission(client_for):
    from tests.factories.cohorts import ApplicationFactory

    migrant = ApplicationFactory(population_group="venezuelan_migrant")
    returnee = ApplicationFactory(population_group="colombian_returnee")
    client = client_for(_user_for("cohorts_application"))
    url = reverse("cohorts_application:index")
    response = client.get(url, {"population_group": "colombian_returnee"})
    assert sorted(_pks(response)) == sorted([migrant.pk, returnee.pk])
    assert "population_group" not in response.context["filters"].form.fields
    response = client.get(url, {"ordering": "population_group"})
    columns = [c.name for c in response.context["view"].columns]
    assert [name for name in columns if "population_group" in name] == []
    assert sorted(_pks(response)) == sorted([migrant.pk, returnee.pk])
    assert AccessAudit.objects.count() == 0


def test_console_sensitive_application_filter_works_and_is_audited_with_permission(
    client_for,
):
    from tests.factories.cohorts import ApplicationFactory

    ApplicationFactory(population_group="venezuelan_migrant")
    returnee = ApplicationFactory(population_group="colombian_returnee")
    staff = _user_for("cohorts_application", sensitive=True)
    response = client_for(staff).get(
        reverse("cohorts_application:index"), {"population_group": "colombian_returnee"}
    )
    assert _pks(response) == [returnee.pk]
    audit = AccessAudit.objects.get()
    assert (audit.actor_id, audit.subject_id, audit.model) == (
        staff.pk,
        returnee.user_id,
        "cohorts.application",
    )
    assert "population_group" in audit.fields


def test_console_sensitive_path_through_relations():
    from cohorts.models import Application, Participant

    assert is_sensitive_path(Application, "population_group") is True
    assert is_sensitive_path(Application, "-get_population_group_display") is True
    assert is_sensitive_path(Participant, "application__nationality__iexact") is True
    assert is_sensitive_path(Application, "business_name") is False
    assert is_sensitive_path(Application, "user__full_name") is False


def test_console_sensitive_export_basic_columns_hold_no_sensitive_field():
    """The applications CSV shows its basic columns to everyone: none may be sensitive,
    and every sensitive field is among the columns only people with the permission get."""
    from cohorts.admin_views import BASIC_COLUMNS, SENSITIVE_COLUMNS
    from cohorts.models import Application

    basic = [a for _n, a in BASIC_COLUMNS if is_sensitive_path(Application, a.replace(".", "__"))]
    assert basic == []
    guarded = {a for _n, a in SENSITIVE_COLUMNS}
    assert sorted(sensitive_fields_of(Application) - guarded) == []


def test_console_sensitive_filter_use_is_audited_even_without_the_column(client_for, monkeypatch):
    """A listing that does not show the field but lets a permitted person filter by it
    still records who was listed through it."""
    from django.utils.functional import cached_property

    from cohorts.wagtail_hooks import ApplicationIndexView
    from semilla.console import SensitiveListingMixin, is_sensitive_path
    from tests.factories.cohorts import ApplicationFactory

    def columns(view):
        every = SensitiveListingMixin.columns.func(view)
        return [c for c in every if not is_sensitive_path(view.model, c.name)]

    without = cached_property(columns)
    without.__set_name__(ApplicationIndexView, "columns")
    monkeypatch.setattr(ApplicationIndexView, "columns", without)
    ApplicationFactory(population_group="venezuelan_migrant")
    returnee = ApplicationFactory(population_group="colombian_returnee")
    staff = _user_for("cohorts_application", sensitive=True)
    response = client_for(staff).get(
        reverse("cohorts_application:index"), {"population_group": "colombian_returnee"}
    )
    assert _pks(response) == [returnee.pk]
    audit = AccessAudit.objects.get()
    assert (audit.subject_id, audit.fields) == (returnee.user_id, ["population_group"])
