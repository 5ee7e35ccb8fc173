"""One way to tell a person something: ``notify(user=..., template=..., context=..., key=...)``.

Every message goes through the channels the site enables (``SEMILLA_NOTIFICATION_CHANNELS``)
that the person can receive: e-mail always; WhatsApp and SMS only when the person opted in
(``semilla.models.NotificationSettings``) and has a phone number. Each channel is an adapter
behind the same interface (:class:`Channel`):

- :class:`EmailChannel` renders ``templates/emails/<template>_*`` in the recipient's language
  and sends through ``semilla.emails`` (a retried background task);
- :class:`WhatsAppChannel` and :class:`SMSChannel` post a short text to the provider
  configured in settings (``SEMILLA_WHATSAPP`` / ``SEMILLA_SMS``: ``{"URL": ..., "TOKEN": ...}``);
  without a provider they behave like the outbox (development);
- :class:`OutboxChannel` only records the message (development and tests).

Every channel first writes an :class:`~semilla.models.OutboxMessage` row. With a ``key``
(e.g. ``"reminder-24h:booking-12"``) that row is unique per channel, so the same
notification is never sent twice through a channel, even if a task runs twice.
Delivery happens after the surrounding transaction commits.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

from .enums import NotificationChannel

logger = logging.getLogger(__name__)

DEFAULT_ADAPTERS = {
    NotificationChannel.EMAIL.value: "semilla.notifications.EmailChannel",
    NotificationChannel.WHATSAPP.value: "semilla.notifications.WhatsAppChannel",
    NotificationChannel.SMS.value: "semilla.notifications.SMSChannel",
    "outbox": "semilla.notifications.OutboxChannel",
}


@dataclass
class Message:
    """What to say to whom: a template name and its JSON-serialisable context."""

    user: object
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)

    @property
    def language(self) -> str:
        return getattr(self.user, "language", "") or settings.LANGUAGE_CODE

    def full_context(self) -> dict:
        return {"site_url": settings.SITE_URL.rstrip("/"), **self.context}

    def render_subject_and_body(self) -> tuple[str, str]:
        from .emails import render_email

        subject, text, _html = render_email(self.template, self.full_context(), self.language)
        return subject, text

    def render_short(self) -> str:
        """The short text for WhatsApp and SMS: ``emails/<template>_short.txt`` if it
        exists, else the subject line."""
        try:
            with translation.override(self.language):
                text = render_to_string(f"emails/{self.template}_short.txt", self.full_context())
            return " ".join(text.split())
        except TemplateDoesNotExist:
            return self.render_subject_and_body()[0]


class Channel:
    """The interface every channel adapter implements."""

    name: str = ""

    def recipient(self, user) -> str:
        """The address for ``user`` on this channel, or "" when they cannot receive it."""
        raise NotImplementedError

    def deliver(self, message: Message, *, recipient: str, subject: str, body: str) -> None:
        """Hand the message to the provider (called after commit)."""
        raise NotImplementedError

    def send(self, message: Message) -> bool:
        """Record and deliver ``message``; False when already sent (same key) or the
        person cannot receive it on this channel."""
        from .models import OutboxMessage

        recipient = self.recipient(message.user)
        if not recipient:
            return False
        subject, body = self.render(message)
        try:
            with transaction.atomic():
                OutboxMessage.objects.create(
                    channel=self.name,
                    recipient=recipient,
                    user=message.user,
                    subject=subject[:255],
                    body=body,
                    key=message.key[:200],
                )
        except IntegrityError:
            return False  # sent before under the same key
        transaction.on_commit(
            partial(self.deliver, message, recipient=recipient, subject=subject, body=body)
        )
        return True

    def render(self, message: Message) -> tuple[str, str]:
        return message.render_subject_and_body()


class OutboxChannel(Channel):
    """Keeps messages in the outbox table only (development and tests)."""

    name = "outbox"

    def recipient(self, user) -> str:
        return user.email

    def deliver(self, message, *, recipient, subject, body) -> None:
        return None


class EmailChannel(Channel):
    name = NotificationChannel.EMAIL.value

    def recipient(self, user) -> str:
        return user.email if user.is_active else ""

    def deliver(self, message, *, recipient, subject, body) -> None:
        from django_q.tasks import async_task

        from .emails import new_email_key

        async_task(
            "semilla.tasks.send_email",
            to=recipient,
            template=message.template,
            context=message.full_context(),
            language=message.language,
            attachments=list(message.attachments),
            key=new_email_key(),
        )


class _PhoneChannel(Channel):
    """Short text to a mobile number, for people who opted in to this channel."""

    setting_name = ""

    def recipient(self, user) -> str:
        from .models import NotificationSettings

        prefs = NotificationSettings.objects.filter(user=user).first()
        if prefs is None or not prefs.phone or not getattr(prefs, self.name):
            return ""
        return prefs.phone

    def render(self, message: Message) -> tuple[str, str]:
        return "", message.render_short()

    def deliver(self, message, *, recipient, subject, body) -> None:
        config = getattr(settings, self.setting_name, None) or {}
        if not config.get("URL"):
            return None  # no provider configured: the outbox row is the record
        from django_q.tasks import async_task

        async_task(
            "semilla.notifications.post_to_provider",
            url=config["URL"],
            token=config.get("TOKEN", ""),
            channel=self.name,
            to=recipient,
            text=body,
        )
        return None


class WhatsAppChannel(_PhoneChannel):
    name = NotificationChannel.WHATSAPP.value
    setting_name = "SEMILLA_WHATSAPP"


class SMSChannel(_PhoneChannel):
    name = NotificationChannel.SMS.value
    setting_name = "SEMILLA_SMS"


def post_to_provider(*, url: str, token: str, channel: str, to: str, text: str) -> None:
    """Task: POST ``{"channel", "to", "text"}`` to a provider gateway. Raises on failure
    so the task is retried."""
    if not url.startswith("https://") and not settings.DEBUG:
        raise ValueError("Notification providers must use HTTPS.")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=json.dumps({"channel": channel, "to": to, "text": text}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        if response.status >= 300:
            raise RuntimeError(f"{channel} provider answered {response.status}")


def get_channel(name: str) -> Channel:
    adapters = {**DEFAULT_ADAPTERS, **getattr(settings, "SEMILLA_NOTIFICATION_ADAPTERS", {})}
    return import_string(adapters[name])()


def enabled_channels() -> list[Channel]:
    names = getattr(settings, "SEMILLA_NOTIFICATION_CHANNELS", [NotificationChannel.EMAIL])
    return [get_channel(str(name)) for name in names]


def notify(
    *,
    user,
    template: str,
    context: dict | None = None,
    key: str = "",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> list[str]:
    """Send ``template`` to ``user`` through every enabled channel they can receive.
    Returns the names of the channels that accepted it (not sent before under ``key``)."""
    message = Message(
        user=user,
        template=template,
        context=context or {},
        key=key,
        attachments=list(attachments or []),
    )
    return [channel.name for channel in enabled_channels() if channel.send(message)]
