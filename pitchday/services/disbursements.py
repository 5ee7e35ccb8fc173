"""Disbursements: request (staff) -> approve (finance, not the requester) -> processing (a
django-q2 task calls the rail with the disbursement's idempotency key) -> paid | failed
(-> retried with the same key) | cancelled; paid -> reversed when the provider pulls it back.

The ledger entry of a payment is written in the same transaction that marks it paid, under
a unique constraint (one per disbursement), so no path can pay or book twice."""

from __future__ import annotations

import uuid
from functools import partial
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from semilla import upload_pipeline
from semilla.notifications import notify
from semilla.permissions import is_finance, is_programme_staff
from semilla.transitions import record, transition

from ..enums import (
    DISBURSEMENT,
    GRANT,
    TRANCHE,
    DisbursementStatus,
    EntryKind,
    GrantStatus,
    PayoutDetailsStatus,
    TrancheStatus,
)
from ..models import Disbursement, LedgerEntry, Tranche
from ..rails import RailResult, get_rail
from ..selectors.grants import payout_details_current
from . import ServiceError
from .duties import ensure_not_grantee
from .grants import clean_file
from .ledger import post_entry
from .reconciliation import flag_issue

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from semilla.models import User

S = DisbursementStatus


def disbursement_move(
    *,
    disbursement: Disbursement,
    to: str,
    actor: User | None = None,
    note: str = "",
    fields: tuple[str, ...] = (),
) -> Disbursement:
    """Change status through the table and record the change (row already locked); the
    named ``fields`` were set by the caller and are saved with it."""
    return transition(
        disbursement,
        machine=DISBURSEMENT,
        to=to,
        actor=actor,
        note=note[:300],
        locked=True,
        fields={name: getattr(disbursement, name) for name in fields},
    )


def disbursement_fail(
    *, disbursement: Disbursement, error: str, definitive: bool, actor: User | None
) -> Disbursement:
    """Move a payment in progress (row already locked) to failed, keeping why and whether
    a retry could still succeed."""
    disbursement.last_error = error[:300]
    disbursement.failure_definitive = definitive
    return disbursement_move(
        disbursement=disbursement,
        to=S.FAILED,
        actor=actor,
        note=error,
        fields=("last_error", "failure_definitive"),
    )


def disbursement_lock(*, disbursement_id: int) -> Disbursement:
    return (
        Disbursement.objects.select_for_update(of=("self",))
        .select_related("tranche__grant__fund", "payout_details")
        .get(pk=disbursement_id)
    )


def _queue_execution(disbursement_id: int) -> None:
    transaction.on_commit(
        partial(
            async_task,
            "pitchday.tasks.execute_disbursement",
            disbursement_id,
            task_name=f"disbursement-{disbursement_id}",
        )
    )


@transaction.atomic(durable=True)
def disbursement_request(*, tranche: Tranche, actor: User, note: str = "") -> Disbursement:
    if not is_programme_staff(actor):
        raise ServiceError(_("Only programme staff can request a payment."))
    tranche = (
        Tranche.objects.select_for_update(of=("self",)).select_related("grant").get(pk=tranche.pk)
    )
    ensure_not_grantee(grantee_id=tranche.grant.grantee_id, actor=actor)
    if tranche.grant.status != GrantStatus.ACTIVE:
        raise ServiceError(_("The grant is not active: the agreement must be accepted first."))
    if tranche.status != TrancheStatus.PAYABLE:
        raise ServiceError(_("This tranche is not payable yet."))
    try:
        with transaction.atomic():
            disbursement = Disbursement.objects.create(
                tranche=tranche,
                amount=tranche.amount,
                currency=tranche.grant.currency,
                idempotency_key=f"semilla-disb-{uuid.uuid4().hex}",
                requested_by=actor,
            )
    except IntegrityError as exc:
        raise ServiceError(_("This tranche already has a payment under way.")) from exc
    record(disbursement, machine=DISBURSEMENT, to_status=S.REQUESTED, actor=actor, note=note[:300])
    transition(tranche, machine=TRANCHE, to=TrancheStatus.IN_PAYMENT, actor=actor, locked=True)
    return disbursement


@transaction.atomic(durable=True)
def disbursement_approve(
    *, disbursement: Disbursement, actor: User, note: str = ""
) -> Disbursement:
    """Four eyes: a finance officer who did not request it. Execution is queued."""
    if not is_finance(actor):
        raise ServiceError(_("Only a finance officer can approve a payment."))
    locked = disbursement_lock(disbursement_id=disbursement.pk)
    ensure_not_grantee(grantee_id=locked.tranche.grant.grantee_id, actor=actor)
    if locked.requested_by_id == actor.pk:
        raise ServiceError(_("You requested this payment, so someone else must approve it."))
    if locked.status != S.REQUESTED:
        raise DISBURSEMENT.refusal(locked.status, S.APPROVED)
    confirmed, pending = payout_details_current(user=locked.tranche.grant.grantee)
    if pending is not None:
        raise ServiceError(
            _("The grantee is changing their payout details; wait until they confirm them.")
        )
    if confirmed is None:
        raise ServiceError(_("The grantee has not confirmed their payout details yet."))
    rail = get_rail(confirmed.rail)
    if not rail.destination_ready(confirmed):
        raise ServiceError(_("The grantee's account cannot receive payments yet."))
    locked.approved_by = actor
    locked.approved_at = timezone.now()
    locked.payout_details = confirmed
    locked.rail = confirmed.rail
    disbursement_move(
        disbursement=locked,
        to=S.APPROVED,
        actor=actor,
        note=note,
        fields=("approved_by", "approved_at", "payout_details", "rail"),
    )
    _queue_execution(locked.pk)
    return locked


@transaction.atomic(durable=True)
def disbursement_cancel(*, disbursement: Disbursement, actor: User, note: str) -> Disbursement:
    """Stop a payment that has not been made. A failed payment is cancelled only when the
    provider confirms that nothing was paid (``disbursement_verify_unpaid`` first)."""
    if not (is_finance(actor) or is_programme_staff(actor)):
        raise ServiceError(_("You cannot cancel payments."))
    if not note.strip():
        raise ServiceError(_("Say why the payment is cancelled."))
    locked = disbursement_lock(disbursement_id=disbursement.pk)
    if locked.status == S.FAILED and not locked.failure_definitive:
        raise ServiceError(
            _(
                "The result of the last attempt is unknown: retry it (it will "
                "not pay twice) or wait for reconciliation."
            )
        )
    disbursement_move(disbursement=locked, to=S.CANCELLED, actor=actor, note=note)
    tranche = locked.tranche
    if tranche.status == TrancheStatus.IN_PAYMENT:
        transition(tranche, machine=TRANCHE, to=TrancheStatus.PAYABLE, actor=actor)
    return locked


def disbursement_execute(*, disbursement_id: int) -> Disbursement:
    """Run by the task: claim (approved -> processing), call the rail outside any
    transaction, then apply the answer. Safe to run any number of times concurrently."""
    claimed = _claim(disbursement_id, from_status=S.APPROVED, actor=None, note="")
    if claimed is None:
        return Disbursement.objects.get(pk=disbursement_id)
    return _call_rail_and_apply(claimed)


def disbursement_retry(*, disbursement: Disbursement, actor: User | None) -> Disbursement:
    """Retry a failed payment with the same idempotency key (never pays twice)."""
    if actor is not None and not is_finance(actor):
        raise ServiceError(_("Only a finance officer can retry a payment."))
    claimed = _claim(
        disbursement.pk,
        from_status=S.FAILED,
        actor=actor,
        note="retry with the same idempotency key",
    )
    if claimed is None:
        raise ServiceError(_("This payment is not waiting for a retry."))
    return _call_rail_and_apply(claimed)


@transaction.atomic(durable=True)
def _claim(disbursement_id: int, *, from_status: str, actor, note: str) -> Disbursement | None:
    locked = disbursement_lock(disbursement_id=disbursement_id)
    if locked.status != from_status:
        return None
    details = locked.payout_details
    if details is None or details.status != PayoutDetailsStatus.CONFIRMED:
        if locked.status == S.APPROVED:
            locked.approved_by = None
            locked.approved_at = None
            locked.payout_details = None
            disbursement_move(
                disbursement=locked,
                to=S.REQUESTED,
                actor=None,
                note="payout details changed: approve again",
                fields=("approved_by", "approved_at", "payout_details"),
            )
        return None
    locked.attempts += 1
    disbursement_move(
        disbursement=locked,
        to=S.PROCESSING,
        actor=actor,
        note=note or f"attempt {locked.attempts}",
        fields=("attempts",),
    )
    return locked


def _call_rail_and_apply(disbursement: Disbursement) -> Disbursement:
    rail = get_rail(disbursement.rail)
    result = rail.execute(disbursement)
    return apply_rail_result(
        disbursement_id=disbursement.pk, result=result, actor=None, source="execution"
    )


@transaction.atomic(durable=True)
def apply_rail_result(
    *, disbursement_id: int, result: RailResult, actor: User | None, source: str
) -> Disbursement:
    locked = disbursement_lock(disbursement_id=disbursement_id)
    if result.outcome == "paid":
        _settle_paid(
            locked,
            reference=result.reference,
            amount=result.amount,
            actor=actor,
            note=f"paid ({source})",
        )
    elif result.outcome == "pending":
        if locked.status == S.PROCESSING and result.message:
            locked.last_error = ""
            locked.save(update_fields=["last_error"])
    elif locked.status == S.PROCESSING:
        disbursement_fail(
            disbursement=locked, error=result.message, definitive=result.definitive, actor=actor
        )
        transaction.on_commit(partial(_notify_finance_failure, locked.pk))
    return locked


def _notify_finance_failure(disbursement_id: int) -> None:
    """Tell the approver that a payment failed (they can retry or cancel)."""
    disbursement = Disbursement.objects.select_related("approved_by", "tranche__grant").get(
        pk=disbursement_id
    )
    if disbursement.approved_by is not None:
        notify(
            user=disbursement.approved_by,
            template="pitchday/payment_failed",
            context={
                "reference": disbursement.tranche.grant.reference,
                "number": disbursement.tranche.number,
                "error": disbursement.last_error,
            },
        )


def _settle_paid(
    locked: Disbursement, *, reference: str, amount: int | None, actor, note: str
) -> bool:
    """Mark paid and book it, once. Returns False when it was already settled."""
    if locked.status in (S.PAID, S.REVERSED):
        return False
    if amount is not None and amount != locked.amount:
        flag_issue(
            kind="amount",
            external_id=reference,
            disbursement=locked,
            expected=str(locked.amount),
            found=str(amount),
        )
        return False
    if not DISBURSEMENT.allows(locked.status, S.PAID):
        # Evidence of payment for a disbursement that was never executed: flag it.

        flag_issue(
            kind="status",
            external_id=reference,
            disbursement=locked,
            expected=locked.status,
            found="paid",
        )
        return False
    grant = locked.tranche.grant
    post_entry(
        fund=grant.fund,
        kind=EntryKind.DISBURSEMENT,
        amount=locked.amount,
        grant=grant,
        disbursement=locked,
        actor=actor,
        # ids only: the reference typed by finance may name the person, and the ledger
        # can never be erased (the reference stays on the disbursement, which can)
        memo=f"{grant.reference} #{locked.tranche.number} disbursement {locked.pk}",
    )
    locked.provider_reference = reference or locked.provider_reference
    locked.paid_at = timezone.now()
    locked.last_error = ""
    disbursement_move(
        disbursement=locked,
        to=S.PAID,
        actor=actor,
        note=note,
        fields=("provider_reference", "paid_at", "last_error"),
    )
    tranche = locked.tranche
    transition(tranche, machine=TRANCHE, to=TrancheStatus.PAID, actor=actor)
    if not grant.tranches.exclude(
        status__in=[TrancheStatus.PAID, TrancheStatus.CANCELLED]
    ).exists():
        transition(grant, machine=GRANT, to=GrantStatus.COMPLETED, actor=actor, action="completed")
    notify(
        user=grant.grantee,
        key=f"pitchday/tranche_paid:{tranche.pk}",
        template="pitchday/tranche_paid",
        context={
            "reference": grant.reference,
            "number": tranche.number,
            "amount": locked.amount,
            "currency": locked.currency,
            "url": grant.get_absolute_url(),
        },
    )
    return True


def settle_from_provider(
    *,
    disbursement_id: int,
    reference: str,
    amount: int,
    amount_reversed: int = 0,
    reversal_ids: tuple[str, ...] = (),
    source: str,
) -> Disbursement:
    """Apply what the provider says about a payment (webhook or reconciliation); called
    inside the caller's transaction. Order-independent: the final state depends only on
    the provider's object, not on the order events arrive in."""
    locked = disbursement_lock(disbursement_id=disbursement_id)
    _settle_paid(
        locked, reference=reference, amount=amount, actor=None, note=f"confirmed by {source}"
    )
    if amount_reversed > locked.amount_reversed and locked.status in (S.PAID, S.REVERSED):
        delta = amount_reversed - locked.amount_reversed
        grant = locked.tranche.grant
        post_entry(
            fund=grant.fund,
            kind=EntryKind.REVERSAL,
            amount=delta,
            grant=grant,
            disbursement=locked,
            external_id=f"{reference}:{amount_reversed}",
            memo=f"{grant.reference} reversal {','.join(reversal_ids)}"[:200],
        )
        locked.amount_reversed = amount_reversed
        if amount_reversed >= locked.amount and locked.status == S.PAID:
            disbursement_move(
                disbursement=locked,
                to=S.REVERSED,
                actor=None,
                note=f"reversed ({source})",
                fields=("amount_reversed",),
            )
        else:
            locked.save(update_fields=["amount_reversed"])
    return locked


@transaction.atomic(durable=True)
def disbursement_record_payment(
    *, disbursement: Disbursement, actor: User, reference: str, proof: UploadedFile | None = None
) -> Disbursement:
    """Finance records a payment made outside Semilla (bank transfer, Nequi, Daviplata,
    cash) with its reference and proof."""

    if not is_finance(actor):
        raise ServiceError(_("Only a finance officer can record a payment."))
    locked = disbursement_lock(disbursement_id=disbursement.pk)
    ensure_not_grantee(grantee_id=locked.tranche.grant.grantee_id, actor=actor)
    if locked.requested_by_id == actor.pk:
        raise ServiceError(_("You requested this payment, so someone else must record it."))
    if not locked.rail or not get_rail(locked.rail).manual:
        raise ServiceError(_("This payment is made through the provider, not recorded by hand."))
    if locked.status != S.PROCESSING:
        raise DISBURSEMENT.refusal(locked.status, S.PAID)
    if not reference.strip():
        raise ServiceError(_("Enter the payment reference."))
    if proof is not None:
        clean = clean_file(uploaded=proof, kind=upload_pipeline.PROOF)
        locked.proof_content_type = clean.mime
        locked.proof.save("proof", clean, save=False)
    locked.recorded_by = actor
    locked.save(update_fields=["proof", "proof_content_type", "recorded_by"])
    _settle_paid(
        locked, reference=reference.strip()[:120], amount=None, actor=actor, note="payment recorded"
    )
    return locked


def ledger_payment_exists(*, disbursement: Disbursement) -> bool:
    return LedgerEntry.objects.filter(
        disbursement=disbursement, kind=EntryKind.DISBURSEMENT
    ).exists()
