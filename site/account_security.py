"""Account security glue: who may receive security codes, and the record of primary
e-mail changes that decides it.

A live session cannot redirect a payout-details code any more: changing the e-mail address
needs a recent re-authentication (semilla.middleware), the old address is told by allauth
(``ACCOUNT_EMAIL_NOTIFICATIONS``), and an address that became primary less than
``SEMILLA_SECURITY_CODE_COOLING_OFF`` ago receives no code: the change waits for a staff
member's confirmation instead (pitchday's console)."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from .models import PrimaryEmailChange
from .notifications import notify

DEFAULT_COOLING_OFF = timedelta(hours=72)


def cooling_off() -> timedelta:
    return getattr(settings, "SEMILLA_SECURITY_CODE_COOLING_OFF", DEFAULT_COOLING_OFF)


def security_code_address(user) -> str | None:
    """The address that may receive security codes for ``user``: their verified primary
    address when it has been primary for the cooling-off period (or since the account was
    created); None otherwise (the change then waits for staff confirmation)."""

    primary = EmailAddress.objects.filter(user=user, primary=True, verified=True).first()
    if primary is None or primary.email.lower() != (user.email or "").lower():
        return None
    last_change = PrimaryEmailChange.objects.filter(user=user).order_by("-changed_at").first()
    if last_change is not None and timezone.now() - last_change.changed_at < cooling_off():
        return None
    return primary.email


def record_primary_email_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of the user: a changed ``email`` on an existing account starts the
    cooling-off period."""
    if raw or instance.pk is None or (update_fields is not None and "email" not in update_fields):
        return
    previous = type(instance).objects.filter(pk=instance.pk).values_list("email", flat=True)
    old = next(iter(previous), None)
    if old is not None and old.lower() != (instance.email or "").lower():
        PrimaryEmailChange.objects.create(user=instance, previous_email=old)


def notify_previous_address(*, user, change: str) -> bool:
    """Tell the address that was primary before a change made during the cooling-off period
    (``change``: what changed, in words for the person) that something changed on their
    account. Sent after commit by the project's e-mail task. False when there is no recent
    address change (the code or notice then goes to the primary address as usual)."""

    last_change = PrimaryEmailChange.objects.filter(user=user).order_by("-changed_at").first()
    if (
        last_change is None
        or not last_change.previous_email
        or timezone.now() - last_change.changed_at >= cooling_off()
    ):
        return False
    notify(
        user=user,
        kind="security",
        to=last_change.previous_email,
        template="semilla/account_change_notice",
        context={"change": change},
    )
    return True
