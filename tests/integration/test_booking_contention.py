"""A mentee cannot hold two sessions at the same moment, even when they book two different
mentors at once (PostgreSQL, real transactions, threads released together).

A person has one open match per cohort, so they have two mentors when they take part in
two cohorts (two participant rows). The database's unique constraint is per mentor and
start time, so their two bookings only collide under the row lock on the mentee's account
that ``services._lock_pair`` takes before free slots are computed: remove that lock
and this test fails.
"""

import threading

import pytest
from django.db import connection, connections

from mentors import selectors, services
from mentors.enums import MatchStatus
from mentors.models import Booking, Match
from semilla.enums import Role
from tests.factories import UserFactory
from tests.factories.cohorts import ParticipantFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory, mentor_available_every_day

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("django_db_serialized_rollback"),
]

MENTEES = 4
MENTORS_EACH = 3  # one cohort (and so one mentor) each


@pytest.fixture
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("race tests need PostgreSQL (set DATABASE_URL)")


def _run_at_once(targets):
    barrier = threading.Barrier(len(targets))
    results = []
    lock = threading.Lock()

    def worker(target):
        try:
            barrier.wait(timeout=30)
            outcome = target()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            outcome = exc
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _book(match_id, slot):
    def target():
        match = Match.objects.select_related("participant__user").get(pk=match_id)
        return services.booking_create(match=match, starts_at=slot, actor=match.participant.user)

    return target


@pytest.mark.usefixtures("_postgres_only")
def test_mentee_booking_two_mentors_at_the_same_moment_gets_one_session():
    matches = []
    for _ in range(MENTEES):
        person = UserFactory(roles=[Role.ENTREPRENEUR])
        for _ in range(MENTORS_EACH):
            participant = ParticipantFactory(user=person)
            mentor = mentor_available_every_day(MentorProfileFactory(capacity=3))
            matches.append(
                MatchFactory(participant=participant, mentor=mentor, status=MatchStatus.ACCEPTED)
            )
    common = set(selectors.free_slots(match=matches[0]))
    for match in matches[1:]:
        common &= set(selectors.free_slots(match=match))
    slot = min(common)

    results = _run_at_once([_book(m.pk, slot) for m in matches])

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(results) == MENTEES * MENTORS_EACH
    assert all(isinstance(e, services.BookingError) for e in errors), errors[:3]
    assert len(errors) == MENTEES * (MENTORS_EACH - 1)
    per_mentee = list(
        Booking.objects.filter(starts_at=slot)
        .values_list("participant__user_id", flat=True)
        .order_by("participant__user_id")
    )
    assert per_mentee == sorted({m.participant.user_id for m in matches})


def test_mentee_in_two_cohorts_cannot_book_both_mentors_at_one_time():
    """The same rule without a race: the second mentor's free times leave out the first
    session."""
    person = UserFactory(roles=[Role.ENTREPRENEUR])
    first, second = (
        MatchFactory(
            participant=ParticipantFactory(user=person),
            mentor=mentor_available_every_day(MentorProfileFactory(capacity=3)),
            status=MatchStatus.ACCEPTED,
        )
        for _ in range(2)
    )
    slot = min(set(selectors.free_slots(match=first)) & set(selectors.free_slots(match=second)))
    services.booking_create(match=first, starts_at=slot, actor=person)

    assert slot not in selectors.free_slots(match=second)
    with pytest.raises(services.BookingError):
        services.booking_create(match=second, starts_at=slot, actor=person)


def test_another_pairs_session_leaves_this_pairs_time_free():
    first, second = (
        MatchFactory(
            mentor=mentor_available_every_day(MentorProfileFactory(capacity=3)),
            status=MatchStatus.ACCEPTED,
        )
        for _ in range(2)
    )
    slot = min(set(selectors.free_slots(match=first)) & set(selectors.free_slots(match=second)))
    services.booking_create(match=first, starts_at=slot, actor=first.participant.user)

    assert slot in selectors.free_slots(match=second)
