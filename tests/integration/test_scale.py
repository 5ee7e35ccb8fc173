"""Semilla on several machines: two gunicorn web processes and two task clusters against
one PostgreSQL. Sessions and rate limits are shared across processes, and every task's
effect happens exactly once."""

import time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection

from tests.integration.multiprocess import Browserless, task_clusters, web_servers

pytestmark = [pytest.mark.integration, pytest.mark.scale, pytest.mark.slow]

PASSWORD = "a-Good-passw0rd-for-tests"  # noqa: S105


@pytest.fixture
def shared_db(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql":
        pytest.skip("the several-machines test runs on PostgreSQL (CI sets DATABASE_URL)")
    call_command("createcachetable", "semilla_cache", verbosity=0)  # production cache


def _production_user(make_user):
    """A user whose password hash the production settings can check (tests use MD5)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    user = make_user(mfa=False)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "integrationsalt", iterations=1000)
    user.save(update_fields=["password"])
    return user


def _login(client: Browserless, base: str, email: str, password: str) -> int:
    status, html, _ = client.request(f"{base}/es/accounts/login/")
    token = client.csrf_from(html)
    status, _, headers = client.request(
        f"{base}/es/accounts/login/",
        {"login": email, "password": password, "csrfmiddlewaretoken": token},
    )
    return status


def test_session_started_on_one_web_process_works_on_the_other(shared_db, make_user):
    user = _production_user(make_user)
    with web_servers(2) as (web_a, web_b):
        client = Browserless()
        assert _login(client, web_a, user.email, PASSWORD) == 302
        status, html, _ = client.request(f"{web_b}/es/mi-espacio/")
        assert status == 200
        assert "Mi espacio" in html or "Hola" in html


def test_rate_limit_counts_failures_across_web_processes(shared_db, make_user):
    user = _production_user(make_user)
    with web_servers(2) as (web_a, web_b):
        client = Browserless()
        for n in range(5):
            base = web_a if n % 2 == 0 else web_b
            assert _login(client, base, user.email, "wrong-password-1") == 200
        # the sixth attempt, even with the right password, is refused on either process
        assert _login(client, web_b, user.email, PASSWORD) == 200
        assert "sessionid" not in client.cookies


def test_two_task_clusters_run_each_task_exactly_once(shared_db, monkeypatch):
    from django_q.conf import Conf
    from django_q.models import Success
    from django_q.tasks import async_task

    monkeypatch.setattr(Conf, "SYNC", False)
    ids = [async_task("semilla.tasks.ping", f"t{n}") for n in range(40)]
    with task_clusters(2):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and Success.objects.filter(id__in=ids).count() < 40:
            time.sleep(0.5)
    results = list(Success.objects.filter(id__in=ids).values_list("result", flat=True))
    assert sorted(results) == sorted(f"t{n}" for n in range(40))


def test_same_slot_booked_through_both_web_processes_exactly_once(shared_db, make_user):
    """Four mentees of one mentor, two on each web process, ask for the same hour at the
    same moment: exactly one booking is made, the others are told the time is taken."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from django.urls import reverse

    from mentors import selectors
    from mentors.enums import MatchStatus
    from mentors.models import Booking, MentorProfile
    from tests.factories.cohorts import ParticipantFactory
    from tests.factories.mentors import (
        MatchFactory,
        MentorProfileFactory,
        mentor_available_every_day,
    )

    mentor = mentor_available_every_day(MentorProfileFactory(capacity=6))
    mentees = [_production_user(make_user) for _ in range(4)]
    matches = [
        MatchFactory(
            participant=ParticipantFactory(user=user),
            mentor=MentorProfile.objects.get(pk=mentor.pk),
            status=MatchStatus.ACCEPTED,
        )
        for user in mentees
    ]
    slot = selectors.free_slots(match=matches[0])[3]
    # the booking page's last step: the day (in the mentee's zone) and the time chosen
    day = slot.astimezone(ZoneInfo("America/Bogota")).date()
    book = reverse("mentors:book") + f"?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    with web_servers(2) as (web_a, web_b):
        sessions = []
        for n, user in enumerate(mentees):
            base = web_a if n % 2 == 0 else web_b
            client = Browserless()
            assert _login(client, base, user.email, PASSWORD) == 302
            status, html, _ = client.request(f"{base}{book}")
            assert status == 200
            sessions.append((client, base, client.csrf_from(html)))
        barrier = threading.Barrier(len(sessions))

        def ask(session):
            client, base, token = session
            form = {
                "hora": str(int(slot.timestamp())),
                "mode": "virtual",
                "topic": "Costos",
                "csrfmiddlewaretoken": token,
            }
            barrier.wait(timeout=30)
            status, html, headers = client.request(f"{base}{book}", form)
            return status

        with ThreadPoolExecutor(len(sessions)) as pool:
            answers = list(pool.map(ask, sessions))
    # one redirect to the sessions page; the others see the form again with the reason
    assert sorted(answers) == [200, 200, 200, 302]
    assert Booking.objects.filter(mentor=mentor, starts_at=slot).count() == 1
