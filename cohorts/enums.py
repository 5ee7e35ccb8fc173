"""Statuses and choices of cohorts, applications, reviews and participants."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.enums import City
from semilla.transitions import StatusMachine

#: A cohort runs in one of the eight cities or online.
VIRTUAL = "virtual"
COHORT_CITY_CHOICES = [*City.choices, (VIRTUAL, pgettext_lazy("cohort city", "Virtual"))]


class CohortFormat(models.TextChoices):
    """How a cohort meets: it drives what the cohort page, the application and the
    e-mails promise (a virtual cohort never promises in-person workshops)."""

    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", pgettext_lazy("cohort format", "Virtual")
    MIXED = "mixed", _("Mixed: in person and online")


class Availability(models.TextChoices):
    """Coarse weekly availability, asked in the application and read by mentor matching
    (mentors.enums re-exports it; detailed slots are set later)."""

    WEEKDAY_MORNING = "weekday_morning", _("Weekday mornings")
    WEEKDAY_AFTERNOON = "weekday_afternoon", _("Weekday afternoons")
    WEEKDAY_EVENING = "weekday_evening", _("Weekday evenings")
    WEEKEND = "weekend", _("Weekends")


class CohortLanguage(models.TextChoices):
    SPANISH = "es", "Español"
    ENGLISH = "en", "English"


class BusinessStage(models.TextChoices):
    IDEA = "idea", _("Idea: not selling yet")
    EARLY = "early", _("Early: first sales, less than a year")
    OPERATING = "operating", _("Operating: selling for a year or more")


class Nationality(models.TextChoices):
    VENEZUELAN = "ve", _("Venezuelan")
    COLOMBIAN = "co", _("Colombian")
    DUAL = "co_ve", _("Colombian and Venezuelan")
    OTHER = "other", _("Other")


class ApplicationStep(models.TextChoices):
    """The steps of the application form, in order."""

    ABOUT = "about", _("About you")
    BUSINESS = "business", _("Your business")
    NEEDS = "needs", _("What you need")
    DOCUMENTS = "documents", _("Documents")
    CONSENT = "consent", _("Consent and submit")


STEP_ORDER: tuple[str, ...] = tuple(step.value for step in ApplicationStep)


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("application status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("application status", "In review")
    WAITLISTED = "waitlisted", pgettext_lazy("application status", "Waitlisted")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Offer made")
    CONFIRMED = "confirmed", pgettext_lazy("application status", "Seat confirmed")
    DECLINED = "declined", pgettext_lazy("application status", "Offer declined")
    EXPIRED = "expired", pgettext_lazy("application status", "Offer expired")
    REJECTED = "rejected", pgettext_lazy("application status", "Not selected")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")


S = ApplicationStatus
#: The only moves an application's status may make (see services.application_transition).
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.IN_REVIEW, S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.ACCEPTED, S.REJECTED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset({S.CONFIRMED, S.DECLINED, S.EXPIRED, S.WITHDRAWN}),
    S.CONFIRMED: frozenset({S.WITHDRAWN}),
    S.DECLINED: frozenset(),
    S.EXPIRED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
APPLICATION = StatusMachine(
    model="cohorts.Application",
    moves=ALLOWED_TRANSITIONS,
    history="cohorts.ApplicationStatusChange",
    history_fk="application",
)
#: Statuses in which the applicant may still withdraw.
WITHDRAWABLE = frozenset(s for s, targets in ALLOWED_TRANSITIONS.items() if S.WITHDRAWN in targets)
#: Submitted and not yet decided: what reviewers work on.
UNDER_REVIEW = frozenset({S.SUBMITTED, S.IN_REVIEW})
#: Statuses that can only follow a released decision.
DECIDED = frozenset({S.WAITLISTED, S.ACCEPTED, S.CONFIRMED, S.DECLINED, S.EXPIRED, S.REJECTED})


class Decision(models.TextChoices):
    """A staff decision, kept pending until decisions are released together."""

    ACCEPT = "accept", _("Accept")
    WAITLIST = "waitlist", _("Waitlist")
    REJECT = "reject", _("Reject")


DECISION_TO_STATUS = {
    Decision.ACCEPT: S.ACCEPTED,
    Decision.WAITLIST: S.WAITLISTED,
    Decision.REJECT: S.REJECTED,
}


class DocumentKind(models.TextChoices):
    IDENTITY = "identity", _("Identity document")
    BUSINESS = "business", _("Business evidence (photo, invoice, flyer)")


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("To review")
    SUBMITTED = "submitted", pgettext_lazy("review status", "Submitted")
    ABSTAINED = "abstained", _("Abstained")


#: A review is submitted or abstained from once; no history table (the row keeps the
#: time it was submitted).
ASSIGNMENT = StatusMachine(
    model="cohorts.ReviewAssignment",
    moves={
        AssignmentStatus.ASSIGNED: {AssignmentStatus.SUBMITTED, AssignmentStatus.ABSTAINED},
        AssignmentStatus.SUBMITTED: set(),
        AssignmentStatus.ABSTAINED: set(),
    },
)


class ParticipantStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("participant status", "Active")
    WITHDRAWN = "withdrawn", pgettext_lazy("participant status", "Withdrawn")
    COMPLETED = "completed", pgettext_lazy("participant status", "Completed")


#: A participant completes the cohort or leaves it (``left_at`` records when).
PARTICIPANT = StatusMachine(
    model="cohorts.Participant",
    moves={
        ParticipantStatus.ACTIVE: {ParticipantStatus.COMPLETED, ParticipantStatus.WITHDRAWN},
        # withdrawing the application withdraws the participant, even after completion
        ParticipantStatus.COMPLETED: {ParticipantStatus.WITHDRAWN},
        ParticipantStatus.WITHDRAWN: set(),
    },
)


class ConflictKind(models.TextChoices):
    """What a reviewer's conflict of interest is declared against."""

    PERSON = "person", _("A person who applied")
    BUSINESS = "business", _("A business")
    TEXT = "text", _("A name or e-mail, matched when reviews are assigned")
