"""Reconciliation with Stripe: recover missed events by listing them, then compare Stripe's
transfers and balance transactions with the ledger and flag each mismatch once."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..enums import DisbursementStatus, IssueKind, RailCode
from ..models import (
    Disbursement,
    ReconciliationIssue,
    ReconciliationRun,
    StripeEvent,
)
from ..money import disbursement_ledger
from ..rails.stripe_connect import stripe_client

if TYPE_CHECKING:
    import stripe

    from semilla.models import User

LOOKBACK = timedelta(days=35)
STUCK_AFTER = timedelta(minutes=15)


def flag_issue(
    *,
    kind: str,
    external_id: str,
    disbursement: Disbursement | None,
    expected: str = "",
    found: str = "",
    run: ReconciliationRun | None = None,
) -> bool:
    """Record a mismatch unless it was flagged before. Returns True when new."""
    try:
        with transaction.atomic():
            ReconciliationIssue.objects.create(
                kind=IssueKind(kind),
                external_id=external_id[:120],
                disbursement=disbursement,
                expected=expected[:120],
                found=found[:120],
                run=run,
            )
    except IntegrityError:
        return False
    return True


def _list_all(resource, params: dict) -> list:
    """Every object of a Stripe list endpoint (cursor paging)."""
    items, cursor = [], None
    while True:
        page_params = {**params, "limit": 100}
        if cursor:
            page_params["starting_after"] = cursor
        page = resource.list(params=page_params)
        items.extend(page.data)
        if not page.has_more or not page.data:
            return items
        cursor = page.data[-1].id


def reconcile_stripe(
    *, client: stripe.StripeClient | None = None, lookback: timedelta = LOOKBACK
) -> ReconciliationRun:
    """Recover missed events, resolve stuck payments, then flag every difference once."""
    # cycle: pitchday.services.stripe_events -> pitchday.services.reconciliation
    from .stripe_events import HANDLED_TYPES, event_process

    client = client or stripe_client()
    run = ReconciliationRun.objects.create()
    since = int(time.time() - lookback.total_seconds())
    found_before = ReconciliationIssue.objects.count()

    # 1. Events Stripe sent (or tried to) that we never processed.
    events = _list_all(client.v1.events, {"created": {"gte": since}})
    known = set(
        StripeEvent.objects.filter(event_id__in=[e.id for e in events]).values_list(
            "event_id", flat=True
        )
    )
    recovered = 0
    for event in sorted(events, key=lambda e: e.created):
        if event.type in HANDLED_TYPES and event.id not in known:
            recovered += event_process(event=event.to_dict(), source="reconciliation")

    # 2. Transfers against disbursements and the ledger.
    transfers = _list_all(client.v1.transfers, {"created": {"gte": since}})
    by_key = {
        d.idempotency_key: d
        for d in Disbursement.objects.filter(
            idempotency_key__in=[t.transfer_group for t in transfers if t.transfer_group]
        )
    }
    in_ledger = disbursement_ledger(disbursement_ids=[d.pk for d in by_key.values()])
    booked = {pk: row.booked for pk, row in in_ledger.items() if row.booked is not None}
    reversed_booked = {pk: row.reversed for pk, row in in_ledger.items()}
    seen_transfers = set()
    for transfer in transfers:
        seen_transfers.add(transfer.id)
        disbursement = by_key.get(transfer.transfer_group or "")
        if disbursement is None:
            flag_issue(
                kind=IssueKind.MISSING_IN_LEDGER,
                external_id=transfer.id,
                disbursement=None,
                found=f"{transfer.amount} {transfer.currency}",
                run=run,
            )
            continue
        if disbursement.pk not in booked:
            flag_issue(
                kind=IssueKind.MISSING_IN_LEDGER,
                external_id=transfer.id,
                disbursement=disbursement,
                expected=disbursement.status,
                found=f"{transfer.amount} {transfer.currency}",
                run=run,
            )
            continue
        if booked[disbursement.pk] != transfer.amount:
            flag_issue(
                kind=IssueKind.AMOUNT,
                external_id=transfer.id,
                disbursement=disbursement,
                expected=str(booked[disbursement.pk]),
                found=str(transfer.amount),
                run=run,
            )
        if int(transfer.amount_reversed or 0) != int(reversed_booked.get(disbursement.pk, 0)):
            flag_issue(
                kind=IssueKind.STATUS,
                external_id=transfer.id,
                disbursement=disbursement,
                expected=f"reversed {reversed_booked.get(disbursement.pk, 0)}",
                found=f"reversed {transfer.amount_reversed}",
                run=run,
            )

    # 3. The ledger's Stripe payments that Stripe does not have.
    cutoff = timezone.now() - lookback
    for disbursement in Disbursement.objects.filter(
        rail=RailCode.STRIPE,
        status__in=[DisbursementStatus.PAID, DisbursementStatus.REVERSED],
        paid_at__gte=cutoff,
    ).exclude(provider_reference__in=seen_transfers):
        flag_issue(
            kind=IssueKind.MISSING_AT_PROVIDER,
            external_id=disbursement.provider_reference or disbursement.idempotency_key,
            disbursement=disbursement,
            expected=str(disbursement.amount),
            found="",
            run=run,
        )

    # 4. Balance transactions of transfers: the amount that left the balance.
    transfer_amounts = {t.id: t.amount for t in transfers}
    for txn in _list_all(
        client.v1.balance_transactions, {"type": "transfer", "created": {"gte": since}}
    ):
        expected = transfer_amounts.get(txn.source)
        if expected is not None and -int(txn.amount) != int(expected):
            flag_issue(
                kind=IssueKind.AMOUNT,
                external_id=txn.id,
                disbursement=None,
                expected=str(expected),
                found=str(-int(txn.amount)),
                run=run,
            )

    run.events_recovered = recovered
    run.transfers_checked = len(transfers)
    run.issues_found = ReconciliationIssue.objects.count() - found_before
    run.finished_at = timezone.now()
    run.save(update_fields=["events_recovered", "transfers_checked", "issues_found", "finished_at"])
    return run


def resolve_stuck_payments(*, older_than: timedelta = STUCK_AFTER) -> int:
    """Payments left in processing (a worker died mid-call) or failed with an unknown
    outcome: ask the rail again with the same key; returns how many were retried."""
    # cycle: pitchday.services.disbursements -> pitchday.services.reconciliation
    from .disbursements import disbursement_retry

    cutoff = timezone.now() - older_than
    count = 0
    stuck = Disbursement.objects.filter(
        status=DisbursementStatus.PROCESSING,
        rail=RailCode.STRIPE,
        transitions__to_status=DisbursementStatus.PROCESSING,
        transitions__at__lt=cutoff,
    ).distinct()
    for disbursement in stuck:
        _fail_stuck(disbursement.pk)
    for disbursement in Disbursement.objects.filter(
        status=DisbursementStatus.FAILED,
        failure_definitive=False,
        rail=RailCode.STRIPE,
        attempts__lt=5,
    ):
        disbursement_retry(disbursement=disbursement, actor=None)
        count += 1
    return count


@transaction.atomic(durable=True)
def _fail_stuck(disbursement_id: int) -> None:
    # cycle: pitchday.services.disbursements -> pitchday.services.reconciliation
    from .disbursements import disbursement_fail, disbursement_lock

    locked = disbursement_lock(disbursement_id=disbursement_id)
    if locked.status == DisbursementStatus.PROCESSING:
        disbursement_fail(
            disbursement=locked,
            error="no answer recorded; retrying with the same key",
            definitive=False,
            actor=None,
        )


@transaction.atomic(durable=True)
def issue_resolve(*, issue: ReconciliationIssue, actor: User, note: str) -> ReconciliationIssue:
    issue = ReconciliationIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.resolved_at is None:
        issue.resolved_at = timezone.now()
        issue.resolved_by = actor
        issue.resolution_note = note[:300]
        issue.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    return issue
