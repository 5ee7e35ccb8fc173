"""Reads of the privacy package, scoped to who asks, with a constant number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from ..models import ConsentRecord, User
from .enums import DataRequestStatus
from .models import DataExport, DataRequest, PrivacyPolicyPage


def policy_versions(*, page: PrivacyPolicyPage) -> list[dict]:
    """The versions a policy page has been published under (newest first), from its
    revisions: one query."""
    seen: dict[str, dict] = {}
    revisions = page.revisions.order_by("-created_at").values("content", "created_at")
    for revision in revisions:
        version = (revision["content"] or {}).get("version")
        if version and version not in seen:
            seen[version] = {
                "version": version,
                "published_at": revision["created_at"],
                "effective_on": (revision["content"] or {}).get("effective_on"),
            }
    return list(seen.values())


def live_policy_page(*, language: str | None = None) -> PrivacyPolicyPage | None:
    pages = PrivacyPolicyPage.objects.live().select_related("locale")
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            page = pages.filter(locale=locale).first()
            if page is not None:
                return page
    return pages.first()


def consents_for(*, user: User) -> QuerySet[ConsentRecord]:
    return ConsentRecord.objects.filter(user=user).order_by("-given_at", "-pk")


def data_requests_for(*, user: User) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(user=user).order_by("-received_at", "-pk")


def data_exports_for(*, user: User) -> QuerySet[DataExport]:
    return DataExport.objects.filter(user=user).order_by("-created_at", "-pk")[:5]


def open_data_requests() -> QuerySet:
    return (
        DataRequest.objects.filter(
            status__in=[DataRequestStatus.RECEIVED, DataRequestStatus.IN_PROGRESS]
        )
        .select_related("user")
        .order_by("due_on", "pk")
    )


def consent_records_for_staff(
    *,
    purpose: str = "",
    state: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    search: str = "",
) -> QuerySet:
    """Everyone's authorisations for data-protection staff, newest first, with the person
    and whoever recorded them (one query per page, whatever the number of rows).

    ``state``: ``"active"`` (granted, not withdrawn) or ``"withdrawn"``. The date range
    applies to when the authorisation was given, or to when it was withdrawn when only
    withdrawn ones are asked for. ``search``: a person id, or part of a name or e-mail."""

    queryset = ConsentRecord.objects.select_related("user", "recorded_by").order_by(
        "-given_at", "-pk"
    )
    if purpose:
        queryset = queryset.filter(purpose=purpose)
    if state == "active":
        queryset = queryset.filter(revoked_at__isnull=True)
    elif state == "withdrawn":
        queryset = queryset.filter(revoked_at__isnull=False)
    field = "revoked_at" if state == "withdrawn" else "given_at"
    zone = timezone.get_current_timezone()
    if date_from:
        start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=zone)
        queryset = queryset.filter(**{f"{field}__gte": start})
    if date_to:
        end = datetime.datetime.combine(
            date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        queryset = queryset.filter(**{f"{field}__lt": end})
    search = search.strip()
    if search:
        if search.lstrip("#").isdigit():
            queryset = queryset.filter(user_id=int(search.lstrip("#")))
        else:
            queryset = queryset.filter(
                Q(user__full_name__icontains=search)
                | Q(user__preferred_name__icontains=search)
                | Q(user__email__icontains=search)
            )
    return queryset
