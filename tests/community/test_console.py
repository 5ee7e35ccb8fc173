"""The staff console: the list of guides to review (programme staff only, constant query
count) and the free-help offices snippets."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from semilla.enums import Role
from tests.factories import password_only_client
from tests.factories.community import guide_data, load_guides, office_data

pytestmark = pytest.mark.django_db

URL = "/admin/community/guides-due/"


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_guides_due_url_is_the_admin_one():
    assert reverse("community_guides_due") == URL


def test_guides_due_lists_overdue_first_for_staff(make_user, client_for):
    load_guides(
        guide_data("pronto", review_by=_days(10)),
        guide_data("vencida", review_by=_days(-3), last_reviewed=_days(-200)),
        guide_data("lejos", review_by=_days(90)),
    )
    response = client_for(make_user(Role.STAFF)).get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert (html.index("Guía Vencida") < html.index("Guía Pronto"), "Guía Lejos" in html) == (
        True,
        False,
    )
    assert html.count('data-status="overdue"') == 1


def test_guides_due_says_so_when_nothing_is_due(make_user, client_for):
    load_guides(guide_data("lejos", review_by=_days(90)))
    html = client_for(make_user(Role.STAFF)).get(URL).content.decode()
    assert 'data-testid="guides-due-none"' in html


@pytest.mark.parametrize(("role", "expected"), [
    (None, 302),
    (Role.ENTREPRENEUR, 302),
    (Role.MENTOR, 302),
    (Role.FUNDER, "console"),
    (Role.FINANCE, "console"),
    (Role.STAFF, 200),
])  # fmt: skip
def test_guides_due_answers_by_role(role, expected, make_user, client_for):
    user = make_user(role) if role else None
    response = client_for(user).get(URL)
    if expected == "console":
        # Wagtail answers a PermissionDenied in the console with a redirect to its home
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    elif expected == 302:
        assert (response.status_code, "/accounts/login/" in response["Location"]) == (302, True)
    else:
        assert response.status_code == expected


def test_guides_due_for_a_password_only_staff_session_asks_for_the_code(make_user):
    response = password_only_client(make_user(Role.STAFF)).get(URL)
    assert (response.status_code, "/2fa/" in response["Location"]) == (302, True)


def test_guides_due_query_count_does_not_grow(make_user, client_for, django_assert_num_queries):
    client = client_for(make_user(Role.STAFF))
    load_guides(guide_data("g-0", review_by=_days(5)))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        first = client.get(URL)
    queries = len(one)  # now: the connection's query log is a bounded deque
    assert (first.status_code, queries > 0) == (200, True)
    load_guides(*(guide_data(f"g-{n}", review_by=_days(n)) for n in range(1, 6)))
    client.get(URL)
    with django_assert_num_queries(queries):
        client.get(URL)


def test_staff_see_and_edit_help_offices_in_the_console(make_user, client_for):
    load_guides(offices=[office_data("cali", 0)])
    from community.models import HelpOffice

    office = HelpOffice.objects.get(locale__language_code="es")
    client = client_for(make_user(Role.STAFF))
    listing = client.get("/admin/snippets/community/helpoffice/")
    edit = client.get(f"/admin/snippets/community/helpoffice/edit/{office.pk}/")
    assert (
        listing.status_code,
        edit.status_code,
        "Personería cali 0" in listing.content.decode(),
    ) == (
        200,
        200,
        True,
    )


def test_funders_cannot_edit_help_offices(make_user, client_for):
    load_guides(offices=[office_data("cali", 0)])
    from community.models import HelpOffice

    office = HelpOffice.objects.get(locale__language_code="es")
    response = client_for(make_user(Role.FUNDER)).get(
        f"/admin/snippets/community/helpoffice/edit/{office.pk}/"
    )
    assert response.status_code in (302, 403)
