"""Reads of the mentors app, scoped to who asks, with bounded queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from cohorts.enums import ParticipantStatus
from cohorts.models import Cohort, Participant
from semilla.enums import Role

from .compatibility import (
    MentorFacts,
    ParticipantFacts,
    mentor_keywords,
    normalise_words,
)
from .enums import OPEN_MATCH_STATUSES, MatchStatus, MentorStatus
from .models import (
    ExcludedPair,
    Match,
    MatchingRun,
    MatchingWeights,
    MenteeAvailability,
    MentorProfile,
    ProposedMatch,
    RunPin,
    UnmatchedParticipant,
)


def weights_for(*, cohort: Cohort) -> MatchingWeights:
    weights = MatchingWeights.objects.filter(cohort=cohort).first()
    return weights or MatchingWeights(cohort=cohort)


def mentor_profile_for(user) -> MentorProfile | None:
    if not user.is_authenticated:
        return None
    return MentorProfile.objects.filter(user=user).first()


def active_mentors_with_open_counts() -> QuerySet[MentorProfile]:
    """Active mentors annotated with ``open_count``: matches that hold capacity
    (waiting for an answer or accepted)."""
    return (
        MentorProfile.objects.filter(status=MentorStatus.ACTIVE)
        .select_related("user")
        .annotate(open_count=Count("matches", filter=Q(matches__status__in=OPEN_MATCH_STATUSES)))
        .order_by("pk")
    )


def mentor_facts(profile: MentorProfile, *, open_count: int) -> MentorFacts:
    return MentorFacts(
        mentor_id=profile.pk,
        user_id=profile.user_id,
        name=profile.user.get_full_name(),
        expertise=frozenset(profile.expertise),
        sectors=frozenset(profile.sectors),
        languages=frozenset(profile.languages),
        city=profile.city,
        mode=profile.meeting_mode,
        availability=frozenset(profile.availability),
        capacity_left=max(profile.capacity - open_count, 0),
        conflicts=tuple(profile.conflict_lines),
        keywords=mentor_keywords(
            headline=profile.headline,
            bio=profile.bio,
            expertise=profile.expertise,
            sectors=profile.sectors,
        ),
    )


def all_active_mentor_facts() -> list[MentorFacts]:
    return [mentor_facts(p, open_count=p.open_count) for p in active_mentors_with_open_counts()]


def participant_facts(participants) -> list[ParticipantFacts]:
    """Facts for ``participants`` (a queryset of Participant with application and user)."""
    participants = list(participants)
    availability = dict(
        MenteeAvailability.objects.filter(participant__in=participants).values_list(
            "participant_id", "blocks"
        )
    )
    facts = []
    for p in participants:
        app = p.application
        cohort = p.cohort
        facts.append(
            ParticipantFacts(
                participant_id=p.pk,
                user_id=p.user_id,
                name=p.user.get_full_name(),
                business_name=app.business_name or "",
                city=app.city or (cohort.city if not cohort.is_virtual else ""),
                sector=app.sector or "",
                needs=tuple(app.needs or ()),
                languages=frozenset(app.languages or ()) or frozenset({cohort.language}),
                mode=app.preferred_mode or "",
                availability=frozenset(availability.get(p.pk, ())),
                preference_words=normalise_words(app.mentoring_preferences or ""),
            )
        )
    return facts


def participants_to_match(*, cohort: Cohort) -> QuerySet[Participant]:
    """Active participants of ``cohort`` who hold no open match."""
    return (
        Participant.objects.filter(cohort=cohort, status=ParticipantStatus.ACTIVE)
        .exclude(mentor_matches__status__in=OPEN_MATCH_STATUSES)
        .select_related("user", "application", "cohort")
        .order_by("pk")
    )


def excluded_pairs(*, cohort: Cohort) -> frozenset[tuple[int, int]]:
    return frozenset(
        ExcludedPair.objects.filter(cohort=cohort).values_list("participant_id", "mentor_id")
    )


# ----------------------------------------------------------------------------- staff


def run_for_review(*, pk: int) -> MatchingRun:
    return MatchingRun.objects.select_related("cohort", "created_by").get(pk=pk)


def run_review_rows(*, run: MatchingRun) -> dict:
    """Everything the review page shows, in a fixed number of queries."""
    proposals = list(
        ProposedMatch.objects.filter(run=run).select_related(
            "participant__user", "participant__application", "mentor__user"
        )
    )
    unmatched = list(
        UnmatchedParticipant.objects.filter(run=run).select_related("participant__user")
    )
    pins = {pin.participant_id: pin.mentor_id for pin in RunPin.objects.filter(run=run)}
    exclusions = list(
        ExcludedPair.objects.filter(cohort_id=run.cohort_id).select_related(
            "participant__user", "mentor__user"
        )
    )
    return {"proposals": proposals, "unmatched": unmatched, "pins": pins, "exclusions": exclusions}


def runs_for_cohort(*, cohort: Cohort) -> QuerySet[MatchingRun]:
    return MatchingRun.objects.filter(cohort=cohort).select_related("created_by")


# ----------------------------------------------------------------------------- people


def matches_for_mentor(*, user) -> QuerySet[Match]:
    """A mentor's own matches (only theirs), newest first."""
    return (
        Match.objects.filter(mentor__user=user)
        .select_related("participant__user", "participant__application", "cohort", "mentor__user")
        .order_by("status", "-created_at")
    )


def match_for_user(*, user, pk: int) -> Match:
    """A match the user is part of (as mentor or participant); staff see every match.
    Raises Match.DoesNotExist otherwise (views answer 404)."""
    qs = Match.objects.select_related(
        "participant__user", "participant__application", "mentor__user", "cohort"
    )
    if not (user.is_superuser or user.has_role(Role.STAFF)):
        qs = qs.filter(Q(mentor__user=user) | Q(participant__user=user))
    return qs.get(pk=pk)


def matches_for_participant_user(*, user) -> QuerySet[Match]:
    return (
        Match.objects.filter(participant__user=user)
        .select_related("mentor__user", "cohort", "participant")
        .prefetch_related(Prefetch("end_requests"))
        .order_by("-created_at")
    )


def open_match_for_participant_user(*, user) -> Match | None:
    return (
        Match.objects.filter(participant__user=user, status__in=OPEN_MATCH_STATUSES)
        .select_related("mentor__user", "cohort", "participant")
        .first()
    )


def directory_mentors(*, participant: Participant) -> list[MentorProfile]:
    """Active mentors with free capacity who share a language with the participant."""
    languages = set(participant.application.languages or ()) or {participant.cohort.language}
    mentors = [
        m
        for m in active_mentors_with_open_counts()
        if m.capacity > m.open_count and languages & set(m.languages)
    ]
    return mentors


def participants_of_user(*, user) -> QuerySet[Participant]:
    return (
        Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE)
        .select_related("cohort", "application")
        .order_by("-pk")
    )


def pending_requests_count(*, profile: MentorProfile) -> int:
    return profile.matches.filter(status=MatchStatus.PROPOSED).count()


def bookings_for_user(*, user, since_days: int = 30):
    """The person's sessions as mentor or mentee (recent and upcoming)."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Booking

    return (
        Booking.objects.filter(
            Q(mentor__user=user) | Q(participant__user=user),
            starts_at__gte=timezone.now() - timedelta(days=since_days),
        )
        .select_related("mentor__user", "participant__user")
        .order_by("starts_at")
    )


def booking_for_user(*, user, pk: int):
    from .models import Booking

    return (
        Booking.objects.filter(Q(mentor__user=user) | Q(participant__user=user))
        .select_related("mentor__user", "participant__user", "match__cohort")
        .get(pk=pk)
    )
