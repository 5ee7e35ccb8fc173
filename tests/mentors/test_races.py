"""Concurrency on PostgreSQL (CI): capacity is never exceeded however many accept at once."""

import threading

import pytest
from django.db import connection, connections

from mentors import selectors, services
from mentors.enums import MatchStatus
from mentors.models import Match, MentorProfile
from tests.factories.mentors import MatchFactory, MentorProfileFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]


def _run_in_threads(target, args_list):
    barrier = threading.Barrier(len(args_list))
    results = []
    lock = threading.Lock()

    def worker(*args):
        try:
            barrier.wait()
            outcome = target(*args)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            outcome = exc
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker, args=args) for args in args_list]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _free_connections() -> int:
    """How many more connections the PostgreSQL server accepts now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int"
            " - (SELECT count(*) FROM pg_stat_activity)"
        )
        return cursor.fetchone()[0]


def test_concurrent_acceptances_never_exceed_capacity():
    if connection.vendor != "postgresql":
        pytest.skip("race tests run on PostgreSQL")
    mentor = MentorProfileFactory(capacity=2)
    matches = [MatchFactory(mentor=mentor) for _ in range(12)]

    def accept(match_id):
        match = Match.objects.get(pk=match_id)
        return services.match_accept(match=match, actor=mentor.user)

    results = _run_in_threads(accept, [(m.pk,) for m in matches])
    errors = [r for r in results if isinstance(r, Exception)]
    assert all(isinstance(e, services.ServiceError) for e in errors)
    assert len(errors) == 10
    assert Match.objects.filter(mentor=mentor, status=MatchStatus.ACCEPTED).count() == 2
    assert MentorProfile.objects.get(pk=mentor.pk).active_mentees == 2


def test_hundred_threads_booking_one_slot_make_one_booking():
    if connection.vendor != "postgresql":
        pytest.skip("race tests run on PostgreSQL")
    from mentors.models import Booking
    from tests.factories.mentors import mentor_available_every_day

    mentor = mentor_available_every_day(MentorProfileFactory(capacity=10))
    matches = [MatchFactory(mentor=mentor, status=MatchStatus.ACCEPTED) for _ in range(10)]
    slot = selectors.free_slots(match=matches[0])[0]

    def book(match_id):
        match = Match.objects.select_related("participant__user").get(pk=match_id)
        return services.booking_create(match=match, starts_at=slot, actor=match.participant.user)

    # a hundred at once where the server allows it (.ci/run starts PostgreSQL with 300
    # connections); a newcomer's default server (100, some taken) gets what it can hold
    attempts = min(100, _free_connections() - 5)
    assert attempts >= 20, "PostgreSQL allows too few connections for a race test"
    args = [(m.pk,) for m in matches for _ in range(10)][:attempts]
    results = _run_in_threads(book, args)
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(results) == attempts
    assert all(isinstance(e, services.BookingError) for e in errors)
    assert len(errors) == attempts - 1
    assert Booking.objects.filter(mentor=mentor, starts_at=slot).count() == 1


def test_proposals_and_bookings_racing_for_one_slot_make_one():
    """The mentor proposes a time to each of her mentees while they book that same
    time: one of all the attempts wins (PostgreSQL)."""
    if connection.vendor != "postgresql":
        pytest.skip("race tests run on PostgreSQL")
    from mentors.models import Booking
    from tests.factories.mentors import mentor_available_every_day

    mentor = mentor_available_every_day(MentorProfileFactory(capacity=10))
    matches = [MatchFactory(mentor=mentor, status=MatchStatus.ACCEPTED) for _ in range(10)]
    slot = [
        s
        for s in selectors.free_slots(match=matches[0])
        if (s - s.now(s.tzinfo)).total_seconds() > 7200
    ][0]

    def attempt(match_id, propose):
        match = Match.objects.select_related("participant__user", "mentor__user").get(pk=match_id)
        if propose:
            return services.booking_propose(match=match, starts_at=slot, actor=match.mentor.user)
        return services.booking_create(match=match, starts_at=slot, actor=match.participant.user)

    args = [(m.pk, propose) for m in matches for propose in (True, False) for _ in range(3)]
    results = _run_in_threads(attempt, args)
    errors = [r for r in results if isinstance(r, Exception)]
    assert all(isinstance(e, services.BookingError) for e in errors), errors[:3]
    assert len(errors) == len(args) - 1
    assert Booking.objects.filter(mentor=mentor, starts_at=slot).count() == 1
