"""Personal-data rights under Colombia's Law 1581 of 2012 and Decree 1377 of 2013.

The public helpers other apps use live here:

- ``consent_record``, ``consent_revoke``, ``has_consent``: authorisations (purpose, policy
  version, time, channel), revocable.
- ``audit_access``: call it whenever staff look at sensitive data (nationality, migration
  status, identity documents, payout details); it records who, when, what and why, never
  the value, and raises an alert on bulk access.

The rest of the package: ``registry`` (every model that holds personal data and how to find
a person's rows), ``services`` (export, erasure, requests, retention), ``business_days``
(legal deadlines), ``views`` ("My data"), ``admin_views`` (staff console screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..enums import ConsentChannel, ConsentPurpose

if TYPE_CHECKING:
    from ..models import ConsentRecord, User
    from .audit import audit_access

__all__ = ["audit_access", "consent_record", "consent_revoke", "has_consent"]


@transaction.atomic
def consent_record(
    *,
    user: User,
    purpose: ConsentPurpose | str,
    channel: ConsentChannel | str = ConsentChannel.WEB,
    recorded_by: User | None = None,
    policy_version: str | None = None,
) -> ConsentRecord:
    """Record an authorisation (idempotent for an active one of the same purpose and
    policy version)."""
    # cycle: semilla.models -> semilla.privacy
    from ..models import ConsentRecord

    version = policy_version or settings.PRIVACY_POLICY_VERSION
    existing = ConsentRecord.objects.filter(
        user=user, purpose=str(purpose), policy_version=version, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    return ConsentRecord.objects.create(
        user=user,
        purpose=str(purpose),
        policy_version=version,
        channel=str(channel),
        recorded_by=recorded_by,
    )


@transaction.atomic
def consent_revoke(*, user: User, purpose: ConsentPurpose | str) -> int:
    # cycle: semilla.models -> semilla.privacy
    from ..models import ConsentRecord

    return ConsentRecord.objects.filter(
        user=user, purpose=str(purpose), revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def has_consent(*, user: User, purpose: ConsentPurpose | str) -> bool:
    # cycle: semilla.models -> semilla.privacy
    from ..models import ConsentRecord

    return ConsentRecord.objects.filter(
        user=user, purpose=str(purpose), revoked_at__isnull=True
    ).exists()


def __getattr__(name: str):
    """``audit_access`` is ``semilla.privacy.audit.audit_access``, imported on first use:
    record that ``actor`` saw ``fields`` (names, never values) of ``subject`` (a user, a
    user id, or an iterable of either for a list or an export) for ``reason``."""
    if name == "audit_access":
        # cycle: semilla.privacy.audit -> semilla.privacy
        from .audit import audit_access

        return audit_access
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
