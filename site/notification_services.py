"""Writes behind messages: a person's mobile number and its one-time code, their choice of
channel per kind of message (with the consent it needs), STOP replies, delivery statuses
reported by the provider, and the notification centre's "read" marks."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import (
    CONFIGURABLE_KINDS,
    DELIVERY,
    ConsentPurpose,
    DeliveryChoice,
    DeliveryStatus,
)
from .models import Notification, NotificationPreference, NotificationSettings, OutboxMessage
from .notification_selectors import adjust_unread_count
from .notifications import send_phone_code
from .phones import InvalidPhone, normalize_phone
from .privacy import consent_record, consent_revoke
from .transitions import transition
from .twilio_provider import UNREACHABLE_CODES

if TYPE_CHECKING:
    from .models import User

CODE_TTL = timedelta(minutes=10)
CODE_MAX_ATTEMPTS = 5
PHONE_CHANNELS = (DeliveryChoice.WHATSAPP, DeliveryChoice.SMS)
CONSENT_PURPOSE = {
    DeliveryChoice.WHATSAPP: ConsentPurpose.WHATSAPP,
    DeliveryChoice.SMS: ConsentPurpose.SMS,
}
#: Order of the delivery statuses: a callback never moves a message back.
STATUS_RANK = {
    DeliveryStatus.QUEUED: 0,
    DeliveryStatus.RETRYING: 0,
    DeliveryStatus.KEPT: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.READ: 3,
    DeliveryStatus.UNDELIVERED: 4,
    DeliveryStatus.FAILED: 4,
}


class MessagingError(Exception):
    """A person-facing refusal (the message is translated)."""


def _settings_locked(user: User) -> NotificationSettings:
    NotificationSettings.objects.get_or_create(user=user)
    return NotificationSettings.objects.select_for_update().get(user=user)


@transaction.atomic(durable=True)
def phone_start(*, user: User, phone: str) -> NotificationSettings:
    """Store ``phone`` (normalised to E.164) and send a one-time code to it by SMS. A new
    number is unconfirmed until the code comes back (``phone_confirm``)."""

    try:
        e164 = normalize_phone(phone)
    except InvalidPhone as exc:
        raise MessagingError(
            _("Enter a Colombian or Venezuelan mobile number, e.g. +57 300 123 4567.")
        ) from exc
    prefs = _settings_locked(user)
    if prefs.phone != e164:
        prefs.phone = e164
        prefs.phone_confirmed_at = None
        prefs.stopped_at = None
        prefs.unreachable_at = None
    code = f"{secrets.randbelow(1_000_000):06d}"
    prefs.code_hash = make_password(code)
    prefs.code_expires_at = timezone.now() + CODE_TTL
    prefs.code_attempts = 0
    prefs.save()
    send_phone_code(user=user, phone=e164, code=code)
    return prefs


def phone_confirm(*, user: User, code: str) -> NotificationSettings:
    """Confirm the number with its code. A wrong code is counted (committed) before the
    error is raised, so guessing stops after ``CODE_MAX_ATTEMPTS``."""
    prefs, error = _phone_confirm(user=user, code=code)
    if error:
        raise MessagingError(error)
    return prefs


@transaction.atomic(durable=True)
def _phone_confirm(*, user: User, code: str) -> tuple[NotificationSettings, str]:
    prefs = _settings_locked(user)
    if not prefs.phone or not prefs.code_hash:
        return prefs, _("Ask for a code first.")
    if prefs.code_attempts >= CODE_MAX_ATTEMPTS:
        return prefs, _("Too many wrong codes. Ask for a new code.")
    if prefs.code_expires_at is None or prefs.code_expires_at < timezone.now():
        return prefs, _("The code expired. Ask for a new code.")
    if not check_password(code.strip(), prefs.code_hash):
        prefs.code_attempts += 1
        prefs.save(update_fields=["code_attempts"])
        return prefs, _("That code is not right. Check the SMS and try again.")
    prefs.phone_confirmed_at = timezone.now()
    prefs.code_hash = ""
    prefs.code_expires_at = None
    prefs.code_attempts = 0
    prefs.save()
    return prefs, ""


@transaction.atomic(durable=True)
def phone_remove(*, user: User) -> NotificationSettings:
    """Forget the number: phone messages stop (they fall back to e-mail)."""

    prefs = _settings_locked(user)
    prefs.phone = ""
    prefs.phone_confirmed_at = None
    prefs.code_hash = ""
    prefs.code_expires_at = None
    prefs.whatsapp = prefs.sms = False
    prefs.save()
    for purpose in CONSENT_PURPOSE.values():
        consent_revoke(user=user, purpose=purpose)
    return prefs


@transaction.atomic(durable=True)
def preferences_save(*, user: User, choices: dict[str, str]) -> dict[str, str]:
    """Save the channel chosen for each configurable kind of message. WhatsApp and SMS
    need a confirmed number; turning one on records the consent (with the version of its
    text), turning it off everywhere revokes it."""

    prefs = _settings_locked(user)
    wanted = {str(k): str(choices.get(k, DeliveryChoice.EMAIL)) for k in CONFIGURABLE_KINDS}
    uses = {channel: channel in wanted.values() for channel in PHONE_CHANNELS}
    if any(uses.values()) and (prefs.phone_confirmed_at is None or not prefs.phone):
        raise MessagingError(_("Confirm your mobile number before choosing WhatsApp or SMS."))
    for kind, channel in wanted.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"channel": channel}
        )
    for channel, used in uses.items():
        purpose = CONSENT_PURPOSE[channel]
        if used:
            consent_record(
                user=user,
                purpose=purpose,
                policy_version=settings.SEMILLA_MESSAGING_CONSENT_VERSION,
            )
        elif getattr(prefs, channel):
            consent_revoke(user=user, purpose=purpose)
        setattr(prefs, channel, used)
    if any(uses.values()):
        prefs.stopped_at = None  # choosing a phone channel again undoes an old STOP
    prefs.save(update_fields=["whatsapp", "sms", "stopped_at"])
    return wanted


@transaction.atomic(durable=True)
def phone_stop(*, phone: str, now: datetime | None = None) -> int:
    """A STOP reply from ``phone``: every account with that number stops getting WhatsApp
    and SMS at once, and their consents are revoked. Returns the number of accounts."""

    now = now or timezone.now()
    rows = list(NotificationSettings.objects.select_for_update().filter(phone=phone))
    for prefs in rows:
        prefs.whatsapp = prefs.sms = False
        prefs.stopped_at = now
        prefs.save(update_fields=["whatsapp", "sms", "stopped_at"])
        for purpose in CONSENT_PURPOSE.values():
            consent_revoke(user=prefs.user, purpose=purpose)
    return len(rows)


TWILIO_STATUSES = {
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "undelivered": DeliveryStatus.UNDELIVERED,
    "failed": DeliveryStatus.FAILED,
}


@transaction.atomic(durable=True)
def delivery_status_record(*, provider_id: str, status: str, error_code: str = "") -> bool:
    """Record a status the provider reported for one message. Replays and statuses that
    arrive late (``delivered`` after ``read``) change nothing; a number the provider says
    does not exist is marked unreachable (its messages fall back to e-mail). True when the
    status moved."""

    target = TWILIO_STATUSES.get(status)
    row = OutboxMessage.objects.select_for_update().filter(provider_id=provider_id).first()
    if target is None or row is None:
        return False
    if STATUS_RANK[DeliveryStatus(row.status)] >= STATUS_RANK[target]:
        return False
    fields: dict[str, object] = {"status_at": timezone.now()}
    if error_code:
        fields["error"] = f"Twilio {error_code[:16]}"  # as the provider's documentation names it
    transition(row, machine=DELIVERY, to=target, fields=fields, locked=True)
    if error_code.isdigit() and int(error_code) in UNREACHABLE_CODES:
        NotificationSettings.objects.filter(phone=row.recipient).update(
            unreachable_at=timezone.now()
        )
    return True


@transaction.atomic(durable=True)
def notification_mark_read(*, user: User, notification_id: int) -> int:
    """Mark one of ``user``'s notifications as read (someone else's: nothing, 0)."""
    changed = Notification.objects.filter(
        user=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())
    adjust_unread_count(user_id=user.pk, delta=-changed)
    return changed


@transaction.atomic(durable=True)
def notifications_mark_all_read(*, user: User) -> int:
    changed = Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    adjust_unread_count(user_id=user.pk, delta=-changed)
    return changed
