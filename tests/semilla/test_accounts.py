"""Sign-up, e-mail verification, roles and messages in the person's language."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import get_resolver, reverse

from semilla import permissions
from semilla.enums import Role
from semilla.models import User
from tests.factories import PASSWORD

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


def test_signup_sends_verification_in_spanish(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    assert len(mail.outbox) == 1
    assert "Confirma" in mail.outbox[0].subject or "Confirm" not in mail.outbox[0].subject


def test_signup_in_english_records_english(client):
    _signup(client, email="new@example.org", lang="en")
    user = User.objects.get(email="new@example.org")
    assert user.language == "en"


def test_verification_link_verifies_and_logs_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
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


def test_role_required_checks_the_role_only(rf, make_user):
    """The second factor is the access policy's job (middleware), for every URL: the role
    decorator does not repeat it."""
    from django.http import HttpResponse

    @permissions.role_required(Role.REVIEWER)
    def view(request):
        return HttpResponse("ok")

    request = rf.get("/es/x/")
    request.user = make_user(Role.REVIEWER, mfa=False)
    assert view(request).status_code == 200


def test_django_admin_is_not_served_in_production(make_user):
    """Finding 2: /django-admin/ let a superuser in with a password alone. Wagtail is the
    console; Django's admin exists only in development (DEBUG)."""
    client = Client()
    client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.get("/django-admin/", follow=True)
    assert (response.status_code, response.redirect_chain) == (404, [("/es/django-admin/", 302)])
    assert "django-admin/" not in [str(p.pattern) for p in get_resolver().url_patterns]


@pytest.mark.django_db(transaction=True)
def test_totp_set_up_in_this_session_counts_as_the_second_factor(make_user):
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    from tests.factories import password_only_client

    user = make_user(Role.JUDGE, mfa=False)
    client = password_only_client(user)
    assert client.get(reverse("pitchday:event_list")).status_code == 302
    client.post("/es/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/es/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/es/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("pitchday:event_list")).status_code == 200


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


# --- finding 5: a live session cannot redirect payout codes ------------------------------

BANK = {
    "rail": "bank_transfer",
    "holder_name": "Yuleisy Pérez",
    "bank_name": "Bancolombia",
    "account_type": "savings",
    "account_number": "12345678901",
}


def _stale(client):
    """The session signed in 10 minutes ago: no recent re-authentication."""
    from tests.factories import age_session_authentication

    age_session_authentication(client, 600)
    return client


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/es/accounts/email/", {"action_add": "", "email": "nueva@example.org"}),
        ("/es/accounts/password/change/", {"oldpassword": PASSWORD, "password1": "x"}),
        ("/es/accounts/2fa/totp/deactivate/", {}),
        ("/es/pitch/datos-de-pago/", BANK),
    ],
)
def test_account_change_without_recent_reauthentication_is_sent_to_confirm_it(
    url, data, client_for, make_user
):
    from pitchday.models import PayoutDetails

    user = make_user(Role.ENTREPRENEUR)
    client = _stale(client_for(user))
    response = client.post(url, data)
    assert (response.status_code, response["Location"]) == (
        302,
        "/es/accounts/reauthenticate/?next=" + url.replace("/", "%2F"),
    )
    assert (EmailAddress.objects.filter(user=user).count(), PayoutDetails.objects.count()) == (
        1,
        0,
    )


def test_every_reauthentication_url_resolves():
    """The list the access policy enforces names real URLs (a renamed URL would silently
    leave the change unguarded)."""
    from semilla.middleware import REAUTHENTICATION_URL_NAMES

    assert sorted(name for name in REAUTHENTICATION_URL_NAMES if not reverse(name)) == []


def _change_primary_address(client, user, new):
    EmailAddress.objects.create(user=user, email=new, verified=True, primary=False)
    response = client.post("/es/accounts/email/", {"action_primary": "", "email": new})
    assert response.status_code == 302


def test_primary_address_change_tells_the_old_address(
    client_for, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    old = entrepreneur.email
    with django_capture_on_commit_callbacks(execute=True):
        _change_primary_address(client_for(entrepreneur), entrepreneur, "ladron@example.org")
    entrepreneur.refresh_from_db()
    assert entrepreneur.email == "ladron@example.org"
    assert [m.to for m in mailoutbox] == [[old]]


def test_payout_code_is_not_sent_to_an_address_primary_for_less_than_72_hours(
    client_for, entrepreneur, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    from pitchday.models import PayoutDetails
    from pitchday.services import ServiceError
    from pitchday.services.grants import payout_details_confirm

    old = entrepreneur.email
    client = client_for(entrepreneur)
    _change_primary_address(client, entrepreneur, "ladron@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/es/pitch/datos-de-pago/", BANK, follow=True)
    # the person is told the truth: no code was sent, the team checks the details
    assert "no te enviamos un código a esa dirección" in answer.text
    assert "Enviamos un código a tu correo" not in answer.text
    assert 'data-testid="payout-waits-for-staff"' in answer.text
    assert 'action="/es/pitch/datos-de-pago/reenviar-codigo/"' not in answer.text
    details = PayoutDetails.objects.get(user=entrepreneur)
    # no code anywhere; the old address is told what was entered
    assert (details.status, details.code_hash) == ("pending", "")
    assert [(m.to, m.subject) for m in mailoutbox] == [([old], "Un cambio en tu cuenta de Semilla")]
    assert "•••••••8901" in mailoutbox[0].body
    with pytest.raises(ServiceError):
        payout_details_confirm(user=entrepreneur, code="000000")
    # the change waits for a staff member, in the console; never the person themself
    staff = make_user(Role.STAFF)
    assert str(details) in client_for(staff).get("/admin/pitchday/payout-held/").text
    client_for(staff).post("/admin/pitchday/payout-held/", {"details": details.pk})
    details.refresh_from_db()
    assert (details.status, details.confirmed_by) == ("confirmed", staff)


def test_payout_code_goes_to_an_address_primary_for_72_hours(
    client_for, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime

    from semilla.models import PrimaryEmailChange

    client = client_for(entrepreneur)
    _change_primary_address(client, entrepreneur, "nueva@example.org")
    PrimaryEmailChange.objects.update(
        changed_at=PrimaryEmailChange.objects.get().changed_at - datetime.timedelta(hours=73)
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/pitch/datos-de-pago/", BANK)
    assert [m.to for m in mailoutbox] == [["nueva@example.org"]]


def test_held_payout_details_are_never_confirmed_by_their_owner(make_user):
    from pitchday.models import PayoutDetails
    from pitchday.services import ServiceError
    from pitchday.services.grants import payout_details_confirm_by_staff

    staff = make_user(Role.STAFF)
    details = PayoutDetails.objects.create(user=staff, rail="cash", holder_name="Ana")
    with pytest.raises(ServiceError):
        payout_details_confirm_by_staff(details=details, actor=staff)
    details.refresh_from_db()
    assert details.status == "pending"


def test_database_refuses_payout_details_confirmed_by_their_owner(make_user):
    from django.db import IntegrityError, transaction

    from pitchday.models import PayoutDetails

    owner = make_user(Role.ENTREPRENEUR)
    details = PayoutDetails.objects.create(user=owner, rail="cash", holder_name="Ana")
    with pytest.raises(IntegrityError), transaction.atomic():
        PayoutDetails.objects.filter(pk=details.pk).update(confirmed_by=owner)
    details.refresh_from_db()
    assert details.confirmed_by is None


def test_payout_held_console_is_for_staff_and_finance_only(client_for, make_user):
    """Wagtail answers a refusal inside the console with a redirect to its home page."""
    answers = {
        role: client_for(make_user(role)).get("/admin/pitchday/payout-held/")
        for role in (Role.STAFF, Role.FINANCE, Role.FUNDER)
    }
    assert {role: (r.status_code, r.get("Location")) for role, r in answers.items()} == {
        Role.STAFF: (200, None),
        Role.FINANCE: (200, None),
        Role.FUNDER: (302, "/admin/"),
    }


def test_account_email_goes_through_notify_and_keeps_no_body(
    client, django_capture_on_commit_callbacks
):
    """allauth's messages take the one way out (notify): an outbox row of kind security,
    whose body (the confirmation link or code) is not kept."""
    from semilla.enums import MessageKind
    from semilla.models import OutboxMessage

    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    [row] = OutboxMessage.objects.all()
    assert (row.kind, row.recipient, row.body, row.user.email) == (
        MessageKind.SECURITY,
        "nueva@example.org",
        "",
        "nueva@example.org",
    )
    assert row.subject == mail.outbox[0].subject
