"""The staff access audit: who looked at which person's sensitive data, when and why
(never the value), and the alert on bulk access."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from ..models import User
from ..notifications import notify
from . import conf
from .models import AccessAudit, BulkAccessAlert


def _subject_ids(subject) -> list[int]:
    if subject is None:
        return []
    if isinstance(subject, int):
        return [subject]
    if hasattr(subject, "pk"):
        return [subject.pk]
    if isinstance(subject, Iterable):
        ids: list[int] = []
        for item in subject:
            ids.extend(_subject_ids(item))
        return list(dict.fromkeys(ids))
    raise TypeError(f"not a person: {subject!r}")


def data_protection_staff():
    """Who handles data rights: members of the data_protection group (or anyone holding
    semilla.view_access_audit) and superusers."""

    perm = Q(codename="view_access_audit", content_type__app_label="semilla")

    perms = Permission.objects.filter(perm)
    return (
        User.objects.filter(
            Q(is_superuser=True) | Q(groups__permissions__in=perms) | Q(user_permissions__in=perms),
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def audit_access(
    *,
    actor,
    subject,
    fields,
    reason: str,
    model: str = "",
    object_id: str | int = "",
    path: str = "",
):
    """Write one AccessAudit row per person seen; then check the actor's last hour."""

    ids = _subject_ids(subject)
    if not ids:
        return []
    now = timezone.now()
    rows = [
        AccessAudit(
            actor=actor,
            subject_id=pk,
            model=model,
            object_id=str(object_id),
            fields=sorted({str(f) for f in fields}),
            reason=reason[:200],
            path=path[:255],
            created_at=now,
        )
        for pk in ids
    ]
    created = AccessAudit.objects.bulk_create(rows)  # one statement: all rows or none
    if actor is not None:
        check_bulk_access(actor=actor, now=now)
    return created


def check_bulk_access(*, actor, now: datetime.datetime | None = None):
    """Alert data-protection staff (once per hour and person) when ``actor`` opened more
    than the threshold of different people's records within the last hour."""

    now = now or timezone.now()
    start = now - datetime.timedelta(hours=1)
    threshold = conf.bulk_access_threshold()
    # one query, whatever the number of people seen and whether an alert went out already
    # (so a page that audits its rows runs the same number of queries for 10 and 1,000)
    recent = (
        AccessAudit.objects.filter(actor=OuterRef("pk"), created_at__gt=start)
        .order_by()
        .values("actor")
        .annotate(people=Count("subject_id", distinct=True))
        .values("people")
    )
    people, alerted = (
        get_user_model()
        .objects.filter(pk=actor.pk)
        .annotate(
            people=Subquery(recent[:1]),
            alerted=Exists(
                BulkAccessAlert.objects.filter(actor=OuterRef("pk"), created_at__gt=start)
            ),
        )
        .values_list("people", "alerted")
        .get()
    )
    people = people or 0
    if people <= threshold or alerted:
        return None
    with transaction.atomic():
        return _raise_bulk_alert(
            actor=actor, start=start, now=now, people=people, threshold=threshold
        )


def _raise_bulk_alert(*, actor, start, now, people: int, threshold: int):
    alert = BulkAccessAlert.objects.create(
        actor=actor, window_start=start, window_end=now, people=people
    )
    for recipient in data_protection_staff():
        notify(
            user=recipient,
            template="privacy/bulk_access_alert",
            context={
                "actor": actor.get_full_name(),
                "people": people,
                "threshold": threshold,
                "alert_id": alert.pk,
                "when": now.isoformat(),
            },
        )
    return alert
