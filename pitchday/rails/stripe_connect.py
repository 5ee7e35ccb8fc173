"""Stripe Connect: grantees onboard a connected account through Account Links; money moves
with Transfers. Every transfer carries the disbursement's idempotency key, both as the
``Idempotency-Key`` header and as ``transfer_group`` (so it can be found again by listing)."""

from __future__ import annotations

import stripe
from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from ..enums import RailCode
from .base import PayoutRail, RailError, RailResult, register_rail


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client() -> stripe.StripeClient:
    """The official client aimed at ``STRIPE_API_BASE`` (a fake server in tests)."""
    if not stripe_configured():
        raise RailError("STRIPE_SECRET_KEY is not set")
    base = settings.STRIPE_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base, "connect": base, "files": base},
        max_network_retries=getattr(settings, "STRIPE_MAX_NETWORK_RETRIES", 0),
        http_client=stripe.RequestsClient(timeout=getattr(settings, "STRIPE_TIMEOUT", 20)),
    )


def _error_result(err: stripe.StripeError) -> RailResult:
    message = (getattr(err, "user_message", None) or str(err) or err.__class__.__name__)[:280]
    # Connection errors, rate limits and provider errors leave the outcome unknown: a retry
    # with the same key returns the saved answer or performs the transfer once.
    uncertain = isinstance(err, stripe.APIConnectionError | stripe.RateLimitError | stripe.APIError)
    return RailResult("failed", definitive=not uncertain, message=message)


@register_rail(RailCode.STRIPE)
class StripeConnectRail(PayoutRail):
    def destination_ready(self, payout_details) -> bool:
        return bool(payout_details.stripe_account_id and payout_details.stripe_payouts_enabled)

    def execute(self, disbursement) -> RailResult:
        details = disbursement.payout_details
        if details is None or not details.stripe_account_id:
            return RailResult(
                "failed",
                definitive=True,
                message=gettext_noop("The grantee has no Stripe account."),
            )
        try:
            transfer = stripe_client().v1.transfers.create(
                params={
                    "amount": disbursement.amount,
                    "currency": disbursement.currency.lower(),
                    "destination": details.stripe_account_id,
                    "transfer_group": disbursement.idempotency_key,
                    "description": f"Semilla {disbursement.tranche.grant.reference} "
                    f"#{disbursement.tranche.number}",
                    "metadata": {
                        "disbursement": str(disbursement.pk),
                        "grant": disbursement.tranche.grant.reference,
                    },
                },
                options={"idempotency_key": disbursement.idempotency_key},
            )
        except stripe.StripeError as err:
            return _error_result(err)
        return RailResult("paid", reference=transfer.id, amount=transfer.amount)

    def in_flight_text(self, disbursement) -> str:
        return gettext("The payment is being sent to your Stripe account.")

    def approved_text(self, disbursement) -> str:
        return gettext("Approved. The payment is being sent.")

    def find_payment(self, disbursement) -> RailResult | None:
        transfers = stripe_client().v1.transfers.list(
            params={"transfer_group": disbursement.idempotency_key, "limit": 10}
        )
        for transfer in transfers.data:
            return RailResult("paid", reference=transfer.id, amount=transfer.amount)
        return None

    # --- onboarding -------------------------------------------------------------------
    def create_account(self, *, user, country: str = "US") -> str:
        account = stripe_client().v1.accounts.create(
            params={
                "type": "express",
                "country": country,
                "email": user.email,
                "capabilities": {"transfers": {"requested": True}},
                "metadata": {"semilla_user": str(user.pk)},
            },
            options={"idempotency_key": f"semilla-account-{user.pk}-{user.email}"},
        )
        return account.id

    def onboarding_link(self, *, account_id: str, return_url: str, refresh_url: str) -> str:
        link = stripe_client().v1.account_links.create(
            params={
                "account": account_id,
                "type": "account_onboarding",
                "return_url": return_url,
                "refresh_url": refresh_url,
            }
        )
        return link.url
