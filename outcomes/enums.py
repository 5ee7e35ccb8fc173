"""Choices of the outcomes app: survey waves, answer statuses and the answer scales."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


class WaveKind(models.TextChoices):
    """The four moments a participant is asked about their business."""

    BASELINE = "baseline", _("Baseline (seat confirmed)")
    END = "end", _("End of the cohort")
    MONTH_6 = "month_6", _("6 months after")
    MONTH_12 = "month_12", _("12 months after")


#: months after the cohort's last day at which each follow-up wave opens
FOLLOW_UP_MONTHS = {WaveKind.END: 0, WaveKind.MONTH_6: 6, WaveKind.MONTH_12: 12}
WAVE_ORDER = [WaveKind.BASELINE, WaveKind.END, WaveKind.MONTH_6, WaveKind.MONTH_12]


class ResponseStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("survey answer", "Not answered yet")
    ANSWERED = "answered", pgettext_lazy("survey answer", "Answered")


class ResponseChannel(models.TextChoices):
    SELF = "self", _("Answered by the person")
    PHONE = "phone", _("Taken by phone by staff")


class BusinessStatus(models.TextChoices):
    OPERATING = "operating", _("Operating (selling or serving clients)")
    PAUSED = "paused", _("Paused for now")
    CLOSED = "closed", _("Closed")
    NOT_STARTED = "not_started", _("Not started yet")


class SalesBand(models.IntegerChoices):
    """Monthly sales in Colombian pesos, as bands (people answer more readily and more
    truthfully with ranges). The order of the values is the order of the bands."""

    NONE = 0, _("No sales")
    UNDER_500K = 1, _("Less than $500.000")
    TO_1M = 2, _("$500.000 to $1.000.000")
    TO_2_5M = 3, _("$1.000.000 to $2.500.000")
    TO_5M = 4, _("$2.500.000 to $5.000.000")
    TO_10M = 5, _("$5.000.000 to $10.000.000")
    OVER_10M = 6, _("More than $10.000.000")


#: pesos per band: (lowest, highest); the open band counts as 15 million at most
SALES_BOUNDS = {
    SalesBand.NONE: (0, 0),
    SalesBand.UNDER_500K: (0, 500_000),
    SalesBand.TO_1M: (500_000, 1_000_000),
    SalesBand.TO_2_5M: (1_000_000, 2_500_000),
    SalesBand.TO_5M: (2_500_000, 5_000_000),
    SalesBand.TO_10M: (5_000_000, 10_000_000),
    SalesBand.OVER_10M: (10_000_000, 15_000_000),
}


class CreditSource(models.TextChoices):
    BANK = "bank", _("A bank")
    MICROFINANCE = "microfinance", _("A microfinance institution or cooperative")
    FINTECH = "fintech", _("A digital lender (app)")
    PUBLIC = "public", _("A public programme")
    FAMILY = "family", _("Family or friends")
    INFORMAL = "informal", _("An informal lender (gota a gota)")
    OTHER = "other", _("Other")


#: sources that are part of the financial system (counted as access to formal credit)
FORMAL_CREDIT = {
    CreditSource.BANK,
    CreditSource.MICROFINANCE,
    CreditSource.FINTECH,
    CreditSource.PUBLIC,
}


class CreditAmount(models.IntegerChoices):
    UNDER_1M = 1, _("Less than $1.000.000")
    TO_5M = 2, _("$1.000.000 to $5.000.000")
    TO_20M = 3, _("$5.000.000 to $20.000.000")
    OVER_20M = 4, _("More than $20.000.000")


class AlumniStatus(models.TextChoices):
    ALUMNI = "alumni", _("Alumni")
    MENTOR = "mentor", _("Alumni mentoring newer cohorts")
    INACTIVE = "inactive", pgettext_lazy("alumni status", "Inactive")


#: The survey answer: answered once (the answer's own events keep its history).
RESPONSE = StatusMachine(
    model="outcomes.Response",
    moves={ResponseStatus.PENDING: {ResponseStatus.ANSWERED}},
)
#: Alumni: mentoring newer cohorts or inactive, and back.
ALUMNI = StatusMachine(
    model="outcomes.Alumnus",
    moves={
        AlumniStatus.ALUMNI: {AlumniStatus.MENTOR, AlumniStatus.INACTIVE},
        AlumniStatus.MENTOR: {AlumniStatus.ALUMNI, AlumniStatus.INACTIVE},
        AlumniStatus.INACTIVE: {AlumniStatus.ALUMNI, AlumniStatus.MENTOR},
    },
    history="outcomes.AlumniStatusChange",
    history_fk="alumnus",
)


class AlumniConsentKind(models.TextChoices):
    """What an alumna or alumnus may say yes to (and withdraw at once)."""

    STORY = "story", _("Publishing my story on the Semilla site")
    DIRECTORY = "directory", _("My card in the public alumni directory")
    RESEARCH = "research", _("Anonymous use of my answers in impact studies")


class InvitationKind(models.TextChoices):
    EVENT = "event", _("Alumni event")
    MENTOR = "mentor", _("Mentoring a newer cohort")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation", "Not answered yet")
    ACCEPTED = "accepted", pgettext_lazy("invitation", "Yes")
    DECLINED = "declined", pgettext_lazy("invitation", "No")


#: An invitation: answered yes or no, and the person may change their mind (a place at an
#: event is taken again only while there is room).
INVITATION = StatusMachine(
    model="outcomes.AlumniInvitation",
    moves={
        InvitationStatus.PENDING: {InvitationStatus.ACCEPTED, InvitationStatus.DECLINED},
        InvitationStatus.ACCEPTED: {InvitationStatus.DECLINED},
        InvitationStatus.DECLINED: {InvitationStatus.ACCEPTED},
    },
)
