"""Reads: scoped to a user, with the prefetching that keeps query counts constant."""

from dataclasses import dataclass

from django.db.models import QuerySet

from .enums import ParticipantStatus
from .models import Cohort, Participant


@dataclass(frozen=True)
class ParticipantProfile:
    """What matching needs to know about one participant."""

    participant_id: int
    user_id: int
    name: str
    city: str
    sector: str
    needs: tuple[str, ...]
    languages: tuple[str, ...]
    mode: str
    preferences: str


def participants_for_cohort(*, cohort: Cohort, active_only: bool = True) -> QuerySet[Participant]:
    qs = Participant.objects.filter(cohort=cohort).select_related("user", "application")
    if active_only:
        qs = qs.filter(status=ParticipantStatus.ACTIVE)
    return qs.order_by("user__full_name", "pk")


def participant_profiles_for_matching(*, cohort: Cohort) -> list[ParticipantProfile]:
    """Active participants of ``cohort`` with their needs and preferences (one query)."""
    profiles = []
    for p in participants_for_cohort(cohort=cohort):
        app = p.application
        profiles.append(
            ParticipantProfile(
                participant_id=p.pk,
                user_id=p.user_id,
                name=p.user.get_full_name(),
                city=app.city or (cohort.city if not cohort.is_virtual else ""),
                sector=app.sector,
                needs=tuple(app.needs or ()),
                languages=tuple(app.languages or ()) or (cohort.language,),
                mode=app.preferred_mode,
                preferences=app.mentoring_preferences,
            )
        )
    return profiles
