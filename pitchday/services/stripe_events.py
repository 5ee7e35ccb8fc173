"""Stripe events (from the signed webhook, or recovered by listing during reconciliation).

Each event is processed once: its id is inserted under a unique constraint in the same
transaction as its effect, so two deliveries racing produce one effect, and a failure rolls
both back (Stripe then delivers again). Effects read the object inside the event and apply
it idempotently, so events arriving late or out of order reach the same final state."""

from __future__ import annotations

import json
import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from semilla.transitions import transition

from ..enums import CONTRIBUTION, ContributionStatus, EntryKind, PayoutDetailsStatus
from ..models import Contribution, Disbursement, PayoutDetails, StripeEvent
from .disbursements import settle_from_provider
from .ledger import post_entry
from .reconciliation import flag_issue

logger = logging.getLogger(__name__)

HANDLED_TYPES = (
    "transfer.created",
    "transfer.updated",
    "transfer.reversed",
    "checkout.session.completed",
    "account.updated",
)


class WebhookRejected(Exception):
    """Bad signature, stale timestamp or unreadable payload: answer 400, write nothing."""


def verify_webhook(*, payload: bytes, signature: str | None) -> dict:
    """Check the signature (``stripe.Webhook.construct_event``) and return the event."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature:
        raise WebhookRejected("missing signature or secret")
    try:
        event = json.loads(payload)
    except ValueError as exc:
        raise WebhookRejected(str(exc)) from exc
    if not _well_formed(event):
        raise WebhookRejected("not a Stripe event")  # (the Stripe library expects one)
    try:
        stripe.Webhook.construct_event(payload, signature, secret)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise WebhookRejected(str(exc)) from exc
    return event


def _well_formed(event) -> bool:
    """The shape every handler relies on: an id, a type, a creation time in range, and
    ``data.object`` as an object with its own id."""
    if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not event["id"]:
        return False
    created = event.get("created") or 0
    if not isinstance(event.get("type", ""), str) or not isinstance(created, int):
        return False
    if not 0 <= created < 2**31:
        return False
    data = event.get("data") or {}
    obj = data.get("object") if isinstance(data, dict) else None
    return isinstance(obj, dict) and isinstance(obj.get("id", ""), str)


def webhook_receive(*, payload: bytes, signature: str | None) -> bool:
    """Verify and process one delivery. Returns True when it had an effect, False for an
    event already processed (the cheap path: one indexed read, no writes)."""
    event = verify_webhook(payload=payload, signature=signature)
    if StripeEvent.objects.filter(event_id=event["id"]).exists():
        return False
    try:
        return event_process(event=event, source="webhook")
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        # a signed event whose object lacks what its type promises: rolled back, refused
        logger.warning("Stripe event %s refused: %r", event["id"], exc)
        raise WebhookRejected("malformed event") from exc


@transaction.atomic(durable=True)
def event_process(*, event: dict, source: str) -> bool:
    obj = (event.get("data") or {}).get("object") or {}
    try:
        with transaction.atomic():
            StripeEvent.objects.create(
                event_id=event["id"],
                type=event.get("type", ""),
                created=int(event.get("created") or 0),
                object_id=str(obj.get("id", ""))[:255],
                source=source,
            )
    except IntegrityError:
        return False  # processed by another delivery
    handler = _HANDLERS.get(event.get("type", ""))
    if handler is not None:
        handler(event, obj, source)
    return True


def _transfer(event: dict, transfer: dict, source: str) -> None:
    group = transfer.get("transfer_group") or ""
    disbursement = Disbursement.objects.filter(idempotency_key=group).only("pk").first()
    if disbursement is None:
        metadata = transfer.get("metadata") or {}
        if str(metadata.get("disbursement", "")).isdigit():
            disbursement = (
                Disbursement.objects.filter(pk=int(metadata["disbursement"])).only("pk").first()
            )
    if disbursement is None:
        flag_issue(
            kind="missing_in_ledger",
            external_id=transfer["id"],
            disbursement=None,
            expected="",
            found=str(transfer.get("amount", "")),
        )
        return
    reversals = ((transfer.get("reversals") or {}).get("data")) or []
    settle_from_provider(
        disbursement_id=disbursement.pk,
        reference=transfer["id"],
        amount=int(transfer["amount"]),
        amount_reversed=int(transfer.get("amount_reversed") or 0),
        reversal_ids=tuple(r.get("id", "") for r in reversals),
        source=source,
    )


def _checkout_completed(event: dict, session: dict, source: str) -> None:
    if session.get("payment_status") != "paid":
        return
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("fund")
        .filter(checkout_session_id=session["id"])
        .first()
    )
    if contribution is None or contribution.status == ContributionStatus.PAID:
        return
    if int(session.get("amount_total") or 0) != contribution.amount or (
        str(session.get("currency", "")).upper() != contribution.currency
    ):
        flag_issue(
            kind="amount",
            external_id=session["id"],
            disbursement=None,
            expected=f"{contribution.amount} {contribution.currency}",
            found=f"{session.get('amount_total')} {session.get('currency')}",
        )
        return
    transition(
        contribution,
        machine=CONTRIBUTION,
        to=ContributionStatus.PAID,
        locked=True,
        fields={"paid_at": timezone.now()},
    )
    post_entry(
        fund=contribution.fund,
        kind=EntryKind.CONTRIBUTION,
        amount=contribution.amount,
        contribution=contribution,
        # the contribution's id, never the sponsor's name: the ledger cannot be erased
        memo=f"contribution {contribution.pk} {session['id']}",
    )


def _account_updated(event: dict, account: dict, source: str) -> None:
    created = int(event.get("created") or 0)
    for details in (
        PayoutDetails.objects.select_for_update()
        .filter(stripe_account_id=account["id"])
        .exclude(status=PayoutDetailsStatus.SUPERSEDED)
    ):
        if details.stripe_synced_at is not None and created < details.stripe_synced_at:
            continue  # an older event arriving late changes nothing
        details.stripe_payouts_enabled = bool(
            (account.get("capabilities") or {}).get("transfers") == "active"
            and account.get("payouts_enabled")
        )
        details.stripe_synced_at = created
        details.save(update_fields=["stripe_payouts_enabled", "stripe_synced_at"])


_HANDLERS = {
    "transfer.created": _transfer,
    "transfer.updated": _transfer,
    "transfer.reversed": _transfer,
    "checkout.session.completed": _checkout_completed,
    "account.updated": _account_updated,
}
