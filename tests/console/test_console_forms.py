"""Every create and edit screen of the staff console opens for the people who run it.

The test walks Wagtail's own registry of viewsets, so a screen added later is covered
without a line here (and a model whose console screens cannot be reached with one object
fails until it has a builder below)."""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from semilla.enums import Role
from tests.console.test_console_query_counts import LISTINGS
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _certificates(n):
    from curriculum.models import Certificate
    from tests.factories.curriculum import load_course

    course = load_course().course
    for i in range(n):
        Certificate.objects.create(
            user=make_user(Role.ENTREPRENEUR, mfa=False),
            course=course,
            course_title="Curso",
            recipient_name=f"Persona {i}",
        )


def _syllabus(n):
    from curriculum.models import SyllabusItem
    from tests.factories.cohorts import CohortFactory
    from tests.factories.curriculum import load_course

    course = load_course().course
    for _ in range(n):
        SyllabusItem.objects.create(
            cohort=CohortFactory(), page=course, due_date=course.first_published_at.date()
        )


#: One object for each console screen (the listings' builders, plus the curriculum's).
BUILDERS = {**LISTINGS, "certificates": _certificates, "syllabus": _syllabus}

#: Screens that answer something other than the form by design.
BY_DESIGN = {
    # certificates are never edited: the edit screen sends to the revocation form
    ("certificates", "edit"): 302,
    # sessions are read-only in the console (their permission policy refuses adding):
    # Wagtail sends the person back to the dashboard with a message
    ("booking", "add"): 302,
    ("booking", "edit"): 302,
}


def _our_viewsets():
    """Our apps' ModelViewSets (Wagtail's own, locales, sites, users and groups, are
    Wagtail's to test)."""
    get_resolver().url_patterns  # noqa: B018 - the admin's URLs register the viewsets
    ours = {"cohorts", "mentors", "curriculum", "pitchday"}
    found = {}
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and viewset.model._meta.app_label in ours:
            found[viewset.name] = viewset
    return found


def _url(viewset, view, *args):
    try:
        return reverse(f"{viewset.name}:{view}", args=args)
    except NoReverseMatch:
        return None


def test_console_forms_every_viewset_has_a_builder():
    assert sorted(_our_viewsets()) == sorted(BUILDERS)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_console_forms_create_and_edit_open_for_superuser(client_for, name):
    viewset = _our_viewsets()[name]
    BUILDERS[name](1)
    instance = viewset.model._default_manager.order_by("pk").last()
    client = client_for(make_user(Role.STAFF, is_superuser=True))
    for view, args in (("add", ()), ("edit", (instance.pk,))):
        url = _url(viewset, view, *args)
        if url is None:
            continue
        response = client.get(url)
        assert (name, view, response.status_code) == (
            name,
            view,
            BY_DESIGN.get((name, view), 200),
        )


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_console_forms_create_and_edit_never_fail_for_staff(client_for, name):
    """Programme staff and finance get the form or a refusal, never a server error."""
    viewset = _our_viewsets()[name]
    BUILDERS[name](1)
    instance = viewset.model._default_manager.order_by("pk").last()
    for role in (Role.STAFF, Role.FINANCE):
        client = client_for(make_user(role))
        for view, args in (("add", ()), ("edit", (instance.pk,))):
            url = _url(viewset, view, *args)
            if url is None:
                continue
            status = client.get(url).status_code
            assert (name, view, role, status in (200, 302, 403)) == (name, view, role, True)


def test_console_forms_fund_created_with_a_budget(client_for):
    from pitchday.models import Fund

    client = client_for(make_user(Role.STAFF, is_superuser=True))
    response = client.post(
        reverse("fund:add"),
        {
            "name": "Fondo Semilla Cúcuta",
            "donor": "Fundación Ejemplo",
            "description": "",
            "currency": "COP",
            "add_budget": "5000000",
        },
    )
    assert response.status_code == 302
    fund = Fund.objects.get(name="Fondo Semilla Cúcuta")
    assert list(fund.ledger_entries.values_list("amount", flat=True)) == [5_000_000_00]
