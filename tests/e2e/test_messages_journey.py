"""Browser journey for messages: a mentee adds her Venezuelan mobile number, types the
code the fake Twilio received by SMS, turns WhatsApp on for reminders, and a reminder then
reaches the fake provider as a WhatsApp template and shows in the header's bell."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from semilla.enums import Role
from semilla.notifications import notify
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.fakes.twilio_server import FakeTwilio

pytestmark = pytest.mark.e2e

PHONE = "+584121234567"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentee_adds_phone_turns_whatsapp_on_and_gets_a_reminder(
    browser, live_server, site_data, settings
):
    base = live_server.url
    mentee = make_user(Role.ENTREPRENEUR)
    client = Client()
    client.force_login(mentee)
    with FakeTwilio() as fake:
        fake.configure(settings)
        settings.SITE_URL = base
        context = browser.new_context(
            locale="es-CO", timezone_id="America/Bogota", viewport={"width": 412, "height": 800}
        )
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
        )
        page = context.new_page()
        page.goto(f"{base}/es/mensajes/")
        page.get_by_role("textbox", name="Número de celular").fill("0412 1234567")
        page.get_by_role("button", name="Envíame un código").click()
        page.get_by_role("textbox", name="Código del SMS").fill(fake.last_code(PHONE))
        page.get_by_role("button", name="Confirmar").click()
        expect(page.get_by_text("Tu número quedó confirmado.")).to_be_visible()
        page.locator('input[name="reminder"][value="whatsapp"]').check()
        page.get_by_label("Acepto que Semilla me envíe").check()
        page.get_by_role("button", name="Guardar").click()
        expect(page.get_by_text("Guardamos lo que elegiste.")).to_be_visible()
        assert axe_serious(page) == []

        notify(
            user=mentee,
            template="mentors/booking_reminder_24h",
            key="reminder-24h:e2e",
            context={
                "mentor_name": "Catalina",
                "participant_name": "Yuleisy",
                "starts_at": "2027-01-10T15:00:00+00:00",
                "timezone": "America/Bogota",
                "url": "/es/mentores/sesiones/",
            },
        )
        whatsapp = [m for m in fake.sent_to(PHONE) if m["channel"] == "whatsapp"]
        assert [m["language"] for m in whatsapp] == ["es"]
        assert whatsapp[0]["body"].startswith("Recordatorio de Semilla: Semilla: Recordatorio:")
        assert fake.deliver_callback(whatsapp[0]["sid"], "delivered") == 204

        page.goto(f"{base}/es/mi-espacio/")
        bell = page.locator("a.bell")
        assert bell.locator(".bell-count").inner_text() == "1"
        bell.click()
        expect(
            page.get_by_role("heading", name="Recordatorio: sesión de mentoría mañana", exact=False)
        ).to_be_visible()
        context.close()
    assert fake.errors == []
