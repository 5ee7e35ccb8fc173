"""The whole reach journey of issue 18 in one run, through the browser on a 412-px phone:

a mentee adds her Venezuelan mobile number and confirms it with the code the fake Twilio
received by SMS, chooses WhatsApp for reminders, books a session with her mentor; the
reminder task runs (the clock a day before the session) and the reminder reaches the fake
provider as a WhatsApp template in Spanish; she writes to her mentor from "Mi mentoría";
the session passes without the mentor (the clock moved past it) and she reports the no-show
from "Mis sesiones"; staff open the report from the link in their e-mail, take it, note it
and resolve it; the mentee sees "Resuelto" and the mentor never sees who reported."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.fakes.twilio_server import FakeTwilio

pytestmark = pytest.mark.e2e

PHONE = "+584121234567"
BOGOTA = "America/Bogota"


def _page_as(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="es-CO",
        timezone_id=BOGOTA,
        viewport={"width": 412, "height": 915},
        is_mobile=True,
        has_touch=True,
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentee_phone_booking_whatsapp_reminder_message_no_show_and_staff_triage(
    browser, live_server, site_data, settings, monkeypatch
):
    from zoneinfo import ZoneInfo

    from conversations.models import Message, Report
    from mentors.enums import MatchStatus
    from mentors.models import Booking, MentorProfile, WeeklyAvailability
    from mentors.services import send_due_reminders
    from tests.factories import make_user
    from tests.factories.mentors import MatchFactory

    base = live_server.url
    settings.SITE_URL = base
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    mentee, mentor = match.participant.user, match.mentor.user
    for person in (mentee, mentor):
        person.timezone = BOGOTA
        person.save(update_fields=["timezone"])
    MentorProfile.objects.filter(pk=match.mentor.pk).update(min_notice_hours=0)
    day = (timezone.now().astimezone(ZoneInfo(BOGOTA)) + datetime.timedelta(days=2)).date()
    WeeklyAvailability.objects.create(
        mentor=match.mentor,
        weekday=day.weekday(),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
    )
    staff = make_user(Role.STAFF)

    with FakeTwilio() as fake:
        fake.configure(settings)

        # 1. the phone, confirmed with the code the fake provider received by SMS
        page = _page_as(browser, base, mentee)
        page.goto(f"{base}/es/mensajes/")
        page.get_by_role("textbox", name="Número de celular").fill("0412 1234567")
        page.get_by_role("button", name="Envíame un código").click()
        [sms] = fake.sent_to(PHONE)
        assert sms["channel"] == "sms"
        page.get_by_role("textbox", name="Código del SMS").fill(fake.last_code(PHONE))
        page.get_by_role("button", name="Confirmar").click()
        expect(page.get_by_text("Tu número quedó confirmado.")).to_be_visible()
        # 2. WhatsApp for reminders, with consent
        page.locator('input[name="reminder"][value="whatsapp"]').check()
        page.get_by_label("Acepto que Semilla me envíe").check()
        page.get_by_role("button", name="Guardar").click()
        expect(page.get_by_text("Guardamos lo que elegiste.")).to_be_visible()
        assert axe_serious(page) == []

        # 3. a session booked: day, time, one short form
        page.goto(f"{base}/es/mentores/reservar/")
        page.get_by_test_id(f"day-{day:%Y-%m-%d}").click()
        page.get_by_test_id(f"time-{day:%Y-%m-%d}-10-00").click()
        page.get_by_test_id("booking-summary").wait_for()
        page.get_by_label("¿Qué quieres trabajar?").fill("Precios de mis arepas")
        page.get_by_test_id("book-submit").click()
        page.wait_for_url(f"{base}/es/mentores/sesiones/**")
        booking = Booking.objects.get()
        assert booking.starts_at == datetime.datetime.combine(
            day, datetime.time(10), tzinfo=ZoneInfo(BOGOTA)
        )

        # 4. the reminder task a day before: the mentee's reminder on the fake WhatsApp
        assert fake.sent_to(PHONE) == [sms]
        send_due_reminders(now=booking.starts_at - datetime.timedelta(hours=23))
        whatsapp = [m for m in fake.sent_to(PHONE) if m["channel"] == "whatsapp"]
        assert [(m["to"], m["language"]) for m in whatsapp] == [(f"whatsapp:{PHONE}", "es")]
        assert whatsapp[0]["body"].startswith("Recordatorio de Semilla: ")
        assert fake.deliver_callback(whatsapp[0]["sid"], "read") == 204

        # 5. a message to the mentor, from "Mi mentoría"
        page.goto(f"{base}/es/mentores/mi-mentoria/")
        page.get_by_test_id("write-to-mentor").click()
        page.get_by_label("Tu mensaje").fill("Hola, profe. Llevo mis costos el martes.")
        page.get_by_role("button", name="Enviar").click()
        assert page.get_by_test_id("message-body").last.inner_text() == (
            "Hola, profe. Llevo mis costos el martes."
        )
        assert Message.objects.get().sender_id == mentee.pk

        # 6. the session passes without the mentor: the clock moves past it
        real_now = timezone.now
        shift = booking.ends_at + datetime.timedelta(hours=2) - real_now()
        monkeypatch.setattr(timezone, "now", lambda: real_now() + shift)
        page.goto(f"{base}/es/mentores/sesiones/")
        page.get_by_test_id(f"no-show-{booking.pk}").click()
        page.get_by_label("¿Algo más que quieras contar? (opcional)").fill("La esperé 30 minutos.")
        page.get_by_role("button", name="Enviar el reporte").click()
        assert page.get_by_test_id("report-status").inner_text() == "Recibido"
        report = Report.objects.get()
        assert (report.booking_id, report.reporter_id, report.reported_id) == (
            booking.pk,
            mentee.pk,
            mentor.pk,
        )
        page.context.close()
    assert fake.errors == []

    # 7. staff open the report from the link in their e-mail and triage it
    [alert] = [m for m in mail.outbox if m.to == [staff.email] and f"#{report.pk}" in m.subject]
    link = re.search(rf"{re.escape(base)}/admin/\S+", alert.body).group(0)
    console = _page_as(browser, base, staff)
    console.set_viewport_size({"width": 1280, "height": 900})
    console.goto(link)
    assert console.get_by_test_id("report-status").inner_text() == "Recibido"
    console.locator("select[name=assignee]").select_option(str(staff.pk))
    console.get_by_role("button", name="Asignar").click()
    console.locator("textarea[name=text]").fill("Llamé a la mentora: confirmó que no llegó.")
    console.get_by_role("button", name="Agregar la nota").click()
    console.get_by_label("Nuevo estado").select_option("resolved")
    console.get_by_test_id("move-report").click()
    assert console.get_by_test_id("report-status").inner_text() == "Resuelto"
    # the reminder's read receipt (the signed status callback) is shown to staff
    console.goto(f"{base}{reverse('outbox_messages:index')}?channel=whatsapp")
    row = console.locator("tbody tr", has_text=PHONE)
    assert (row.count(), "Leído" in row.inner_text()) == (1, True)
    console.context.close()
    report.refresh_from_db()
    assert (report.status, report.assignee_id) == ("resolved", staff.pk)
    assert list(report.events.values_list("action", flat=True)) == [
        "created",
        "assigned",
        "note",
        "status",
    ]

    # 8. the mentee sees the outcome; the mentor does not see who reported
    page = _page_as(browser, base, mentee)
    page.goto(f"{base}/es/conversaciones/reportes/")
    assert page.get_by_test_id("report-status").inner_text() == "Resuelto"
    page.context.close()
    other = _page_as(browser, base, mentor)
    other.goto(f"{base}/es/conversaciones/reportes/")
    assert mentee.get_full_name() not in other.locator("main").inner_text()
    other.context.close()
