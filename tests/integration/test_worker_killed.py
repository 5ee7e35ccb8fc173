"""A task worker is killed (SIGKILL) in the middle of a task: the broker delivers the task
again and its effect happens exactly once, never half.

A real django-q2 cluster (``manage.py qcluster``, ORM broker, PostgreSQL) runs Semilla's
session-reminder task (``mentors.tasks.send_session_reminders``: one e-mail per person per
booking, keyed in the outbox). The task stalls on its first attempt (see
``tests/integration/tasks.py``) and the test kills the worker process there:

* before the task's transaction commits: the database rolls the writes back (nothing
  half-done), the task is delivered again and sends the reminders once;
* after it commits but before the broker's receipt: the task is delivered again, runs
  again, and its idempotency keys stop a second reminder.

django-q2 re-delivers an unacknowledged task when its ``retry`` time has passed (180 s in
our settings, longer than the 120 s ``timeout``); the test moves the broker's lock back by
that much instead of waiting. The cluster's sentinel replaces the dead worker."""

import datetime
import os
import signal
import time

import pytest
from django.db import connection
from django.utils import timezone

from tests.integration.multiprocess import PROCESS_VAR_DIR, task_clusters

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def postgres(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql":
        pytest.skip("the worker-kill test runs on PostgreSQL (CI sets DATABASE_URL)")
    from django.core.management import call_command

    call_command("createcachetable", "semilla_cache", verbosity=0)  # production cache


def _booking_in_two_hours():
    from mentors.enums import BookingStatus, MatchStatus
    from mentors.models import Booking
    from tests.factories.mentors import MatchFactory

    match = MatchFactory(status=MatchStatus.ACCEPTED)
    start = timezone.now() + datetime.timedelta(hours=2)
    return Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        status=BookingStatus.CONFIRMED,
    )


def _wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _reminders(booking):
    from semilla.models import OutboxMessage

    return OutboxMessage.objects.filter(key__contains=f":{booking.uid}:").count()


def _queued(task_id: str):
    """The broker's row of ``task_id`` (None once acknowledged)."""
    from django_q.models import OrmQ

    return next((row for row in OrmQ.objects.all() if row.task_id() == task_id), None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child stays a zombie until the sentinel reaps it
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


@pytest.mark.parametrize("when", ["before_commit", "after_commit"])
def test_killed_worker_task_runs_again_with_its_effect_exactly_once(postgres, monkeypatch, when):
    from django_q.conf import Conf
    from django_q.models import Failure, OrmQ, Success
    from django_q.tasks import async_task

    monkeypatch.setattr(Conf, "SYNC", False)
    booking = _booking_in_two_hours()
    marker = PROCESS_VAR_DIR / f"stall-{when}-{os.getpid()}.pid"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    task_id = async_task(
        "tests.integration.tasks.stall_first_attempt",
        "mentors.tasks.send_session_reminders",
        str(marker),
        when,
    )
    try:
        with task_clusters(1):
            worker_pid = int(
                _wait_for(lambda: marker.exists() and marker.read_text(), 90, "the task")
            )
            time.sleep(0.5)  # the reminders are written (committed or not) before the stall
            expected_now = 0 if when == "before_commit" else 2
            assert _reminders(booking) == expected_now
            os.kill(worker_pid, signal.SIGKILL)
            _wait_for(lambda: not _alive(worker_pid), 30, "the worker to die")
            assert _reminders(booking) == expected_now  # rolled back, or kept: never half
            assert not Success.objects.filter(id=task_id).exists()
            # the retry time passes: the broker hands the unacknowledged task out again
            OrmQ.objects.filter(pk=_queued(task_id).pk).update(
                lock=timezone.now() - datetime.timedelta(seconds=Conf.RETRY + 1)
            )
            done = _wait_for(
                lambda: Success.objects.filter(id=task_id).first(), 120, "the second delivery"
            )
            # the monitor saves the result, then acknowledges: wait for the receipt while the
            # cluster still runs (stopping it between the two left the task queued)
            _wait_for(lambda: _queued(task_id) is None, 30, "the broker's receipt")
    finally:
        marker.unlink(missing_ok=True)
    # before the commit: nothing was kept, the second run sends both reminders;
    # after the commit: the second run finds them sent and sends none
    assert done.result == (2 if when == "before_commit" else 0)
    assert _reminders(booking) == 2  # one for the mentor, one for the mentee
    assert Success.objects.filter(id=task_id).count() == 1
    assert not Failure.objects.filter(id=task_id).exists()
    assert _queued(task_id) is None  # acknowledged: gone from the broker
