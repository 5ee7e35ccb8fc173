"""Browser journey for sessions: a mentor in Madrid sets weekly hours; her mentee in
Bogotá books one; each sees the session at the right time in their own zone."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from mentors.enums import MatchStatus
from mentors.models import Booking, MentorProfile
from tests.e2e.conftest import axe_serious
from tests.factories.mentors import MatchFactory

pytestmark = pytest.mark.e2e


def _page_as(browser, user, base, tz, *, phone=False):
    client = Client()
    client.force_login(user)
    extra = (
        {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True}
        if phone
        else {}
    )
    context = browser.new_context(locale="es-CO", timezone_id=tz, **extra)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


def _no_overflow(page, shots, name):
    """A phone-size screenshot of ``page`` under the test's tmp dir, and no horizontal
    scrolling: nothing is wider than the screen."""
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name}: {widths[0]} px wide on a {widths[1]} px screen"


def _tap_size(locator):
    box = locator.bounding_box()
    return min(box["width"], box["height"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentor_sets_availability_mentee_books_each_in_own_zone(
    browser, live_server, site_data, tmp_path
):
    """On a 412-px phone the mentee books through day → time → one short form; each
    person sees the session at the right time in their own zone; "Mis sesiones" fits the
    screen, with a video link and a calendar button big enough for a thumb."""
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

    mentee = _page_as(browser, match.participant.user, base, "America/Bogota", phone=True)
    mentee.goto(f"{base}/es/mentores/reservar/")
    assert "America/Bogota" in mentee.get_by_test_id("viewer-zone").inner_text()
    expected = datetime.datetime.combine(day, datetime.time(10), tzinfo=madrid)
    bogota_label = expected.astimezone(ZoneInfo("America/Bogota"))
    # 1. the day: a button with its number of free times
    day_button = mentee.get_by_test_id(f"day-{bogota_label:%Y-%m-%d}")
    assert " ".join(day_button.inner_text().split()).endswith(" 1 horario")  # 15-min break
    assert _tap_size(day_button) >= 44
    assert axe_serious(mentee) == []
    _no_overflow(mentee, tmp_path, "1-days")
    day_button.click()
    # 2. the time: large buttons
    time_button = mentee.get_by_test_id(f"time-{bogota_label:%Y-%m-%d-%H-%M}")
    time_button.wait_for()
    assert _tap_size(time_button) >= 44
    assert mentee.locator(".time-button").count() == 1
    _no_overflow(mentee, tmp_path, "2-times")
    time_button.click()
    # 3. one short form
    mentee.get_by_test_id("booking-summary").wait_for()
    assert mentee.locator("[data-testid=book-submit]").count() == 1
    mentee.get_by_label("¿Qué quieres trabajar?").fill("Precios de mis arepas")
    mentee.get_by_label("Una nota para tu mentora o mentor (opcional)").fill("Llevo mis costos")
    assert axe_serious(mentee) == []
    _no_overflow(mentee, tmp_path, "3-form")
    mentee.get_by_test_id("book-submit").click()
    mentee.wait_for_url(f"{base}/es/mentores/sesiones/**")
    booking = Booking.objects.get()
    assert (booking.starts_at, booking.topic, booking.note) == (
        expected,
        "Precios de mis arepas",
        "Llevo mis costos",
    )
    row = mentee.get_by_test_id(f"booking-{booking.pk}")
    assert bogota_label.strftime("%-I:%M") in row.inner_text()
    # Mis sesiones on the phone: fits the screen; real links a thumb can hit
    join = mentee.get_by_test_id(f"join-{booking.pk}")
    assert join.get_attribute("href") == "https://meet.example.org/catalina"
    assert _tap_size(join) >= 44
    calendar = mentee.get_by_test_id(f"calendar-{booking.pk}")
    assert _tap_size(calendar) >= 44
    with mentee.expect_download() as download:
        calendar.click()
    assert download.value.suggested_filename == f"sesion-semilla-{bogota_label:%Y-%m-%d}.ics"
    assert "TZID=America/Bogota" in Path(download.value.path()).read_text(encoding="utf-8")
    mentee.get_by_role("button", name="Crear mi dirección de calendario").click()
    mentee.get_by_test_id("feed-url").wait_for()
    _no_overflow(mentee, tmp_path, "4-my-sessions")
    assert axe_serious(mentee) == []

    mentor.goto(f"{base}/es/mentores/sesiones/")
    assert "10:00" in mentor.get_by_test_id(f"booking-{booking.pk}").inner_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentor_proposes_logs_with_goals_and_mentee_confirms_and_rates(
    browser, live_server, site_data
):
    """Goes on from booking: the mentor proposes the next session (the mentee confirms
    it), logs the session that took place moving a goal forward and leaving an action
    item; the mentee ticks it off and rates the session."""
    from mentors import services
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
    goal = services.goal_add(match=match, actor=match.participant.user, title="Separar las cuentas")

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
