"""Fixtures for pitch day and seed grants: the fake Stripe server wired into settings."""

import pytest

from tests.fakes.stripe_server import FakeStripe

WEBHOOK_SECRET = "whsec_test_semilla"  # noqa: S105


@pytest.fixture
def fake_stripe(settings):
    """A fake Stripe on loopback; the official client is pointed at it via settings."""
    with FakeStripe(
        webhook_secret=WEBHOOK_SECRET, client_timeout=1.0, balance=10_000_000_000, currency="cop"
    ) as fake:
        settings.STRIPE_SECRET_KEY = "sk_test_semilla"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = fake.url
        settings.STRIPE_TIMEOUT = 1.0
        yield fake
    assert fake.errors == []


@pytest.fixture
def onboarded_account(fake_stripe):
    """A Stripe connected account that finished onboarding (transfers active)."""
    from pitchday.rails.stripe_connect import stripe_client

    account = stripe_client().v1.accounts.create(
        params={
            "type": "express",
            "country": "US",
            "email": "grantee@example.org",
            "capabilities": {"transfers": {"requested": True}},
        }
    )
    fake_stripe.complete_onboarding(account.id)
    return account.id
