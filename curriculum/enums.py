"""Choices of the curriculum: lesson levels, topics, callout kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


class Level(models.TextChoices):
    BEGINNER = "beginner", pgettext_lazy("lesson level", "Beginner")
    INTERMEDIATE = "intermediate", pgettext_lazy("lesson level", "Intermediate")


class Topic(models.TextChoices):
    FINANCE = "finance", _("Finance")
    MARKETING = "marketing", _("Marketing")
    FORMALISATION = "formalisation", _("Formalisation")
    DIGITAL = "digital", _("Digital tools")
    OPERATIONS = "operations", _("Operations")
    PITCHING = "pitching", _("Pitching")
    FINANCIAL_INCLUSION = "financial_inclusion", _("Financial inclusion")


class CalloutKind(models.TextChoices):
    TIP = "tip", pgettext_lazy("callout kind", "Tip")
    WARNING = "warning", pgettext_lazy("callout kind", "Warning")
    INFO = "info", pgettext_lazy("callout kind", "Good to know")


class CertificateStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("certificate status", "Valid")
    REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")


#: valid -> revoked is the only move (who, when and why are kept on the certificate).
CERTIFICATE = StatusMachine(
    model="curriculum.Certificate",
    moves={CertificateStatus.VALID: {CertificateStatus.REVOKED}, CertificateStatus.REVOKED: set()},
)


#: A quiz is passed with at least this share of correct answers (in percent).
QUIZ_PASS_PERCENT = 60
