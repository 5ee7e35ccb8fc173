"""Choices of the market app: the showcase, expressions of interest, financial providers and
referrals, with the status machines of interests and referrals."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


class InterestKind(models.TextChoices):
    INVESTOR = "investor", _("Investor")
    BUYER = "buyer", _("Buyer")
    MENTOR = "mentor", pgettext_lazy("supporter", "Mentor")


class InterestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("interest", "New")
    ROUTED = "routed", _("Sent to the entrepreneur")
    AGREED = "agreed", _("The entrepreneur agreed")
    DECLINED = "declined", _("The entrepreneur declined")
    INTRODUCED = "introduced", _("Introduction sent")
    CLOSED = "closed", pgettext_lazy("interest", "Closed by staff")


class ProviderKind(models.TextChoices):
    BANK = "bank", _("Bank")
    COOPERATIVE = "cooperative", _("Savings and credit cooperative")
    MICROFINANCE = "microfinance", _("Microfinance institution")
    FINTECH = "fintech", _("Fintech or digital wallet")


class Product(models.TextChoices):
    """What a provider offers; each has a yes/no field on the provider (``offers_<value>``)."""

    ACCOUNT = "account", _("Savings or bank account")
    WALLET = "wallet", _("Digital wallet")
    MICROCREDIT = "microcredit", _("Microcredit")
    BUSINESS_LOAN = "business_loan", _("Business loan")
    INSURANCE = "insurance", _("Microinsurance")


class AcceptedDocument(models.TextChoices):
    """Migrant documents a provider accepts; each has a field ``accepts_<value>``."""

    PPT = "ppt", _("PPT (Permiso por Protección Temporal)")
    PEP = "pep", _("PEP (Permiso Especial de Permanencia)")
    PASSPORT = "passport", _("Passport")
    CEDULA_EXTRANJERIA = "cedula_extranjeria", _("Cédula de extranjería")


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    APPLIED = "applied", pgettext_lazy("referral", "Applied")
    APPROVED = "approved", pgettext_lazy("referral", "Approved")
    DECLINED = "declined", pgettext_lazy("referral", "Declined")


#: An expression of interest: staff send it to the entrepreneur (or close it as spam), she
#: agrees or declines, and only after she agrees do staff send the introduction.
INTEREST = StatusMachine(
    model="market.Interest",
    moves={
        InterestStatus.NEW: {InterestStatus.ROUTED, InterestStatus.CLOSED},
        InterestStatus.ROUTED: {InterestStatus.AGREED, InterestStatus.DECLINED},
        InterestStatus.AGREED: {InterestStatus.INTRODUCED},
        InterestStatus.DECLINED: set(),
        InterestStatus.INTRODUCED: set(),
        InterestStatus.CLOSED: set(),
    },
    history="market.InterestStatusChange",
    history_fk="interest",
)

#: A referral to a financial provider and its outcome.
REFERRAL = StatusMachine(
    model="market.Referral",
    moves={
        ReferralStatus.REFERRED: {ReferralStatus.APPLIED},
        ReferralStatus.APPLIED: {ReferralStatus.APPROVED, ReferralStatus.DECLINED},
        ReferralStatus.APPROVED: set(),
        ReferralStatus.DECLINED: set(),
    },
    history="market.ReferralStatusChange",
    history_fk="referral",
)
