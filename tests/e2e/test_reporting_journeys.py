"""Browser journeys: programme staff filter the indicator dashboard and download the
XLSX; a participant downloads their data and asks for erasure."""

import datetime
import io
import json
import re
import zipfile

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from semilla.enums import Role
from tests.e2e.conftest import axe_serious

pytestmark = pytest.mark.e2e


def _login(context, user, base):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_download_xlsx_and_participant_data_rights(page, browser, live_server, site_data):
    """Both journeys in one live server (one set-up of the site's pages)."""
    _staff_journey(page, live_server)
    participant = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    try:
        _participant_journey(participant.new_page(), live_server)
    finally:
        participant.close()


def _staff_journey(page, live_server):
    from tests.factories import make_user
    from tests.factories.cohorts import CohortFactory
    from tests.factories.reporting import bulk_applicants

    staff = make_user(Role.STAFF)
    bulk_applicants(12, prefix="cali", cohort=CohortFactory(city="cali", seats=50))
    bulk_applicants(7, prefix="otra", cohort=CohortFactory(city="bogota", seats=50))
    _login(page.context, staff, live_server.url)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(f"{live_server.url}/admin/indicators/")
    assert page.get_by_test_id("total-applicants").inner_text() == "19"
    today = timezone.localdate()
    page.get_by_label("Ciudad").select_option("bogota")
    page.get_by_label("Desde").fill((today - datetime.timedelta(days=7)).isoformat())
    page.get_by_label("Hasta").fill(today.isoformat())
    page.get_by_role("button", name="Aplicar").click()
    page.wait_for_url(re.compile(r".*city=bogota.*"))
    # the bulk applicants' cities rotate through the eight cities: 2 + 1 live in Bogotá
    shown = page.get_by_test_id("total-applicants").inner_text()
    assert shown == "3"
    assert page.locator("svg.chart-bars title").first.text_content() == "Postulantes · Sexo"

    with page.expect_download() as download_info:
        page.get_by_test_id("export-xlsx").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    summary = {row[0]: row[3] for row in book["Resumen"].iter_rows(min_row=2, values_only=True)}
    assert summary["applicants"] == int(shown)
    filters = dict(book["Filtros"].iter_rows(values_only=True))
    assert filters["Ciudad"] == "Bogotá"


def _participant_journey(page, live_server):
    from semilla.enums import ConsentPurpose
    from semilla.privacy import consent_record
    from tests.factories import make_user
    from tests.factories.cohorts import ApplicationFactory

    person = make_user(Role.ENTREPRENEUR, full_name="Oriana Pérez", email="oriana@example.org")
    ApplicationFactory(user=person, business_name="Cachapas Oriana")
    consent_record(user=person, purpose=ConsentPurpose.APPLICATION)
    _login(page.context, person, live_server.url)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(f"{live_server.url}/es/mis-datos/")
    assert page.locator("h1").inner_text() == "Mis datos"
    assert axe_serious(page) == []
    with page.expect_download() as download_info:
        page.get_by_test_id("download-data").click()
    with zipfile.ZipFile(download_info.value.path()) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["records"]["cohorts.application"]["rows"][0]["business_name"] == ("Cachapas Oriana")

    page.get_by_label("Reclamo: borrar mis datos").check()
    page.get_by_label(re.compile("Entiendo que se borrarán mi cuenta")).check()
    page.get_by_test_id("send-request").click()
    page.wait_for_url(re.compile(r".*/es/mis-datos/$"))
    assert "Recibimos tu solicitud" in page.locator(".messages").inner_text()
    item = page.get_by_test_id("data-request").first.inner_text()
    assert "Reclamo: borrar mis datos" in item and "Recibida" in item


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_light_indicators_on_a_phone_filter_by_cohort(
    browser, live_server, site_data, phone_context_args
):
    """Programme staff in the field: from "Mi espacio" to the light version of the
    indicators (no console JavaScript), filter by a cohort, see its figures."""
    from tests.e2e.conftest import PHONE, phone_overflow
    from tests.factories import make_user
    from tests.factories.cohorts import CohortFactory
    from tests.factories.reporting import bulk_applicants

    cali = CohortFactory(city="cali", seats=50, name="Cohorte Cali")
    bulk_applicants(12, prefix="cali", cohort=cali)
    bulk_applicants(7, prefix="otra", cohort=CohortFactory(city="bogota", seats=50))
    phone = browser.new_context(**{**phone_context_args, "viewport": PHONE})
    try:
        page = phone.new_page()
        scripts: list[str] = []
        page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
        _login(phone, make_user(Role.STAFF), live_server.url)
        page.goto(f"{live_server.url}/es/mi-espacio/")
        page.get_by_test_id("indicators-light").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Indicadores")
        expect(page.get_by_test_id("total-applicants")).to_have_text("19")
        page.get_by_label("Cohorte", exact=True).select_option(label="Cohorte Cali")
        page.get_by_role("button", name="Aplicar").click()
        page.wait_for_url(re.compile(rf".*cohort={cali.pk}.*"))
        expect(page.get_by_test_id("total-applicants")).to_have_text("12")
        expect(page.get_by_test_id("export-xlsx")).to_have_attribute(
            "href", re.compile(rf"/admin/indicators/export\.xlsx\?.*cohort={cali.pk}")
        )
        assert [url for url in scripts if "wagtail" in url or "/admin/" in url] == []
        assert phone_overflow(page) is None
        assert axe_serious(page) == []
    finally:
        phone.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_funder_outcomes_tables_fit_a_phone(browser, live_server, site_data, phone_context_args):
    """A funder reads the before-and-after tables of their indicators page on a 412-px
    phone: the wide tables scroll inside their card, the page does not scroll sideways."""
    from outcomes.enums import WaveKind
    from tests.e2e.conftest import PHONE, phone_overflow
    from tests.factories import make_user
    from tests.factories.outcomes import bulk_answers, ended_cohort

    bulk_answers(12, cohort=ended_cohort(), prefix="fin", after=WaveKind.END, answered_after=1)
    phone = browser.new_context(**{**phone_context_args, "viewport": PHONE})
    try:
        page = phone.new_page()
        _login(phone, make_user(Role.FUNDER), live_server.url)
        page.goto(f"{live_server.url}/es/indicadores/")
        expect(page.get_by_role("heading", name="Resultados: antes y después")).to_be_visible()
        assert phone_overflow(page) is None
    finally:
        phone.close()
