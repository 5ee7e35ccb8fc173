"""'My data' pages and the data-protection console: permissions, downloads, revocation,
requests, query counts."""

import io
import json
import zipfile

import pytest
from django.test import TestCase
from django.utils import formats

from semilla.enums import ConsentPurpose
from semilla.models import ConsentRecord, NotificationSettings
from semilla.privacy import audit_access, consent_record
from semilla.privacy.models import AccessAudit, DataExport, DataRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MY_DATA = "/es/mis-datos/"


def test_my_data_anonymous_sent_to_log_in(client_for):
    for method, url in (
        ("get", MY_DATA),
        ("post", MY_DATA + "descargar/"),
        ("post", MY_DATA + "solicitudes/"),
    ):
        response = getattr(client_for(None), method)(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_my_data_wrong_method_405(client_for, entrepreneur):
    client = client_for(entrepreneur)
    assert client.post(MY_DATA).status_code == 405
    assert client.get(MY_DATA + "descargar/").status_code == 405
    assert client.get(MY_DATA + "autorizaciones/whatsapp/revocar/").status_code == 405


def test_my_data_lists_consents_with_what_revoking_stops(
    client_for, entrepreneur, django_assert_num_queries
):
    consent_record(user=entrepreneur, purpose=ConsentPurpose.WHATSAPP)
    client = client_for(entrepreneur)
    client.get(MY_DATA)
    with django_assert_num_queries(9):
        response = client.get(MY_DATA)
    assert response.status_code == 200
    assert "Dejamos de enviarte mensajes por WhatsApp" in response.content.decode()
    for purpose in (ConsentPurpose.APPLICATION, ConsentPurpose.GRANT, ConsentPurpose.SMS):
        consent_record(user=entrepreneur, purpose=purpose)
    DataRequest.objects.create(user=entrepreneur, kind="query", due_on="2026-12-01")
    with django_assert_num_queries(9):
        response = client.get(MY_DATA)
    assert response.content.decode().count("Revocar:") == 4


def test_my_data_consent_given_again_under_a_newer_text_has_one_revoke_button(
    client_for, entrepreneur
):
    consent_record(user=entrepreneur, purpose=ConsentPurpose.WHATSAPP, policy_version="2026-11")
    consent_record(user=entrepreneur, purpose=ConsentPurpose.WHATSAPP, policy_version="2026-12")

    html = client_for(entrepreneur).get(MY_DATA).content.decode()

    assert html.count("Revocar: Mensajes por WhatsApp") == 1
    assert html.count("Lo volviste a dar después con un texto más nuevo") == 1


def test_my_data_download_small_zip_straight_away(client_for, entrepreneur):
    response = client_for(entrepreneur).post(MY_DATA + "descargar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["records"]["semilla.user"]["rows"][0]["email"] == entrepreneur.email
    assert DataExport.objects.count() == 0


def test_my_data_download_large_in_background(client_for, entrepreneur, settings, mailoutbox):
    settings.PRIVACY_EXPORT_INLINE_MAX_ROWS = 1
    client = client_for(entrepreneur)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(MY_DATA + "descargar/")
    assert response.status_code == 302
    export = DataExport.objects.get()
    assert export.status == "ready"
    assert [m.to for m in mailoutbox] == [[entrepreneur.email]]
    download = client.get(f"{MY_DATA}descargas/{export.pk}/")
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "data.json" in archive.namelist()


def test_my_data_someone_elses_export_404(client_for, entrepreneur, other_entrepreneur, settings):
    settings.PRIVACY_EXPORT_INLINE_MAX_ROWS = 1
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(entrepreneur).post(MY_DATA + "descargar/")
    export = DataExport.objects.get()
    assert client_for(other_entrepreneur).get(f"{MY_DATA}descargas/{export.pk}/").status_code == 404


def test_my_data_revoke_consent_stops_whatsapp(client_for, entrepreneur):
    consent_record(user=entrepreneur, purpose=ConsentPurpose.WHATSAPP)
    NotificationSettings.objects.create(user=entrepreneur, phone="+57 300 1", whatsapp=True)
    response = client_for(entrepreneur).post(
        MY_DATA + "autorizaciones/whatsapp/revocar/", follow=True
    )
    assert "Autorización revocada" in response.content.decode()
    assert ConsentRecord.objects.get().revoked_at is not None
    assert NotificationSettings.objects.get().whatsapp is False
    assert (
        client_for(entrepreneur).post(MY_DATA + "autorizaciones/inventado/revocar/").status_code
        == 404
    )


def test_my_data_erasure_request_needs_confirmation(client_for, entrepreneur):
    client = client_for(entrepreneur)
    response = client.post(MY_DATA + "solicitudes/", {"kind": "erasure"})
    assert response.status_code == 400
    assert DataRequest.objects.count() == 0
    response = client.post(
        MY_DATA + "solicitudes/", {"kind": "erasure", "confirm": "on"}, follow=True
    )
    request = DataRequest.objects.get()
    assert (request.user, request.kind, request.status) == (entrepreneur, "erasure", "received")
    assert "Recibimos tu solicitud" in response.content.decode()
    due = formats.date_format(request.due_on, "DATE_FORMAT")
    assert f"a más tardar el {due}." in response.content.decode()
    assert " de " in due  # "17 de abril de 2026", not "17/04/2026"


def test_my_data_correction_needs_details(client_for, entrepreneur):
    response = client_for(entrepreneur).post(MY_DATA + "solicitudes/", {"kind": "correction"})
    assert response.status_code == 400
    assert "Dinos qué datos corregir y cómo." in response.content.decode()


# --- console ------------------------------------------------------------------------------

CONSOLE = [
    "/admin/privacy/requests/",
    "/admin/privacy/audit/",
    "/admin/privacy/alerts/",
    "/admin/privacy/erasures/",
]


@pytest.mark.parametrize("url", CONSOLE)
def test_console_refused_to_staff_without_data_protection(client_for, staff_user, funder_user, url):
    for user in (staff_user, funder_user):
        response = client_for(user).get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", CONSOLE)
def test_console_anonymous_sent_to_log_in(client_for, url):
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", CONSOLE)
def test_console_open_to_data_protection(client_for, data_protection_user, url):
    assert client_for(data_protection_user).get(url).status_code == 200


def test_audit_viewer_constant_queries(
    client_for, data_protection_user, staff_user, django_assert_num_queries
):
    client = client_for(data_protection_user)
    audit_access(actor=staff_user, subject=UserFactory(), fields=["nationality"], reason="x")
    client.get("/admin/privacy/audit/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        response = client.get("/admin/privacy/audit/")
    assert len(response.context["page"]) == 1
    audit_access(
        actor=staff_user, subject=UserFactory.create_batch(5), fields=["phone"], reason="y"
    )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get("/admin/privacy/audit/", {"actor": staff_user.email})
    assert len(response.context["page"]) == 6
    assert "nationality" in response.content.decode()


def test_console_answer_erasure_request(client_for, data_protection_user, entrepreneur):
    from semilla.privacy import services

    request = services.data_request_create(user=entrepreneur, kind="erasure")
    client = client_for(data_protection_user)
    url = f"/admin/privacy/requests/{request.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer-to": "completed", "answer-response": ""})
    assert response.status_code == 200
    assert DataRequest.objects.get().status == "received"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            url,
            {
                "answer-to": "completed",
                "answer-erase": "on",
                "answer-response": "Borramos sus datos.",
            },
        )
    assert response.status_code == 302
    entrepreneur.refresh_from_db()
    assert entrepreneur.is_active is False
    assert AccessAudit.objects.count() == 0


def test_console_extend_request_once_then_refused(client_for, data_protection_user, entrepreneur):
    from semilla.privacy import services

    request = services.data_request_create(user=entrepreneur, kind="query")
    client = client_for(data_protection_user)
    url = f"/admin/privacy/requests/{request.pk}/"
    response = client.post(url, {"extend-note": ""})
    assert response.status_code == 200
    assert DataRequest.objects.get().extended is False
    response = client.post(url, {"extend-note": "Necesitamos revisar los archivos."})
    assert response.status_code == 302
    assert DataRequest.objects.get().extended is True
    assert request.history.order_by("-pk").first().note == "Necesitamos revisar los archivos."
    response = client.post(url, {"extend-note": "Otra vez."})
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Plazo prorrogado.",
        "El plazo solo se puede prorrogar una vez, mientras la solicitud esté abierta.",
    ]
    assert request.history.filter(note="Otra vez.").exists() is False
