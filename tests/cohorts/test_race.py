"""The last seat under concurrency: two confirmations at the same moment, one seat."""

import threading

import pytest
from django.db import connection, connections

from cohorts import services
from cohorts.enums import ApplicationStatus
from cohorts.models import Cohort, Participant
from tests.factories.cohorts import ApplicationFactory, CohortFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_last_seat_two_confirmations_one_seat():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
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


def test_seat_counter_constraint_is_enforced_by_the_database():
    from django.db import IntegrityError
    from django.db.models import F

    cohort = CohortFactory(seats=1)
    Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=1)
    with pytest.raises(IntegrityError):
        Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=F("seats_confirmed") + 1)
