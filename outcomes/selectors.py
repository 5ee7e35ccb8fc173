"""Reads of the outcomes app, each with a constant number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from cohorts.enums import ParticipantStatus

from .enums import ResponseStatus
from .models import Alumnus, Response, Wave


def response_for_link(*, response_id: int, wave_id: int, user_id: int) -> Response | None:
    """The answer a signed link names, only if the wave and the person match too."""
    return (
        Response.objects.select_related(
            "wave__cohort", "participant__user", "participant__application"
        )
        .filter(pk=response_id, wave_id=wave_id, participant__user_id=user_id)
        .first()
    )


def initial_for(*, response: Response) -> dict:
    """What a follow-up form starts from: the document the person last told us about (or
    their application's), so they only change it when it changed. One query."""
    if response.document_type:
        return {}
    previous = (
        Response.objects.filter(
            participant_id=response.participant_id, status=ResponseStatus.ANSWERED
        )
        .exclude(document_type="")
        .order_by("-answered_at")
        .values_list("document_type", flat=True)
        .first()
    )
    return {"document_type": previous or response.participant.application.document_type}


def response_rates(*, today: datetime.date | None = None) -> list[dict]:
    """Per cohort and wave: people asked, answered (by themselves / by phone), late, and
    the response rate. One query."""
    today = today or timezone.localdate()
    rows = (
        Wave.objects.select_related("cohort")
        .annotate(
            asked=Count("responses"),
            answered=Count("responses", filter=Q(responses__status=ResponseStatus.ANSWERED)),
            by_phone=Count("responses", filter=Q(responses__channel="phone")),
            late=Count(
                "responses",
                filter=Q(
                    responses__status=ResponseStatus.ANSWERED,
                    responses__answered_at__date__gt=F("due_on"),
                ),
            ),
        )
        .order_by("-cohort__starts_on", "cohort__name", "opens_on")
    )
    return [
        {
            "wave": wave,
            "asked": wave.asked,
            "answered": wave.answered,
            "by_phone": wave.by_phone,
            "late": wave.late,
            "rate": round(100 * wave.answered / wave.asked) if wave.asked else None,
            "is_open": wave.opens_on <= today <= wave.closes_on,
        }
        for wave in rows
    ]


def non_respondents(*, wave: Wave) -> QuerySet[Response]:
    """The pending answers of a wave, with the person (for chasing and phone entry)."""
    return (
        Response.objects.filter(wave=wave, status=ResponseStatus.PENDING)
        .exclude(participant__status=ParticipantStatus.WITHDRAWN)
        .select_related("participant__user", "participant__application")
        .order_by("participant__user__full_name", "pk")
    )


def wave_get(*, pk: int) -> Wave | None:
    return Wave.objects.select_related("cohort").filter(pk=pk).first()


def response_get_for_staff(*, pk: int) -> Response | None:
    return (
        Response.objects.select_related(
            "wave__cohort", "participant__user", "participant__application"
        )
        .filter(pk=pk)
        .first()
    )


def alumnus_get_for_staff(*, pk: int) -> Alumnus | None:
    return Alumnus.objects.select_related("user", "cohort").filter(pk=pk).first()


def alumnus_for(*, user) -> Alumnus | None:
    return Alumnus.objects.filter(user=user).first()


def alumni_directory(*, city: str = "") -> list[Alumnus]:
    """Listed cards only; nothing but the card's own fields is read."""
    queryset = Alumnus.objects.filter(listed=True).only(
        "business_name", "city", "sector", "offers", "seeks", "since"
    )
    if city:
        queryset = queryset.filter(city=city)
    return list(queryset.order_by("business_name", "pk")[:200])
