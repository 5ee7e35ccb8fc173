"""Reads of the mentors app, scoped to who asks, with bounded queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, TypedDict
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Max, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import ngettext

from cohorts.enums import ParticipantStatus
from cohorts.models import Cohort, Participant
from semilla.enums import Role
from semilla.models import User

from .compatibility import (
    MentorFacts,
    ParticipantFacts,
    mentor_keywords,
    normalise_words,
)
from .enums import (
    ACTIVE_BOOKING_STATUSES,
    OPEN_MATCH_STATUSES,
    BookingStatus,
    GoalStatus,
    MatchStatus,
    MentorStatus,
    SessionOutcome,
)
from .models import (
    ActionItem,
    Booking,
    ExcludedPair,
    Match,
    MatchingRun,
    MatchingWeights,
    MenteeAvailability,
    MentorProfile,
    MentorshipGoal,
    ProposedMatch,
    RunPin,
    SessionLog,
    UnmatchedParticipant,
)
from .scheduling import Rules, Window, generate_slots


def weights_for(*, cohort: Cohort) -> MatchingWeights:
    weights = MatchingWeights.objects.filter(cohort=cohort).first()
    return weights or MatchingWeights(cohort=cohort)


def mentor_profile_for(*, user: User | AnonymousUser) -> MentorProfile | None:
    if not user.is_authenticated:
        return None
    return MentorProfile.objects.filter(user=user).first()


class _OpenCount(TypedDict):
    open_count: int


if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import WithAnnotations

    MentorWithOpenCount = WithAnnotations[MentorProfile, _OpenCount]


def active_mentors_with_open_counts() -> QuerySet[MentorWithOpenCount]:
    """Active mentors whose new matches are not paused, annotated with ``open_count``:
    matches that hold capacity (waiting for an answer or accepted)."""
    return (
        MentorProfile.objects.filter(status=MentorStatus.ACTIVE, new_matches_paused_at__isnull=True)
        .select_related("user")
        .annotate(open_count=Count("matches", filter=Q(matches__status__in=OPEN_MATCH_STATUSES)))
        .order_by("pk")
    )


def mentor_facts(*, profile: MentorProfile, open_count: int) -> MentorFacts:
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
    return [
        mentor_facts(profile=p, open_count=p.open_count) for p in active_mentors_with_open_counts()
    ]


def participant_facts(*, participants: Iterable[Participant]) -> list[ParticipantFacts]:
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
                # asked in the application (before matching); a later answer on the
                # mentee's page, when there is one, is the newer word
                availability=frozenset(availability.get(p.pk) or app.availability or ()),
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


def matches_for_mentor(*, user: User) -> QuerySet[Match]:
    """A mentor's own matches (only theirs), newest first."""
    return (
        Match.objects.filter(mentor__user=user)
        .select_related("participant__user", "participant__application", "cohort", "mentor__user")
        .order_by("status", "-created_at")
    )


def match_for_user(*, user: User, pk: int) -> Match:
    """A match the user is part of (as mentor or participant); staff see every match.
    Raises Match.DoesNotExist otherwise (views answer 404)."""
    qs = Match.objects.select_related(
        "participant__user", "participant__application", "mentor__user", "cohort"
    )
    if not (user.is_superuser or user.has_role(Role.STAFF)):
        qs = qs.filter(Q(mentor__user=user) | Q(participant__user=user))
    return qs.get(pk=pk)


def matches_for_participant_user(*, user: User) -> QuerySet[Match]:
    return (
        Match.objects.filter(participant__user=user)
        .select_related("mentor__user", "cohort", "participant")
        .prefetch_related(Prefetch("end_requests"))
        .order_by("-created_at")
    )


def open_match_for_participant_user(*, user: User) -> Match | None:
    return (
        Match.objects.filter(participant__user=user, status__in=OPEN_MATCH_STATUSES)
        .select_related("mentor__user", "cohort", "participant")
        .first()
    )


def directory_mentors(*, participant: Participant) -> list[MentorProfile]:
    """Active mentors with free capacity who share a language with the participant."""
    languages = set(participant.application.languages or ()) or {participant.cohort.language}
    mentors: list[MentorProfile] = [
        m
        for m in active_mentors_with_open_counts()
        if m.capacity > m.open_count and languages & set(m.languages)
    ]
    return mentors


def participants_of_user(*, user: User) -> QuerySet[Participant]:
    return (
        Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE)
        .select_related("cohort", "application")
        .order_by("-pk")
    )


def pending_requests_count(*, profile: MentorProfile) -> int:
    return profile.matches.filter(status=MatchStatus.PROPOSED).count()


def bookings_for_user(*, user: User, since_days: int = 30) -> QuerySet[Booking]:
    """The person's sessions as mentor or mentee (recent and upcoming)."""

    return (
        Booking.objects.filter(
            Q(mentor__user=user) | Q(participant__user=user),
            starts_at__gte=timezone.now() - timedelta(days=since_days),
        )
        .select_related("mentor__user", "participant__user")
        .order_by("starts_at")
    )


def bookings_for_sessions_page(*, user: User) -> QuerySet[Booking]:
    """``bookings_for_user`` with what the sessions page shows: the log, its action
    items and the pair's open goals (for the log form), in a fixed number of queries."""

    return (
        bookings_for_user(user=user)
        .select_related("log")
        .prefetch_related(
            "log__action_items",
            Prefetch(
                "match__goals", queryset=MentorshipGoal.objects.filter(status=GoalStatus.OPEN)
            ),
        )
    )


def booking_for_user(*, user: User, pk: int) -> Booking:
    return (
        Booking.objects.filter(Q(mentor__user=user) | Q(participant__user=user))
        .select_related("mentor__user", "participant__user", "match__cohort")
        .get(pk=pk)
    )


# ----------------------------------------------------------------------------- dashboards


def _week_bounds(*, now, zone_name: str):
    """Monday 00:00 to the next Monday 00:00 in ``zone_name``, as aware datetimes."""

    zone = ZoneInfo(zone_name)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, time(0), tzinfo=zone)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=zone)
    return start, end


def mentor_week(*, profile: MentorProfile, now: datetime | None = None) -> dict:
    """The mentor's week (in their own zone): sessions this week, sessions waiting for a
    log, requests waiting for an answer and proposals waiting for the mentee. Four
    queries, whatever the number of rows."""

    now = now or timezone.now()
    start, end = _week_bounds(now=now, zone_name=profile.user.timezone)
    bookings = Booking.objects.filter(mentor=profile).select_related("participant__user")
    week = list(
        bookings.filter(
            status__in=ACTIVE_BOOKING_STATUSES, starts_at__gte=start, starts_at__lt=end
        ).order_by("starts_at")
    )
    pending_logs = list(
        bookings.filter(
            status=BookingStatus.CONFIRMED,
            starts_at__lte=now,
            starts_at__gte=now - timedelta(days=60),
            log__isnull=True,
        ).order_by("starts_at")
    )
    requests = list(
        Match.objects.filter(mentor=profile, status=MatchStatus.PROPOSED)
        .select_related("participant__user", "cohort")
        .order_by("respond_by")
    )
    return {
        "week_start": start,
        "week_end": end - timedelta(days=1),
        "week": week,
        "pending_logs": pending_logs,
        "requests": requests,
        "proposals": [b for b in week if b.status == BookingStatus.PROPOSED],
    }


def mentee_overview(*, user: User, now: datetime | None = None) -> dict:
    """The mentee's next session, proposals to answer, open action items and goals.
    A fixed number of queries."""

    now = now or timezone.now()
    upcoming = Booking.objects.filter(participant__user=user, starts_at__gt=now).select_related(
        "mentor__user"
    )
    next_session = upcoming.filter(status=BookingStatus.CONFIRMED).order_by("starts_at").first()
    proposals = list(upcoming.filter(status=BookingStatus.PROPOSED).order_by("starts_at"))
    items = list(
        ActionItem.objects.filter(log__booking__participant__user=user, done_at__isnull=True)
        .select_related("log__booking")
        .order_by("log__booking__starts_at", "pk")
    )
    goals = list(
        MentorshipGoal.objects.filter(
            match__participant__user=user, match__status=MatchStatus.ACCEPTED
        )
        .exclude(status=GoalStatus.DROPPED)
        .order_by("status", "pk")
    )
    return {
        "next_session": next_session,
        "proposals": proposals,
        "action_items": items,
        "goals": goals,
    }


def next_session_for_participant_user(*, user: User) -> Booking | None:
    return (
        Booking.objects.filter(
            participant__user=user, status=BookingStatus.CONFIRMED, starts_at__gt=timezone.now()
        )
        .order_by("starts_at")
        .first()
    )


def goals_for_match(*, match: Match) -> QuerySet[MentorshipGoal]:
    return MentorshipGoal.objects.filter(match=match).order_by("status", "pk")


#: A pair is flagged when its average rating is below this.
LOW_RATING = 3


def pair_health(
    *, inactive_days: int = 21, now: datetime | None = None, cohort_id: int | None = None
) -> list[Any]:
    """Every active pair with its numbers, in one query: sessions held, no-shows, late
    cancellations, sessions not logged, last contact, confirmed minutes and average
    rating; each annotated with ``flags`` (what needs attention)."""

    now = now or timezone.now()
    confirmed = Q(bookings__status=BookingStatus.CONFIRMED)
    qs = (
        Match.objects.filter(status=MatchStatus.ACCEPTED)
        .select_related("participant__user", "mentor__user", "cohort")
        .annotate(
            held=Count(
                "bookings", filter=confirmed & Q(bookings__log__outcome=SessionOutcome.HELD)
            ),
            no_shows=Count(
                "bookings",
                filter=confirmed
                & Q(
                    bookings__log__outcome__in=[
                        SessionOutcome.MENTEE_NO_SHOW,
                        SessionOutcome.MENTOR_NO_SHOW,
                    ]
                ),
            ),
            unlogged=Count(
                "bookings",
                filter=confirmed & Q(bookings__ends_at__lte=now, bookings__log__isnull=True),
            ),
            late_cancels=Count("bookings", filter=Q(bookings__late_cancellation=True)),
            upcoming=Count("bookings", filter=confirmed & Q(bookings__starts_at__gt=now)),
            last_contact=Max(
                "bookings__starts_at", filter=confirmed & Q(bookings__starts_at__lte=now)
            ),
            confirmed_minutes=Sum(
                "bookings__log__duration_minutes",
                filter=confirmed
                & Q(
                    bookings__log__outcome=SessionOutcome.HELD,
                    bookings__log__confirmed_at__isnull=False,
                ),
            ),
            average_rating=Avg("bookings__log__rating", filter=confirmed),
        )
        .order_by("mentor__user__full_name", "participant__user__full_name", "pk")
    )
    if cohort_id:
        qs = qs.filter(cohort_id=cohort_id)
    pairs: list[Any] = list(qs)  # annotated matches, given ``flags`` and ``hours`` below
    since = now - timedelta(days=inactive_days)
    for pair in pairs:
        flags = []
        reference = pair.last_contact or pair.responded_at or pair.created_at
        if reference < since and not pair.upcoming:
            flags.append("inactive")
        if pair.average_rating is not None and pair.average_rating < LOW_RATING:
            flags.append("low_rating")
        if pair.unlogged:
            flags.append("unlogged")
        if pair.late_cancels:
            flags.append("late_cancels")
        pair.flags = flags
        pair.hours = round((pair.confirmed_minutes or 0) / 60, 1)
    return pairs


def hours_per_mentor(*, cohort_id: int | None = None) -> list[Any]:
    """Volunteer hours (held sessions the mentee confirmed) per mentor, in one query."""

    held = Q(
        bookings__status=BookingStatus.CONFIRMED,
        bookings__log__outcome=SessionOutcome.HELD,
        bookings__log__confirmed_at__isnull=False,
    )
    if cohort_id:
        held &= Q(bookings__match__cohort_id=cohort_id)
    mentors: list[Any] = list(
        MentorProfile.objects.annotate(minutes=Sum("bookings__log__duration_minutes", filter=held))
        .filter(minutes__gt=0)
        .select_related("user")
        .order_by("-minutes", "pk")
    )
    for mentor in mentors:
        mentor.hours = round(mentor.minutes / 60, 1)
    return mentors


# ----------------------------------------------------------------------------- booking


def rules_for(*, mentor: MentorProfile) -> Rules:
    """The mentor's availability as scheduling rules (weekly hours, days off, extra hours;
    ``mentor`` with its user, weekly hours and overrides prefetched)."""
    weekly: dict[int, list[Window]] = {}
    for row in mentor.weekly_availability.all():
        weekly.setdefault(row.weekday, []).append(Window(row.start_time, row.end_time))
    days_off: set[date] = set()
    extra: dict[date, list[Window]] = {}
    for override in mentor.availability_overrides.all():
        if override.available and override.start_time and override.end_time:
            extra.setdefault(override.date, []).append(
                Window(override.start_time, override.end_time)
            )
        else:
            days_off.add(override.date)
    return Rules(
        timezone=mentor.user.timezone,
        weekly=weekly,
        days_off=frozenset(days_off),
        extra=extra,
        session_minutes=mentor.session_minutes,
        buffer_minutes=mentor.buffer_minutes,
        min_notice_hours=mentor.min_notice_hours,
        horizon_days=mentor.horizon_days,
    )


def busy_times(
    *, mentor_id: int, participant_id: int, exclude_pk: int | None = None
) -> list[tuple[datetime, datetime]]:
    """Active sessions of the mentor and of the mentee as a person: someone in two cohorts
    has a participant row (and a mentor) in each, and one diary."""
    mentee = Participant.objects.filter(pk=participant_id).values("user_id")[:1]
    qs = Booking.objects.filter(
        Q(mentor_id=mentor_id) | Q(participant__user_id=Subquery(mentee)),
        status__in=ACTIVE_BOOKING_STATUSES,
        ends_at__gt=timezone.now() - timedelta(hours=4),
    )
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return list(qs.values_list("starts_at", "ends_at"))


def _mentor_for_slots(mentor_id: int) -> MentorProfile:
    return (
        MentorProfile.objects.select_related("user")
        .prefetch_related("weekly_availability", "availability_overrides")
        .get(pk=mentor_id)
    )


def _free_slots(
    *, mentor: MentorProfile, match: Match, now: datetime | None, exclude_pk: int | None
) -> list[datetime]:
    return generate_slots(
        rules_for(mentor=mentor),
        now=now or timezone.now(),
        busy=busy_times(
            mentor_id=match.mentor_id, participant_id=match.participant_id, exclude_pk=exclude_pk
        ),
    )


def free_slots(
    *, match: Match, now: datetime | None = None, exclude_pk: int | None = None
) -> list[datetime]:
    """Free start instants (UTC) for ``match``'s mentee with its mentor (four queries)."""
    return _free_slots(
        mentor=_mentor_for_slots(match.mentor_id), match=match, now=now, exclude_pk=exclude_pk
    )


def booking_refusal(*, match: Match, minutes: int, exclude_pk: int | None = None) -> str:
    """Why the mentee of ``match`` cannot book a session of ``minutes`` now ("" when she
    can): the pair's mentoring hours for the cohort are used up, or she already holds the
    most upcoming sessions the cohort allows. The booking page shows this reason instead
    of slots, and every booking service refuses with it: one rule, two readers. Two
    queries (``match`` with its cohort)."""
    cohort = match.cohort
    active = Booking.objects.filter(match=match, status__in=ACTIVE_BOOKING_STATUSES)
    if exclude_pk is not None:
        active = active.exclude(pk=exclude_pk)
    # Minutes actually booked (sessions may differ in length if the mentor changed it).
    booked = sum(
        int((end - start).total_seconds() // 60)
        for start, end in active.values_list("starts_at", "ends_at")
    )
    if booked + minutes > cohort.mentoring_hours_per_pair * 60:
        hours = cohort.mentoring_hours_per_pair
        return ngettext(
            "This pair has used its %(hours)s mentoring hour for the cohort.",
            "This pair has used its %(hours)s mentoring hours for the cohort.",
            hours,
        ) % {"hours": hours}
    upcoming = Booking.objects.filter(
        participant_id=match.participant_id,
        status__in=ACTIVE_BOOKING_STATUSES,
        starts_at__gt=timezone.now(),
    )
    if exclude_pk is not None:
        upcoming = upcoming.exclude(pk=exclude_pk)
    limit = cohort.max_upcoming_bookings
    if upcoming.count() >= limit:
        return ngettext(
            "You already have %(count)s upcoming session, the most allowed. Once it has "
            "taken place, or if you cancel it, you can book another.",
            "You already have %(count)s upcoming sessions, the most allowed. Once one has "
            "taken place, or if you cancel one, you can book another.",
            limit,
        ) % {"count": limit}
    return ""


@dataclass(frozen=True)
class BookingDay:
    """A day (in the viewer's zone) with its free start instants."""

    day: date
    slots: tuple[datetime, ...]


@dataclass(frozen=True)
class BookingOptions:
    """What the booking page offers: the reason the mentee cannot book (then no days),
    or the days with free times, in the viewer's time zone."""

    refusal: str
    days: tuple[BookingDay, ...]
    session_minutes: int

    def day(self, value: date | None) -> BookingDay | None:
        return next((d for d in self.days if d.day == value), None)

    def offers(self, instant: datetime | None) -> bool:
        return instant is not None and any(instant in d.slots for d in self.days)


def booking_options(*, match: Match, zone: tzinfo, now: datetime | None = None) -> BookingOptions:
    """The booking page's offer for the mentee of ``match`` (accepted, with its cohort):
    first the refusal rule, then the free slots grouped by day in ``zone``. Six queries
    whatever the number of slots; two when she cannot book."""
    mentor = _mentor_for_slots(match.mentor_id)
    refusal = booking_refusal(match=match, minutes=mentor.session_minutes)
    if refusal:
        return BookingOptions(refusal=refusal, days=(), session_minutes=mentor.session_minutes)
    days: dict[date, list[datetime]] = {}
    for slot in _free_slots(mentor=mentor, match=match, now=now, exclude_pk=None):
        days.setdefault(slot.astimezone(zone).date(), []).append(slot)
    return BookingOptions(
        refusal="",
        days=tuple(BookingDay(day=d, slots=tuple(s)) for d, s in sorted(days.items())),
        session_minutes=mentor.session_minutes,
    )


def accepted_match_for_mentee(*, user: User) -> Match | None:
    """The mentee's active mentorship (the one she books sessions in), or None."""
    return (
        Match.objects.filter(participant__user=user, status=MatchStatus.ACCEPTED)
        .select_related("mentor__user", "cohort", "participant")
        .first()
    )


def volunteer_minutes(*, mentor: MentorProfile) -> int:
    """Volunteer time: held sessions the mentee confirmed (nothing else counts)."""
    total = SessionLog.objects.filter(
        booking__mentor=mentor, outcome=SessionOutcome.HELD, confirmed_at__isnull=False
    ).aggregate(total=Sum("duration_minutes"))["total"]
    return int(total or 0)


def programme_staff() -> QuerySet[User]:
    """The active accounts with the staff role (they are alerted about matches that need
    a person: no mentor left, an end request, a mentor paused for silence)."""
    return User.objects.filter(groups__name=Role.STAFF.value, is_active=True).distinct()
