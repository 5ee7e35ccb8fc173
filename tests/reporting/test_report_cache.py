"""The indicator report kept in the table cache (``cached_report``): a repeat view runs no
report query whatever the rows, a write to any table the report reads shows in the next
view, and two different periods, filters, suppressions or languages never share a value."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cohorts.models import Participant
from pitchday.models import Grant, LedgerEntry
from semilla.reporting.selectors import Filters, cached_report
from tests.factories.reporting import add_grants, build_known_dataset, bulk_applicants

pytestmark = pytest.mark.django_db


def _filters(**kwargs):
    today = timezone.localdate()
    return Filters(date_from=today - datetime.timedelta(days=30), date_to=today, **kwargs)


def _report(filters=None, suppress=False, cohorts=None):
    return cached_report(filters=filters or _filters(), suppress=suppress, cohorts=cohorts)


def _warm(**kwargs):
    """Two views: the first learns which tables the report reads, the second stores it."""
    _report(**kwargs)
    return _report(**kwargs)


def _totals(report) -> dict:
    return {i.key: i.total.value for i in report.indicators}


@pytest.mark.parametrize("rows", [1, 60])
def test_cached_report_repeat_view_runs_no_query_whatever_the_rows(rows, django_assert_num_queries):
    bulk_applicants(rows, prefix=f"r{rows}")
    _warm()
    with django_assert_num_queries(0):
        report = _report()
    assert report.get("applicants").total.value == rows


@pytest.fixture
def known():
    data = build_known_dataset()
    add_grants(data)
    return data


def _add_application(data):
    bulk_applicants(5, prefix="nuevo")


def _complete_participants(data):
    Participant.objects.update(status="completed")


def _cancel_grants(data):
    Grant.objects.filter(status="active").update(status="cancelled")


def _pay_second_tranche(data):
    """A payment booked by the services (the second grant's first tranche): a new ledger
    row (the ledger is append-only)."""
    from pitchday.enums import RailCode
    from pitchday.services import disbursements as pay
    from semilla.enums import Role
    from tests.factories import make_user
    from tests.factories.pitchday import make_confirmed_details

    staff, finance = make_user(Role.STAFF), make_user(Role.FINANCE)
    make_confirmed_details(data.women_a[1], rail=RailCode.CASH)
    grant = Grant.objects.get(grantee=data.women_a[1])
    tranche = grant.tranches.order_by("number").first()
    count = LedgerEntry.objects.count()
    disbursement = pay.disbursement_request(tranche=tranche, actor=staff)
    pay.disbursement_approve(disbursement=disbursement, actor=finance)
    pay.disbursement_execute(disbursement_id=disbursement.pk)
    pay.disbursement_record_payment(disbursement=disbursement, actor=finance, reference="R-2")
    assert LedgerEntry.objects.count() > count


@pytest.mark.parametrize(
    ("write", "key"),
    [
        (_add_application, "applicants"),
        (_complete_participants, "completion_rate"),
        (_cancel_grants, "grants_awarded"),
        (_pay_second_tranche, "grants_disbursed_cop"),
    ],
    ids=["application", "participant", "grant", "ledger"],
)
def test_cached_report_shows_a_write_in_the_next_view(known, write, key):
    before = _totals(_warm())[key]
    write(known)
    after = _totals(_report())[key]
    fresh = _totals(cached_report(filters=_filters(), suppress=False, cohorts=None))[key]
    assert after != before
    assert after == fresh


def test_cached_report_two_periods_never_share_a_value(known):
    today = timezone.localdate()
    old = Filters(
        date_from=today - datetime.timedelta(days=400), date_to=today - datetime.timedelta(days=100)
    )
    recent = _warm()
    past = _warm(filters=old)
    assert (recent.get("applicants").total.value, past.get("applicants").total.value) == (11, 0)
    assert _report().get("applicants").total.value == 11


def test_cached_report_filters_and_suppression_are_their_own_values(known):
    cohort_id = known.participants[0].cohort_id
    everyone = _warm()
    one_cohort = _warm(filters=_filters(cohort=cohort_id))
    suppressed = _warm(suppress=True)
    assert everyone.get("applicants").total.value == 11
    assert one_cohort.filters.cohort == cohort_id
    assert one_cohort.get("applicants").total.value < 11
    assert (everyone.suppressed, suppressed.suppressed) == (False, True)


def test_cached_report_each_language_is_its_own_value(known):
    """The breakdown labels are translated when the report is built."""
    with translation.override("es"):
        spanish = [str(label) for _k, label, _c in _warm().get("applicants").by["sex"]]
    with translation.override("en"):
        english = [str(label) for _k, label, _c in _warm().get("applicants").by["sex"]]
    assert ("Woman" in english, "Woman" in spanish, "Mujer" in spanish) == (True, False, True)


def test_funder_page_repeat_view_runs_no_report_query(client_for, funder_user):
    bulk_applicants(12, prefix="doce")
    client = client_for(funder_user)
    url = reverse("reporting:funder")
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert [q["sql"] for q in captured.captured_queries if '"r_source"' in q["sql"]] == []
    assert 'data-testid="total-applicants">12<' in response.content.decode()
