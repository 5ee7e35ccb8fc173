"""Reads of the outcomes app, each with a constant number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from cohorts.enums import ParticipantStatus
from curriculum.models import default_locale
from semilla.models import User
from semilla.privacy import has_consent

from .enums import AlumniStatus, InvitationKind, InvitationStatus, ResponseStatus
from .models import (
    AlumniEvent,
    AlumniInvitation,
    Alumnus,
    Response,
    StoryConsent,
    StoryIndexPage,
    StoryPage,
    Wave,
)


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


def alumnus_for(*, user: User) -> Alumnus | None:
    return Alumnus.objects.filter(user=user).first()


def alumni_directory(*, city: str = "") -> list[Alumnus]:
    """Listed cards only; nothing but the card's own fields is read."""
    queryset = Alumnus.objects.filter(listed=True).only(
        "business_name", "city", "sector", "offers", "seeks", "since"
    )
    if city:
        queryset = queryset.filter(city=city)
    return list(queryset.order_by("business_name", "pk")[:200])


# --- consents, stories, invitations -----------------------------------------------------------


def consents_for(*, user: User) -> dict:
    """What the person has consented to (story, directory card, research use). Two
    queries: the story consents and the research authorisation."""

    story = StoryConsent.objects.filter(user=user, withdrawn_at__isnull=True).first()
    return {
        "story": story,
        "research": has_consent(user=user, purpose="research"),
    }


def story_consent_history(*, user: User) -> list[StoryConsent]:
    return list(StoryConsent.objects.filter(user=user).order_by("-given_at", "-pk")[:20])


def stories_for_staff() -> list[StoryPage]:
    """Every story page (all languages) with whether its person's consent is active, the
    ones lacking it first. One query."""
    active = StoryConsent.objects.filter(
        user__alumnus=OuterRef("alumnus_id"), withdrawn_at__isnull=True
    )
    return list(
        StoryPage.objects.select_related("alumnus__user", "locale")
        .annotate(has_consent=Exists(active))
        .order_by("has_consent", "-latest_revision_created_at", "pk")
    )


def story_answers_for_staff() -> list[Response]:
    """Survey answers with a story the person agreed to publish and no page made from them
    yet (staff pick one to turn into a page). One query."""
    made = StoryPage.objects.filter(source_answer=OuterRef("pk"))
    return list(
        Response.objects.filter(story_consent=True)
        .exclude(story="")
        .annotate(has_page=Exists(made))
        .filter(has_page=False)
        .select_related("participant__user", "participant__cohort", "wave")
        .order_by("-answered_at", "pk")[:100]
    )


def story_index() -> StoryIndexPage | None:
    """The stories index in the default language (where new pages are made)."""

    return StoryIndexPage.objects.filter(locale=default_locale()).first()


def invitations_for(*, user: User) -> list[AlumniInvitation]:
    """The person's invitations, the newest first, with their events. One query."""
    return list(
        AlumniInvitation.objects.filter(alumnus__user=user)
        .select_related("event")
        .order_by("-invited_at", "-pk")
    )


def invitation_get_for(*, user: User, pk: int) -> AlumniInvitation | None:
    return (
        AlumniInvitation.objects.filter(alumnus__user=user, pk=pk)
        .select_related("event", "alumnus")
        .first()
    )


def alumni_to_invite(*, cohort_id: int | None, city: str, sector: str) -> list[Alumnus]:
    """Alumni matching the console's filters (not the inactive ones). One query."""
    queryset = Alumnus.objects.exclude(status=AlumniStatus.INACTIVE)
    if cohort_id:
        queryset = queryset.filter(cohort_id=cohort_id)
    if city:
        queryset = queryset.filter(city=city)
    if sector:
        queryset = queryset.filter(sector=sector)
    return list(queryset.select_related("user", "cohort").order_by("user__full_name", "pk"))


def event_get(*, pk: int) -> AlumniEvent | None:
    return AlumniEvent.objects.filter(pk=pk).first()


def invitation_answers(*, event: AlumniEvent | None) -> dict:
    """The answers to an event (or, with ``event=None``, to the invitations to mentor):
    the people and the counts per answer. Two queries."""
    if event is None:
        queryset = AlumniInvitation.objects.filter(kind=InvitationKind.MENTOR)
    else:
        queryset = AlumniInvitation.objects.filter(event=event)
    counts = dict.fromkeys(InvitationStatus.values, 0)
    for row in queryset.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    rows = list(
        queryset.select_related("alumnus__user", "alumnus__cohort").order_by(
            "status", "alumnus__user__full_name", "pk"
        )
    )
    return {"counts": counts, "rows": rows}


def events_for_staff() -> QuerySet[AlumniEvent]:
    return AlumniEvent.objects.annotate(
        invited=Count("invitations"),
        declined=Count("invitations", filter=Q(invitations__status=InvitationStatus.DECLINED)),
    ).order_by("-starts_at", "pk")
