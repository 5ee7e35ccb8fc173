"""One way to tell a person something: ``notify(user=..., template=..., context=..., key=...,
kind=...)``. Nothing else in the code base queues an e-mail or a text message (a guard test,
tests/semilla/test_notify_chokepoint.py, scans the code for direct calls).

What happens to one message depends on its ``kind`` (:class:`~semilla.enums.MessageKind`,
derived from the template name when not given):

- **security** (codes, the notice to a previous address, e-mail confirmation): e-mail only,
  to ``to`` when given (else the account's address), never skipped by preferences, never by
  SMS or WhatsApp, never kept in the notification centre, and its body is not kept in the
  outbox (a code must not sit in a table);
- **account** (privacy and account notices, staff alerts): e-mail and the notification centre;
- **reminder, application, mentoring, grant**: the notification centre, plus the channel the
  person chose for that kind (``NotificationPreference``: e-mail, WhatsApp, SMS or only the
  centre). WhatsApp and SMS need a confirmed number, the person's opt-in, no STOP and a
  number that still works; otherwise the message falls back to e-mail.

Each channel is an adapter behind the same interface (:class:`Channel`):

- :class:`EmailChannel` renders ``templates/emails/<template>_*`` in the recipient's language
  and time zone (see "Language, time zone and links" below) and sends through ``semilla.tasks.send_email`` (a retried background task);
- :class:`WhatsAppChannel` and :class:`SMSChannel` send through Twilio (``semilla.twilio``):
  WhatsApp with the pre-approved template of the kind in the recipient's language, SMS as the
  short text. Without Twilio credentials (development, demo) the message is only logged and
  kept in the outbox with the status "kept";
- :class:`OutboxChannel` only records the message (tests).

Every channel first writes an :class:`~semilla.models.OutboxMessage` row. With a ``key``
(e.g. ``"reminder-24h:booking-12"``) that row is unique per channel, and the centre entry is
unique per person, so the same notification is never sent twice, even if a task runs twice.
Delivery happens after the surrounding transaction commits.

Language, time zone and links: every rendering of a message (subject, body, short text)
happens here, under the RECIPIENT's language (``translation.override``) and time zone
(``timezone.override``: the person's zone setting, else their city's, else Bogotá's, see
``semilla.timezones.default_timezone``), whoever triggered it. So a template shows a moment
with the date filters (``{{ deadline|moment }}``, ``{{ starts_on|day }}`` from
``semilla_tags``: an ISO string from a task's JSON context is read too), never as it came.
Links are absolute and in the recipient's language: ``{% link "app:name" args %}`` in a
template, and a ``url`` or ``link`` path given in the context is moved to the recipient's
language by :func:`absolute_link`'s rule (``/es/...`` becomes ``/en/...`` for an English
reader). The context also carries ``LANGUAGE_CODE``/``lang`` (the recipient's language) and
``time_zone`` (their zone's name).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_q.models import Schedule
from django_q.tasks import async_task, schedule

from . import twilio_provider as provider
from .emails import new_email_key, render_email
from .enums import (
    CONFIGURABLE_KINDS,
    DELIVERY,
    DeliveryChoice,
    DeliveryStatus,
    MessageKind,
    NotificationChannel,
)
from .models import Notification, NotificationPreference, NotificationSettings, OutboxMessage
from .timezones import default_timezone
from .transitions import transition

logger = logging.getLogger(__name__)

DEFAULT_ADAPTERS = {
    NotificationChannel.EMAIL.value: "semilla.notifications.EmailChannel",
    NotificationChannel.WHATSAPP.value: "semilla.notifications.WhatsAppChannel",
    NotificationChannel.SMS.value: "semilla.notifications.SMSChannel",
    "outbox": "semilla.notifications.OutboxChannel",
}

#: Kind of the templates that do not say it themselves (first match of the name's start).
KIND_BY_TEMPLATE_PREFIX = (
    ("mentors/booking_reminder", MessageKind.REMINDER),
    ("mentors/session_log_nudge", MessageKind.REMINDER),
    ("mentors/staff_", MessageKind.ACCOUNT),
    ("mentors/", MessageKind.MENTORING),
    ("cohorts/", MessageKind.APPLICATION),
    # the follow-up survey's reminder goes where the person wants reminders (its short text
    # carries the signed link)
    ("outcomes/survey_reminder", MessageKind.REMINDER),
    ("pitchday/payout_code", MessageKind.SECURITY),
    ("pitchday/payment_failed", MessageKind.ACCOUNT),
    ("pitchday/judge_invited", MessageKind.ACCOUNT),
    ("pitchday/results_published", MessageKind.APPLICATION),
    ("pitchday/", MessageKind.GRANT),
    ("semilla/account_change_notice", MessageKind.SECURITY),
    ("semilla/phone_code", MessageKind.SECURITY),
)

#: Delays before each new attempt when the phone provider fails (then the message is marked
#: failed and staff see it in the console's list of messages).
PHONE_RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
]


def in_language(path: str, language: str) -> str:
    """``path`` (a path of ours, e.g. ``/es/mentores/``) as the same page in ``language``
    (``/en/mentores/``); a path without a language prefix (``/admin/...``) as it is."""
    if not path.startswith("/"):
        return path
    translated = translate_url(path, language)
    if translated != path:
        return translated
    for code, _name in settings.LANGUAGES:
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return f"/{language}{path[len(code) + 1 :]}"
    return path


def absolute_link(path: str, *, language: str) -> str:
    """The one way a message builds a link: the site's address and ``path`` in the
    recipient's ``language`` (see :func:`in_language`)."""
    return settings.SITE_URL.rstrip("/") + in_language(path, language)


def kind_for_template(template: str) -> MessageKind:
    for prefix, kind in KIND_BY_TEMPLATE_PREFIX:
        if template.startswith(prefix):
            return kind
    return MessageKind.ACCOUNT


@dataclass
class Message:
    """What to say to whom: a template name and its JSON-serialisable context."""

    user: object
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    kind: str = MessageKind.ACCOUNT
    to: str = ""

    @property
    def language(self) -> str:
        return getattr(self.user, "language", "") or settings.LANGUAGE_CODE

    @property
    def zone(self) -> str:
        """The recipient's time zone: their setting, else their city's, else Bogotá's."""
        return default_timezone(self.user)

    def full_context(self) -> dict:
        """The caller's context, with the site's address, the recipient's language and
        zone, and its ``url``/``link`` paths moved to the recipient's language."""
        context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "time_zone": self.zone,
            **self.context,
            "LANGUAGE_CODE": self.language,
            "lang": self.language,
        }
        for key in ("url", "link"):
            value = context.get(key)
            if isinstance(value, str) and value.startswith("/"):
                context[key] = in_language(value, self.language)
        return context

    def render_subject_and_body(self) -> tuple[str, str]:
        subject, text, _html = render_email(
            self.template, self.full_context(), self.language, zone=self.zone
        )
        return subject, text

    def render_short(self) -> str:
        """The short text for WhatsApp, SMS and the notification centre:
        ``emails/<template>_short.txt`` if it exists, else the subject line."""
        try:
            with translation.override(self.language), timezone.override(self.zone):
                text = render_to_string(f"emails/{self.template}_short.txt", self.full_context())
            return " ".join(text.split())
        except TemplateDoesNotExist:
            return self.render_subject_and_body()[0]

    @property
    def url(self) -> str:
        """The page the message is about (the context's ``url``), for the centre's link."""
        value = str(self.context.get("url", "") or "")
        return in_language(value, self.language) if value.startswith("/") else ""


class Channel:
    """The interface every channel adapter implements."""

    name: str = ""

    def recipient(self, message: Message) -> str:
        """The address for the message on this channel, or "" when it cannot be received."""
        raise NotImplementedError

    def deliver(self, message: Message, *, outbox_id: int, recipient: str, subject: str, body: str):
        """Hand the message to the provider (called after commit)."""
        raise NotImplementedError

    def send(self, message: Message) -> bool:
        """Record and deliver ``message``; False when already sent (same key) or the
        person cannot receive it on this channel."""

        recipient = self.recipient(message)
        if not recipient:
            return False
        subject, body = self.render(message)
        try:
            with transaction.atomic():
                row = OutboxMessage.objects.create(
                    channel=self.name,
                    kind=str(message.kind),
                    recipient=recipient,
                    user=message.user,
                    subject=subject[:255],
                    # a security message's body (a code) is never kept
                    body="" if message.kind == MessageKind.SECURITY else body,
                    key=message.key[:200],
                )
        except IntegrityError:
            return False  # sent before under the same key
        transaction.on_commit(
            partial(
                self.deliver,
                message,
                outbox_id=row.pk,
                recipient=recipient,
                subject=subject,
                body=body,
            )
        )
        return True

    def render(self, message: Message) -> tuple[str, str]:
        return message.render_subject_and_body()


class OutboxChannel(Channel):
    """Keeps messages in the outbox table only (development and tests)."""

    name = "outbox"

    def recipient(self, message: Message) -> str:
        return message.to or message.user.email

    def deliver(self, message, *, outbox_id, recipient, subject, body) -> None:
        return None


class EmailChannel(Channel):
    name = NotificationChannel.EMAIL.value

    def recipient(self, message: Message) -> str:
        if message.to:
            return message.to
        return message.user.email if message.user.is_active else ""

    def deliver(self, message, *, outbox_id, recipient, subject, body) -> None:
        async_task(
            "semilla.tasks.send_email",
            to=recipient,
            template=message.template,
            context=message.full_context(),
            language=message.language,
            zone=message.zone,
            attachments=list(message.attachments),
            key=new_email_key(),
        )


class _PhoneChannel(Channel):
    """Short text to a confirmed mobile number, through Twilio."""

    def recipient(self, message: Message) -> str:
        prefs = NotificationSettings.objects.filter(user=message.user).first()
        if prefs is None or not prefs.reachable_by(self.name):
            return ""
        return prefs.phone

    def render(self, message: Message) -> tuple[str, str]:
        return "", message.render_short()

    def deliver(self, message, *, outbox_id, recipient, subject, body) -> None:
        if not provider.configured():
            logger.warning("%s to %s (no provider configured): %s", self.name, recipient, body)
            with transaction.atomic():
                row = OutboxMessage.objects.select_for_update().get(pk=outbox_id)
                transition(
                    row,
                    machine=DELIVERY,
                    to=DeliveryStatus.KEPT,
                    fields={"status_at": timezone.now()},
                    locked=True,
                )
            return None

        context = {
            "language": message.language,
            "url": message.full_context()["site_url"] + message.url if message.url else "",
        }
        if message.kind == MessageKind.SECURITY:
            context["body"] = body  # the outbox row does not keep a code
        async_task("semilla.notifications.send_phone_message", outbox_id=outbox_id, context=context)
        return None


class WhatsAppChannel(_PhoneChannel):
    name = NotificationChannel.WHATSAPP.value


class SMSChannel(_PhoneChannel):
    name = NotificationChannel.SMS.value


def send_phone_message(*, outbox_id: int, context: dict, attempt: int = 1) -> str:
    """Task: hand one WhatsApp/SMS outbox row to Twilio. A row that already has the
    provider's id (or is no longer queued) is never sent again. When the provider fails for
    a passing reason a new attempt is scheduled with growing delays; a number that does not
    exist (or opted out at the provider) fails at once and is marked unreachable."""

    with transaction.atomic():
        row = OutboxMessage.objects.select_for_update().filter(pk=outbox_id).first()
        if (
            row is None
            or row.provider_id
            or row.status
            not in (
                DeliveryStatus.QUEUED,
                DeliveryStatus.RETRYING,
            )
        ):
            return "already handled"
        row.attempts += 1
        try:
            sid = provider.send(
                channel=row.channel,
                to=row.recipient,
                body=context.get("body") or row.body,
                kind=row.kind,
                language=context.get("language", settings.LANGUAGE_CODE),
                url=context.get("url", ""),
            )
        except provider.PermanentFailure as exc:
            transition(
                row,
                machine=DELIVERY,
                to=DeliveryStatus.FAILED,
                fields={
                    "error": str(exc)[:255],
                    "attempts": row.attempts,
                    "status_at": timezone.now(),
                },
                locked=True,
            )
            if exc.unreachable:
                NotificationSettings.objects.filter(phone=row.recipient).update(
                    unreachable_at=timezone.now()
                )
            return "failed"
        except provider.PassingFailure as exc:
            retry = attempt <= len(PHONE_RETRY_DELAYS)
            transition(
                row,
                machine=DELIVERY,
                to=DeliveryStatus.RETRYING if retry else DeliveryStatus.FAILED,
                fields={
                    "error": str(exc)[:255],
                    "attempts": row.attempts,
                    "status_at": timezone.now(),
                },
                locked=True,
            )
            if retry:
                _schedule_phone_retry(outbox_id=outbox_id, context=context, attempt=attempt)
            return "retrying" if retry else "failed"
        transition(
            row,
            machine=DELIVERY,
            to=DeliveryStatus.SENT,
            fields={
                "provider_id": sid,
                "error": "",
                "attempts": row.attempts,
                "status_at": timezone.now(),
            },
            locked=True,
        )
    return "sent"


def _schedule_phone_retry(*, outbox_id: int, context: dict, attempt: int) -> None:
    schedule(
        "semilla.notifications.send_phone_message",
        outbox_id=outbox_id,
        context=context,
        attempt=attempt + 1,
        schedule_type=Schedule.ONCE,
        next_run=timezone.now() + PHONE_RETRY_DELAYS[attempt - 1],
    )


def send_phone_code(*, user, phone: str, code: str) -> bool:
    """Send the one-time code that confirms ``phone`` by SMS (the number is not confirmed
    yet, so this is the one message that does not follow the person's preferences).
    Recorded in the outbox without the code."""
    message = Message(
        user=user,
        template="semilla/phone_code",
        context={"code": code},
        kind=MessageKind.SECURITY,
    )
    return _PhoneCodeChannel(phone).send(message)


class _PhoneCodeChannel(SMSChannel):
    def __init__(self, phone: str):
        self.phone = phone

    def recipient(self, message: Message) -> str:
        return self.phone


def get_channel(name: str) -> Channel:
    adapters = {**DEFAULT_ADAPTERS, **getattr(settings, "SEMILLA_NOTIFICATION_ADAPTERS", {})}
    return import_string(adapters[name])()


def enabled_channel_names() -> list[str]:
    return [
        str(name)
        for name in getattr(settings, "SEMILLA_NOTIFICATION_CHANNELS", [NotificationChannel.EMAIL])
    ]


def _email_channel(enabled: list[str]) -> Channel | None:
    if NotificationChannel.EMAIL in enabled:
        return get_channel(NotificationChannel.EMAIL)
    if "outbox" in enabled:
        return get_channel("outbox")
    return None


def chosen_channel(*, user, kind: str) -> str:
    """The channel ``user`` chose for ``kind`` (e-mail when they chose nothing)."""

    if kind not in CONFIGURABLE_KINDS:
        return DeliveryChoice.EMAIL
    choice = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("channel", flat=True)
        .first()
    )
    return choice or DeliveryChoice.EMAIL


def centre_link(message: Message, body: str) -> str:
    """The page a notice in the centre opens: the context's ``url``, else the first address
    of ours in its e-mail (every notice whose e-mail links somewhere gets the same link in
    the bell, whether or not its caller thought to pass ``url``)."""
    if message.url:
        return message.url
    base = settings.SITE_URL.rstrip("/")
    found = re.search(re.escape(base) + r"(/[^\s<>\"')]*)", body)
    return found.group(1).rstrip(".,;:") if found else ""


def _record_in_centre(message: Message) -> None:
    title, body = message.render_subject_and_body()
    try:
        with transaction.atomic():
            Notification.objects.create(
                user=message.user,
                kind=str(message.kind),
                template=message.template,
                title=title[:255],
                text=message.render_short(),
                url=centre_link(message, body)[:300],
                key=message.key[:200],
            )
    except IntegrityError:
        pass  # recorded before under the same key


def notify(
    *,
    user,
    template: str,
    context: dict | None = None,
    key: str = "",
    attachments: list[tuple[str, bytes, str]] | None = None,
    kind: MessageKind | str | None = None,
    to: str = "",
) -> list[str]:
    """Tell ``user`` the message of ``template``: in the notification centre and through
    the channel chosen for its ``kind`` (see the module's docstring). ``to`` sends a
    security message to another address (the notice to a previous address). Returns the
    names of the channels that accepted it (not sent before under ``key``)."""
    kind = MessageKind(kind) if kind else kind_for_template(template)
    if to and kind != MessageKind.SECURITY:
        raise ValueError("Only security messages go to an address other than the account's.")
    message = Message(
        user=user,
        template=template,
        context=context or {},
        key=key,
        attachments=list(attachments or []),
        kind=kind,
        to=to,
    )
    enabled = enabled_channel_names()
    if kind == MessageKind.SECURITY:
        email = _email_channel(enabled)
        return [email.name] if email is not None and email.send(message) else []
    _record_in_centre(message)
    wanted = chosen_channel(user=user, kind=kind)
    if wanted == DeliveryChoice.CENTRE:
        return []
    if wanted in (DeliveryChoice.WHATSAPP, DeliveryChoice.SMS) and wanted in enabled:
        phone = get_channel(wanted)
        if phone.recipient(message):
            return [phone.name] if phone.send(message) else []
    email = _email_channel(enabled)  # chosen, or the fallback when the phone cannot be used
    if email is None:
        return []
    return [email.name] if email.send(message) else []
