"""django-q2 tasks: thin, ids in, services do the work."""

from django.conf import settings

from .services.disbursements import disbursement_execute
from .services.reconciliation import reconcile_stripe as reconcile
from .services.reconciliation import resolve_stuck_payments


def execute_disbursement(disbursement_id: int) -> str:
    return disbursement_execute(disbursement_id=disbursement_id).status


def reconcile_stripe() -> str:
    """Scheduled: retry payments with an unknown outcome, recover missed events, flag
    mismatches. Does nothing when Stripe is not configured."""
    if not settings.STRIPE_SECRET_KEY:
        return "stripe not configured"

    retried = resolve_stuck_payments()
    run = reconcile()
    return (
        f"retried {retried}, recovered {run.events_recovered} events, {run.issues_found} new issues"
    )
