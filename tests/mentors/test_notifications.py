"""The notification channel interface (semilla.notifications), used by mentors."""

from django.utils import timezone

from semilla.models import NotificationPreference, NotificationSettings, OutboxMessage
from semilla.notifications import notify


def test_email_channel_records_once_per_key(
    settings, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SEMILLA_NOTIFICATION_CHANNELS = ["email"]
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(
            user=entrepreneur, template="mentors/nudge", context={"name": "Ana"}, key="nudge:1"
        )
        second = notify(
            user=entrepreneur, template="mentors/nudge", context={"name": "Ana"}, key="nudge:1"
        )
    assert (first, second) == (["email"], [])
    assert OutboxMessage.objects.filter(key="nudge:1").count() == 1
    assert [m.subject for m in mailoutbox] == ["Hay emprendedores esperando tu respuesta"]


def test_whatsapp_and_sms_only_for_people_who_opted_in(settings, entrepreneur, other_entrepreneur):
    settings.SEMILLA_NOTIFICATION_CHANNELS = ["whatsapp", "sms"]
    NotificationSettings.objects.create(
        user=entrepreneur, phone="+573001234567", whatsapp=True, phone_confirmed_at=timezone.now()
    )
    NotificationPreference.objects.create(user=entrepreneur, kind="mentoring", channel="whatsapp")
    assert notify(
        user=entrepreneur, template="mentors/nudge", context={"name": "Ana"}, key="k"
    ) == ["whatsapp"]
    assert (
        notify(user=other_entrepreneur, template="mentors/nudge", context={"name": "Luis"}, key="k")
        == []
    )
    message = OutboxMessage.objects.get(channel="whatsapp")
    assert (message.recipient, message.subject) == ("+573001234567", "")
    assert message.body.startswith("Hay emprendedores esperando tu respuesta")


def test_outbox_adapter_in_recipient_language(settings, entrepreneur):
    settings.SEMILLA_NOTIFICATION_CHANNELS = ["outbox"]
    entrepreneur.language = "en"
    entrepreneur.save()
    notify(user=entrepreneur, template="mentors/nudge", context={"name": "Ana"})
    assert OutboxMessage.objects.get().subject == "Entrepreneurs are waiting for your answer"
