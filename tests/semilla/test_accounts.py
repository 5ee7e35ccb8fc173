"""Sign-up, e-mail verification, roles and messages in the person's language."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from semilla import permissions
from semilla.enums import Role
from semilla.models import User

pytestmark = pytest.mark.django_db


def _signup(client, email="nueva@example.org", lang="es"):
    return client.post(
        f"/{lang}/accounts/signup/",
        {
            "email": email,
            "full_name": "Nueva Persona",
            "password1": "un-buen-secreto-2026",
            "password2": "un-buen-secreto-2026",
        },
    )


def test_signup_creates_entrepreneur_with_language(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="nueva@example.org")
    assert user.full_name == "Nueva Persona"
    assert user.language == "es"
    assert user.has_role(Role.ENTREPRENEUR)
    assert permissions.has_verified_email(user) is False


def test_signup_sends_verification_in_spanish(client):
    _signup(client)
    assert len(mail.outbox) == 1
    assert "Confirma" in mail.outbox[0].subject or "Confirm" not in mail.outbox[0].subject


def test_signup_in_english_records_english(client):
    _signup(client, email="new@example.org", lang="en")
    user = User.objects.get(email="new@example.org")
    assert user.language == "en"


def test_verification_link_verifies_and_logs_in(client):
    _signup(client)
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body)
    assert link is not None
    path = link.group(0).split("testserver", 1)[-1]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nueva@example.org").verified is True


def test_signup_duplicate_email_does_not_reveal_account(client, entrepreneur):
    response = _signup(client, email=entrepreneur.email)
    # enumeration prevention: same answer as a new address
    assert response.status_code == 302
    assert User.objects.filter(email=entrepreneur.email).count() == 1


def test_login_page_in_both_languages(client):
    assert "Iniciar sesión" in client.get("/es/accounts/login/").content.decode()
    assert "Sign In" in client.get("/en/accounts/login/").content.decode()


def test_role_required_redirects_anonymous_forbids_wrong_role(rf, entrepreneur, staff_user):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse

    @permissions.role_required(Role.STAFF)
    def view(request):
        return HttpResponse("ok")

    request = rf.get("/es/x/")
    request.user = AnonymousUser()
    assert view(request).status_code == 302
    request.user = entrepreneur
    with pytest.raises(PermissionDenied):
        view(request)
    request.user = staff_user
    assert view(request).status_code == 200


def test_role_required_sends_staff_without_totp_to_setup(rf, make_user):
    from django.http import HttpResponse

    @permissions.role_required(Role.REVIEWER)
    def view(request):
        return HttpResponse("ok")

    request = rf.get("/es/x/")
    request.user = make_user(Role.REVIEWER, mfa=False)
    response = view(request)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_queued_email_uses_recipient_language(entrepreneur, django_capture_on_commit_callbacks):
    from semilla.emails import queue_email_to_user

    entrepreneur.language = "en"
    entrepreneur.save()
    with django_capture_on_commit_callbacks(execute=True):
        queue_email_to_user(
            user=entrepreneur, template="semilla/welcome", context={"name": entrepreneur.full_name}
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Welcome to Semilla"
    assert mail.outbox[0].to == [entrepreneur.email]


def test_every_role_group_exists():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_staff_group_may_use_console(staff_user, funder_user, entrepreneur):
    assert staff_user.has_perm("wagtailadmin.access_admin") is True
    assert funder_user.has_perm("wagtailadmin.access_admin") is True
    assert entrepreneur.has_perm("wagtailadmin.access_admin") is False
