import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from mentors import selectors, services
from mentors.enums import BookingStatus, MatchStatus
from mentors.models import Booking, WeeklyAvailability
from tests.factories.mentors import (
    MatchFactory,
    MentorProfileFactory,
    make_booking,
    mentor_available_every_day,
)


@pytest.fixture
def match(db):
    m = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(m.mentor)
    return m


@pytest.mark.parametrize("name", ["mentors:availability", "mentors:book", "mentors:sessions"])
def test_session_views_anonymous_redirected(client, db, name):
    assert client.get(reverse(name))["Location"].startswith("/es/accounts/login/")


def test_mentor_adds_weekly_hours(client_for, db):
    mentor = MentorProfileFactory()
    client = client_for(mentor.user)
    client.post(
        reverse("mentors:availability"),
        {"action": "weekly", "w-weekday": "1", "w-start": "18:00", "w-end": "20:00"},
    )
    assert list(
        WeeklyAvailability.objects.filter(mentor=mentor).values_list(
            "weekday", "start_time__hour", "end_time__hour"
        )
    ) == [(1, 18, 20)]
    body = client.get(reverse("mentors:availability")).content.decode()
    assert "America/Bogota" in body


def test_mentor_removes_own_hours_and_dates_only(client_for, db):
    from mentors.models import AvailabilityOverride

    mine, theirs = MentorProfileFactory(), MentorProfileFactory()
    window = services.availability_add_weekly(
        mentor=mine, weekday=2, start=datetime.time(9), end=datetime.time(11)
    )
    other_window = services.availability_add_weekly(
        mentor=theirs, weekday=2, start=datetime.time(9), end=datetime.time(11)
    )
    day = timezone.localdate() + datetime.timedelta(days=3)
    override = services.availability_add_override(mentor=mine, day=day, available=False)
    other_override = services.availability_add_override(mentor=theirs, day=day, available=False)
    client = client_for(mine.user)
    url = reverse("mentors:availability")

    # someone else's rows, and ids that are not ids: nothing removed, no error
    for action, pk in [
        ("delete_weekly", other_window.pk),
        ("delete_override", other_override.pk),
        ("delete_weekly", "abc"),
        ("delete_override", "99999999999999999999999"),
        ("delete_weekly", ""),
    ]:
        response = client.post(url, {"action": action, "pk": pk})
        assert response.status_code == 302
    assert WeeklyAvailability.objects.count() == 2
    assert AvailabilityOverride.objects.count() == 2

    response = client.post(url, {"action": "delete_weekly", "pk": window.pk}, follow=True)
    assert "Horas eliminadas." in response.content.decode()
    response = client.post(url, {"action": "delete_override", "pk": override.pk}, follow=True)
    assert "Fecha eliminada." in response.content.decode()
    assert list(WeeklyAvailability.objects.values_list("pk", flat=True)) == [other_window.pk]
    assert list(AvailabilityOverride.objects.values_list("pk", flat=True)) == [other_override.pk]


def test_availability_for_non_mentor_is_404(client_for, entrepreneur):
    assert client_for(entrepreneur).get(reverse("mentors:availability")).status_code == 404


def test_mentee_books_slot_in_own_zone(client_for, match):
    user = match.participant.user
    user.timezone = "America/Bogota"
    user.save()
    client = client_for(user)
    response = client.get(reverse("mentors:book"))
    assert "America/Bogota" in response.content.decode()
    slot = selectors.free_slots(match=match)[2]
    response = client.post(
        reverse("mentors:book"),
        {"hora": int(slot.timestamp()), "mode": "virtual", "topic": "Precios"},
    )
    assert response["Location"] == reverse("mentors:sessions")
    assert Booking.objects.get().starts_at == slot


def test_book_without_accepted_match_is_404(client_for, db):
    match = MatchFactory()
    assert client_for(match.participant.user).get(reverse("mentors:book")).status_code == 404
    assert client_for(match.mentor.user).get(reverse("mentors:book")).status_code == 404


def test_cancel_permission_matrix(client_for, match):
    booking = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[0], actor=match.participant.user
    )
    url = reverse("mentors:booking_cancel", args=[booking.pk])
    outsider = MatchFactory(status=MatchStatus.ACCEPTED)
    assert client_for(outsider.participant.user).post(url, {"reason": "x"}).status_code == 404
    assert client_for(outsider.mentor.user).post(url, {"reason": "x"}).status_code == 404
    assert client_for(match.participant.user).get(url).status_code == 405
    client_for(match.mentor.user).post(url, {"reason": "Viaje de trabajo"})
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == (BookingStatus.CANCELLED, "Viaje de trabajo")


@pytest.mark.parametrize("n", [1, 3])
def test_sessions_page_query_count_constant(client_for, match, django_assert_num_queries, n):
    for slot in selectors.free_slots(match=match)[: 2 * n : 2]:
        make_booking(match, slot)
    client = client_for(match.participant.user)
    client.get(reverse("mentors:sessions"))
    # session, user, bookings, feed token + the logs' action items and the pairs' goals
    with django_assert_num_queries(7):
        response = client.get(reverse("mentors:sessions"))
    assert len(response.context["upcoming"]) == n


def test_calendar_feed_by_token_and_revocation(client_for, client, match):
    services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[0], actor=match.participant.user
    )
    token = services.calendar_feed_token(user=match.participant.user)
    response = client.get(reverse("mentors:calendar_feed", args=[token]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1
    client_for(match.participant.user).post(reverse("mentors:calendar_feed_rotate"))
    assert client.get(reverse("mentors:calendar_feed", args=[token])).status_code == 404


def test_mentor_logs_and_mentee_confirms_through_views(client_for, match):
    start = timezone.now() - datetime.timedelta(hours=3)
    booking = Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    url = reverse("mentors:session_log", args=[booking.pk])
    assert client_for(MatchFactory().mentor.user).post(url, {}).status_code == 404
    client_for(match.mentor.user).post(
        url,
        {
            "outcome": "held",
            "duration_minutes": "60",
            "topics": ["marketing"],
            "action_items": "Abrir Instagram",
        },
    )
    log = booking.log
    assert (log.outcome, log.duration_minutes, log.topics) == ("held", 60, ["marketing"])
    confirm = reverse("mentors:session_confirm", args=[log.pk])
    assert client_for(match.mentor.user).post(confirm, {"rating": "5"}).status_code == 404
    client_for(match.participant.user).post(confirm, {"rating": "5", "comment": "Gracias"})
    log.refresh_from_db()
    assert (log.rating, log.rating_comment) == (5, "Gracias")


def test_mentor_overlapping_weekly_hours_refused_on_the_page(client_for, db):
    from django.contrib.messages import get_messages

    mentor = MentorProfileFactory()
    services.availability_add_weekly(
        mentor=mentor, weekday=1, start=datetime.time(18), end=datetime.time(20)
    )
    response = client_for(mentor.user).post(
        reverse("mentors:availability"),
        {"action": "weekly", "w-weekday": "1", "w-start": "19:00", "w-end": "21:00"},
    )
    assert response.status_code == 200
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert response.context["weekly_form"].data["w-start"] == "19:00"
    assert WeeklyAvailability.objects.filter(mentor=mentor).count() == 1


def test_action_item_ticked_on_my_mentorship_returns_there(client_for, match):
    start = timezone.now() - datetime.timedelta(hours=3)
    booking = make_booking(match=match, starts_at=start)
    client_for(match.mentor.user).post(
        reverse("mentors:session_log", args=[booking.pk]),
        {"outcome": "held", "duration_minutes": "60", "action_items": "Abrir Instagram"},
    )
    item = booking.log.action_items.get()
    client = client_for(match.participant.user)
    page = client.get(reverse("mentors:my_mentorship")).content.decode()
    url = reverse("mentors:action_item_toggle", args=[item.pk])
    form = page[page.index(f'action="{url}"') :]
    assert form[: form.index("</form>")].count('name="back" value="mentorship"') == 1
    from_mentorship = client.post(url, {"done": "1", "back": "mentorship"})
    from_sessions = client.post(url, {"done": "0"})
    elsewhere = client.post(url, {"done": "1", "back": "https://example.org/"})
    item.refresh_from_db()
    assert (from_mentorship.url, from_sessions.url, elsewhere.url, item.done_at is not None) == (
        reverse("mentors:my_mentorship"),
        reverse("mentors:sessions"),
        reverse("mentors:sessions"),
        True,
    )
