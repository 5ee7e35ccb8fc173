"""Browser journey: a mentee writes to her mentor on a phone, the mentor answers, the mentee
reports that the mentor missed a session, staff triage the report to resolved in the
console, and the mentee sees "Resuelto"."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from semilla.enums import Role
from tests.e2e.conftest import axe_serious

pytestmark = pytest.mark.e2e


def _context(browser, base, user, **args):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota", **args)
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentee_writes_mentor_answers_no_show_is_triaged_to_resolved(
    browser, live_server, site_data
):
    from conversations.models import Report
    from tests.factories import make_user
    from tests.factories.conversations import active_match, past_session

    base = live_server.url
    match = active_match()
    past_session(match, days_ago=2)
    mentee, mentor = match.participant.user, match.mentor.user
    staff = make_user(Role.STAFF)
    phone = {"viewport": {"width": 412, "height": 800}, "is_mobile": True, "has_touch": True}

    mentee_ctx = _context(browser, base, mentee, **phone)
    page = mentee_ctx.new_page()
    page.goto(f"{base}/es/conversaciones/")
    page.get_by_role("link", name=mentor.get_full_name()).click()
    page.get_by_label("Tu mensaje").fill("Hola, profe. ¿Revisamos mis costos? https://semilla.co")
    page.get_by_role("button", name="Enviar").click()
    assert page.get_by_test_id("message-body").last.inner_text().startswith("Hola, profe.")
    assert page.locator('[data-testid="message-body"] a[href="https://semilla.co"]').count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 412
    assert axe_serious(page) == []

    mentor_ctx = _context(browser, base, mentor, **phone)
    other = mentor_ctx.new_page()
    other.goto(f"{base}/es/conversaciones/")
    assert other.get_by_test_id("unread").inner_text() == "1 sin leer"
    other.get_by_role("link", name=mentee.get_full_name()).click()
    other.get_by_label("Tu mensaje").fill("¡Claro! Trae las facturas.")
    other.get_by_role("button", name="Enviar").click()
    expect(
        other.get_by_test_id("message-body").filter(has_text="¡Claro! Trae las facturas.")
    ).to_be_visible()
    mentor_ctx.close()

    page.goto(f"{base}/es/conversaciones/{match.pk}/")
    expect(page.get_by_text("¡Claro! Trae las facturas.")).to_be_visible()
    page.get_by_test_id("report-no-show").first.click()
    page.get_by_role("button", name="Enviar el reporte").click()
    assert page.get_by_test_id("report-status").inner_text() == "Recibido"

    staff_ctx = _context(browser, base, staff)
    console = staff_ctx.new_page()
    report = Report.objects.get()
    console.goto(f"{base}/admin/conversations/reports/")
    console.get_by_role("link", name=str(report.pk), exact=True).click()
    console.get_by_label("Nuevo estado").select_option("resolved")
    console.get_by_test_id("move-report").click()
    assert console.get_by_test_id("report-status").inner_text() == "Resuelto"
    staff_ctx.close()

    page.goto(f"{base}/es/conversaciones/reportes/")
    assert page.get_by_test_id("report-status").inner_text() == "Resuelto"
    mentee_ctx.close()
