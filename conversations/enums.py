"""Choices of the conversations app: report kinds, concern categories and the report's
status machine."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


class ReportKind(models.TextChoices):
    NO_SHOW = "no_show", _("Did not come to a session")
    SAFEGUARDING = "safeguarding", _("Safeguarding concern")


class ConcernCategory(models.TextChoices):
    """What a safeguarding concern is about (a no-show has no category)."""

    HARASSMENT = "harassment", _("Harassment or unwanted contact")
    DISCRIMINATION = "discrimination", _("Discrimination or insults")
    MONEY = "money", _("Asked for money, favours or a business deal")
    PRIVACY = "privacy", _("Shared my information without permission")
    SAFETY = "safety", _("I feel unsafe")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("report status", "Received")
    IN_REVIEW = "in_review", pgettext_lazy("report status", "In review")
    RESOLVED = "resolved", pgettext_lazy("report status", "Resolved")
    DISMISSED = "dismissed", pgettext_lazy("report status", "Closed without action")


OPEN_REPORT_STATUSES = (ReportStatus.NEW, ReportStatus.IN_REVIEW)

S = ReportStatus
#: A report is triaged (in review), then resolved (for a no-show: confirmed) or dismissed.
#: Staff may reopen a closed report for review.
REPORT = StatusMachine(
    model="conversations.Report",
    moves={
        S.NEW: {S.IN_REVIEW, S.RESOLVED, S.DISMISSED},
        S.IN_REVIEW: {S.RESOLVED, S.DISMISSED},
        S.RESOLVED: {S.IN_REVIEW},
        S.DISMISSED: {S.IN_REVIEW},
    },
    history="conversations.ReportEvent",
    history_fk="report",
)


class ReportAction(models.TextChoices):
    """What one row of a report's history records."""

    CREATED = "created", _("Report received")
    STATUS = "status", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    NOTE = "note", _("Staff note")
    DISCLOSED = "disclosed", _("Reporter's name shown to the reported person")
    HIDDEN = "hidden", _("Reporter's name hidden again")
