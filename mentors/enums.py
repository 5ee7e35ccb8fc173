"""Statuses and choices of the mentors app (translated labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# asked in the application (cohorts), read by matching: one list of choices for both
from cohorts.enums import Availability as Availability
from semilla.transitions import StatusMachine


class MentorStatus(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("mentor status", "Applied")
    VETTED = "vetted", pgettext_lazy("mentor status", "Vetted")
    ACTIVE = "active", pgettext_lazy("mentor status", "Active")
    PAUSED = "paused", pgettext_lazy("mentor status", "Paused")
    RETIRED = "retired", pgettext_lazy("mentor status", "Retired")


#: The only moves a mentor profile may make (see services.mentor_transition).
MENTOR_TRANSITIONS: dict[str, frozenset[str]] = {
    MentorStatus.APPLIED: frozenset({MentorStatus.VETTED, MentorStatus.RETIRED}),
    MentorStatus.VETTED: frozenset({MentorStatus.ACTIVE, MentorStatus.RETIRED}),
    MentorStatus.ACTIVE: frozenset({MentorStatus.PAUSED, MentorStatus.RETIRED}),
    MentorStatus.PAUSED: frozenset({MentorStatus.ACTIVE, MentorStatus.RETIRED}),
    MentorStatus.RETIRED: frozenset(),
}


MENTOR = StatusMachine(
    model="mentors.MentorProfile",
    moves=MENTOR_TRANSITIONS,
    history="mentors.MentorStatusChange",
    history_fk="profile",
)


class RunStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("matching run", "Queued")
    RUNNING = "running", pgettext_lazy("matching run", "Running")
    READY = "ready", pgettext_lazy("matching run", "Ready for review")
    FAILED = "failed", pgettext_lazy("matching run", "Failed")
    PUBLISHED = "published", pgettext_lazy("matching run", "Published")


#: A run is computed (again) until it is published; the compute task may retry.
RUN = StatusMachine(
    model="mentors.MatchingRun",
    moves={
        RunStatus.QUEUED: {RunStatus.RUNNING, RunStatus.READY, RunStatus.FAILED},
        RunStatus.RUNNING: {RunStatus.READY, RunStatus.FAILED, RunStatus.QUEUED},
        RunStatus.READY: {RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.PUBLISHED},
        RunStatus.FAILED: {RunStatus.QUEUED, RunStatus.RUNNING},
        RunStatus.PUBLISHED: set(),
    },
)


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("match status", "Waiting for the mentor")
    ACCEPTED = "accepted", pgettext_lazy("match status", "Active")
    DECLINED = "declined", pgettext_lazy("match status", "Declined")
    EXPIRED = "expired", pgettext_lazy("match status", "Expired")
    ENDED = "ended", pgettext_lazy("match status", "Ended")
    CANCELLED = "cancelled", pgettext_lazy("match status", "Cancelled")


#: Statuses in which a match holds the participant (and counts against the mentor).
OPEN_MATCH_STATUSES = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)

MATCH_TRANSITIONS: dict[str, frozenset[str]] = {
    MatchStatus.PROPOSED: frozenset(
        {MatchStatus.ACCEPTED, MatchStatus.DECLINED, MatchStatus.EXPIRED, MatchStatus.CANCELLED}
    ),
    MatchStatus.ACCEPTED: frozenset({MatchStatus.ENDED}),
    MatchStatus.DECLINED: frozenset(),
    MatchStatus.EXPIRED: frozenset(),
    MatchStatus.ENDED: frozenset(),
    MatchStatus.CANCELLED: frozenset(),
}


MATCH = StatusMachine(
    model="mentors.Match",
    moves=MATCH_TRANSITIONS,
    history="mentors.MatchStatusChange",
    history_fk="match",
)


class MatchSource(models.TextChoices):
    RUN = "run", _("Matching run")
    REPLACEMENT = "replacement", _("Next best mentor after a decline or expiry")
    REMATCH = "rematch", _("Re-matched by staff")
    DIRECTORY = "directory", _("Requested from the mentor directory")


class UnmatchedReason(models.TextChoices):
    NO_FEASIBLE_MENTOR = "no_feasible_mentor", _("No active mentor meets the hard constraints")
    CAPACITY_EXHAUSTED = (
        "capacity_exhausted",
        _("Compatible mentors exist but their capacity is taken by other matches"),
    )


class EndRequestStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("end request", "Open")
    REMATCHED = "rematched", pgettext_lazy("end request", "Re-matched")
    CLOSED = "closed", pgettext_lazy("end request", "Closed without re-match")


class Component(models.TextChoices):
    """The parts of a compatibility score (see mentors.compatibility)."""

    NEEDS = "needs", _("Needs covered by the mentor's skills")
    SECTOR = "sector", _("Sector experience")
    LOCATION = "location", _("City and meeting mode")
    AVAILABILITY = "availability", _("Availability overlap")
    PREFERENCES = "preferences", _("Stated preferences")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("booking status", "Confirmed")
    CANCELLED = "cancelled", pgettext_lazy("booking status", "Cancelled")
    PROPOSED = "proposed", pgettext_lazy("booking status", "Proposed by the mentor")
    DECLINED = "declined", pgettext_lazy("booking status", "Declined by the mentee")


#: A mentor proposes or a mentee books (confirmed); either may cancel before the start.
BOOKING = StatusMachine(
    model="mentors.Booking",
    moves={
        BookingStatus.PROPOSED: {
            BookingStatus.CONFIRMED,
            BookingStatus.DECLINED,
            BookingStatus.CANCELLED,
        },
        BookingStatus.CONFIRMED: {BookingStatus.CANCELLED},
        BookingStatus.CANCELLED: set(),
        BookingStatus.DECLINED: set(),
    },
)

#: Statuses in which a booking holds its time (for the mentor and the mentee).
ACTIVE_BOOKING_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.PROPOSED)


class BookingMode(models.TextChoices):
    VIRTUAL = "virtual", _("Video call")
    IN_PERSON = "in_person", _("In person")


class SessionOutcome(models.TextChoices):
    HELD = "held", _("Held")
    MENTEE_NO_SHOW = "mentee_no_show", _("The mentee did not come")
    MENTOR_NO_SHOW = "mentor_no_show", _("The mentor could not come")


class GoalStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("goal status", "In progress")
    ACHIEVED = "achieved", pgettext_lazy("goal status", "Achieved")
    DROPPED = "dropped", pgettext_lazy("goal status", "Dropped")


#: Goals move freely: achieved, dropped or open again (the goal's progress follows).
GOAL = StatusMachine(
    model="mentors.MentorshipGoal",
    moves={status: set(GoalStatus.values) for status in GoalStatus.values},
)
