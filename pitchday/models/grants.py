"""Seed grants: funds, grants, tranches, milestones, payout details, disbursements and the
append-only double-entry ledger. Money is integer minor units plus an ISO 4217 code."""

import re
import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.constraints import choice_check
from semilla.fields import actor_field
from semilla.transitions import StatusHistory
from semilla.upload_pipeline import UploadModelField

from ..enums import (
    ENTRY_ACCOUNTS,
    BankAccountType,
    ContributionStatus,
    Currency,
    DisbursementStatus,
    EntryKind,
    EvidenceKind,
    GrantStatus,
    IssueKind,
    LedgerAccount,
    MilestoneStatus,
    PayoutDetailsStatus,
    RailCode,
    TrancheStatus,
)

USER = settings.AUTH_USER_MODEL


class _PrivateStorage(Storage):
    """Looks up the "private" storage alias on every use, so a change of settings (tests,
    object storage in production) is always honoured."""

    def __getattribute__(self, name):
        if name.startswith("__"):
            return object.__getattribute__(self, name)
        return getattr(storages["private"], name)


def private_storage() -> Storage:
    """The storage of files that are never public (evidence, decks, proofs)."""
    return _PrivateStorage()


#: The name the first migrations recorded (the same function, so no migration changes).
_private_storage = private_storage


class Fund(models.Model):
    """Money of one programme or donor, in one currency. Its balances come from the ledger."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    donor = models.CharField(_("programme or donor"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.COP
    )
    accepts_contributions = models.BooleanField(
        _("accepts online contributions"),
        default=False,
        help_text=_("Sponsors may contribute through a card payment page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Grant(models.Model):
    """A seed grant to one person, paid in tranches against milestones."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    fund = models.ForeignKey(
        Fund, on_delete=models.PROTECT, related_name="grants", verbose_name=_("fund")
    )
    grantee = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="grants", verbose_name=_("grantee")
    )
    business_name = models.CharField(_("business"), max_length=150)
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.COP
    )
    status = models.CharField(
        _("status"), max_length=16, choices=GrantStatus.choices, default=GrantStatus.DRAFT
    )
    terms_es = models.TextField(_("agreement terms (Spanish)"))
    terms_en = models.TextField(_("agreement terms (English)"))
    terms_version = models.CharField(_("terms version"), max_length=20, default="2026-11")
    accepted_at = models.DateTimeField(_("agreement accepted"), null=True, blank=True)
    accepted_language = models.CharField(_("agreement language"), max_length=5, blank=True)
    accepted_terms_sha256 = models.CharField(
        _("fingerprint of the accepted terms"), max_length=64, blank=True
    )
    accepted_ip = models.GenericIPAddressField(_("accepted from IP"), null=True, blank=True)
    source_award_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text=_("The pitch-day award this grant comes from, if any."),
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("seed grant")
        verbose_name_plural = _("seed grants")
        ordering = ["-created_at"]
        # the finance desk's list pages newest first (issue 22: 25,000 grants)
        indexes = [models.Index(fields=["created_at"], name="grant_created_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
            choice_check("status", GrantStatus, name="grant_status_valid"),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | ~Q(accepted_terms_sha256=""),
                name="grant_acceptance_recorded",
            ),
            # separation of duties: nobody awards a grant to themselves
            models.CheckConstraint(
                condition=~Q(grantee=F("created_by")), name="grant_grantee_not_creator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.business_name}"

    def get_absolute_url(self) -> str:
        return reverse("pitchday:grant_detail", args=[self.reference])

    def terms_for(self, language: str) -> str:
        return self.terms_en if language == "en" else self.terms_es


class Tranche(models.Model):
    grant = models.ForeignKey(
        Grant, on_delete=models.PROTECT, related_name="tranches", verbose_name=_("grant")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))
    status = models.CharField(
        _("status"), max_length=16, choices=TrancheStatus.choices, default=TrancheStatus.LOCKED
    )

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["grant", "number"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "number"], name="tranche_number_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="tranche_amount_positive"),
            choice_check("status", TrancheStatus, name="tranche_status_valid"),
        ]

    def __str__(self) -> str:
        return _("Tranche %(number)s of %(grant)s") % {
            "number": self.number,
            "grant": self.grant.reference,
        }


class Milestone(models.Model):
    """What the grantee must achieve (and show) before a tranche is paid."""

    tranche = models.OneToOneField(
        Tranche, on_delete=models.PROTECT, related_name="milestone", verbose_name=_("tranche")
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    evidence_required = models.TextField(
        _("evidence required"),
        blank=True,
        help_text=_(
            "Leave empty when no evidence is needed (e.g. the first tranche, paid on "
            "signing the agreement)."
        ),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PENDING
    )
    report = models.TextField(_("short report"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = actor_field()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        # the desk: milestones awaiting review (a count on its home), oldest first
        indexes = [models.Index(fields=["status", "submitted_at"], name="milestone_review_idx")]
        constraints = [
            choice_check("status", MilestoneStatus, name="milestone_status_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def needs_evidence(self) -> bool:
        return bool(self.evidence_required.strip())


class BudgetLine(models.Model):
    """Planned use of the grant (from the pitch's itemised use of funds or set by staff)."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("item"), max_length=150)
    amount = models.PositiveBigIntegerField(_("planned amount (minor units)"))

    class Meta:
        verbose_name = _("planned use")
        verbose_name_plural = _("planned uses")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


def evidence_upload_to(instance, filename: str) -> str:
    return f"grants/evidence/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A receipt, photo or document the grantee uploads for a milestone (private file)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    file = UploadModelField(
        _("file"),
        kind=upload_pipeline.EVIDENCE,
        upload_to=evidence_upload_to,
        storage=private_storage,
        max_length=200,
    )
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount_spent = models.PositiveBigIntegerField(
        _("amount spent (minor units)"), null=True, blank=True
    )
    budget_line = models.ForeignKey(
        BudgetLine,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="receipts",
        verbose_name=_("planned use"),
    )
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class PayoutDetails(models.Model):
    """Where a grantee wants to be paid. Entered only by the grantee, confirmed by a code sent
    to them. Never edited: a change is a new row; the confirmed row it replaces is kept as
    superseded (the change log)."""

    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="payout_details")
    rail = models.CharField(_("payment method"), max_length=16, choices=RailCode.choices)
    holder_name = models.CharField(_("account holder"), max_length=150)
    document_number = models.CharField(_("holder's document number"), max_length=30, blank=True)
    bank_name = models.CharField(_("bank"), max_length=80, blank=True)
    account_type = models.CharField(
        _("account type"), max_length=10, choices=BankAccountType.choices, blank=True
    )
    account_number = models.CharField(_("account number"), max_length=34, blank=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    stripe_account_id = models.CharField(max_length=40, blank=True)
    stripe_payouts_enabled = models.BooleanField(default=False)
    stripe_synced_at = models.BigIntegerField(
        null=True, blank=True, help_text="created time of the last account event"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PayoutDetailsStatus.choices,
        default=PayoutDetailsStatus.PENDING,
    )
    code_hash = models.CharField(max_length=128, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by staff"),
        help_text=_("Empty when the person confirmed with the e-mailed code."),
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("payout details")
        verbose_name_plural = _("payout details")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="confirmed"),
                name="one_confirmed_payout_details_per_user",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="one_pending_payout_details_per_user",
            ),
            choice_check("status", PayoutDetailsStatus, name="payout_details_status_valid"),
            choice_check("rail", RailCode, name="payout_details_rail_valid"),
            # nobody confirms their own held details (separation of duties)
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("user")),
                name="payout_details_not_confirmed_by_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rail_display()} · {self.masked}"

    @property
    def masked(self) -> str:
        """The destination with all but the last four characters hidden."""
        value = self.account_number or self.phone or self.stripe_account_id
        if self.rail == RailCode.CASH:
            return self.holder_name
        return ("•" * max(0, len(value) - 4)) + value[-4:] if value else ""


class PayoutDetailsUpdateRequest(models.Model):
    """Staff cannot edit payout details; they ask the grantee to update them."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reason


class Disbursement(models.Model):
    """One payment of one tranche. Four eyes: the approver is never the requester."""

    tranche = models.ForeignKey(
        Tranche, on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("tranche")
    )
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DisbursementStatus.choices,
        default=DisbursementStatus.REQUESTED,
    )
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    rail = models.CharField(
        _("payment method"), max_length=16, choices=RailCode.choices, blank=True
    )
    payout_details = models.ForeignKey(
        PayoutDetails, null=True, blank=True, on_delete=models.PROTECT, related_name="disbursements"
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    approved_by = actor_field(_("approved by"))
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    provider_reference = models.CharField(_("payment reference"), max_length=120, blank=True)
    proof = UploadModelField(
        _("proof of payment"),
        kind=upload_pipeline.PROOF,
        upload_to=evidence_upload_to,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    proof_content_type = models.CharField(max_length=100, blank=True)
    recorded_by = actor_field(_("recorded by"))
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    failure_definitive = models.BooleanField(default=False)
    amount_reversed = models.PositiveBigIntegerField(default=0)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["-requested_at", "-pk"]
        # the payments queue: open payments (or one status), oldest request first
        indexes = [
            models.Index(fields=["status", "requested_at"], name="disbursement_queue_idx"),
            models.Index(fields=["requested_at"], name="disbursement_requested_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("requested_by")),
                name="disbursement_four_eyes",
            ),
            # separation of duties: whoever asked for a payment does not record it as paid
            # (the grantee never requests, approves nor records it: trigger, migration 0006)
            models.CheckConstraint(
                condition=Q(recorded_by__isnull=True) | ~Q(recorded_by=F("requested_by")),
                name="disbursement_recorder_not_requester",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_amount_positive"),
            choice_check("status", DisbursementStatus, name="disbursement_status_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["requested", "cancelled"]) | Q(approved_by__isnull=False),
                name="disbursement_approved_has_approver",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(paid_at__isnull=False),
                name="disbursement_paid_has_time",
            ),
            models.UniqueConstraint(
                fields=["tranche"],
                condition=~Q(status="cancelled"),
                name="one_live_disbursement_per_tranche",
            ),
        ]

    def __str__(self) -> str:
        return _("Disbursement %(id)s") % {"id": self.pk}

    @property
    def grant(self) -> Grant:
        return self.tranche.grant


class DisbursementTransition(
    StatusHistory.of(
        DisbursementStatus, _("disbursement status change"), _("disbursement status changes")
    )
):
    """History of a disbursement: who moved it, when, from where to where, and why."""

    disbursement = models.ForeignKey(
        Disbursement, on_delete=models.PROTECT, related_name="transitions"
    )


class GrantEvent(StatusHistory):
    """History of a grant, its tranches and milestones (who, when, what): ``action`` names
    what happened (``offered``, ``tranche_2_payable``, ``milestone_1_reviewed``...), and
    ``from_status``/``to_status`` are the statuses of whatever moved (blank for an event
    that moves nothing)."""

    grant = models.ForeignKey(Grant, on_delete=models.PROTECT, related_name="history")
    action = models.CharField(_("action"), max_length=40)

    class Meta(StatusHistory.Meta):
        verbose_name = _("grant event")
        verbose_name_plural = _("grant events")

    def __str__(self) -> str:
        return self.action

    def get_action_display(self) -> str:
        """What happened, in words ("Tramo 2 listo para pagar"), never the stored code."""
        match = re.fullmatch(r"(tranche|milestone)_(\d+)_(\w+)", self.action)
        if match:
            kind, number, what = match.groups()
            template = _NUMBERED_ACTIONS.get((kind, what))
            if template is not None:
                return str(template) % {"number": number}
        return str(_ACTIONS.get(self.action, self.action))

    def get_from_status_display(self) -> str:
        return _status_label(self.from_status)

    def get_to_status_display(self) -> str:
        return _status_label(self.to_status)


_ACTIONS = {
    "created": _("Grant created"),
    "offered": _("Grant offered"),
    "agreement_accepted": _("Agreement accepted"),
    "cancelled": _("Grant cancelled"),
    "completed": _("Grant completed"),
}
_NUMBERED_ACTIONS = {
    ("tranche", "payable"): _("Tranche %(number)s ready to pay"),
    ("milestone", "submitted"): _("Milestone %(number)s: evidence sent"),
    ("milestone", "reviewed"): _("Milestone %(number)s reviewed"),
}


def _status_label(value: str) -> str:
    """A grant's, tranche's or milestone's status as words (a grant event may be about any
    of them; the grant's own words win where two share a value)."""
    for choices in (GrantStatus, TrancheStatus, MilestoneStatus):
        if value in choices.values:
            return str(choices(value).label)
    return value


class Contribution(models.Model):
    """A sponsor's contribution through Stripe Checkout; credited only by the signed webhook."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="contributions")
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))
    currency = models.CharField(max_length=3, choices=Currency.choices)
    sponsor_name = models.CharField(_("name or organisation"), max_length=150)
    sponsor_email = models.EmailField(_("e-mail"))
    checkout_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=ContributionStatus.choices, default=ContributionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="contribution_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.sponsor_name} · {self.fund}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerImmutableError("ledger entries cannot be updated")

    def delete(self):
        raise LedgerImmutableError("ledger entries cannot be deleted")


class LedgerImmutableError(Exception):
    pass


class LedgerEntry(models.Model):
    """One balanced movement: ``amount`` leaves ``credit`` and enters ``debit``. Rows are only
    ever inserted (enforced here, and by a trigger in the database); balances are sums."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="ledger_entries")
    kind = models.CharField(max_length=14, choices=EntryKind.choices)
    debit = models.CharField(max_length=10, choices=LedgerAccount.choices)
    credit = models.CharField(max_length=10, choices=LedgerAccount.choices)
    amount = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    grant = models.ForeignKey(
        Grant, null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    disbursement = models.ForeignKey(
        Disbursement, null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    #: distinguishes several reversals of one disbursement (the provider's reversal id)
    external_id = models.CharField(max_length=120, blank=True)
    memo = models.CharField(max_length=200, blank=True)
    created_by = actor_field()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(condition=~Q(debit=F("credit")), name="ledger_two_accounts"),
            models.CheckConstraint(
                condition=Q(
                    *[Q(kind=k, debit=d, credit=c) for k, (d, c) in ENTRY_ACCOUNTS.items()],
                    _connector=Q.OR,
                ),
                name="ledger_kind_accounts",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["commitment", "release", "disbursement", "reversal"])
                | Q(grant__isnull=False),
                name="ledger_grant_entries_have_grant",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["disbursement", "reversal"]) | Q(disbursement__isnull=False),
                name="ledger_payment_entries_have_disbursement",
            ),
            models.UniqueConstraint(
                fields=["disbursement"],
                condition=Q(kind="disbursement"),
                name="one_ledger_payment_per_disbursement",
            ),
            models.UniqueConstraint(
                fields=["disbursement", "external_id"],
                condition=Q(kind="reversal"),
                name="one_ledger_entry_per_reversal",
            ),
            models.UniqueConstraint(
                fields=["contribution"],
                condition=Q(kind="contribution"),
                name="one_ledger_entry_per_contribution",
            ),
            models.UniqueConstraint(
                fields=["grant"], condition=Q(kind="commitment"), name="one_commitment_per_grant"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} {self.currency}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerImmutableError("ledger entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerImmutableError("ledger entries cannot be deleted")


class StripeEvent(models.Model):
    """Every Stripe event we processed, once (its id is unique)."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.BigIntegerField(help_text="Stripe's created time (epoch seconds)")
    object_id = models.CharField(max_length=255, blank=True)
    source = models.CharField(max_length=16, default="webhook")
    processed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class ReconciliationRun(models.Model):
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    events_recovered = models.PositiveIntegerField(default=0)
    transfers_checked = models.PositiveIntegerField(default=0)
    issues_found = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"reconciliation {self.started_at:%Y-%m-%d %H:%M}"


class ReconciliationIssueQuerySet(models.QuerySet):
    def open(self) -> "ReconciliationIssueQuerySet":
        """The differences nobody has resolved yet (the desk's list and its count, both
        over ``recon_issue_open_idx``)."""
        return self.filter(resolved_at__isnull=True)


class ReconciliationIssue(models.Model):
    """A difference between the provider and the ledger, flagged once."""

    kind = models.CharField(_("kind"), max_length=24, choices=IssueKind.choices)
    external_id = models.CharField(_("provider object"), max_length=120)
    disbursement = models.ForeignKey(
        Disbursement, null=True, blank=True, on_delete=models.PROTECT, related_name="issues"
    )
    expected = models.CharField(_("in the ledger"), max_length=120, blank=True)
    found = models.CharField(_("at the provider"), max_length=120, blank=True)
    run = models.ForeignKey(
        ReconciliationRun, null=True, blank=True, on_delete=models.PROTECT, related_name="issues"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = actor_field()
    resolution_note = models.CharField(max_length=300, blank=True)

    objects = ReconciliationIssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("reconciliation issue")
        verbose_name_plural = _("reconciliation issues")
        ordering = ["-created_at", "-pk"]
        # the reconciliation desk: open differences, newest first
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="recon_issue_open_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "external_id"], name="reconciliation_issue_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.external_id}"
