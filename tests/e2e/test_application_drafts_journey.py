"""Browser journey (issue 20): on a phone, a virtual cohort says it is online; the
applicant saves a half-filled step for later, finds every typed answer back, chooses
the document that goes with her status, and at submit each missing item links to its
step."""

import re

import pytest
from django.test import Client

from cohorts.enums import ApplicationStatus, CohortFormat
from cohorts.models import Application
from tests.e2e.conftest import axe_serious
from tests.factories.cohorts import CohortFactory, DraftApplicationFactory

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_save_later_resume_and_submit_with_linked_problems(browser, live_server, site_data):
    base = live_server.url
    cohort = CohortFactory(
        name="Cohorte virtual", slug="cohorte-virtual", city="virtual", format=CohortFormat.VIRTUAL
    )
    app = DraftApplicationFactory(
        cohort=cohort,
        current_step="business",
        population_group="colombian_returnee",
        nationality="co",
        document_type="",
        business_name="",
        sector="",
        description="",
    )
    client = Client()
    client.force_login(app.user)
    context = browser.new_context(
        locale="es-CO",
        timezone_id="America/Bogota",
        viewport={"width": 412, "height": 915},
        is_mobile=True,
        has_touch=True,
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    page = context.new_page()

    # The cohort page says how it meets.
    page.goto(f"{base}/es/cohortes/{cohort.slug}/")
    assert page.locator("#cohort-format").inner_text().startswith("Cohorte virtual: todos")

    # A half-filled step, saved for later: every typed answer comes back.
    page.goto(f"{base}/es/cohortes/solicitudes/{app.pk}/paso/business/")
    page.get_by_label("Nombre del negocio").fill("Arepas Doña Carmen")
    page.get_by_label("Personas que trabajan en el negocio").fill("3")
    page.get_by_role("button", name="Guardar y seguir después").click()
    page.wait_for_url(re.compile(r".*/mis-solicitudes/"))
    page.goto(f"{base}/es/cohortes/solicitudes/{app.pk}/paso/business/")
    assert page.get_by_label("Nombre del negocio").input_value() == "Arepas Doña Carmen"
    assert page.get_by_label("Personas que trabajan en el negocio").input_value() == "3"

    # The document list follows the declared status, with no JavaScript needed.
    page.goto(f"{base}/es/cohortes/solicitudes/{app.pk}/paso/about/")
    options = page.locator("select[name=document_type] option").evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert options == ["", "cedula", "passport", "in_process"]
    assert axe_serious(page) == []

    # At submit, each missing answer links to its step.
    Application.objects.filter(pk=app.pk).update(current_step="consent")
    page.goto(f"{base}/es/cohortes/solicitudes/{app.pk}/paso/consent/")
    assert page.locator("#privacy-policy").count() == 1
    page.get_by_role("link", name="Tu negocio · Sector").click()
    page.wait_for_url(re.compile(r".*/paso/business/#id_sector$"))
    app.refresh_from_db()
    assert (app.status, app.business_name, app.employees) == (
        ApplicationStatus.DRAFT,
        "Arepas Doña Carmen",
        3,
    )
    context.close()
