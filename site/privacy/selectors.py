"""Reads of the privacy package, scoped to who asks, with a constant number of queries."""

from __future__ import annotations

from django.db.models import QuerySet

from .enums import DataRequestStatus


def policy_versions(*, page) -> list[dict]:
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


def live_policy_page(*, language: str | None = None):
    from wagtail.models import Locale

    from .models import PrivacyPolicyPage

    pages = PrivacyPolicyPage.objects.live().select_related("locale")
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            page = pages.filter(locale=locale).first()
            if page is not None:
                return page
    return pages.first()


def consents_for(*, user) -> QuerySet:
    from ..models import ConsentRecord

    return ConsentRecord.objects.filter(user=user).order_by("-given_at", "-pk")


def data_requests_for(*, user) -> QuerySet:
    from .models import DataRequest

    return DataRequest.objects.filter(user=user).order_by("-received_at", "-pk")


def data_exports_for(*, user) -> QuerySet:
    from .models import DataExport

    return DataExport.objects.filter(user=user).order_by("-created_at", "-pk")[:5]


def open_data_requests() -> QuerySet:
    from .models import DataRequest

    return (
        DataRequest.objects.filter(
            status__in=[DataRequestStatus.RECEIVED, DataRequestStatus.IN_PROGRESS]
        )
        .select_related("user")
        .order_by("due_on", "pk")
    )
