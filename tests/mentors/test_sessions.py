import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from mentors import selectors, services
from mentors.enums import BookingStatus, MatchStatus
from mentors.ics import booking_ics
from mentors.models import Booking
from semilla.models import OutboxMessage
from tests.factories.mentors import MatchFactory, make_booking, mentor_available_every_day


@pytest.fixture
def match(db):
    m = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(m.mentor)
    return m


def _slot(match, n=0):
    return selectors.free_slots(match=match)[n]


def test_booking_create_notifies_both_with_ics(match):
    start = _slot(match, 3)
    booking = services.booking_create(
        match=match, starts_at=start, actor=match.participant.user, topic="Costos"
    )
    assert (booking.starts_at, booking.minutes, booking.location) == (
        start,
        60,
        "https://meet.example.org/semilla",
    )
    assert start not in selectors.free_slots(match=match)
    assert sorted(
        OutboxMessage.objects.filter(key__startswith="booking-confirmed").values_list(
            "user_id", flat=True
        )
    ) == sorted([match.mentor.user_id, match.participant.user_id])


def test_booking_refused_for_taken_or_unoffered_time(match):
    start = _slot(match)
    services.booking_create(match=match, starts_at=start, actor=match.participant.user)
    with pytest.raises(services.BookingError):
        services.booking_create(match=match, starts_at=start, actor=match.participant.user)
    night = start.replace(hour=7, minute=13)  # 02:13 in Bogotá: not offered
    with pytest.raises(services.BookingError):
        services.booking_create(match=match, starts_at=night, actor=match.participant.user)
    assert Booking.objects.count() == 1


def test_booking_only_by_mentee_and_only_when_accepted(db):
    proposed = MatchFactory()
    mentor_available_every_day(proposed.mentor)
    with pytest.raises(services.BookingError):
        services.booking_create(
            match=proposed, starts_at=_slot(proposed), actor=proposed.participant.user
        )
    accepted = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(accepted.mentor)
    with pytest.raises(services.BookingError):
        services.booking_create(
            match=accepted, starts_at=_slot(accepted), actor=accepted.mentor.user
        )


def test_booking_limits_upcoming_and_hours(match):
    cohort = match.cohort
    cohort.max_upcoming_bookings = 2
    cohort.mentoring_hours_per_pair = 10
    cohort.save()
    user = match.participant.user
    services.booking_create(match=match, starts_at=_slot(match, 0), actor=user)
    services.booking_create(match=match, starts_at=_slot(match, 2), actor=user)
    with pytest.raises(services.BookingError):
        services.booking_create(match=match, starts_at=_slot(match, 4), actor=user)
    cohort.max_upcoming_bookings = 20
    cohort.mentoring_hours_per_pair = 2
    cohort.save()
    match.refresh_from_db()
    with pytest.raises(services.BookingError):
        services.booking_create(match=match, starts_at=_slot(match, 4), actor=user)


def test_no_overlap_for_mentor_or_mentee(db):
    from mentors.models import Match

    first = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(first.mentor)
    # a time with the next hour free too (not the day's last hour, whatever the clock says)
    slots = selectors.free_slots(match=first)
    hour = datetime.timedelta(hours=1)
    start = next(slot for slot in slots[1:] if slot + hour in slots)
    services.booking_create(match=first, starts_at=start, actor=first.participant.user)
    # Another mentee of the same mentor cannot take that time.
    same_mentor = MatchFactory(status=MatchStatus.ACCEPTED, mentor=first.mentor)
    assert start not in selectors.free_slots(match=same_mentor)
    # The same mentee with a new mentor (after a re-match) cannot either.
    Match.objects.filter(pk=first.pk).update(status=MatchStatus.ENDED)
    new_mentor = MatchFactory(status=MatchStatus.ACCEPTED, participant=first.participant)
    mentor_available_every_day(new_mentor.mentor)
    assert start not in selectors.free_slots(match=new_mentor)
    assert start + datetime.timedelta(hours=1) in selectors.free_slots(match=new_mentor)


def test_cancel_requires_reason_and_counts_late(match):
    match.cohort.booking_cancel_cutoff_hours = 48
    match.cohort.save()
    booking = services.booking_create(
        match=match, starts_at=_slot(match, 0), actor=match.participant.user
    )
    with pytest.raises(services.BookingError):
        services.booking_cancel(booking=booking, actor=match.participant.user, reason=" ")
    cancelled = services.booking_cancel(
        booking=booking, actor=match.mentor.user, reason="Enfermedad"
    )
    assert (cancelled.status, cancelled.late_cancellation, cancelled.sequence) == (
        BookingStatus.CANCELLED,
        True,
        1,
    )  # within the 48 h cut-off
    assert booking.starts_at in selectors.free_slots(match=match)


def test_cancel_before_cutoff_is_not_late(match):
    later = [
        s
        for s in selectors.free_slots(match=match)
        if s > timezone.now() + datetime.timedelta(days=2)
    ][0]
    booking = services.booking_create(match=match, starts_at=later, actor=match.participant.user)
    cancelled = services.booking_cancel(
        booking=booking, actor=match.participant.user, reason="Viaje"
    )
    assert cancelled.late_cancellation is False


def test_reschedule_before_cutoff_keeps_uid_and_bumps_sequence(match):
    match.cohort.booking_cancel_cutoff_hours = 36
    match.cohort.save()
    slots = [
        s
        for s in selectors.free_slots(match=match)
        if s > timezone.now() + datetime.timedelta(days=2)
    ]
    booking = services.booking_create(match=match, starts_at=slots[0], actor=match.participant.user)
    moved = services.booking_reschedule(
        booking=booking, starts_at=slots[3], actor=match.participant.user, reason="Trabajo"
    )
    assert (moved.uid, moved.sequence, moved.starts_at) == (booking.uid, 1, slots[3])
    soon = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[0], actor=match.participant.user
    )
    with pytest.raises(services.BookingError):
        services.booking_reschedule(
            booking=soon, starts_at=slots[5], actor=match.participant.user, reason="Trabajo"
        )


def test_ics_parses_back_with_sequence_and_cancel_method(match):
    booking = services.booking_create(
        match=match, starts_at=_slot(match, 1), actor=match.participant.user
    )
    invite = Calendar.from_ical(booking_ics(booking))
    event = invite.walk("VEVENT")[0]
    assert (str(invite["METHOD"]), int(event["SEQUENCE"]), event.decoded("DTSTART")) == (
        "REQUEST",
        0,
        booking.starts_at,
    )
    assert str(event["UID"]) == f"{booking.uid}@semilla"
    cancelled = services.booking_cancel(
        booking=booking, actor=match.participant.user, reason="Imprevisto"
    )
    cancel = Calendar.from_ical(booking_ics(cancelled, method="CANCEL"))
    event = cancel.walk("VEVENT")[0]
    assert (str(cancel["METHOD"]), int(event["SEQUENCE"]), str(event["STATUS"])) == (
        "CANCEL",
        1,
        "CANCELLED",
    )


def test_reminders_sent_once_even_if_task_runs_twice(match):
    start = _slot(match, 0)
    services.booking_create(match=match, starts_at=start, actor=match.participant.user)
    day_before = start - datetime.timedelta(hours=23)
    assert services.send_due_reminders(now=day_before) == 2
    assert services.send_due_reminders(now=day_before) == 0
    hour_before = start - datetime.timedelta(minutes=50)
    assert services.send_due_reminders(now=hour_before) == 2
    assert services.send_due_reminders(now=hour_before) == 0
    assert OutboxMessage.objects.filter(key__startswith="reminder-").count() == 4


def test_reminder_in_recipient_language(match):
    match.mentor.user.language = "en"
    match.mentor.user.timezone = "Europe/Madrid"
    match.mentor.user.save()
    start = _slot(match, 0)
    services.booking_create(match=match, starts_at=start, actor=match.participant.user)
    services.send_due_reminders(now=start - datetime.timedelta(minutes=30))
    english = OutboxMessage.objects.get(key__startswith="reminder-1h", user=match.mentor.user)
    spanish = OutboxMessage.objects.get(key__startswith="reminder-1h", user=match.participant.user)
    assert english.subject == "Your mentoring session starts in one hour"
    assert "(Europe/Madrid)" in english.body
    assert spanish.subject == "Tu sesión de mentoría empieza en una hora"
    assert "(America/Bogota)" in spanish.body


def test_calendar_feed_token_rotates(db, entrepreneur):
    first = services.calendar_feed_token(user=entrepreneur)
    assert services.calendar_feed_token(user=entrepreneur) == first
    assert services.calendar_feed_token(user=entrepreneur, rotate=True) != first


def _past_booking(match, hours_ago=2):
    return make_booking(match, timezone.now() - datetime.timedelta(hours=hours_ago))


def test_log_confirm_rate_and_volunteer_hours(match):
    booking = _past_booking(match)
    future = services.booking_create(
        match=match, starts_at=_slot(match, 0), actor=match.participant.user
    )
    with pytest.raises(services.BookingError):
        services.session_log(
            booking=future, actor=match.mentor.user, outcome="held", duration_minutes=60
        )
    with pytest.raises(services.BookingError):
        services.session_log(
            booking=booking, actor=match.participant.user, outcome="held", duration_minutes=60
        )
    log = services.session_log(
        booking=booking,
        actor=match.mentor.user,
        outcome="held",
        duration_minutes=55,
        topics=["finance"],
        notes="Revisamos costos",
        action_items=["Hacer flujo", " "],
    )
    assert [i.text for i in log.action_items.all()] == ["Hacer flujo"]
    assert selectors.volunteer_minutes(mentor=match.mentor) == 0  # not confirmed yet
    with pytest.raises(services.BookingError):
        services.session_confirm(log=log, actor=match.mentor.user, rating=5)
    services.session_confirm(log=log, actor=match.participant.user, rating=4, comment="Muy útil")
    assert selectors.volunteer_minutes(mentor=match.mentor) == 55
    item = log.action_items.get()
    with pytest.raises(services.BookingError):
        services.action_item_toggle(item=item, actor=match.mentor.user, done=True)
    assert (
        services.action_item_toggle(item=item, actor=match.participant.user, done=True).done_at
        is not None
    )


def test_logged_session_and_unlogged_nudge_tell_the_right_side(match):
    logged = _past_booking(match)
    services.session_log(
        booking=logged, actor=match.mentor.user, outcome="held", duration_minutes=60
    )
    forgotten = _past_booking(match, hours_ago=30)
    sent = services.nudge_unlogged_sessions()
    told = OutboxMessage.objects.get(key=f"session-logged:{logged.uid}")
    nudged = OutboxMessage.objects.get(key=f"log-nudge:{forgotten.uid}")
    assert (
        sent,
        told.user,
        match.mentor.user.get_full_name() in told.body,
        nudged.user,
        match.participant.user.get_full_name() in nudged.body,
    ) == (1, match.participant.user, True, match.mentor.user, True)


def test_no_show_never_counts_as_hours(match):
    log = services.session_log(
        booking=_past_booking(match),
        actor=match.mentor.user,
        outcome="mentee_no_show",
        duration_minutes=60,
    )
    assert log.duration_minutes == 0
    assert selectors.volunteer_minutes(mentor=match.mentor) == 0


def test_unlogged_session_nudges_mentor_once(match):
    _past_booking(match, hours_ago=30)
    _past_booking(match, hours_ago=5)
    assert services.nudge_unlogged_sessions() == 1
    assert services.nudge_unlogged_sessions() == 0
