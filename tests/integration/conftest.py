"""Fixtures shared with other folders: the fake Stripe server (the scale-out test's
payment)."""

from tests.pitchday.conftest import fake_stripe, onboarded_account  # noqa: F401
