"""Every time in the staff console is in the staff person's own time zone (their setting,
as everywhere else on the site), in words: an application's submission next to its history."""

import html
import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from cohorts.enums import ApplicationStatus
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory

pytestmark = pytest.mark.django_db

#: 21:20 UTC: 4:20 p.m. in Bogotá, 10:20 p.m. in Madrid.
INSTANT = datetime(2026, 12, 11, 21, 20, tzinfo=UTC)


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_application_view_times_are_in_the_staff_persons_zone(client):
    client.force_login(
        make_user(Role.STAFF, is_superuser=True, timezone="Europe/Madrid", full_name="Equipo")
    )
    application = ApplicationFactory(submitted_at=INSTANT)
    application.history.all().delete()
    application.history.create(
        from_status=ApplicationStatus.DRAFT, to_status=ApplicationStatus.SUBMITTED, at=INSTANT
    )
    text = _text(client.get(reverse("cohorts_application:inspect", args=[application.pk])))
    assert "Enviado el 11 de diciembre de 2026, 10:20 p.m." in text
    assert "11 de diciembre de 2026, 10:20 p.m. — Borrador → Enviada" in text
    assert ("4:20" in text, "9:20" in text) == (False, False)


def test_console_listing_times_are_in_the_staff_persons_zone(client):
    from tests.factories.cohorts import ReviewAssignmentFactory

    client.force_login(make_user(Role.STAFF, timezone="Europe/Madrid", full_name="Equipo"))
    ReviewAssignmentFactory(submitted_at=INSTANT)
    text = _text(client.get(reverse("cohorts_assignment:index")))
    assert "11 de diciembre de 2026, 10:20 p.m." in text
    assert ("4:20" in text, "9:20" in text) == (False, False)


def test_console_follows_a_change_of_the_persons_zone(client):
    from wagtail.users.models import UserProfile

    person = make_user(Role.STAFF, is_superuser=True, timezone="Europe/Madrid")
    client.force_login(person)
    application = ApplicationFactory(submitted_at=INSTANT)
    url = reverse("cohorts_application:inspect", args=[application.pk])
    assert "10:20 p.m." in _text(client.get(url))
    person.timezone = "America/Bogota"
    person.save(update_fields=["timezone"])
    assert "Enviado el 11 de diciembre de 2026, 4:20 p.m." in _text(client.get(url))
    assert UserProfile.get_for_user(person).current_time_zone == "America/Bogota"
