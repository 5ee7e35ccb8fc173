"""Choices of the privacy package."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..transitions import StatusMachine


class DataRequestKind(models.TextChoices):
    """Law 1581, art. 14 (queries) and 15 (claims)."""

    QUERY = "query", _("Query: what data do you hold about me?")
    CORRECTION = "correction", _("Claim: correct or update my data")
    ERASURE = "erasure", _("Claim: erase my data")
    REVOCATION = "revocation", _("Claim: revoke an authorisation")


#: Business days to answer (Law 1581, arts. 14 and 15) and the extension allowed.
DEADLINE_DAYS = {
    DataRequestKind.QUERY: 10,
    DataRequestKind.CORRECTION: 15,
    DataRequestKind.ERASURE: 15,
    DataRequestKind.REVOCATION: 15,
}
EXTENSION_DAYS = {
    DataRequestKind.QUERY: 5,
    DataRequestKind.CORRECTION: 8,
    DataRequestKind.ERASURE: 8,
    DataRequestKind.REVOCATION: 8,
}


class DataRequestStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("data request status", "Received")
    IN_PROGRESS = "in_progress", pgettext_lazy("data request status", "In progress")
    COMPLETED = "completed", pgettext_lazy("data request status", "Answered")
    REJECTED = "rejected", pgettext_lazy("data request status", "Refused")


S = DataRequestStatus
#: The only moves a request's status may make (see services.data_request_transition).
REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.IN_PROGRESS, S.COMPLETED, S.REJECTED}),
    S.IN_PROGRESS: frozenset({S.COMPLETED, S.REJECTED}),
    S.COMPLETED: frozenset(),
    S.REJECTED: frozenset(),
}
DATA_REQUEST = StatusMachine(
    model="semilla.DataRequest",
    moves=REQUEST_TRANSITIONS,
    history="semilla.DataRequestEvent",
    history_fk="request",
)


class ErasureReason(models.TextChoices):
    REQUEST = "request", _("The person asked")
    RETENTION = "retention", _("Inactive account past the retention period")
    STAFF = "staff", _("Decided by data-protection staff")


class ErasureSource(models.TextChoices):
    ORIGINAL = "original", _("Original erasure")
    REPLAY = "replay", _("Re-applied after a restore")


class DataExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready to download")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")
