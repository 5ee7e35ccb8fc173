"""Semilla on several machines, as deployed: two gunicorn web processes and two task
clusters against one PostgreSQL, one Redis (cache, sessions, task broker) and
S3-compatible object storage for private files (docs/deployment.md).

What one web process does is seen at once through the other: a session, a publish (the
page cache and the remembered routes live in Redis), a booking; tasks queued in Redis run
exactly once across the two clusters; an application document uploaded through one web
process lands in the object storage, private, and is downloaded through the other (the
local disk of the web processes holds no copy).

Redis and the S3-compatible server come from ``.ci/run`` (``SEMILLA_TEST_REDIS_URL``,
``SEMILLA_TEST_S3_ENDPOINT_URL``; Debian's redis-server and moto's server mode). Without
them the tests skip, except in CI (``CI=true``), where they fail.
"""

import os
import re
import secrets
import time
import urllib.parse
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tests.integration.multiprocess import (
    PROCESS_VAR_DIR,
    Browserless,
    task_clusters,
    web_servers,
)
from tests.pitchday.conftest import WEBHOOK_SECRET

pytestmark = [pytest.mark.integration, pytest.mark.scale, pytest.mark.slow]

PASSWORD = "a-Good-passw0rd-for-tests"  # noqa: S105
S3_KEY = "semilla-test"  # moto accepts any credentials
S3_SECRET = "semilla-test-secret"  # noqa: S105


def _services() -> tuple[str, str]:
    """The Redis URL and S3 endpoint for this run; skip (fail in CI) without them."""
    redis_url = os.environ.get("SEMILLA_TEST_REDIS_URL", "")
    s3_url = os.environ.get("SEMILLA_TEST_S3_ENDPOINT_URL", "")
    missing = [
        name
        for name, value in (
            ("SEMILLA_TEST_REDIS_URL", redis_url),
            ("SEMILLA_TEST_S3_ENDPOINT_URL", s3_url),
        )
        if not value
    ]
    reason = f"the scale-out test needs Redis and S3-compatible storage: {', '.join(missing)} unset (.ci/run starts both)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("the scale-out test runs on PostgreSQL (CI sets DATABASE_URL)")
        pytest.skip("the scale-out test runs on PostgreSQL (CI sets DATABASE_URL)")
    return redis_url, s3_url


@pytest.fixture
def deployment(transactional_db, django_db_serialized_rollback, settings):
    """The environment of every process: Redis and a fresh private bucket. The test
    process itself uses the same Redis as its cache (as a staff-console process would)."""
    import boto3
    import redis

    redis_url, s3_url = _services()
    redis.Redis.from_url(redis_url).flushdb()
    bucket = f"semilla-{secrets.token_hex(6)}"
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_url,
        aws_access_key_id=S3_KEY,
        aws_secret_access_key=S3_SECRET,
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=bucket)
    call_command("createcachetable", "semilla_cache", verbosity=0)
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    env = {
        "REDIS_URL": redis_url,
        "PRIVATE_S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_url,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": S3_KEY,
        "AWS_SECRET_ACCESS_KEY": S3_SECRET,
    }
    return {"env": env, "redis": redis.Redis.from_url(redis_url), "s3": s3, "bucket": bucket}


def _production_user(make_user, *roles):
    """A user whose password hash the production settings can check (tests use MD5)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    user = make_user(*roles, mfa=False)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "integrationsalt", iterations=1000)
    user.save(update_fields=["password"])
    return user


def _login(client: Browserless, base: str, email: str) -> int:
    _, html, _ = client.request(f"{base}/es/accounts/login/")
    status, _, _ = client.request(
        f"{base}/es/accounts/login/",
        {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": client.csrf_from(html)},
    )
    return status


def test_session_started_on_one_web_process_lives_in_redis_and_works_on_the_other(
    deployment, make_user
):
    user = _production_user(make_user)
    with web_servers(2, env=deployment["env"]) as (web_a, web_b):
        client = Browserless()
        assert _login(client, web_a, user.email) == 302
        status, html, _ = client.request(f"{web_b}/es/mi-espacio/")
    assert status == 200
    assert user.full_name in html
    session_keys = deployment["redis"].keys("*django.contrib.sessions.cached_db*")
    assert len(session_keys) == 1


def test_publish_is_seen_at_once_through_both_web_processes(deployment):
    from tests.factories.curriculum import load_course

    lesson = load_course().lessons[0]
    with web_servers(2, env=deployment["env"]) as (web_a, web_b):
        reader = Browserless()
        status, html, headers = reader.request(f"{web_a}{lesson.url}")
        assert (status, headers["X-Page-Cache"]) == (200, "miss")
        _, _, headers = reader.request(f"{web_b}{lesson.url}")
        assert headers["X-Page-Cache"] == "hit"  # rendered by A, kept in Redis

        page = lesson.specific
        page.title = "Lección renovada para todas las ciudades"
        page.save_revision().publish()

        answers = [reader.request(f"{base}{lesson.url}") for base in (web_a, web_b)]
    assert [(s, h["X-Page-Cache"]) for s, _, h in answers] == [(200, "miss"), (200, "hit")]
    assert all("Lección renovada para todas las ciudades" in html for _, html, _ in answers)


def test_booking_made_through_one_web_process_is_seen_at_once_through_the_other(
    deployment, make_user
):
    from mentors import selectors
    from mentors.enums import MatchStatus
    from mentors.models import Booking
    from tests.factories.cohorts import ParticipantFactory
    from tests.factories.mentors import (
        MatchFactory,
        MentorProfileFactory,
        mentor_available_every_day,
    )

    mentor = mentor_available_every_day(MentorProfileFactory(capacity=3))
    mentee = _production_user(make_user)
    match = MatchFactory(
        participant=ParticipantFactory(user=mentee), mentor=mentor, status=MatchStatus.ACCEPTED
    )
    slot = selectors.free_slots(match=match)[2]
    day = slot.astimezone(ZoneInfo("America/Bogota")).date()
    book = reverse("mentors:book") + f"?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    sessions = reverse("mentors:sessions")
    with (
        web_servers(2, env=deployment["env"]) as (web_a, web_b),
        task_clusters(2, env=deployment["env"]),
    ):
        client = Browserless()
        assert _login(client, web_a, mentee.email) == 302
        _, before, _ = client.request(f"{web_b}{sessions}")
        _, html, _ = client.request(f"{web_a}{book}")
        status, _, _ = client.request(
            f"{web_a}{book}",
            {
                "hora": str(int(slot.timestamp())),
                "mode": "virtual",
                "topic": "Costos de producción en Riohacha",
                "csrfmiddlewaretoken": client.csrf_from(html),
            },
        )
        assert status == 302
        _, after, _ = client.request(f"{web_b}{sessions}")
        # the notifications were queued in Redis: the clusters empty the queue
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and deployment["redis"].llen("django_q:semilla:q"):
            time.sleep(0.5)
        queued = deployment["redis"].llen("django_q:semilla:q")
    assert "Costos de producción en Riohacha" not in before
    assert "Costos de producción en Riohacha" in after
    assert Booking.objects.filter(mentor=mentor, starts_at=slot).count() == 1
    assert queued == 0


def test_two_task_clusters_run_each_task_queued_in_redis_exactly_once(deployment, monkeypatch):
    from django_q.conf import Conf
    from django_q.models import Success
    from django_q.tasks import async_task

    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", deployment["env"]["REDIS_URL"])
    ids = [async_task("semilla.tasks.ping", f"r{n}") for n in range(40)]
    assert deployment["redis"].llen("django_q:semilla:q") == 40
    with task_clusters(2, env=deployment["env"]):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and Success.objects.filter(id__in=ids).count() < 40:
            time.sleep(0.5)
    results = list(Success.objects.filter(id__in=ids).values_list("result", flat=True))
    assert sorted(results) == sorted(f"r{n}" for n in range(40))


def test_document_uploaded_through_one_process_is_private_in_object_storage(deployment, make_user):
    from cohorts.models import ApplicationDocument
    from semilla.enums import Role
    from tests.cohorts.conftest import PDF_BYTES
    from tests.factories.cohorts import DraftApplicationFactory

    person = _production_user(make_user, Role.ENTREPRENEUR)
    application = DraftApplicationFactory(user=person, current_step="documents")
    step = reverse("cohorts:step", args=[application.pk, "documents"])
    local_private = PROCESS_VAR_DIR / "private"
    local_before = sorted(local_private.rglob("*")) if local_private.exists() else []
    with web_servers(2, env=deployment["env"]) as (web_a, web_b):
        client = Browserless()
        assert _login(client, web_a, person.email) == 302
        _, html, _ = client.request(f"{web_a}{step}")
        status, _, _ = client.request(
            f"{web_a}{step}",
            {"upload": "1", "kind": "business", "csrfmiddlewaretoken": client.csrf_from(html)},
            files={"file": ("mi-negocio.pdf", "application/pdf", PDF_BYTES)},
        )
        assert status == 302
        document = ApplicationDocument.objects.get(application=application)
        status, body, headers = client.request(f"{web_b}{document.get_absolute_url()}")
        stranger = Browserless()
        stranger_status, _, stranger_headers = stranger.request(
            f"{web_b}{document.get_absolute_url()}"
        )
    s3, bucket = deployment["s3"], deployment["bucket"]
    key = f"private/{document.storage_name}"
    stored = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert int(headers["Content-Length"]) == len(stored)
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]  # the owner only
    assert all("AllUsers" not in str(g["Grantee"]) for g in grants)
    assert stranger_status == 302  # to the log-in page, never the file
    assert urllib.parse.urlsplit(stranger_headers["Location"]).path == "/es/accounts/login/"
    local_after = sorted(local_private.rglob("*")) if local_private.exists() else []
    assert local_after == local_before  # nothing on the web processes' disk


def _paid_line(html: str) -> str:
    match = re.search(r'data-testid="grant-paid">(.*?)</p>', html, re.S)
    return " ".join(match.group(1).split()) if match else ""


def test_payment_confirmed_through_one_web_process_is_seen_at_once_through_the_other(
    deployment, make_user, staff_user, finance_user, fake_stripe, onboarded_account, monkeypatch
):
    """Stripe confirms a seed-grant transfer with a webhook that reaches one web process;
    the grantee, on the other, sees the tranche paid at the next request."""
    from django_q.conf import Conf

    from pitchday.enums import DisbursementStatus, RailCode
    from pitchday.services import disbursements as svc
    from semilla.enums import Role
    from tests.factories.pitchday import make_confirmed_details, make_grant

    # Tasks queued by the services stay queued (no cluster runs in this test): the payment
    # is executed below, by hand, once
    monkeypatch.setattr(Conf, "SYNC", False)
    grantee = _production_user(make_user, Role.ENTREPRENEUR)
    grant = make_grant(grantee=grantee, accept=True, amount=1_000_000_00)
    make_confirmed_details(grantee, rail=RailCode.STRIPE, stripe_account_id=onboarded_account)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    svc.disbursement_approve(disbursement=disbursement, actor=finance_user)
    # Stripe makes the transfer but our process never hears the answer: only the webhook
    # can tell that it was paid
    fake_stripe.fail_next("/v1/transfers", kind="timeout", perform=True)
    svc.disbursement_execute(disbursement_id=disbursement.pk)
    fake_stripe.wait_idle()
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.FAILED
    event = next(e for e in fake_stripe.events if e["type"] == "transfer.created")
    body, signature = fake_stripe.signed_payload(event["id"])
    env = {
        **deployment["env"],
        "STRIPE_SECRET_KEY": "sk_test_semilla",
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": fake_stripe.url,
    }
    page = reverse("pitchday:grant_detail", args=[grant.reference])
    with web_servers(2, env=env) as (web_a, web_b):
        client = Browserless()
        assert _login(client, web_b, grantee.email) == 302
        _, before, _ = client.request(f"{web_b}{page}")
        request = urllib.request.Request(  # noqa: S310
            f"{web_a}/stripe/webhook/",
            data=body,
            headers={
                "Host": client.host,
                "Content-Type": "application/json",
                "Stripe-Signature": signature,
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            webhook_status = response.status
        _, after, _ = client.request(f"{web_b}{page}")
    disbursement.refresh_from_db()
    assert webhook_status == 200
    assert disbursement.status == DisbursementStatus.PAID
    assert _paid_line(before) != _paid_line(after)
    assert 'data-testid="tranche-paid"' not in before
    assert 'data-testid="tranche-paid"' in after
