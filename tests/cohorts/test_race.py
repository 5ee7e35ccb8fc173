"""The last seat under concurrency: two confirmations at the same moment, one seat.
Row locks only mean something on PostgreSQL (CI runs the suite there); on SQLite the test
is skipped before any database set-up. The CheckConstraint behind the lock is tested in
test_models on every database."""

import threading

import pytest
from django.conf import settings
from django.db import connections

from cohorts import services
from cohorts.enums import ApplicationStatus
from cohorts.models import Participant
from tests.factories.cohorts import ApplicationFactory, CohortFactory

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks are only meaningful on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_last_seat_two_confirmations_one_seat():
    cohort = CohortFactory(seats=1)
    # Two offers for one seat (e.g. staff reduced the seats after offering).
    apps = [ApplicationFactory(cohort=cohort, status=ApplicationStatus.ACCEPTED) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[str] = []

    def confirm(app):
        try:
            barrier.wait(timeout=10)
            services.offer_confirm(application=app, actor=app.user)
            results.append("seat")
        except services.SeatsFull:
            results.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    cohort.refresh_from_db()
    assert sorted(results) == ["full", "seat"]
    assert (cohort.seats_confirmed, Participant.objects.filter(cohort=cohort).count()) == (1, 1)
