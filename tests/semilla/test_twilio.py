"""WhatsApp and SMS through Twilio's own library, against a fake Twilio on loopback
(tests/fakes/twilio_server.py): sending, templates in both languages, signed status
callbacks (valid, forged, replayed, out of order), STOP, an outage and a number that stops
existing."""

import ast

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from semilla.models import (
    ConsentRecord,
    Notification,
    NotificationPreference,
    NotificationSettings,
    OutboxMessage,
)
from semilla.notifications import PHONE_RETRY_DELAYS, notify, send_phone_message
from tests.fakes.twilio_server import FakeTwilio

PHONE = "+573001234567"
VE_PHONE = "+584121234567"
REMINDER = {
    "mentor_name": "Luis",
    "participant_name": "Ana",
    "starts_at": "2027-01-10T15:00:00+00:00",
    "timezone": "America/Bogota",
    "url": "/es/mentores/sesiones/",
}


@pytest.fixture
def fake_twilio(settings):
    with FakeTwilio() as fake:
        fake.configure(settings)
        settings.SITE_URL = "http://testserver"  # what the test client calls
        yield fake
    assert fake.errors == []


def _opted_in(user, *, channel="whatsapp", phone=PHONE, kind="reminder"):
    NotificationSettings.objects.create(
        user=user, phone=phone, phone_confirmed_at=timezone.now(), **{channel: True}
    )
    NotificationPreference.objects.create(user=user, kind=kind, channel=channel)


def _remind(capture, user, key="reminder:1"):
    with capture(execute=True):
        return notify(user=user, template="mentors/booking_reminder_24h", context=REMINDER, key=key)


def test_sms_goes_through_twilio_and_records_the_provider_id(
    fake_twilio, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    _opted_in(entrepreneur, channel="sms")
    assert _remind(django_capture_on_commit_callbacks, entrepreneur) == ["sms"]
    row = OutboxMessage.objects.get()
    [sent] = fake_twilio.messages
    assert (sent["to"], sent["from"], sent["body"], sent["channel"]) == (
        PHONE,
        "+15005550006",
        row.body,
        "sms",
    )
    assert (row.status, row.provider_id, row.attempts) == ("sent", sent["sid"], 1)
    assert sent["status_callback"] == "http://testserver/twilio/status/"
    assert (len(mailoutbox), Notification.objects.filter(user=entrepreneur).count()) == (0, 1)


@pytest.mark.parametrize(
    ("language", "start"), [("es", "Recordatorio de Semilla: "), ("en", "Semilla reminder: ")]
)
def test_whatsapp_uses_the_approved_template_in_the_recipient_language(
    language, start, fake_twilio, make_user, django_capture_on_commit_callbacks
):
    person = make_user(language=language)
    _opted_in(person, phone=VE_PHONE)
    _remind(django_capture_on_commit_callbacks, person)
    [sent] = fake_twilio.messages
    row = OutboxMessage.objects.get()
    assert (sent["to"], sent["from"], sent["language"]) == (
        f"whatsapp:{VE_PHONE}",
        "whatsapp:+14155238886",
        language,
    )
    assert sent[
        "body"
    ] == f"{start}{row.body} Más: http://testserver/{language}/mentores/sesiones/".replace(
        " Más:", " More:" if language == "en" else " Más:"
    )


def _post(client, callback):
    path, params, headers = callback
    return client.post(path, params, **headers)


@pytest.fixture
def sent_whatsapp(fake_twilio, entrepreneur, django_capture_on_commit_callbacks):
    _opted_in(entrepreneur)
    _remind(django_capture_on_commit_callbacks, entrepreneur)
    return fake_twilio.messages[0]["sid"]


def test_status_callback_signed_moves_the_status(client, fake_twilio, sent_whatsapp):
    response = _post(client, fake_twilio.callback(sent_whatsapp, "delivered"))
    assert (response.status_code, OutboxMessage.objects.get().status) == (204, "delivered")


def test_status_callback_forged_is_refused_and_changes_nothing(client, fake_twilio, sent_whatsapp):
    path, params, headers = fake_twilio.callback(sent_whatsapp, "delivered")
    params["MessageStatus"] = "read"  # the signature no longer matches
    response = client.post(path, params, **headers)
    unsigned = client.post(path, params)
    assert (response.status_code, unsigned.status_code) == (403, 403)
    assert OutboxMessage.objects.get().status == "sent"


def test_status_callback_replayed_and_out_of_order_change_nothing(
    client, fake_twilio, sent_whatsapp
):
    read = fake_twilio.callback(sent_whatsapp, "read")
    assert _post(client, read).status_code == 204
    first_time = OutboxMessage.objects.get().status_at
    assert _post(client, read).status_code == 204  # replay
    assert _post(client, fake_twilio.callback(sent_whatsapp, "delivered")).status_code == 204
    row = OutboxMessage.objects.get()
    assert (row.status, row.status_at) == ("read", first_time)


def test_webhooks_are_rate_limited_per_client_address(client, fake_twilio, sent_whatsapp, settings):
    settings.SEMILLA_RATE_LIMITS = {**settings.SEMILLA_RATE_LIMITS, "twilio_webhook": (1, 3600)}
    first = _post(client, fake_twilio.callback(sent_whatsapp, "delivered"))
    second = _post(client, fake_twilio.callback(sent_whatsapp, "read"))
    assert (first.status_code, second.status_code, OutboxMessage.objects.get().status) == (
        204,
        429,
        "delivered",
    )


def test_stop_reply_opts_out_at_once_and_later_messages_come_by_email(
    client, fake_twilio, sent_whatsapp, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    ConsentRecord.objects.create(user=entrepreneur, purpose="whatsapp", policy_version="v1")
    url = "http://testserver" + reverse("twilio_inbound")
    response = _post(client, fake_twilio.inbound(url, from_=f"whatsapp:{PHONE}", body=" Stop "))
    prefs = NotificationSettings.objects.get(user=entrepreneur)
    assert (response.status_code, prefs.whatsapp, prefs.stopped_at is not None) == (
        200,
        False,
        True,
    )
    assert ConsentRecord.objects.get(purpose="whatsapp").revoked_at is not None
    assert _remind(django_capture_on_commit_callbacks, entrepreneur, key="reminder:2") == ["email"]
    assert (len(fake_twilio.messages), len(mailoutbox)) == (1, 1)


def test_inbound_message_that_is_not_stop_changes_nothing(
    client, fake_twilio, sent_whatsapp, entrepreneur
):
    url = "http://testserver" + reverse("twilio_inbound")
    _post(client, fake_twilio.inbound(url, from_=f"whatsapp:{PHONE}", body="gracias"))
    assert NotificationSettings.objects.get(user=entrepreneur).whatsapp is True


def test_outage_retries_with_backoff_and_sends_once(
    fake_twilio, entrepreneur, django_capture_on_commit_callbacks
):
    _opted_in(entrepreneur, channel="sms")
    fake_twilio.outage = 1
    _remind(django_capture_on_commit_callbacks, entrepreneur)
    row = OutboxMessage.objects.get()
    retry = Schedule.objects.get(func="semilla.notifications.send_phone_message")
    assert (row.status, row.attempts, row.error) == (
        "retrying",
        1,
        "Twilio 503: Unable to create record: Service unavailable",
    )
    assert ast.literal_eval(retry.kwargs) == {
        "outbox_id": row.pk,
        "context": {"language": "es", "url": "http://testserver/es/mentores/sesiones/"},
        "attempt": 2,
    }
    assert abs((retry.next_run - timezone.now()) - PHONE_RETRY_DELAYS[0]).total_seconds() < 5
    context = {"language": "es", "url": ""}
    assert send_phone_message(outbox_id=row.pk, context=context, attempt=2) == "sent"
    # a task delivered twice (or a late retry) never sends it again
    assert send_phone_message(outbox_id=row.pk, context=context, attempt=3) == "already handled"
    row.refresh_from_db()
    assert (row.status, row.attempts, len(fake_twilio.messages)) == ("sent", 2, 1)


def test_outage_that_lasts_fails_and_staff_see_it(
    fake_twilio, entrepreneur, django_capture_on_commit_callbacks
):
    _opted_in(entrepreneur, channel="sms")
    fake_twilio.outage = 100
    _remind(django_capture_on_commit_callbacks, entrepreneur)
    row = OutboxMessage.objects.get()
    for attempt in range(2, len(PHONE_RETRY_DELAYS) + 2):
        send_phone_message(outbox_id=row.pk, context={}, attempt=attempt)
    row.refresh_from_db()
    assert (row.status, row.attempts, fake_twilio.messages) == (
        "failed",
        len(PHONE_RETRY_DELAYS) + 1,
        [],
    )


def test_number_that_stopped_existing_fails_at_once_and_falls_back_to_email(
    fake_twilio, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    _opted_in(entrepreneur, channel="sms")
    fake_twilio.nonexistent.add(PHONE)
    _remind(django_capture_on_commit_callbacks, entrepreneur)
    row = OutboxMessage.objects.get()
    retries = Schedule.objects.filter(func="semilla.notifications.send_phone_message")
    assert (row.status, row.attempts, retries.count()) == ("failed", 1, 0)
    assert row.error.startswith("Twilio 21211:")
    assert NotificationSettings.objects.get(user=entrepreneur).unreachable_at is not None
    assert _remind(django_capture_on_commit_callbacks, entrepreneur, key="r:2") == ["email"]


def test_undelivered_callback_for_unknown_handset_marks_the_number_unreachable(
    client, fake_twilio, sent_whatsapp, entrepreneur
):
    _post(client, fake_twilio.callback(sent_whatsapp, "undelivered", error_code="30005"))
    row = OutboxMessage.objects.get()
    assert (row.status, row.error) == ("undelivered", "Twilio 30005")
    assert NotificationSettings.objects.get(user=entrepreneur).unreachable_at is not None
