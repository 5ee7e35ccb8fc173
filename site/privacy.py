"""Consent under Law 1581 of 2012: recording and revoking authorisations."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .enums import ConsentChannel, ConsentPurpose
from .models import ConsentRecord, User


@transaction.atomic
def consent_record(*, user: User, purpose: ConsentPurpose | str,
                   channel: ConsentChannel | str = ConsentChannel.WEB,
                   recorded_by: User | None = None,
                   policy_version: str | None = None) -> ConsentRecord:
    """Record an authorisation (idempotent for an active one of the same purpose and
    policy version)."""
    version = policy_version or settings.PRIVACY_POLICY_VERSION
    existing = ConsentRecord.objects.filter(user=user, purpose=str(purpose),
                                            policy_version=version,
                                            revoked_at__isnull=True).first()
    if existing is not None:
        return existing
    return ConsentRecord.objects.create(user=user, purpose=str(purpose), policy_version=version,
                                        channel=str(channel), recorded_by=recorded_by)


@transaction.atomic
def consent_revoke(*, user: User, purpose: ConsentPurpose | str) -> int:
    return ConsentRecord.objects.filter(user=user, purpose=str(purpose),
                                        revoked_at__isnull=True).update(revoked_at=timezone.now())


def has_consent(*, user: User, purpose: ConsentPurpose | str) -> bool:
    return ConsentRecord.objects.filter(user=user, purpose=str(purpose),
                                        revoked_at__isnull=True).exists()
