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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentor_proposes_logs_with_goals_and_mentee_confirms_and_rates(
    browser, live_server, site_data
):
    """Goes on from booking: the mentor proposes the next session (the mentee confirms
    it), logs the session that took place moving a goal forward and leaving an action
    item; the mentee ticks it off and rates the session."""
    from mentors import session_services
    from mentors.models import ActionItem, MentorshipGoal

    base = live_server.url
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    MentorProfile.objects.filter(pk=match.mentor.pk).update(
        min_notice_hours=0, meeting_link="https://meet.example.org/catalina"
    )
    start = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=3)
    held = Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    goal = session_services.goal_add(
        match=match, actor=match.participant.user, title="Separar las cuentas"
    )

    mentor = _page_as(browser, match.mentor.user, base, "America/Bogota")
    mentor.goto(f"{base}/es/mentores/emparejamientos/{match.pk}/proponer/")
    day = (timezone.localtime() + datetime.timedelta(days=4)).date()
    mentor.fill("input[name=starts_at]", f"{day:%Y-%m-%d}T17:00")
    mentor.get_by_test_id("send-proposal").click()
    mentor.wait_for_url(f"{base}/es/mentores/mi-semana/")
    assert axe_serious(mentor) == []
    proposal = Booking.objects.get(status="proposed")

    mentor.goto(f"{base}/es/mentores/sesiones/")
    row = mentor.get_by_test_id(f"past-{held.pk}")
    row.locator("input[name=outcome][value=held]").check()
    row.locator("input[name=duration_minutes]").fill("55")
    row.locator(f"input[name=goal-{goal.pk}]").fill("50")
    row.locator("textarea[name=action_items]").fill("Abrir una cuenta solo para el negocio")
    mentor.get_by_test_id(f"log-{held.pk}").click()
    mentor.wait_for_url(f"{base}/es/mentores/sesiones/")
    goal.refresh_from_db()
    assert (Booking.objects.get(pk=held.pk).log.duration_minutes, goal.progress) == (55, 50)

    mentee = _page_as(browser, match.participant.user, base, "America/Bogota")
    mentee.goto(f"{base}/es/mentores/mi-mentoria/")
    assert (
        "Abrir una cuenta solo para el negocio" in mentee.get_by_test_id("open-items").inner_text()
    )
    assert "50 %" in mentee.get_by_test_id(f"goal-{goal.pk}").inner_text()
    mentee.get_by_test_id(f"accept-proposal-{proposal.pk}").click()
    mentee.wait_for_url(f"{base}/es/mentores/sesiones/")
    mentee.get_by_test_id(f"booking-{proposal.pk}").wait_for()
    row = mentee.get_by_test_id(f"past-{held.pk}")
    row.get_by_role("button", name="☐ Abrir una cuenta solo para el negocio").click()
    mentee.wait_for_url(f"{base}/es/mentores/sesiones/")
    row = mentee.get_by_test_id(f"past-{held.pk}")
    row.locator("input[name=rating][value='5']").check()
    row.locator("input[name=comment]").fill("Muy práctica")
    mentee.get_by_test_id(f"confirm-{held.pk}").click()
    mentee.wait_for_url(f"{base}/es/mentores/sesiones/")
    assert axe_serious(mentee) == []

    log = Booking.objects.get(pk=held.pk).log
    assert (log.rating, log.rating_comment, log.confirmed_at is not None) == (
        5,
        "Muy práctica",
        True,
    )
    assert ActionItem.objects.get().done_at is not None
    assert Booking.objects.get(pk=proposal.pk).status == "confirmed"
    assert MentorshipGoal.objects.get().progress == 50
