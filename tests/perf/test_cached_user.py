"""The signed-in person from the table cache (semilla.middleware.user_for): their row,
roles and second factor are kept per session user, backend, session hash and secret key,
served only while no write touched the tables read to load them. Every way a person loses
access takes effect on the very next request."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from semilla import services
from semilla.enums import Role
from tests.factories import make_user

DASHBOARD = "semilla:dashboard"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _warm(client) -> None:
    """Three views: the person and the page are kept, the third view is a hit."""
    for _ in range(3):
        assert client.get(reverse(DASHBOARD)).status_code == 200


def _sent_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_kept_person_runs_only_the_session_query(db, django_assert_num_queries):
    client = _signed_in(make_user(Role.ENTREPRENEUR))
    _warm(client)
    with django_assert_num_queries(1):  # the session
        response = client.get(reverse(DASHBOARD))
    assert response.wsgi_request.user.role_names == frozenset({Role.ENTREPRENEUR.value})


def test_two_people_never_get_each_others_kept_person(db):
    ana = make_user(Role.ENTREPRENEUR, full_name="Ana Pérez")
    luis = make_user(Role.MENTOR, full_name="Luis Gómez")
    ana_client, luis_client = _signed_in(ana), _signed_in(luis)
    _warm(ana_client)
    _warm(luis_client)
    for _ in range(2):
        seen = [c.get(reverse(DASHBOARD)).wsgi_request.user for c in (ana_client, luis_client)]
        assert [(u.pk, u.full_name, u.role_names) for u in seen] == [
            (ana.pk, "Ana Pérez", frozenset({"entrepreneur"})),
            (luis.pk, "Luis Gómez", frozenset({"mentor"})),
        ]


def test_logging_out_takes_effect_on_the_next_request(db):
    client = _signed_in(make_user(Role.ENTREPRENEUR))
    _warm(client)
    assert client.post(reverse("account_logout")).status_code == 302
    assert _sent_to_login(client.get(reverse(DASHBOARD)))


def test_a_password_changed_elsewhere_signs_this_session_out_on_the_next_request(db):
    user = make_user(Role.ENTREPRENEUR)
    client = _signed_in(user)
    _warm(client)
    user.set_password("otra-clave-larga-2026")
    user.save()
    assert _sent_to_login(client.get(reverse(DASHBOARD)))


def test_a_password_changed_in_another_browser_signs_the_old_session_out(db):
    # the browser that changed it stays signed in (its session carries the new hash) and
    # its requests keep the person again: the old session must still be refused
    user = make_user(Role.ENTREPRENEUR)
    old, changer = _signed_in(user), _signed_in(user)
    _warm(old)
    user.set_password("otra-clave-larga-2026")
    user.save()
    changer.force_login(user)  # as update_session_auth_hash: the new hash in its session
    _warm(changer)
    assert _sent_to_login(old.get(reverse(DASHBOARD)))
    assert changer.get(reverse(DASHBOARD)).status_code == 200


def test_a_deactivated_account_is_signed_out_on_the_next_request(db):
    user = make_user(Role.ENTREPRENEUR)
    client = _signed_in(user)
    _warm(client)
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert _sent_to_login(client.get(reverse(DASHBOARD)))


def test_a_role_taken_away_is_gone_from_the_next_request(db):
    user = make_user(Role.ENTREPRENEUR, Role.STAFF)
    client = _signed_in(user)
    _warm(client)
    services.user_revoke_role(user=user, role=Role.STAFF)
    response = client.get(reverse(DASHBOARD))
    assert response.wsgi_request.user.role_names == frozenset({Role.ENTREPRENEUR.value})
    assert client.get("/admin/").status_code == 302  # the console: back to its log-in


def test_a_second_factor_removed_sends_the_next_request_to_the_set_up(db):
    client = _signed_in(make_user(Role.FINANCE))
    _warm(client)
    Authenticator.objects.all().delete()
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_a_rotated_secret_key_signs_everyone_out_on_the_next_request(db, settings):
    client = _signed_in(make_user(Role.ENTREPRENEUR))
    _warm(client)
    settings.SECRET_KEY = "otra-clave-secreta-" + "x" * 40
    assert _sent_to_login(client.get(reverse(DASHBOARD)))


@pytest.mark.parametrize("enabled", [True, False])
def test_the_person_is_the_same_with_the_switch_on_and_off(db, settings, enabled):
    settings.SEMILLA_TABLE_CACHE = enabled
    user = make_user(Role.JUDGE)
    client = _signed_in(user)
    _warm(client)
    seen = client.get(reverse(DASHBOARD)).wsgi_request.user
    assert (seen.pk, seen.role_names, seen.is_authenticated) == (
        user.pk,
        frozenset({"judge"}),
        True,
    )
