"""Whole signed-in pages from the table cache (semilla.personal_page): "Mi espacio" served
without its view or templates until a table it read is written; never to another person;
the session, user, roles and second factor checked on every request; a fresh CSRF token in
every answer; messages shown once."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from cohorts.models import Cohort
from semilla import services
from semilla.enums import Role
from semilla.notifications import notify
from semilla.personal_page import CSRF_STAND_IN
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory, CohortFactory

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def _get(client, path=None):
    response = client.get(path or reverse("semilla:dashboard"))
    assert response.status_code == 200
    return response


def _warm(client, path=None):
    """Three views: the first learns the tables, the second stores, the third is a hit."""
    _get(client, path)
    _get(client, path)
    return _get(client, path)


@pytest.fixture
def applicant(db):
    user = make_user(Role.ENTREPRENEUR, full_name="Ana Pérez", preferred_name="Ana")
    application = ApplicationFactory(user=user, cohort=CohortFactory(name="Cohorte Uno"))
    client = Client()
    client.force_login(user)
    return user, application, client


def test_dashboard_hit_renders_no_template_and_runs_only_the_session_query(
    applicant, django_assert_num_queries
):
    _user, _application, client = applicant
    first = _warm(client)
    assert first.templates == []  # already a hit
    with django_assert_num_queries(1):  # the session (the person: semilla.middleware.user_for)
        response = _get(client)
    assert response.templates == []
    assert response.content.decode().count("Cohorte Uno") == 1


def test_kept_page_carries_this_requests_csrf_token_and_logout_works(applicant):
    # the same person in two browsers: the page kept from the first carries the second's
    # own token (a token of another browser's secret is refused)
    user, _application, _client = applicant
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(user)
    laptop.force_login(user)
    _warm(phone)
    response = _get(laptop)
    assert response.templates == []  # the page kept from the phone
    body = response.content.decode()
    assert CSRF_STAND_IN not in body
    tokens = TOKEN.findall(body)
    assert len(tokens) == 1
    assert len(tokens[0]) == 64
    response = laptop.post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    assert laptop.get(reverse("semilla:dashboard")).status_code == 302
    assert _get(phone).status_code == 200


def test_kept_page_of_one_person_never_reaches_another_of_the_same_role(db):
    ana = make_user(Role.ENTREPRENEUR, full_name="Ana Pérez", preferred_name="Ana")
    luis = make_user(Role.ENTREPRENEUR, full_name="Luis Gómez", preferred_name="Luis")
    ApplicationFactory(user=ana, cohort=CohortFactory(name="Cohorte de Ana"))
    ApplicationFactory(user=luis, cohort=CohortFactory(name="Cohorte de Luis"))
    ana_client, luis_client = Client(), Client()
    ana_client.force_login(ana)
    luis_client.force_login(luis)
    _warm(ana_client)
    for _ in range(3):
        body = _get(luis_client).content.decode()
        assert (body.count("Cohorte de Ana"), body.count("Hola, Ana")) == (0, 0)
        assert (body.count("Cohorte de Luis"), body.count("Hola, Luis")) == (1, 1)
    body = _get(ana_client).content.decode()
    assert (body.count("Cohorte de Ana"), body.count("Cohorte de Luis")) == (1, 0)


def test_kept_page_fresh_when_a_nested_value_was_a_hit(applicant):
    # the page with a query string is computed while the panels are a hit: the page
    # must still depend on the panels' tables
    _user, application, client = applicant
    _warm(client)
    path = reverse("semilla:dashboard") + "?desde=correo"
    _warm(client, path)
    Cohort.objects.filter(pk=application.cohort_id).update(name="Cohorte Nueva")
    body = _get(client, path).content.decode()
    assert (body.count("Cohorte Uno"), body.count("Cohorte Nueva")) == (0, 1)


def test_kept_page_shows_a_new_notification_in_the_bell_at_once(
    applicant, django_capture_on_commit_callbacks
):
    user, _application, client = applicant
    assert 'class="bell-count"' not in _warm(client).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, template="semilla/welcome", context={"name": "Ana"}, kind="account")
    body = _get(client).content.decode()
    assert body.count('<span class="bell-count">1</span>') == 1


def test_a_role_taken_away_takes_effect_on_the_next_request(db):
    user = make_user(Role.ENTREPRENEUR, Role.STAFF)
    client = Client()
    client.force_login(user)
    assert _warm(client).content.decode().count('href="/admin/"') == 1
    services.user_revoke_role(user=user, role=Role.STAFF)
    assert _get(client).content.decode().count('href="/admin/"') == 0


def test_a_second_factor_removed_takes_effect_on_the_next_request(db):
    user = make_user(Role.STAFF)
    client = Client()
    client.force_login(user)
    _warm(client)
    Authenticator.objects.filter(user=user).delete()
    response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_a_message_waiting_is_shown_once_and_never_kept(applicant):
    _user, _application, client = applicant
    _warm(client)
    saved = client.post(
        reverse("semilla:preferences"), {"language": "es", "timezone": "America/Bogota"}
    )
    assert saved.status_code == 302
    assert _get(client).content.decode().count("Se guardaron tus preferencias.") == 1
    for _ in range(2):
        assert _get(client).content.decode().count("Se guardaron tus preferencias.") == 0


def test_kept_page_is_off_with_the_switch(applicant, settings):
    _user, _application, client = applicant
    settings.SEMILLA_TABLE_CACHE = False
    assert _warm(client).templates != []
