"""Choices of the community app: guide topics, the kinds of free-help offices, and the
statuses of employer partners and their posts (with their tables of allowed moves)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


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


# --- employer partners -----------------------------------------------------------------------


class PartnerStatus(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("employer partner", "Applied")
    APPROVED = "approved", pgettext_lazy("employer partner", "Approved")
    DECLINED = "declined", pgettext_lazy("employer partner", "Declined")


#: Staff review an organisation's registration once: approved or declined.
PARTNER = StatusMachine(
    model="community.EmployerPartner",
    moves={PartnerStatus.APPLIED: {PartnerStatus.APPROVED, PartnerStatus.DECLINED}},
    history="community.PartnerStatusChange",
    history_fk="partner",
)


class PartnerSize(models.TextChoices):
    MICRO = "micro", _("1 to 10 people")
    SMALL = "small", _("11 to 50 people")
    MEDIUM = "medium", _("51 to 200 people")
    LARGE = "large", _("More than 200 people")


class PostKind(models.TextChoices):
    JOB = "job", _("Job")
    SUPPLIER = "supplier", _("Supplier need")


class PostStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("job post", "Open")
    CLOSED = "closed", pgettext_lazy("job post", "Closed")


#: A post is closed by its partner or by staff, and may be opened again.
POST = StatusMachine(
    model="community.PartnerPost",
    moves={PostStatus.OPEN: {PostStatus.CLOSED}, PostStatus.CLOSED: {PostStatus.OPEN}},
    history="community.PostStatusChange",
    history_fk="post",
)


class CommitmentKind(models.TextChoices):
    HIRES = "hires", _("Hire migrants or local participants")
    PURCHASES = "purchases", _("Buy from participants' businesses")
    OTHER = "other", _("Other commitment")
