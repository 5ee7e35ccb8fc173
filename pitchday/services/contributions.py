"""Sponsor contributions through Stripe Checkout. The browser's return to the success page
credits nothing; only the signed ``checkout.session.completed`` webhook does."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Contribution, Fund
from ..rails.stripe_connect import stripe_client, stripe_configured
from . import ServiceError


def contribution_start(
    *,
    fund: Fund,
    sponsor_name: str,
    sponsor_email: str,
    amount: int,
    success_url: str,
    cancel_url: str,
) -> tuple[Contribution, str]:
    """Create the contribution and its Checkout Session; returns the payment page URL."""
    # lazy: stripe is heavy and only this path needs it
    import stripe

    if not fund.accepts_contributions or not stripe_configured():
        raise ServiceError(_("This fund does not take online contributions."))
    with transaction.atomic(durable=True):
        contribution = Contribution.objects.create(
            fund=fund,
            amount=amount,
            currency=fund.currency,
            sponsor_name=sponsor_name,
            sponsor_email=sponsor_email,
        )
    try:
        session = stripe_client().v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": fund.currency.lower(),
                            "unit_amount": amount,
                            "product_data": {"name": f"Semilla · {fund.name}"},
                        },
                    }
                ],
                "customer_email": sponsor_email,
                "client_reference_id": str(contribution.pk),
                "metadata": {"contribution": str(contribution.pk), "fund": str(fund.pk)},
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            options={"idempotency_key": f"semilla-contribution-{contribution.pk}"},
        )
    except stripe.StripeError as exc:
        raise ServiceError(
            _("The payment page could not be opened. Try again in a few minutes.")
        ) from exc
    Contribution.objects.filter(pk=contribution.pk).update(checkout_session_id=session.id)
    contribution.checkout_session_id = session.id
    if not session.url:  # only a session already completed or expired has no URL
        raise ServiceError(_("The payment page could not be opened. Try again in a few minutes."))
    return contribution, session.url
