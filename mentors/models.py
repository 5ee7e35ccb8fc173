"""Mentor profiles and vetting; matching runs, proposed and published matches."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from semilla.constraints import choice_check
from semilla.enums import City, Language, MeetingMode, Sector, Skill
from semilla.fields import actor_field
from semilla.transitions import StatusHistory

from .enums import (
    OPEN_MATCH_STATUSES,
    WEEKDAYS,
    BookingMode,
    BookingStatus,
    EndRequestStatus,
    GoalStatus,
    MatchSource,
    MatchStatus,
    MentorStatus,
    RunStatus,
    SessionOutcome,
    UnmatchedReason,
)

#: Version of the mentor code of conduct people accept (recorded with the acceptance).
CODE_OF_CONDUCT_VERSION = "2026-11"


@deconstructible
class ChoiceListValidator:
    """A JSON list whose items all belong to ``choices`` (a TextChoices class path)."""

    def __init__(self, choices_path: str):
        self.choices_path = choices_path

    def __call__(self, value):
        allowed = set(import_string(self.choices_path).values)
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(_("Choose only from the listed options."))

    def __eq__(self, other):
        return isinstance(other, ChoiceListValidator) and other.choices_path == self.choices_path

    def __hash__(self):
        return hash(self.choices_path)


#: What a mentor tells about themselves (the profile form, the console's edit form, and
#: what the apply and update services accept).
PROFILE_FIELDS = (
    "headline",
    "expertise",
    "sectors",
    "languages",
    "city",
    "meeting_mode",
    "availability",
    "capacity",
    "bio",
    "link",
    "conflicts",
)


#: How a mentor's sessions are scheduled (their settings form and its service).
SCHEDULE_FIELDS = (
    "session_minutes",
    "buffer_minutes",
    "min_notice_hours",
    "horizon_days",
    "meeting_link",
    "meeting_place",
)


class MentorProfile(models.Model):
    """A volunteer mentor: what they offer, where and how, how many mentees at once,
    and where they are in vetting. ``active_mentees`` counts accepted matches; it only
    changes under a row lock and the database refuses values above ``capacity``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_profile",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MentorStatus.choices,
        default=MentorStatus.APPLIED,
        db_index=True,
    )
    headline = models.CharField(
        _("headline"), max_length=120, help_text=_("Your role or trade in a few words.")
    )
    expertise = models.JSONField(
        _("expertise"), default=list, validators=[ChoiceListValidator("semilla.enums.Skill")]
    )
    sectors = models.JSONField(
        _("sectors"), default=list, validators=[ChoiceListValidator("semilla.enums.Sector")]
    )
    languages = models.JSONField(
        _("languages"), default=list, validators=[ChoiceListValidator("semilla.enums.Language")]
    )
    city = models.CharField(
        _("city"),
        max_length=32,
        choices=City.choices,
        blank=True,
        help_text=_("Leave empty if you only mentor remotely."),
    )
    meeting_mode = models.CharField(
        _("how you meet"), max_length=16, choices=MeetingMode.choices, default=MeetingMode.EITHER
    )
    availability = models.JSONField(
        _("usual availability"),
        default=list,
        validators=[ChoiceListValidator("mentors.enums.Availability")],
    )
    capacity = models.PositiveSmallIntegerField(
        _("maximum mentees at once"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    active_mentees = models.PositiveSmallIntegerField(
        _("current mentees"), default=0, editable=False
    )
    bio = models.TextField(_("about you"), max_length=1500)
    link = models.URLField(
        _("professional link"), blank=True, help_text=_("LinkedIn, website or portfolio.")
    )
    conflicts = models.TextField(
        _("declared conflicts of interest"),
        blank=True,
        help_text=_(
            "Businesses or people you must not mentor (family, partners, "
            "competitors), one per line."
        ),
    )
    code_of_conduct_version = models.CharField(
        _("code of conduct version"), max_length=16, blank=True
    )
    code_of_conduct_accepted_at = models.DateTimeField(
        _("code of conduct accepted at"), null=True, blank=True
    )
    interview_done_at = models.DateTimeField(_("interview done at"), null=True, blank=True)
    interviewed_by = actor_field(_("interviewed by"), on_delete=models.SET_NULL)
    interview_notes = models.TextField(_("interview notes"), blank=True)
    nudged_at = models.DateTimeField(_("last nudged at"), null=True, blank=True, editable=False)
    # Scheduling (in the mentor's own IANA time zone: user.timezone)
    session_minutes = models.PositiveSmallIntegerField(
        _("session length (minutes)"),
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("break between sessions (minutes)"), default=15, validators=[MaxValueValidator(120)]
    )
    min_notice_hours = models.PositiveSmallIntegerField(
        _("minimum notice (hours)"), default=24, validators=[MaxValueValidator(336)]
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("how far ahead people may book (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    meeting_link = models.URLField(
        _("video call link"), blank=True, help_text=_("Your usual Meet, Zoom or Jitsi room.")
    )
    meeting_place = models.CharField(_("usual meeting place"), max_length=200, blank=True)
    # Set and lifted only by services.mentor_new_matches_pause / _resume (a pattern of
    # confirmed no-shows, see conversations): matching and the directory skip the mentor.
    new_matches_paused_at = models.DateTimeField(
        _("new matches paused at"), null=True, blank=True, editable=False
    )
    new_matches_paused_reason = models.CharField(
        _("why new matches are paused"), max_length=300, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["user__full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1) & models.Q(capacity__lte=10),
                name="mentor_capacity_between_1_and_10",
            ),
            models.CheckConstraint(
                condition=models.Q(active_mentees__lte=models.F("capacity")),
                name="mentor_active_mentees_within_capacity",
            ),
            choice_check("status", MentorStatus, name="mentor_status_valid"),
            models.CheckConstraint(
                condition=models.Q(new_matches_paused_at__isnull=True)
                | ~models.Q(new_matches_paused_reason=""),
                name="mentor_matches_pause_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("mentors:profile")

    @property
    def new_matches_paused(self) -> bool:
        return self.new_matches_paused_at is not None

    @property
    def free_capacity(self) -> int:
        return max(self.capacity - self.active_mentees, 0)

    @property
    def conflict_lines(self) -> list[str]:
        return [line.strip().casefold() for line in self.conflicts.splitlines() if line.strip()]

    @property
    def code_of_conduct_accepted(self) -> bool:
        return self.code_of_conduct_accepted_at is not None

    @property
    def interview_done(self) -> bool:
        return self.interview_done_at is not None

    def expertise_labels(self) -> list[str]:
        return [str(Skill(value).label) for value in self.expertise if value in Skill.values]

    def sector_labels(self) -> list[str]:
        return [str(Sector(value).label) for value in self.sectors if value in Sector.values]

    def language_labels(self) -> list[str]:
        return [str(Language(v).label) for v in self.languages if v in Language.values]


class MentorStatusChange(
    StatusHistory.of(MentorStatus, _("mentor status change"), _("mentor status changes"))
):
    """History of a mentor's vetting status: who moved it, when, from what, to what, why."""

    profile = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="status_changes"
    )


class MatchingWeights(models.Model):
    """Per-cohort weights of the compatibility components (points at full agreement).
    A pair's score is the sum of its components' points, each between 0 and its weight."""

    cohort = models.OneToOneField(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="matching_weights",
        verbose_name=_("cohort"),
    )
    needs = models.PositiveSmallIntegerField(
        _("needs covered by skills"), default=40, validators=[MaxValueValidator(100)]
    )
    sector = models.PositiveSmallIntegerField(
        _("sector experience"), default=20, validators=[MaxValueValidator(100)]
    )
    location = models.PositiveSmallIntegerField(
        _("city and meeting mode"), default=15, validators=[MaxValueValidator(100)]
    )
    availability = models.PositiveSmallIntegerField(
        _("availability overlap"), default=15, validators=[MaxValueValidator(100)]
    )
    preferences = models.PositiveSmallIntegerField(
        _("stated preferences"), default=10, validators=[MaxValueValidator(100)]
    )
    response_days = models.PositiveSmallIntegerField(
        _("days a mentor has to answer a match"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")

    def __str__(self) -> str:
        return str(self.cohort)

    def as_dict(self) -> dict[str, int]:
        return {
            "needs": self.needs,
            "sector": self.sector,
            "location": self.location,
            "availability": self.availability,
            "preferences": self.preferences,
        }


class MenteeAvailability(models.Model):
    """When a participant can usually meet (used by the availability component)."""

    participant = models.OneToOneField(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="mentee_availability"
    )
    blocks = models.JSONField(
        _("usual availability"),
        default=list,
        validators=[ChoiceListValidator("mentors.enums.Availability")],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentee availability")
        verbose_name_plural = _("mentee availability")

    def __str__(self) -> str:
        return str(self.participant_id)


class ExcludedPair(models.Model):
    """A pair staff ruled out for a cohort (a hard constraint in every run)."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="excluded_mentor_pairs"
    )
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="+"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_by = actor_field(on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("excluded pair")
        verbose_name_plural = _("excluded pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "mentor"], name="mentors_excluded_pair_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} x {self.mentor_id}"


class MatchingRun(models.Model):
    """A draft assignment for a cohort: computed (as a task), reviewed by staff with pins
    and exclusions, re-run, then published as matches."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="matching_runs",
        verbose_name=_("cohort"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    fairness = models.BooleanField(
        _("fairness mode"),
        default=False,
        help_text=_(
            "First raise the lowest score in the cohort as far as possible, then "
            "maximise the total."
        ),
    )
    weights = models.JSONField(_("weights used"), default=dict, editable=False)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_note = models.CharField(max_length=120, blank=True)
    total_score = models.PositiveIntegerField(_("total score"), null=True, blank=True)
    minimum_score = models.PositiveIntegerField(_("lowest score"), null=True, blank=True)
    participants_count = models.PositiveIntegerField(_("participants"), default=0)
    error = models.TextField(blank=True)
    version = models.PositiveIntegerField(_("computations"), default=0)
    created_by = actor_field(_("created by"), on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = actor_field(on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="mentors_run_progress_max_100"
            ),
            choice_check("status", RunStatus, name="mentors_run_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.READY, RunStatus.FAILED, RunStatus.PUBLISHED)

    @property
    def is_editable(self) -> bool:
        return self.status in (RunStatus.READY, RunStatus.FAILED)


class RunPin(models.Model):
    """A pair staff fixed in a draft run: every re-run keeps it and optimises the rest."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="pins")
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="+"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    created_by = actor_field(on_delete=models.SET_NULL)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "participant"], name="mentors_pin_one_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} -> {self.mentor_id}"


class ProposedMatch(models.Model):
    """One pair of a run's assignment, with its score and the components adding up to it."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="proposals")
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="+"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveIntegerField(_("score"))
    components = models.JSONField(_("explanation"), default=list)
    pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        ordering = ["participant__user__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "participant"], name="mentors_proposal_one_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} -> {self.mentor_id} ({self.score})"


class UnmatchedParticipant(models.Model):
    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="unmatched")
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=32, choices=UnmatchedReason.choices)
    #: how many mentors each hard constraint ruled out, e.g. {"no_shared_language": 40}
    constraint_counts = models.JSONField(_("detail"), default=dict)

    class Meta:
        ordering = ["participant__user__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "participant"], name="mentors_unmatched_one_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.reason}"


class Match(models.Model):
    """A published pairing of a participant with a mentor. The mentor accepts within
    ``respond_by``; capacity is checked under a row lock on the mentor's profile."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.PROTECT,
        related_name="mentor_matches",
        verbose_name=_("cohort"),
    )
    participant = models.ForeignKey(
        "cohorts.Participant",
        on_delete=models.CASCADE,
        related_name="mentor_matches",
        verbose_name=_("participant"),
    )
    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.PROTECT, related_name="matches", verbose_name=_("mentor")
    )
    run = models.ForeignKey(
        MatchingRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="matches"
    )
    source = models.CharField(
        _("source"), max_length=16, choices=MatchSource.choices, default=MatchSource.RUN
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MatchStatus.choices,
        default=MatchStatus.PROPOSED,
        db_index=True,
    )
    score = models.PositiveIntegerField(_("score"), default=0)
    components = models.JSONField(_("explanation"), default=list)
    respond_by = models.DateTimeField(_("answer by"))
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(status__in=OPEN_MATCH_STATUSES),
                name="mentors_one_open_match_per_participant",
            ),
            choice_check("status", MatchStatus, name="mentors_match_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} - {self.mentor}"

    def get_absolute_url(self) -> str:
        return reverse("mentors:match_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_MATCH_STATUSES


class MatchStatusChange(
    StatusHistory.of(MatchStatus, _("match status change"), _("match status changes"))
):
    """History of a match: proposed, accepted, declined, expired, ended (who, when, why)."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="status_changes")


class MatchEndRequest(models.Model):
    """Either side asks to end a match, with a reason; staff end it and re-match."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="end_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=16, choices=EndRequestStatus.choices, default=EndRequestStatus.OPEN
    )
    resolved_by = actor_field(on_delete=models.SET_NULL)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("request to end a match")
        verbose_name_plural = _("requests to end a match")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["match"],
                condition=models.Q(status="open"),
                name="mentors_one_open_end_request_per_match",
            )
        ]

    def __str__(self) -> str:
        return f"{self.match_id}: {self.status}"


class WeeklyAvailability(models.Model):
    """A recurring weekly window, in the mentor's own time zone (wall-clock times)."""

    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="weekly_availability"
    )
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=WEEKDAYS)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="mentors_weekly_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__lte=6), name="mentors_weekly_weekday_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.start_time}-{self.end_time}"


class AvailabilityOverride(models.Model):
    """A date that differs from the weekly pattern: a day off, or extra hours."""

    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="availability_overrides"
    )
    date = models.DateField(_("date"))
    available = models.BooleanField(
        _("available"), default=False, help_text=_("Off: a day off. On: extra hours that day.")
    )
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("date override")
        verbose_name_plural = _("date overrides")
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(available=False)
                | (
                    models.Q(start_time__isnull=False)
                    & models.Q(end_time__isnull=False)
                    & models.Q(end_time__gt=models.F("start_time"))
                ),
                name="mentors_override_extra_hours_have_times",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.available}"


class Booking(models.Model):
    """A mentoring session booked in a free slot of the mentor, or proposed by the
    mentor and waiting for the mentee (``proposed``). At most one active (confirmed or
    proposed) booking per mentor and start (database constraint); overlaps for the
    mentor or the mentee are refused under row locks (mentors.services.bookings)."""

    match = models.ForeignKey(Match, on_delete=models.PROTECT, related_name="bookings")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="bookings")
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.PROTECT, related_name="mentor_bookings"
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    mode = models.CharField(
        _("how"), max_length=16, choices=BookingMode.choices, default=BookingMode.VIRTUAL
    )
    location = models.CharField(_("link or place"), max_length=300, blank=True)
    topic = models.CharField(_("what you want to talk about"), max_length=300, blank=True)
    note = models.TextField(_("note for the mentor"), max_length=1000, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = actor_field(on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = actor_field(on_delete=models.SET_NULL)
    cancel_reason = models.CharField(_("reason"), max_length=300, blank=True)
    late_cancellation = models.BooleanField(_("cancelled late"), default=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "starts_at"],
                condition=models.Q(status__in=["confirmed", "proposed"]),
                name="mentors_one_active_booking_per_slot",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="mentors_booking_ends_after_start",
            ),
            choice_check("status", BookingStatus, name="mentors_booking_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status__in=["confirmed", "proposed"])
                | ~models.Q(cancel_reason=""),
                name="mentors_booking_cancel_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["participant", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.mentor_id} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class CalendarFeed(models.Model):
    """A person's private calendar feed: a secret token in the URL, revocable."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return str(self.user_id)


class SessionLog(models.Model):
    """What happened in a session, written by the mentor. Notes are private to the
    mentor and staff unless shared; action items are a checklist for the mentee. The
    mentee confirms and rates; only confirmed, held sessions count as volunteer hours."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="log")
    outcome = models.CharField(_("what happened"), max_length=16, choices=SessionOutcome.choices)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=0, validators=[MaxValueValidator(480)]
    )
    topics = models.JSONField(
        _("topics"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator("semilla.enums.Skill")],
    )
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    notes_shared = models.BooleanField(_("share the notes with the mentee"), default=False)
    logged_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed by the mentee at"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("session log")
        verbose_name_plural = _("session logs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | (models.Q(rating__gte=1) & models.Q(rating__lte=5)),
                name="mentors_log_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="held") | models.Q(duration_minutes__gt=0),
                name="mentors_log_held_has_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.outcome}"


class ActionItem(models.Model):
    log = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action item"), max_length=200)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class MentorshipGoal(models.Model):
    """What a pair wants to reach, agreed at the start by the mentee and the mentor.
    Progress moves with the session logs (GoalUpdate)."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="goals", verbose_name=_("mentorship")
    )
    title = models.CharField(_("goal"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    created_by = actor_field(on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentorship goal")
        verbose_name_plural = _("mentorship goals")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="mentors_goal_progress_max_100"
            ),
            choice_check("status", GoalStatus, name="mentors_goal_status_valid"),
            models.CheckConstraint(
                condition=~models.Q(status="achieved") | models.Q(progress=100),
                name="mentors_goal_achieved_is_100",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class GoalUpdate(models.Model):
    """A goal's progress as recorded in one session log."""

    goal = models.ForeignKey(MentorshipGoal, on_delete=models.CASCADE, related_name="updates")
    log = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="goal_updates")
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "log"], name="mentors_goal_update_once_per_log"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="mentors_goal_update_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal_id}: {self.progress}%"
