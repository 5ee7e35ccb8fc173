"""Goals of a mentorship and sessions the mentor proposes (services)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from mentors import selectors, services
from mentors.enums import BookingStatus, GoalStatus, MatchStatus, SessionOutcome
from mentors.models import Booking, GoalUpdate, MentorshipGoal
from semilla.models import OutboxMessage
from tests.factories.mentors import MatchFactory, mentor_available_every_day


@pytest.fixture
def match(db):
    m = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(m.mentor)
    return m


def _at(days: int, hour: int = 15) -> datetime.datetime:
    day = timezone.now() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


# ----------------------------------------------------------------------------- goals


def test_goal_added_by_mentee_and_mentor_only(match):
    first = services.goal_add(match=match, actor=match.participant.user, title=" Separar cuentas ")
    second = services.goal_add(match=match, actor=match.mentor.user, title="Subir precios 10 %")
    assert [(g.title, g.status, g.progress) for g in MentorshipGoal.objects.all()] == [
        ("Separar cuentas", GoalStatus.OPEN, 0),
        ("Subir precios 10 %", GoalStatus.OPEN, 0),
    ]
    assert (first.created_by, second.created_by) == (match.participant.user, match.mentor.user)
    outsider = MatchFactory(status=MatchStatus.ACCEPTED)
    with pytest.raises(services.BookingError):
        services.goal_add(match=match, actor=outsider.participant.user, title="x")
    with pytest.raises(services.BookingError):
        services.goal_add(match=match, actor=match.mentor.user, title="  ")


def test_goal_needs_active_mentorship_and_has_a_limit(match):
    waiting = MatchFactory()
    with pytest.raises(services.BookingError):
        services.goal_add(match=waiting, actor=waiting.participant.user, title="Meta")
    for n in range(services.MAX_OPEN_GOALS):
        services.goal_add(match=match, actor=match.participant.user, title=f"Meta {n}")
    with pytest.raises(services.BookingError):
        services.goal_add(match=match, actor=match.participant.user, title="Una más")
    assert MentorshipGoal.objects.count() == services.MAX_OPEN_GOALS


def test_goal_status_achieved_sets_100_and_reopen_lowers(match):
    goal = services.goal_add(match=match, actor=match.participant.user, title="Meta")
    done = services.goal_set_status(goal=goal, actor=match.mentor.user, status=GoalStatus.ACHIEVED)
    assert (done.status, done.progress) == (GoalStatus.ACHIEVED, 100)
    again = services.goal_set_status(goal=goal, actor=match.participant.user, status="open")
    assert (again.status, again.progress) == (GoalStatus.OPEN, 90)
    with pytest.raises(services.BookingError):
        services.goal_set_status(goal=goal, actor=match.mentor.user, status="bogus")


def test_goal_database_refuses_achieved_below_100(match):
    goal = services.goal_add(match=match, actor=match.participant.user, title="Meta")
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorshipGoal.objects.filter(pk=goal.pk).update(status=GoalStatus.ACHIEVED, progress=50)


def _past_booking(match, hours_ago=3):
    start = timezone.now() - datetime.timedelta(hours=hours_ago)
    return Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )


def test_session_log_updates_goal_progress(match):
    cash = services.goal_add(match=match, actor=match.participant.user, title="Flujo de caja")
    prices = services.goal_add(match=match, actor=match.mentor.user, title="Precios")
    log = services.session_log(
        booking=_past_booking(match),
        actor=match.mentor.user,
        outcome=SessionOutcome.HELD,
        duration_minutes=60,
        goal_progress={cash.pk: 40, prices.pk: 100},
    )
    cash.refresh_from_db()
    prices.refresh_from_db()
    assert (cash.progress, cash.status) == (40, GoalStatus.OPEN)
    assert (prices.progress, prices.status) == (100, GoalStatus.ACHIEVED)
    assert sorted(GoalUpdate.objects.filter(log=log).values_list("goal_id", "progress")) == [
        (cash.pk, 40),
        (prices.pk, 100),
    ]


def test_session_log_refuses_goal_of_another_pair_and_rolls_back(match):
    other = MatchFactory(status=MatchStatus.ACCEPTED)
    foreign = services.goal_add(match=other, actor=other.participant.user, title="Ajena")
    booking = _past_booking(match)
    with pytest.raises(services.BookingError):
        services.session_log(
            booking=booking,
            actor=match.mentor.user,
            outcome=SessionOutcome.HELD,
            duration_minutes=60,
            goal_progress={foreign.pk: 50},
        )
    assert not hasattr(Booking.objects.get(pk=booking.pk), "log")
    foreign.refresh_from_db()
    assert foreign.progress == 0


# ----------------------------------------------------------------------------- proposals


def test_mentor_proposes_outside_weekly_hours_and_mentee_confirms(match):
    start = _at(3, hour=23)  # 18:00 in Bogotá, after the mentor's weekly hours
    booking = services.booking_propose(
        match=match, starts_at=start, actor=match.mentor.user, topic="Inventario"
    )
    assert (booking.status, booking.minutes, booking.topic) == (
        BookingStatus.PROPOSED,
        60,
        "Inventario",
    )
    assert OutboxMessage.objects.filter(
        key=f"booking-proposed:{booking.uid}", user=match.participant.user
    ).exists()
    # The proposed time is held: no one else can book it meanwhile.
    assert start not in selectors.free_slots(match=match)
    confirmed = services.booking_respond(booking=booking, actor=match.participant.user, accept=True)
    assert confirmed.status == BookingStatus.CONFIRMED
    assert sorted(
        OutboxMessage.objects.filter(key__startswith="booking-confirmed").values_list(
            "user_id", flat=True
        )
    ) == sorted([match.mentor.user_id, match.participant.user_id])


def test_mentee_declines_with_reason_and_time_is_freed(match):
    start = selectors.free_slots(match=match)[3]
    booking = services.booking_propose(match=match, starts_at=start, actor=match.mentor.user)
    with pytest.raises(services.BookingError):
        services.booking_respond(booking=booking, actor=match.participant.user, accept=False)
    declined = services.booking_respond(
        booking=booking, actor=match.participant.user, accept=False, reason="Trabajo ese día"
    )
    assert (declined.status, declined.cancel_reason) == (BookingStatus.DECLINED, "Trabajo ese día")
    assert start in selectors.free_slots(match=match)
    assert OutboxMessage.objects.filter(
        key=f"booking-declined:{booking.uid}", user=match.mentor.user
    ).exists()
    with pytest.raises(services.BookingError):
        services.booking_respond(booking=booking, actor=match.participant.user, accept=True)


def test_proposal_and_decline_messages_name_the_other_person_and_say_why(match):
    booking = services.booking_propose(
        match=match, starts_at=_at(2), actor=match.mentor.user, topic="Inventario"
    )
    services.booking_respond(
        booking=booking, actor=match.participant.user, accept=False, reason="Trabajo ese día"
    )
    proposed = OutboxMessage.objects.get(key=f"booking-proposed:{booking.uid}")
    declined = OutboxMessage.objects.get(key=f"booking-declined:{booking.uid}")
    assert (
        proposed.user,
        match.mentor.user.get_full_name() in proposed.body,
        "Inventario" in proposed.body,
        declined.user,
        match.participant.user.get_full_name() in declined.body,
        "Trabajo ese día" in declined.body,
    ) == (match.participant.user, True, True, match.mentor.user, True, True)


def test_only_the_mentor_proposes_and_only_the_mentee_answers(match):
    with pytest.raises(services.BookingError):
        services.booking_propose(match=match, starts_at=_at(2), actor=match.participant.user)
    booking = services.booking_propose(match=match, starts_at=_at(2), actor=match.mentor.user)
    with pytest.raises(services.BookingError):
        services.booking_respond(booking=booking, actor=match.mentor.user, accept=True)
    waiting = MatchFactory()
    with pytest.raises(services.BookingError):
        services.booking_propose(match=waiting, starts_at=_at(2), actor=waiting.mentor.user)


def test_proposal_refuses_overlap_past_and_beyond_horizon(match):
    taken = selectors.free_slots(match=match)[4]
    services.booking_create(match=match, starts_at=taken, actor=match.participant.user)
    for start in (
        taken + datetime.timedelta(minutes=30),  # overlaps the booked session
        timezone.now() + datetime.timedelta(minutes=20),  # too soon
        timezone.now() + datetime.timedelta(days=match.mentor.horizon_days + 1),
    ):
        with pytest.raises(services.BookingError):
            services.booking_propose(match=match, starts_at=start, actor=match.mentor.user)
    assert Booking.objects.count() == 1


def test_proposal_counts_against_upcoming_limit(match):
    match.cohort.max_upcoming_bookings = 1
    match.cohort.save()
    services.booking_propose(match=match, starts_at=_at(2), actor=match.mentor.user)
    with pytest.raises(services.BookingError):
        services.booking_propose(match=match, starts_at=_at(4), actor=match.mentor.user)


def test_database_keeps_one_active_booking_per_slot_including_proposals(match):
    start = _at(5)
    services.booking_propose(match=match, starts_at=start, actor=match.mentor.user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            match=match,
            mentor=match.mentor,
            participant=match.participant,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )


def test_confirming_refused_when_time_taken_meanwhile(match):
    start = _at(6)
    booking = services.booking_propose(match=match, starts_at=start, actor=match.mentor.user)
    # Another mentor's session for the same mentee lands on that time (data fixed by staff).
    other = MatchFactory(status=MatchStatus.ENDED, participant=match.participant)
    Booking.objects.create(
        match=other,
        mentor=other.mentor,
        participant=match.participant,
        starts_at=start + datetime.timedelta(minutes=30),
        ends_at=start + datetime.timedelta(minutes=90),
    )
    with pytest.raises(services.BookingError):
        services.booking_respond(booking=booking, actor=match.participant.user, accept=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PROPOSED


def test_mentor_withdraws_proposal_not_late(match):
    match.cohort.booking_cancel_cutoff_hours = 72
    match.cohort.save()
    booking = services.booking_propose(match=match, starts_at=_at(1), actor=match.mentor.user)
    withdrawn = services.booking_cancel(
        booking=booking, actor=match.mentor.user, reason="Me equivoqué de día"
    )
    assert (withdrawn.status, withdrawn.late_cancellation) == (BookingStatus.CANCELLED, False)


def test_feed_leaves_out_proposals_and_declined(client, match):
    match.cohort.max_upcoming_bookings = 5
    match.cohort.save()
    booked = services.booking_create(
        match=match, starts_at=selectors.free_slots(match=match)[0], actor=match.participant.user
    )
    services.booking_propose(match=match, starts_at=_at(3, hour=23), actor=match.mentor.user)
    declined = services.booking_propose(
        match=match, starts_at=_at(4, hour=23), actor=match.mentor.user
    )
    services.booking_respond(
        booking=declined, actor=match.participant.user, accept=False, reason="No puedo"
    )
    token = services.calendar_feed_token(user=match.participant.user)
    feed = client.get(reverse("mentors:calendar_feed", args=[token])).content
    uids = [str(e["uid"]) for e in Calendar.from_ical(feed).walk("VEVENT")]
    assert uids == [f"{booked.uid}@semilla"]


def test_new_session_refusals_name_their_reason(match):
    waiting = MatchFactory()
    attempts = [
        lambda: services.booking_create(match=match, starts_at=_at(2), actor=match.mentor.user),
        lambda: services.booking_propose(
            match=match, starts_at=_at(2), actor=match.participant.user
        ),
        lambda: services.booking_create(
            match=match, starts_at=_at(2), actor=match.participant.user, mode="carrier pigeon"
        ),
        lambda: services.booking_propose(
            match=match, starts_at=_at(2), actor=match.mentor.user, mode="carrier pigeon"
        ),
        lambda: services.booking_create(
            match=waiting, starts_at=_at(2), actor=waiting.participant.user
        ),
        lambda: services.booking_propose(
            match=waiting, starts_at=_at(2), actor=waiting.mentor.user
        ),
    ]
    reasons = []
    with translation.override("en"):
        for attempt in attempts:
            with pytest.raises(services.BookingError) as refused:
                attempt()
            reasons.append(str(refused.value.message))
    assert reasons == [
        "Only the mentee books sessions in the calendar.",
        "Only the mentor proposes a session.",
        "Choose how you will meet.",
        "Choose how you will meet.",
        "Sessions can be booked once the mentor has accepted.",
        "Sessions can be proposed once the mentorship is active.",
    ]
    assert Booking.objects.count() == 0
