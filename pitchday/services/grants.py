"""Funds, grants, tranches, milestones, evidence and payout details."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from semilla import upload_pipeline
from semilla.account_security import notify_previous_address, security_code_address
from semilla.notifications import notify
from semilla.resubmission import lock_person, sent_again
from semilla.templatetags.semilla_tags import money
from semilla.transitions import record, transition

from ..enums import (
    DISBURSEMENT,
    GRANT,
    MILESTONE,
    PAYOUT_DETAILS,
    TRANCHE,
    DisbursementStatus,
    EntryKind,
    GrantStatus,
    MilestoneStatus,
    PayoutDetailsStatus,
    RailCode,
    TrancheStatus,
)
from ..models import (
    BudgetLine,
    Disbursement,
    Evidence,
    Fund,
    Grant,
    Milestone,
    PayoutDetails,
    PayoutDetailsUpdateRequest,
    Tranche,
)
from ..money import fund_balance, grant_balance
from . import ServiceError
from .duties import ensure_may_be_grantee, ensure_not_grantee, grantee_conflict
from .ledger import post_entry

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from semilla.models import User

CODE_TTL = timedelta(minutes=30)
CODE_MAX_ATTEMPTS = 5


# --- funds ---------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def fund_create(
    *,
    name: str,
    currency: str,
    budget: int,
    actor: User,
    donor: str = "",
    description: str = "",
    accepts_contributions: bool = False,
) -> Fund:
    fund = Fund.objects.create(
        name=name,
        currency=currency,
        donor=donor,
        description=description,
        accepts_contributions=accepts_contributions,
    )
    if budget:
        post_entry(
            fund=fund, kind=EntryKind.BUDGET, amount=budget, actor=actor, memo="opening budget"
        )
    return fund


@transaction.atomic(durable=True)
def fund_add_budget(*, fund: Fund, amount: int, actor: User) -> Fund:
    """Add money to a fund's budget. No free-text memo: ledger rows can never be erased,
    so they carry ids and references only (never a person's name)."""
    if amount <= 0:
        raise ServiceError(_("The amount must be greater than zero."))
    post_entry(fund=fund, kind=EntryKind.BUDGET, amount=amount, actor=actor, memo="budget added")
    return fund


# --- grants --------------------------------------------------------------------------------


@dataclass
class TrancheSpec:
    amount: int
    title: str
    evidence_required: str = ""
    description: str = ""
    due_date: date | None = None


def split_amount(*, amount: int, percentages: list[int]) -> list[int]:
    """Split ``amount`` by whole percentages summing to 100; the last part takes the rest."""
    if sum(percentages) != 100 or any(p <= 0 for p in percentages):
        raise ServiceError(_("Tranche percentages must be positive and add up to 100."))
    parts = [amount * p // 100 for p in percentages[:-1]]
    return [*parts, amount - sum(parts)]


def default_terms(*, business_name: str, amount: int, currency: str, language: str) -> str:
    with translation.override(language):
        return _(
            "Seed grant agreement for %(business)s.\n\n"
            "1. Semilla grants %(amount)s, paid in tranches. Each tranche after the first is "
            "paid once the programme team approves the evidence of its milestone.\n"
            "2. You will use the money only for the planned uses of your business and keep the "
            "receipts, which you will upload as evidence.\n"
            "3. Payments go only to the payout details you enter and confirm yourself.\n"
            "4. If the money is not used as agreed, the programme may stop the remaining "
            "tranches.\n"
            "5. Your data is processed to manage this grant, under Colombia's Law 1581 of 2012. "
            "Funders only receive aggregate figures."
        ) % {"business": business_name, "amount": money(amount, currency)}


def _record(
    grant: Grant, actor, action: str, from_status: str = "", to_status: str = "", note: str = ""
) -> None:
    record(
        grant,
        machine=GRANT,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        note=note[:300],
        action=action,
    )


def _next_reference() -> str:
    year = timezone.localdate().year
    for _attempt in range(20):
        reference = f"SG-{year}-{secrets.token_hex(3).upper()}"
        if not Grant.objects.filter(reference=reference).exists():
            return reference
    raise ServiceError("could not allocate a grant reference")  # pragma: no cover


def grant_create_nested(
    *,
    fund: Fund,
    grantee: User,
    business_name: str,
    amount: int,
    tranches: list[TrancheSpec],
    actor: User,
    budget_lines: Iterable[tuple[str, int]] = (),
    source_award_id: int | None = None,
) -> Grant:
    ensure_may_be_grantee(grantee=grantee, fund_id=fund.pk, actor=actor)
    if amount <= 0:
        raise ServiceError(_("The amount must be greater than zero."))
    if not tranches or sum(t.amount for t in tranches) != amount:
        raise ServiceError(_("The tranches must add up to the grant amount."))
    if any(t.amount <= 0 for t in tranches):
        raise ServiceError(_("Every tranche needs an amount greater than zero."))
    grant = Grant.objects.create(
        reference=_next_reference(),
        fund=fund,
        grantee=grantee,
        business_name=business_name,
        amount=amount,
        currency=fund.currency,
        created_by=actor,
        source_award_id=source_award_id,
        terms_es=default_terms(
            business_name=business_name, amount=amount, currency=fund.currency, language="es"
        ),
        terms_en=default_terms(
            business_name=business_name, amount=amount, currency=fund.currency, language="en"
        ),
    )
    for number, spec in enumerate(tranches, start=1):
        tranche = Tranche.objects.create(grant=grant, number=number, amount=spec.amount)
        Milestone.objects.create(
            tranche=tranche,
            title=spec.title,
            description=spec.description,
            evidence_required=spec.evidence_required,
            due_date=spec.due_date,
        )
    BudgetLine.objects.bulk_create(
        [BudgetLine(grant=grant, description=d[:150], amount=a) for d, a in budget_lines]
    )
    _record(grant, actor, "created", to_status=GrantStatus.DRAFT)
    return grant


@transaction.atomic(durable=True)
def grant_create(**kwargs: Any) -> Grant:
    return grant_create_nested(**kwargs)


def default_tranche_specs(*, amount: int, percentages: list[int]) -> list[TrancheSpec]:
    """Standard milestones: signing, first purchases, business running (extra tranches
    repeat the last one)."""
    parts = split_amount(amount=amount, percentages=percentages)
    specs = []
    for i, part in enumerate(parts):
        if i == 0:
            specs.append(TrancheSpec(part, _("Signing the agreement")))
        elif i == 1:
            specs.append(
                TrancheSpec(
                    part,
                    _("First purchases made"),
                    evidence_required=_("Receipts of the purchases and photos."),
                )
            )
        else:
            specs.append(
                TrancheSpec(
                    part,
                    _("Business running with the investment"),
                    evidence_required=_("Photos, sales records and a short report."),
                )
            )
    return specs


@transaction.atomic(durable=True)
def grant_create_by_staff(
    *,
    fund: Fund,
    grantee: User,
    business_name: str,
    amount: int,
    percentages: list[int],
    actor: User,
    offer: bool,
) -> Grant:
    grant = grant_create_nested(
        fund=fund,
        grantee=grantee,
        business_name=business_name,
        amount=amount,
        tranches=default_tranche_specs(amount=amount, percentages=percentages),
        actor=actor,
    )
    return grant_offer_nested(grant=grant, actor=actor) if offer else grant


def grant_offer_nested(*, grant: Grant, actor: User) -> Grant:
    """Commit the money (fund locked, never over-committed) and offer the agreement."""
    fund = Fund.objects.select_for_update().get(pk=grant.fund_id)
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.status != GrantStatus.DRAFT:
        raise GRANT.refusal(grant.status, GrantStatus.OFFERED)
    ensure_not_grantee(grantee_id=grant.grantee_id, actor=actor)
    available = fund_balance(fund=fund).available
    if grant.amount > available:
        raise ServiceError(
            _("The fund has %(available)s available; this grant needs %(amount)s.")
            % {
                "available": money(available, fund.currency),
                "amount": money(grant.amount, grant.currency),
            }
        )
    post_entry(
        fund=fund,
        kind=EntryKind.COMMITMENT,
        amount=grant.amount,
        grant=grant,
        actor=actor,
        memo=grant.reference,
    )
    transition(grant, machine=GRANT, to=GrantStatus.OFFERED, actor=actor, action="offered")
    notify(
        user=grant.grantee,
        key=f"pitchday/grant_offered:{grant.pk}",
        template="pitchday/grant_offered",
        context={
            "reference": grant.reference,
            "business": grant.business_name,
            "url": grant.get_absolute_url(),
        },
    )
    return grant


@transaction.atomic(durable=True)
def grant_offer(*, grant: Grant, actor: User) -> Grant:
    return grant_offer_nested(grant=grant, actor=actor)


def terms_digest(*, text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic(durable=True)
def grant_accept_agreement(*, grant: Grant, user: User, language: str, ip: str | None) -> Grant:
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.grantee_id != user.pk:
        raise ServiceError(_("Only the grantee can accept this agreement."))
    # a role given since the grant was created still rules the person out
    conflict = grantee_conflict(grantee=user, fund_id=grant.fund_id)
    if conflict:
        raise ServiceError(conflict)
    if grant.status != GrantStatus.OFFERED:
        raise GRANT.refusal(grant.status, GrantStatus.ACTIVE)
    language = "en" if language == "en" else "es"
    digest = terms_digest(text=grant.terms_for(language))
    transition(
        grant,
        machine=GRANT,
        to=GrantStatus.ACTIVE,
        actor=user,
        locked=True,
        fields={
            "accepted_at": timezone.now(),
            "accepted_language": language,
            "accepted_terms_sha256": digest,
            "accepted_ip": ip,
        },
        note=f"terms {grant.terms_version} ({language}) sha256 {digest}",
        action="agreement_accepted",
    )
    # Milestones without evidence (e.g. "sign the agreement") are met now.
    for milestone in Milestone.objects.select_related("tranche").filter(
        tranche__grant=grant, evidence_required="", status=MilestoneStatus.PENDING
    ):
        transition(
            milestone,
            machine=MILESTONE,
            to=MilestoneStatus.APPROVED,
            actor=user,
            fields={"reviewed_at": timezone.now()},
        )
        _make_payable(milestone.tranche, user)
    return grant


def _make_payable(tranche: Tranche, actor) -> None:
    if tranche.status == TrancheStatus.LOCKED and tranche.grant.status == GrantStatus.ACTIVE:
        transition(tranche, machine=TRANCHE, to=TrancheStatus.PAYABLE, actor=actor)
        _record(
            tranche.grant,
            actor,
            f"tranche_{tranche.number}_payable",
            TrancheStatus.LOCKED,
            TrancheStatus.PAYABLE,
        )


@transaction.atomic(durable=True)
def grant_cancel(*, grant: Grant, actor: User, note: str) -> Grant:
    """Stop a grant: unpaid tranches are cancelled and their money goes back to the fund."""
    Fund.objects.select_for_update().get(pk=grant.fund_id)
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.status not in (GrantStatus.DRAFT, GrantStatus.OFFERED, GrantStatus.ACTIVE):
        raise GRANT.refusal(grant.status, GrantStatus.CANCELLED)
    if (
        Disbursement.objects.filter(tranche__grant=grant)
        .exclude(
            status__in=[
                DisbursementStatus.PAID,
                DisbursementStatus.CANCELLED,
                DisbursementStatus.REVERSED,
                DisbursementStatus.REQUESTED,
            ]
        )
        .exists()
    ):
        raise ServiceError(_("A payment of this grant is under way; finish or cancel it first."))
    for disbursement in Disbursement.objects.select_for_update().filter(
        tranche__grant=grant, status=DisbursementStatus.REQUESTED
    ):
        _disbursement_cancelled(disbursement, actor, note or "grant cancelled")
    for tranche in (
        Tranche.objects.select_for_update()
        .filter(grant=grant)
        .exclude(status__in=[TrancheStatus.PAID, TrancheStatus.CANCELLED])
    ):
        transition(tranche, machine=TRANCHE, to=TrancheStatus.CANCELLED, actor=actor, locked=True)
    remaining = grant_balance(grant=grant).committed
    if remaining > 0:
        post_entry(
            fund=grant.fund,
            kind=EntryKind.RELEASE,
            amount=remaining,
            grant=grant,
            actor=actor,
            memo=f"{grant.reference} cancelled",
        )
    transition(
        grant,
        machine=GRANT,
        to=GrantStatus.CANCELLED,
        actor=actor,
        note=note[:300],
        locked=True,
        action="cancelled",
    )
    return grant


def _disbursement_cancelled(disbursement: Disbursement, actor, note: str) -> None:
    transition(
        disbursement,
        machine=DISBURSEMENT,
        to=DisbursementStatus.CANCELLED,
        actor=actor,
        note=note[:300],
        locked=True,
    )


# --- milestones and evidence ----------------------------------------------------------------


def clean_file(
    *, uploaded: UploadedFile, kind: upload_pipeline.UploadKind
) -> upload_pipeline.CleanUpload:
    """``uploaded`` through the one upload pipeline, once: the file to store, with its real
    type and size (a HEIC photo comes back as JPEG); the pipeline's message as a
    ``ServiceError``."""
    try:
        return upload_pipeline.clean_upload(uploaded, kind=kind)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0]) from exc


@transaction.atomic(durable=True)
def evidence_add(
    *,
    milestone: Milestone,
    user: User,
    uploaded: UploadedFile,
    kind: str,
    description: str = "",
    amount_spent: int | None = None,
    budget_line: BudgetLine | None = None,
) -> Evidence:
    milestone = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("tranche__grant")
        .get(pk=milestone.pk)
    )
    grant = milestone.tranche.grant
    if grant.grantee_id != user.pk:
        raise ServiceError(_("Only the grantee can add evidence."))
    if grant.status != GrantStatus.ACTIVE or milestone.status not in (
        MilestoneStatus.PENDING,
        MilestoneStatus.CHANGES_REQUESTED,
    ):
        raise ServiceError(_("Evidence cannot be added to this milestone now."))
    if budget_line is not None and budget_line.grant_id != grant.pk:
        raise ServiceError(_("Choose one of this grant's planned uses."))
    clean = clean_file(uploaded=uploaded, kind=upload_pipeline.EVIDENCE)
    evidence = Evidence(
        milestone=milestone,
        kind=kind,
        description=description,
        amount_spent=amount_spent,
        budget_line=budget_line,
        uploaded_by=user,
        original_name=(uploaded.name or "file")[-200:],
        content_type=clean.mime,
        size=len(clean.content),
    )
    evidence.file.save("evidence", clean, save=False)
    evidence.save()
    return evidence


@transaction.atomic(durable=True)
def milestone_submit(*, milestone: Milestone, user: User, report: str) -> Milestone:
    milestone = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("tranche__grant")
        .get(pk=milestone.pk)
    )
    if milestone.tranche.grant.grantee_id != user.pk:
        raise ServiceError(_("Only the grantee can submit this milestone."))
    if milestone.status not in (MilestoneStatus.PENDING, MilestoneStatus.CHANGES_REQUESTED):
        raise MILESTONE.refusal(milestone.status, MilestoneStatus.SUBMITTED)
    if not report.strip():
        raise ServiceError(_("Write a short report of what you did."))
    if milestone.needs_evidence and not milestone.evidence.exists():
        raise ServiceError(_("Upload at least one receipt or photo first."))
    previous = milestone.status
    transition(
        milestone,
        machine=MILESTONE,
        to=MilestoneStatus.SUBMITTED,
        actor=user,
        locked=True,
        fields={"report": report.strip(), "submitted_at": timezone.now()},
    )
    _record(
        milestone.tranche.grant,
        user,
        f"milestone_{milestone.tranche.number}_submitted",
        previous,
        MilestoneStatus.SUBMITTED,
    )
    return milestone


@transaction.atomic(durable=True)
def milestone_review(
    *, milestone: Milestone, actor: User, approve: bool, note: str = ""
) -> Milestone:
    """Staff approve the evidence (the tranche becomes payable) or ask for changes."""
    milestone = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("tranche__grant__grantee")
        .get(pk=milestone.pk)
    )
    target = MilestoneStatus.APPROVED if approve else MilestoneStatus.CHANGES_REQUESTED
    ensure_not_grantee(grantee_id=milestone.tranche.grant.grantee_id, actor=actor)
    if milestone.status != MilestoneStatus.SUBMITTED:
        raise MILESTONE.refusal(milestone.status, target)
    if not approve and not note.strip():
        raise ServiceError(_("Say what needs to change."))
    transition(
        milestone,
        machine=MILESTONE,
        to=target,
        actor=actor,
        locked=True,
        fields={
            "reviewed_by": actor,
            "reviewed_at": timezone.now(),
            "review_note": note.strip(),
        },
    )
    grant = milestone.tranche.grant
    _record(
        grant,
        actor,
        f"milestone_{milestone.tranche.number}_reviewed",
        MilestoneStatus.SUBMITTED,
        target,
        note,
    )
    if approve:
        _make_payable(milestone.tranche, actor)
    notify(
        user=grant.grantee,
        template="pitchday/milestone_reviewed",
        context={
            "reference": grant.reference,
            "milestone": milestone.title,
            "approved": approve,
            "note": milestone.review_note,
            "url": grant.get_absolute_url(),
        },
    )
    return milestone


# --- payout details --------------------------------------------------------------------------


def _new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


@transaction.atomic(durable=True)
def payout_details_submit(
    *,
    user: User,
    rail: str,
    holder_name: str,
    document_number: str = "",
    bank_name: str = "",
    account_type: str = "",
    account_number: str = "",
    phone: str = "",
    stripe_account_id: str = "",
) -> PayoutDetails:
    """The grantee enters new details; they wait for the code we send to the grantee."""
    if rail == RailCode.BANK_TRANSFER and not (bank_name and account_type and account_number):
        raise ServiceError(_("Enter the bank, the account type and the account number."))
    if rail in (RailCode.NEQUI, RailCode.DAVIPLATA) and not phone:
        raise ServiceError(_("Enter the mobile number of the wallet."))
    if rail == RailCode.STRIPE and not stripe_account_id:
        raise ServiceError(_("Connect your Stripe account first."))
    PayoutDetails.objects.select_for_update().filter(user=user).exists()  # serialise per user
    for pending in PayoutDetails.objects.select_for_update().filter(
        user=user, status=PayoutDetailsStatus.PENDING
    ):
        _payout_details_supersede(pending, at=timezone.now())
    details = PayoutDetails.objects.create(
        user=user,
        rail=rail,
        holder_name=holder_name,
        document_number=document_number,
        bank_name=bank_name,
        account_type=account_type,
        account_number=account_number,
        phone=phone,
        stripe_account_id=stripe_account_id,
    )
    _payout_details_send_code(details=details)
    return details


def _payout_details_send_code(*, details: PayoutDetails) -> None:
    """Send a new code for ``details`` to the one address that may receive security codes
    (``semilla.account_security.security_code_address``). When the person's address is too
    new, no code is sent: the details wait for a staff member's confirmation
    (``payout_details_confirm_by_staff``), with an empty ``code_hash``."""

    if security_code_address(details.user) is None:
        details.code_hash = ""
        details.code_expires_at = None
        details.code_attempts = 0
        details.save(update_fields=["code_hash", "code_expires_at", "code_attempts"])
        with translation.override(details.user.language or "es"):
            change = _("new payout details (%(destination)s)") % {"destination": str(details)}
        notify_previous_address(user=details.user, change=change)
        return
    code = _new_code()
    details.code_hash = make_password(code)
    details.code_expires_at = timezone.now() + CODE_TTL
    details.code_attempts = 0
    details.save(update_fields=["code_hash", "code_expires_at", "code_attempts"])
    notify(
        user=details.user,
        kind="security",
        template="pitchday/payout_code",
        context={
            "code": code,
            "minutes": int(CODE_TTL.total_seconds() // 60),
            "destination": str(details),
        },
    )


def payout_details_waiting_for_staff(*, details: PayoutDetails) -> bool:
    """Pending details for which no code was sent (the address is too new)."""
    return details.status == PayoutDetailsStatus.PENDING and not details.code_hash


@transaction.atomic(durable=True)
def payout_details_resend_code(*, user: User) -> PayoutDetails:
    details = (
        PayoutDetails.objects.select_for_update()
        .filter(user=user, status=PayoutDetailsStatus.PENDING)
        .first()
    )
    if details is None:
        raise ServiceError(_("There are no payout details waiting for confirmation."))
    _payout_details_send_code(details=details)
    return details


def payout_details_confirm(*, user: User, code: str) -> PayoutDetails:
    """Confirm pending details with the code. A wrong code is counted (committed) before
    the error is raised, so guessing stops after ``CODE_MAX_ATTEMPTS``."""
    details, error = _payout_details_confirm(user=user, code=code)
    if error or details is None:
        raise ServiceError(error)
    return details


@transaction.atomic(durable=True)
def _payout_details_confirm(*, user, code: str) -> tuple[PayoutDetails | None, str]:
    details = (
        PayoutDetails.objects.select_for_update()
        .filter(user=user, status=PayoutDetailsStatus.PENDING)
        .first()
    )
    if details is None:
        return None, _("There are no payout details waiting for confirmation.")
    if payout_details_waiting_for_staff(details=details):
        return None, _(
            "Your e-mail address changed recently, so we sent no code: a staff member will"
            " confirm these details."
        )
    expires = details.code_expires_at
    if details.code_attempts >= CODE_MAX_ATTEMPTS or expires is None or timezone.now() > expires:
        return None, _("The code has expired. Ask for a new one.")
    if not check_password(code.strip(), details.code_hash):
        details.code_attempts += 1
        details.save(update_fields=["code_attempts"])
        return None, _("The code is not correct.")
    _payout_details_make_confirmed(details)
    return details, ""


def _payout_details_supersede(details: PayoutDetails, *, at: datetime) -> None:
    """``details`` (locked) give way to newer ones: superseded at ``at``."""
    transition(
        details,
        machine=PAYOUT_DETAILS,
        to=PayoutDetailsStatus.SUPERSEDED,
        locked=True,
        fields={"superseded_at": at},
    )


def _payout_details_make_confirmed(details: PayoutDetails, *, confirmed_by=None) -> None:
    """``details`` (pending, locked) become the confirmed ones (``confirmed_by``: the staff
    member who confirmed held details; None for the person's own code); the previous
    confirmed details are superseded and payments approved to them need a fresh approval."""
    user = details.user
    now = timezone.now()
    previous = (
        PayoutDetails.objects.select_for_update()
        .filter(user=user, status=PayoutDetailsStatus.CONFIRMED)
        .first()
    )
    if previous is not None:
        _payout_details_supersede(previous, at=now)
        # Approved payments to the old destination need a fresh approval.
        for disbursement in Disbursement.objects.select_for_update().filter(
            payout_details=previous, status=DisbursementStatus.APPROVED
        ):
            transition(
                disbursement,
                machine=DISBURSEMENT,
                to=DisbursementStatus.REQUESTED,
                actor=None,
                note="payout details changed: approve again",
                locked=True,
                fields={"approved_by": None, "approved_at": None, "payout_details": None},
            )
    transition(
        details,
        machine=PAYOUT_DETAILS,
        to=PayoutDetailsStatus.CONFIRMED,
        actor=confirmed_by,
        locked=True,
        fields={"confirmed_at": now, "confirmed_by": confirmed_by, "code_hash": ""},
    )
    PayoutDetailsUpdateRequest.objects.filter(user=user, resolved_at__isnull=True).update(
        resolved_at=now
    )


@transaction.atomic(durable=True)
def payout_details_confirm_by_staff(*, details: PayoutDetails, actor: User) -> PayoutDetails:
    """A staff member confirms details that got no code because the person's e-mail address
    changed recently (after checking with the person through another channel). Never the
    person themself."""
    locked = PayoutDetails.objects.select_for_update().get(pk=details.pk)
    if not payout_details_waiting_for_staff(details=locked):
        raise ServiceError(_("These payout details are not waiting for staff confirmation."))
    if actor.pk == locked.user_id:
        raise ServiceError(_("Another person has to confirm your own payout details."))
    _payout_details_make_confirmed(locked, confirmed_by=actor)
    return locked


@transaction.atomic(durable=True)
def payout_details_request_update(
    *, user: User, actor: User, reason: str
) -> PayoutDetailsUpdateRequest:
    """Staff cannot change payout details; they ask the grantee to update them. The same
    request sent again moments later (a double tap, a reload) is the one already sent."""
    if not reason.strip():
        raise ServiceError(_("Say why the details need an update."))
    lock_person(user)
    again = sent_again(
        PayoutDetailsUpdateRequest.objects.filter(
            user=user, requested_by=actor, reason=reason.strip(), resolved_at__isnull=True
        ),
        at="created_at",
    )
    if again is not None:
        return again
    request = PayoutDetailsUpdateRequest.objects.create(
        user=user, requested_by=actor, reason=reason.strip()
    )
    notify(
        user=user, template="pitchday/payout_update_requested", context={"reason": request.reason}
    )
    return request
