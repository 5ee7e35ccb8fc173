"""Compare Stripe with the ledger: retry payments with an unknown outcome, recover missed
events by listing them, and flag every mismatch once (also run hourly by django-q2)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pitchday.models import ReconciliationIssue
from pitchday.services.reconciliation import reconcile_stripe, resolve_stuck_payments


class Command(BaseCommand):
    help = "Reconcile Stripe transfers and balance transactions with the ledger."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=35, help="How far back to look.")
        parser.add_argument(
            "--no-retry",
            action="store_true",
            help="Do not retry payments whose outcome is unknown.",
        )

    def handle(self, *args, days, no_retry, **options):
        if not settings.STRIPE_SECRET_KEY:
            raise CommandError("STRIPE_SECRET_KEY is not set.")
        retried = 0 if no_retry else resolve_stuck_payments()
        run = reconcile_stripe(lookback=timedelta(days=days))
        self.stdout.write(f"retried: {retried}")
        self.stdout.write(f"events recovered: {run.events_recovered}")
        self.stdout.write(f"transfers checked: {run.transfers_checked}")
        self.stdout.write(f"new differences: {run.issues_found}")
        for issue in ReconciliationIssue.objects.filter(run=run):
            self.stdout.write(
                f"  {issue.kind}: {issue.external_id} "
                f"(ledger {issue.expected or '-'}, Stripe {issue.found or '-'})"
            )
