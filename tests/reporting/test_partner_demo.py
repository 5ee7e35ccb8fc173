"""The demo (``seed_demo``) records enough employer partners' hires and purchase orders in
the current month for the console's dashboard and the funders' page to show them, not
hide them as small numbers."""

import pytest
from django.core.management import call_command

from semilla.reporting.forms import PeriodForm
from semilla.reporting.partners import build_partner_counts
from semilla.reporting.selectors import Filters

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_partner_figures_shown_on_dashboard_and_funder_page(settings):
    settings.SEMILLA_ALLOW_DEMO = True
    call_command("seed_demo", "--quiet")
    dashboard = build_partner_counts(Filters.default(), breakdown="city", suppress=True)
    funder = build_partner_counts(PeriodForm().to_filters(), breakdown="city", suppress=True)
    assert [(i.key, i.total.suppressed, i.total.value) for i in dashboard.items][:2] == [
        ("partner_hires", False, 6),
        ("partner_orders", False, 7),
    ]
    assert [(i.total.suppressed, i.total.value) for i in funder.items][:2] == [
        (False, 6),
        (False, 7),
    ]
