"""Compare Stripe with the ledger: retry payments with an unknown outcome, recover missed
events by listing them, and flag every mismatch once (also run hourly by django-q2).

It reports in the site's language (Spanish unless ``LANGUAGE_CODE`` says otherwise), or in
the one given with ``--language``."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the report.",
        )

    def handle(self, *args, days, no_retry, language, **options):
        with translation.override(language):
            self._reconcile(days=days, no_retry=no_retry)

    def _reconcile(self, *, days: int, no_retry: bool) -> None:
        if not settings.STRIPE_SECRET_KEY:
            raise CommandError(_("STRIPE_SECRET_KEY is not set."))
        retried = 0 if no_retry else resolve_stuck_payments()
        run = reconcile_stripe(lookback=timedelta(days=days))
        counts = (
            (retried, ngettext("%(count)d payment retried", "%(count)d payments retried", retried)),
            (
                run.events_recovered,
                ngettext(
                    "%(count)d event recovered", "%(count)d events recovered", run.events_recovered
                ),
            ),
            (
                run.transfers_checked,
                ngettext(
                    "%(count)d transfer checked",
                    "%(count)d transfers checked",
                    run.transfers_checked,
                ),
            ),
            (
                run.issues_found,
                ngettext("%(count)d new difference", "%(count)d new differences", run.issues_found),
            ),
        )
        for count, line in counts:
            self.stdout.write(line % {"count": count})
        for issue in ReconciliationIssue.objects.filter(run=run):
            self.stdout.write(
                "  "
                + _("%(kind)s: %(id)s (ledger %(expected)s, Stripe %(found)s)")
                % {
                    "kind": issue.get_kind_display(),
                    "id": issue.external_id,
                    "expected": issue.expected or "-",
                    "found": issue.found or "-",
                }
            )
