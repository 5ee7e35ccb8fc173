"""Statuses and choices of pitch day and seed grants."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.transitions import StatusMachine


class Currency(models.TextChoices):
    COP = "COP", _("Colombian peso (COP)")
    USD = "USD", _("US dollar (USD)")


class GrantStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("grant status", "Draft")
    OFFERED = "offered", _("Offered, awaiting the agreement")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", pgettext_lazy("grant status", "Cancelled")


class TrancheStatus(models.TextChoices):
    LOCKED = "locked", _("Waiting for the milestone")
    PAYABLE = "payable", _("Payable")
    IN_PAYMENT = "in_payment", _("Payment in progress")
    PAID = "paid", pgettext_lazy("tranche status", "Paid")
    CANCELLED = "cancelled", pgettext_lazy("tranche status", "Cancelled")


class MilestoneStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUBMITTED = "submitted", _("Evidence submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", pgettext_lazy("milestone status", "Approved")


class DisbursementStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", pgettext_lazy("disbursement status", "Approved")
    PROCESSING = "processing", _("Processing")
    PAID = "paid", pgettext_lazy("disbursement status", "Paid")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", pgettext_lazy("disbursement status", "Cancelled")
    REVERSED = "reversed", _("Reversed by the provider")


class RailCode(models.TextChoices):
    STRIPE = "stripe", _("Stripe (connected account)")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    NEQUI = "nequi", "Nequi"
    DAVIPLATA = "daviplata", "Daviplata"
    CASH = "cash", _("Cash")


class PayoutDetailsStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the confirmation code")
    CONFIRMED = "confirmed", _("Confirmed")
    SUPERSEDED = "superseded", _("Replaced")


class BankAccountType(models.TextChoices):
    SAVINGS = "savings", _("Savings")
    CHECKING = "checking", _("Checking")


class LedgerAccount(models.TextChoices):
    """The accounts of the double-entry ledger (each fund has its own set)."""

    FUNDING = "funding", _("Funding sources (budget and contributions)")
    AVAILABLE = "available", _("Fund: available")
    COMMITTED = "committed", _("Grants: committed")
    PAID_OUT = "paid_out", _("Grants: paid out")


class EntryKind(models.TextChoices):
    BUDGET = "budget", _("Budget allocation")
    CONTRIBUTION = "contribution", _("Sponsor contribution")
    COMMITMENT = "commitment", _("Grant commitment")
    RELEASE = "release", _("Commitment released")
    DISBURSEMENT = "disbursement", _("Disbursement")
    REVERSAL = "reversal", _("Disbursement reversed")


#: Each kind of entry always moves money between the same two accounts (debit, credit).
ENTRY_ACCOUNTS = {
    EntryKind.BUDGET: (LedgerAccount.AVAILABLE, LedgerAccount.FUNDING),
    EntryKind.CONTRIBUTION: (LedgerAccount.AVAILABLE, LedgerAccount.FUNDING),
    EntryKind.COMMITMENT: (LedgerAccount.COMMITTED, LedgerAccount.AVAILABLE),
    EntryKind.RELEASE: (LedgerAccount.AVAILABLE, LedgerAccount.COMMITTED),
    EntryKind.DISBURSEMENT: (LedgerAccount.PAID_OUT, LedgerAccount.COMMITTED),
    EntryKind.REVERSAL: (LedgerAccount.COMMITTED, LedgerAccount.PAID_OUT),
}


class ContributionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for payment")
    PAID = "paid", pgettext_lazy("contribution status", "Paid")


class EvidenceKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt or invoice")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other document")


class IssueKind(models.TextChoices):
    MISSING_IN_LEDGER = "missing_in_ledger", _("At the provider but not in the ledger")
    MISSING_AT_PROVIDER = "missing_at_provider", _("In the ledger but not at the provider")
    AMOUNT = "amount", _("Amounts differ")
    STATUS = "status", _("Statuses differ")


# --- pitch day -----------------------------------------------------------------------------


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("pitch event status", "Draft")
    OPEN = "open", _("Open for submissions")
    SCORING = "scoring", _("Scoring open")
    LOCKED = "locked", _("Scoring locked")
    PUBLISHED = "published", _("Results published")


class JudgeStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class PitchStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("pitch status", "Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# --- the allowed moves of every status (semilla.transitions) ---------------------------------

_G, _T, _M, _D = GrantStatus, TrancheStatus, MilestoneStatus, DisbursementStatus
#: A grant's history (GrantEvent) also records its tranches' and milestones' moves, with
#: an ``action`` that names what moved; those are written with ``record``.
GRANT = StatusMachine(
    model="pitchday.Grant",
    moves={
        _G.DRAFT: {_G.OFFERED, _G.CANCELLED},
        _G.OFFERED: {_G.ACTIVE, _G.CANCELLED},
        _G.ACTIVE: {_G.COMPLETED, _G.CANCELLED},
        _G.COMPLETED: set(),
        _G.CANCELLED: set(),
    },
    history="pitchday.GrantEvent",
    history_fk="grant",
)
TRANCHE = StatusMachine(
    model="pitchday.Tranche",
    moves={
        _T.LOCKED: {_T.PAYABLE, _T.CANCELLED},
        _T.PAYABLE: {_T.IN_PAYMENT, _T.CANCELLED},
        # a cancelled payment makes the tranche payable again
        _T.IN_PAYMENT: {_T.PAYABLE, _T.PAID, _T.CANCELLED},
        _T.PAID: set(),
        _T.CANCELLED: set(),
    },
)
MILESTONE = StatusMachine(
    model="pitchday.Milestone",
    moves={
        # a milestone without required evidence is approved when the agreement is accepted
        _M.PENDING: {_M.SUBMITTED, _M.APPROVED},
        _M.SUBMITTED: {_M.APPROVED, _M.CHANGES_REQUESTED},
        _M.CHANGES_REQUESTED: {_M.SUBMITTED},
        _M.APPROVED: set(),
    },
)
DISBURSEMENT = StatusMachine(
    model="pitchday.Disbursement",
    moves={
        _D.REQUESTED: {_D.APPROVED, _D.CANCELLED},
        _D.APPROVED: {_D.PROCESSING, _D.REQUESTED, _D.CANCELLED},
        _D.PROCESSING: {_D.PAID, _D.FAILED},
        _D.FAILED: {_D.PROCESSING, _D.PAID, _D.CANCELLED},
        _D.PAID: {_D.REVERSED},
        _D.CANCELLED: set(),
        _D.REVERSED: set(),
    },
    history="pitchday.DisbursementTransition",
    history_fk="disbursement",
)
PAYOUT_DETAILS = StatusMachine(
    model="pitchday.PayoutDetails",
    moves={
        PayoutDetailsStatus.PENDING: {
            PayoutDetailsStatus.CONFIRMED,
            PayoutDetailsStatus.SUPERSEDED,
        },
        PayoutDetailsStatus.CONFIRMED: {PayoutDetailsStatus.SUPERSEDED},
        PayoutDetailsStatus.SUPERSEDED: set(),
    },
)
CONTRIBUTION = StatusMachine(
    model="pitchday.Contribution",
    moves={ContributionStatus.OPEN: {ContributionStatus.PAID}, ContributionStatus.PAID: set()},
)
_E = EventStatus
EVENT = StatusMachine(
    model="pitchday.PitchEvent",
    moves={
        _E.DRAFT: {_E.OPEN},
        _E.OPEN: {_E.SCORING, _E.DRAFT},
        _E.SCORING: {_E.LOCKED},
        _E.LOCKED: {_E.SCORING, _E.PUBLISHED},
        _E.PUBLISHED: set(),
    },
    history="pitchday.EventLog",
    history_fk="event",
)
#: Staff (re-)invite a judge who has not accepted; the judge answers, and may change
#: their answer.
JUDGE = StatusMachine(
    model="pitchday.Judge",
    moves={
        JudgeStatus.INVITED: {JudgeStatus.INVITED, JudgeStatus.ACCEPTED, JudgeStatus.DECLINED},
        JudgeStatus.ACCEPTED: {JudgeStatus.ACCEPTED, JudgeStatus.DECLINED},
        JudgeStatus.DECLINED: {JudgeStatus.INVITED, JudgeStatus.ACCEPTED, JudgeStatus.DECLINED},
    },
)
PITCH = StatusMachine(
    model="pitchday.Pitch",
    moves={
        PitchStatus.DRAFT: {PitchStatus.SUBMITTED, PitchStatus.WITHDRAWN},
        PitchStatus.SUBMITTED: {PitchStatus.WITHDRAWN},
        PitchStatus.WITHDRAWN: set(),
    },
)
