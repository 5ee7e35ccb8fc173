"""Scheduled and background work of cohorts (django-q2). Thin: they call a service.
Both are idempotent, so a task that runs twice (retry, two workers) does no harm."""

from . import services


def expire_offers() -> int:
    """Every 15 minutes: offers past their deadline expire and the waitlist moves up."""
    return services.offers_expire()


def purge_identity_documents() -> int:
    """Every day: identity documents are deleted once each cohort's retention period after
    the decision has passed."""
    return services.purge_identity_documents()
