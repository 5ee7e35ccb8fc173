"""Browser journey for sessions: a mentor in Madrid sets weekly hours; her mentee in
Bogotá books one; each sees the session at the right time in their own zone."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from mentors.enums import MatchStatus
from mentors.models import Booking, MentorProfile
from tests.e2e.conftest import axe_serious
from tests.factories.mentors import MatchFactory

pytestmark = pytest.mark.e2e


def _page_as(browser, user, base, tz):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="es-CO", timezone_id=tz)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentor_sets_availability_mentee_books_each_in_own_zone(browser, live_server, site_data):
    base = live_server.url
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_user = match.mentor.user
    mentor_user.timezone = "Europe/Madrid"
    mentor_user.save()
    MentorProfile.objects.filter(pk=match.mentor.pk).update(
        min_notice_hours=0, meeting_link="https://meet.example.org/catalina"
    )
    madrid = ZoneInfo("Europe/Madrid")
    day = (timezone.now().astimezone(madrid) + datetime.timedelta(days=2)).date()

    mentor = _page_as(browser, mentor_user, base, "Europe/Madrid")
    mentor.goto(f"{base}/es/mentores/disponibilidad/")
    assert "Europe/Madrid" in mentor.locator("main").inner_text()
    mentor.select_option("select[name=w-weekday]", str(day.weekday()))
    mentor.fill("input[name=w-start]", "10:00")
    mentor.fill("input[name=w-end]", "12:00")
    mentor.get_by_test_id("add-weekly").click()
    assert "10:00–12:00" in mentor.get_by_test_id("weekly-list").inner_text()

    mentee = _page_as(browser, match.participant.user, base, "America/Bogota")
    mentee.goto(f"{base}/es/mentores/reservar/")
    assert "America/Bogota" in mentee.get_by_test_id("viewer-zone").inner_text()
    assert axe_serious(mentee) == []
    expected = datetime.datetime.combine(day, datetime.time(10), tzinfo=madrid)
    bogota_label = expected.astimezone(ZoneInfo("America/Bogota"))
    mentee.get_by_test_id(f"book-{bogota_label:%Y-%m-%d-%H-%M}").click()
    mentee.wait_for_url(f"{base}/es/mentores/sesiones/")
    booking = Booking.objects.get()
    assert booking.starts_at == expected
    assert f"{bogota_label:%H:%M}" in mentee.get_by_test_id(f"booking-{booking.pk}").inner_text()

    mentor.goto(f"{base}/es/mentores/sesiones/")
    assert "10:00" in mentor.get_by_test_id(f"booking-{booking.pk}").inner_text()
