"""Rate limits on the account pages (allauth, kept in the shared cache) and on our own
actions (semilla.ratelimit)."""

import pytest
from django.urls import reverse

from semilla.enums import Role

pytestmark = pytest.mark.django_db


def test_login_failures_are_limited_per_account(client, entrepreneur):
    for _ in range(5):
        response = client.post(
            "/es/accounts/login/", {"login": entrepreneur.email, "password": "wrong-password-1"}
        )
        assert response.status_code == 200
    response = client.post(
        "/es/accounts/login/",
        {"login": entrepreneur.email, "password": "a-Good-passw0rd-for-tests"},
    )
    # even the right password is refused while the account is throttled
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_is_limited(client, entrepreneur):
    statuses = [
        client.post(
            "/es/accounts/password/reset/", {"email": entrepreneur.email}, REMOTE_ADDR="10.0.0.9"
        ).status_code
        for _ in range(8)
    ]
    assert 429 in statuses


def test_signup_is_limited_per_ip(client):
    statuses = []
    for n in range(25):
        response = client.post(
            "/es/accounts/signup/",
            {
                "email": f"p{n}@example.org",
                "full_name": "P",
                "password1": "un-buen-secreto-2026",
                "password2": "un-buen-secreto-2026",
            },
            REMOTE_ADDR="10.0.0.7",
        )
        statuses.append(response.status_code)
    assert 429 in statuses


def test_staff_console_login_goes_through_rate_limited_login(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/")


def test_staff_console_login_keeps_next(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/es/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_application_submission_is_limited_per_person_and_keeps_the_draft(
    make_user, client_for, settings
):
    from cohorts.enums import ApplicationStatus
    from tests.factories.cohorts import DraftApplicationFactory

    settings.SEMILLA_RATE_LIMITS = {**settings.SEMILLA_RATE_LIMITS, "application_submit": (3, 3600)}
    person, other = make_user(Role.ENTREPRENEUR), make_user(Role.ENTREPRENEUR)
    application = DraftApplicationFactory(user=person, current_step="consent")
    url = reverse("cohorts:step", args=[application.pk, "consent"])
    client = client_for(person)
    for _ in range(3):
        assert client.post(url, {}).status_code == 200  # refused by the form, counted
    response = client.post(url, {"consent_application": "on"})
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    # Someone else is not held back by this person's attempts.
    theirs = DraftApplicationFactory(user=other, current_step="consent")
    other_url = reverse("cohorts:step", args=[theirs.pk, "consent"])
    assert client_for(other).post(other_url, {}).status_code == 200


def test_application_submission_limit_message_in_english(make_user, client_for, settings):
    from tests.factories.cohorts import DraftApplicationFactory

    settings.SEMILLA_RATE_LIMITS = {**settings.SEMILLA_RATE_LIMITS, "application_submit": (0, 3600)}
    person = make_user(Role.ENTREPRENEUR, language="en")
    application = DraftApplicationFactory(user=person, current_step="consent")
    url = reverse("cohorts:step", args=[application.pk, "consent"]).replace("/es/", "/en/", 1)
    response = client_for(person).post(url, {})
    assert response.status_code == 429
    assert "Too many attempts to send applications" in response.content.decode()
