"""The consent-records screen of the staff console: who may see it, filters, search,
pagination, CSV export, constant query counts and both languages."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from semilla.enums import ConsentChannel, ConsentPurpose, Role
from semilla.models import ConsentRecord
from semilla.privacy import consent_record, consent_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/privacy/consents/"
EXPORT = "/admin/privacy/consents/export.csv"


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _given_on(record, day: datetime.date) -> None:
    moment = datetime.datetime.combine(
        day, datetime.time(10), tzinfo=timezone.get_current_timezone()
    )
    ConsentRecord.objects.filter(pk=record.pk).update(given_at=moment)


@pytest.fixture
def people():
    """Three people with known authorisations: Ana (application, given 1 March; WhatsApp,
    withdrawn), Bruno (application, given 10 March, recorded on paper by staff) and
    Carla (research, given 20 March)."""
    ana = UserFactory(full_name="Ana Rondón", email="ana@example.org")
    bruno = UserFactory(full_name="Bruno Peña", email="bruno@example.org")
    carla = UserFactory(full_name="Carla Mejía", email="carla@example.org")
    recorder = UserFactory(full_name="Staff Recorder", email="recorder@example.org")
    _given_on(
        consent_record(user=ana, purpose=ConsentPurpose.APPLICATION), datetime.date(2026, 3, 1)
    )
    consent_record(user=ana, purpose=ConsentPurpose.WHATSAPP)
    consent_revoke(user=ana, purpose=ConsentPurpose.WHATSAPP)
    _given_on(
        consent_record(
            user=bruno,
            purpose=ConsentPurpose.APPLICATION,
            channel=ConsentChannel.PAPER,
            recorded_by=recorder,
        ),
        datetime.date(2026, 3, 10),
    )
    _given_on(
        consent_record(user=carla, purpose=ConsentPurpose.RESEARCH), datetime.date(2026, 3, 20)
    )
    return {"ana": ana, "bruno": bruno, "carla": carla}


@pytest.fixture
def consent_viewer(make_user):
    """Programme staff without the data_protection group, granted only the permission to
    view consent records."""
    user = make_user(Role.STAFF)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="semilla", codename="view_consentrecord")
    )
    return type(user).objects.get(pk=user.pk)


def _people_listed(response) -> set[str]:
    return {record.user.full_name for record in response.context["page"]}


# --- permissions -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_consents_anonymous_sent_to_log_in(client_for, url):
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_consents_refused_to_staff_without_the_permission(
    client_for, staff_user, funder_user, finance_user, people, url
):
    for user in (staff_user, funder_user, finance_user):
        response = client_for(user).get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert b"Ana" not in response.content


@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_consents_refused_to_entrepreneurs(client_for, entrepreneur, people, url):
    response = client_for(entrepreneur).get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_consents_open_to_data_protection_and_to_the_permission(
    client_for, data_protection_user, consent_viewer, people, url
):
    for user in (data_protection_user, consent_viewer):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert "Ana Rondón" in response.content.decode("utf-8-sig")


def test_consents_post_not_allowed(client_for, data_protection_user):
    assert client_for(data_protection_user).post(LIST).status_code == 405
    assert client_for(data_protection_user).post(EXPORT).status_code == 405


def test_consents_menu_item_only_for_those_who_may_see_them(
    client_for, data_protection_user, consent_viewer, staff_user
):
    assert LIST in client_for(data_protection_user).get("/admin/").content.decode()
    assert LIST in client_for(consent_viewer).get("/admin/").content.decode()
    assert LIST not in client_for(staff_user).get("/admin/").content.decode()


# --- filters and search ----------------------------------------------------------------------


def test_consents_lists_everyone_newest_first(client_for, data_protection_user, people):
    response = client_for(data_protection_user).get(LIST)
    page = response.context["page"]
    assert [(r.user.full_name, r.purpose) for r in page] == [
        ("Ana Rondón", "whatsapp"),
        ("Carla Mejía", "research"),
        ("Bruno Peña", "application"),
        ("Ana Rondón", "application"),
    ]
    body = response.content.decode()
    assert "4 registros" in body
    assert "recorder@example.org" in body
    assert "Formulario en papel registrado por el equipo" in body


def test_consents_filter_by_purpose(client_for, data_protection_user, people):
    response = client_for(data_protection_user).get(LIST, {"purpose": "application"})
    assert _people_listed(response) == {"Ana Rondón", "Bruno Peña"}
    assert response.context["page"].paginator.count == 2


def test_consents_filter_granted_or_withdrawn(client_for, data_protection_user, people):
    client = client_for(data_protection_user)
    withdrawn = client.get(LIST, {"state": "withdrawn"}).context["page"]
    assert [(r.user.full_name, r.purpose) for r in withdrawn] == [("Ana Rondón", "whatsapp")]
    active = client.get(LIST, {"state": "active"}).context["page"]
    assert sorted((r.user.full_name, r.purpose) for r in active) == [
        ("Ana Rondón", "application"),
        ("Bruno Peña", "application"),
        ("Carla Mejía", "research"),
    ]


def test_consents_filter_by_date_range_inclusive(client_for, data_protection_user, people):
    client = client_for(data_protection_user)
    response = client.get(LIST, {"date_from": "2026-03-01", "date_to": "2026-03-10"})
    assert _people_listed(response) == {"Ana Rondón", "Bruno Peña"}
    response = client.get(LIST, {"date_from": "2026-03-11"})
    assert _people_listed(response) == {"Ana Rondón", "Carla Mejía"}  # Ana's WhatsApp is today
    response = client.get(LIST, {"date_to": "2026-03-09"})
    assert _people_listed(response) == {"Ana Rondón"}


def test_consents_withdrawn_date_range_uses_the_withdrawal_date(
    client_for, data_protection_user, people
):
    today = timezone.localdate()
    client = client_for(data_protection_user)
    response = client.get(LIST, {"state": "withdrawn", "date_from": today.isoformat()})
    assert [r.purpose for r in response.context["page"]] == ["whatsapp"]
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    response = client.get(LIST, {"state": "withdrawn", "date_to": yesterday})
    assert list(response.context["page"]) == []
    assert "Ninguna autorización coincide con estos filtros." in response.content.decode()


def test_consents_reversed_dates_are_an_error(client_for, data_protection_user, people):
    response = client_for(data_protection_user).get(
        LIST, {"date_from": "2026-03-10", "date_to": "2026-03-01"}
    )
    assert response.status_code == 200
    assert "La fecha final es anterior a la inicial." in response.content.decode()


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("bruno", {"Bruno Peña"}),
        ("CARLA", {"Carla Mejía"}),
        ("mejía", {"Carla Mejía"}),
        ("ana@example", {"Ana Rondón"}),
        ("example.org", {"Ana Rondón", "Bruno Peña", "Carla Mejía"}),
        ("nadie", set()),
    ],
)
def test_consents_search_person(client_for, data_protection_user, people, search, expected):
    response = client_for(data_protection_user).get(LIST, {"q": search})
    assert _people_listed(response) == expected


def test_consents_search_by_person_id(client_for, data_protection_user, people):
    client = client_for(data_protection_user)
    carla = people["carla"]
    assert _people_listed(client.get(LIST, {"q": str(carla.pk)})) == {"Carla Mejía"}
    assert _people_listed(client.get(LIST, {"q": f"#{carla.pk}"})) == {"Carla Mejía"}


def test_consents_filters_combine(client_for, data_protection_user, people):
    response = client_for(data_protection_user).get(
        LIST, {"q": "ana", "purpose": "whatsapp", "state": "withdrawn"}
    )
    assert [(r.user.full_name, r.purpose) for r in response.context["page"]] == [
        ("Ana Rondón", "whatsapp")
    ]


def test_consents_paginated_keeping_the_filters(client_for, data_protection_user):
    for person in UserFactory.create_batch(52, full_name="Persona Igual"):
        consent_record(user=person, purpose=ConsentPurpose.SMS)
    client = client_for(data_protection_user)
    first = client.get(LIST, {"purpose": "sms"})
    assert len(first.context["page"]) == 50
    assert "purpose=sms&amp;p=2" in first.content.decode()
    second = client.get(LIST, {"purpose": "sms", "p": "2"})
    assert len(second.context["page"]) == 2
    assert second.context["page"].number == 2


# --- query counts ----------------------------------------------------------------------------


def test_consents_list_constant_queries(
    client_for, data_protection_user, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(data_protection_user)
    consent_record(user=UserFactory(), purpose=ConsentPurpose.APPLICATION)
    client.get(LIST)
    with CaptureQueriesContext(connection) as one:
        response = client.get(LIST, {"purpose": "application"})
    assert len(response.context["page"]) == 1
    recorder = UserFactory()
    for person in UserFactory.create_batch(30):
        consent_record(
            user=person,
            purpose=ConsentPurpose.APPLICATION,
            channel=ConsentChannel.PHONE,
            recorded_by=recorder,
        )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(LIST, {"purpose": "application"})
    assert len(response.context["page"]) == 31


def test_consents_export_constant_queries(
    client_for, data_protection_user, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(data_protection_user)
    consent_record(user=UserFactory(), purpose=ConsentPurpose.APPLICATION)
    client.get(EXPORT)
    with CaptureQueriesContext(connection) as one:
        response = client.get(EXPORT)
    assert len(_csv(response)) == 2
    recorder = UserFactory()
    for person in UserFactory.create_batch(30):
        consent_record(user=person, purpose=ConsentPurpose.GRANT, recorded_by=recorder)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(EXPORT)
    assert len(_csv(response)) == 32


# --- CSV export ------------------------------------------------------------------------------


def test_consents_export_csv_follows_the_filters(client_for, data_protection_user, people):
    response = client_for(data_protection_user).get(EXPORT, {"purpose": "application"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="semilla-autorizaciones-'
    )
    assert response["Cache-Control"] == "private, no-store"
    rows = _csv(response)
    assert rows[0] == [
        "Id. de la persona",
        "Nombre",
        "Correo electrónico",
        "Código de la finalidad",
        "Finalidad",
        "Versión de la política",
        "Canal",
        "Otorgada el",
        "Revocada el",
        "Estado",
        "Registrada por",
    ]
    bruno = people["bruno"]
    assert [row[1] for row in rows[1:]] == ["Bruno Peña", "Ana Rondón"]
    assert rows[1][:7] == [
        str(bruno.pk),
        "Bruno Peña",
        "bruno@example.org",
        "application",
        str(ConsentPurpose.APPLICATION.label),
        ConsentRecord.objects.get(user=bruno).policy_version,
        "Formulario en papel registrado por el equipo",
    ]
    assert rows[1][7].startswith("2026-03-10T10:00:00")
    assert rows[1][8:] == ["", "Otorgada", "recorder@example.org"]


def test_consents_export_withdrawn_has_its_date(client_for, data_protection_user, people):
    rows = _csv(client_for(data_protection_user).get(EXPORT, {"state": "withdrawn"}))
    assert len(rows) == 2
    assert rows[1][3] == "whatsapp"
    assert rows[1][8].startswith(timezone.localdate().isoformat())
    assert rows[1][9] == "Revocada"


def test_consents_export_neutralises_formulas(client_for, data_protection_user):
    person = UserFactory(full_name='=HYPERLINK("http://x")', email="formula@example.org")
    consent_record(user=person, purpose=ConsentPurpose.SMS)
    rows = _csv(client_for(data_protection_user).get(EXPORT))
    assert rows[1][1] == '\'=HYPERLINK("http://x")'


# --- languages -------------------------------------------------------------------------------


def _prefer(user, language: str) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_consents_in_spanish_and_english(client_for, data_protection_user, people):
    client = client_for(data_protection_user)
    spanish = client.get(LIST).content.decode()
    assert "Registros de autorizaciones" in spanish
    assert "Revocada" in spanish
    assert "Descargar CSV" in spanish

    _prefer(data_protection_user, "en")
    english = client.get(LIST).content.decode()
    assert "Consent records" in english
    assert "Withdrawn" in english
    assert "Download CSV" in english
    assert "Paper form recorded by staff" in english
    rows = _csv(client.get(EXPORT))
    assert rows[0][:3] == ["Person id", "Name", "E-mail"]
    assert {row[9] for row in rows[1:]} == {"Granted", "Withdrawn"}
