"""Choices of the community app: guide topics and the kinds of free-help offices."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideTopic(models.TextChoices):
    DOCUMENTS = "documents", _("Migration documents")
    WORK = "work", _("Work and employment")
    BUSINESS = "business", _("Your business")
    MONEY = "money", _("Banks and money")
    HEALTH = "health", _("Health and social security")
    HELP = "help", _("Free help")
    EMPLOYERS = "employers", _("For employers")


class HelpOfficeKind(models.TextChoices):
    MIGRATION = "migration", _("Migration office")
    LABOUR = "labour", _("Labour inspection")
    RIGHTS = "rights", _("Rights and ombudsman")
    LEGAL_CLINIC = "legal_clinic", _("Free legal clinic")
    BUSINESS = "business", _("Business registration")
    EMPLOYMENT = "employment", _("Employment service")
