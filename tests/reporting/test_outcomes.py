"""The outcomes section of the dashboard and exports: before/after per measure, response
rates beside every figure, small-cell protection, one query."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from outcomes.enums import WaveKind
from outcomes.models import OutcomeSummary
from outcomes.services import summary_refresh
from semilla.reporting.outcomes import build_outcomes
from semilla.reporting.selectors import Filters
from tests.factories.cohorts import ParticipantFactory
from tests.factories.outcomes import bulk_answers, make_response

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/indicators/"


def _item(report, key):
    return next(i for i in report.items if i.measure.key == key)


def _by(item, label):
    return next(p for p in item.by if p.label == label)


def test_outcomes_before_and_after_with_response_rates():
    bulk_answers(10, prefix="diez", answered_after=0.6)
    report = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.END, suppress=False
    )
    operating = _item(report, "operating").total
    # 10 baseline answers (all operating); 6 of 10 answered the end wave, 1 of them closed
    assert (operating.before.value, operating.after.value) == (100, Decimal("83.3"))
    assert (operating.n_before.value, operating.n_after.value) == (10, 6)
    assert (operating.rate_before.value, operating.rate_after.value) == (100, 60)
    jobs = _item(report, "new_jobs").total
    assert (jobs.before.value, jobs.after.value) == (0, 3)


def test_outcomes_funder_view_hides_small_groups_and_what_gives_them_away():
    bulk_answers(10, prefix="diez", answered_after=0.6)
    report = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.END, suppress=True
    )
    item = _item(report, "operating")
    # 10 people over four sexes: every group is under 5 at the follow-up: all hidden
    assert [p.after.suppressed for p in item.by if p.n_after.value] == [True, True]
    assert item.total.after.suppressed is False
    unsuppressed = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.END, suppress=False
    )
    assert [p.after.suppressed for p in _item(unsuppressed, "operating").by if p.n_after.value] == [
        False,
        False,
    ]


def test_outcomes_measure_with_few_answers_to_its_question_is_hidden():
    bulk_answers(12, prefix="doce", answered_after=1)
    report = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.END, suppress=True
    )
    # formal credit: only those who applied (n % 3 == 0: 4 of 12) are its base
    assert _item(report, "formal_credit").total.after.suppressed is True
    assert _item(report, "operating").total.after.suppressed is False


def test_outcomes_exclude_pending_follow_ups_of_people_who_left():
    participant = ParticipantFactory(status="withdrawn")
    make_response(participant=participant, kind=WaveKind.END)
    summary_refresh(cohort_id=participant.cohort_id)
    report = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.END, suppress=False
    )
    assert report.rates[WaveKind.END].value is None


def test_outcomes_one_query_whatever_the_size(django_assert_num_queries):
    bulk_answers(5, prefix="cinco")
    with django_assert_num_queries(1):
        build_outcomes(Filters.default(), breakdown="city", after_wave="end", suppress=True)
    bulk_answers(300, prefix="tres")
    with django_assert_num_queries(1):
        report = build_outcomes(
            Filters.default(), breakdown="city", after_wave="end", suppress=True
        )
    assert _item(report, "operating").total.n_before.value == 305


def test_dashboard_shows_outcomes_to_the_funder(client_for, funder_user):
    bulk_answers(20, prefix="veinte", answered_after=1)
    page = client_for(funder_user).get(DASHBOARD, {"after": "end"})
    body = page.content.decode()
    assert (page.status_code, 'id="outcomes"' in body) == (200, True)
    assert 'data-testid="outcome-operating">100,0 % → 90,0 %<' in body


def test_dashboard_query_count_same_with_more_answers(
    client_for, staff_user, django_assert_num_queries, django_assert_max_num_queries
):
    client = client_for(staff_user)
    bulk_answers(5, prefix="pocos")
    client.get(DASHBOARD)
    with django_assert_max_num_queries(100) as captured:
        client.get(DASHBOARD)
    bulk_answers(200, prefix="muchos")
    with django_assert_num_queries(len(captured)):
        client.get(DASHBOARD)


def test_xlsx_export_has_outcomes_and_their_definitions(client_for, staff_user):
    bulk_answers(20, prefix="veinte", answered_after=1)
    response = client_for(staff_user).get("/admin/indicators/export.xlsx", {"after": "end"})
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Resultados"].iter_rows(values_only=True))
    operating = next(
        r for r in rows[1:] if r[0] == "outcome.operating" and r[3] == "Todas las personas"
    )
    assert operating[4:11] == (100, 90, -10, 20, 20, 100, 100)
    definitions = book[book.sheetnames[-2]]
    codes = [row[0] for row in definitions.iter_rows(values_only=True)]
    assert "outcome.new_jobs" in codes


def test_csv_export_has_outcome_rows(client_for, staff_user):
    bulk_answers(20, prefix="veinte", answered_after=1)
    response = client_for(staff_user).get("/admin/indicators/export.csv", {"after": "end"})
    text = response.content.decode("utf-8-sig")
    assert "outcome.operating.end.response_rate" in text


def test_an_answer_refreshes_the_dashboard_sums_on_commit(django_capture_on_commit_callbacks):
    from outcomes.services import response_save
    from tests.factories.outcomes import make_response as make

    response = make(kind=WaveKind.MONTH_6)
    with django_capture_on_commit_callbacks(execute=True):
        response_save(
            response=response,
            answers={"business_status": "operating", "confidence": 3},
            finish=True,
        )
    report = build_outcomes(
        Filters.default(), breakdown="sex", after_wave=WaveKind.MONTH_6, suppress=False
    )
    assert _item(report, "operating_count").total.after.value == 1


def test_summary_sums_match_a_fresh_computation():
    """The stored sums are what the answers give (the same figures as a live roll-up)."""
    from semilla.reporting.outcomes import summary_cells

    cohort = bulk_answers(30, prefix="treinta")
    stored = sorted(
        (r.city, r.wave_kind, r.dimension, r.value, sorted(r.sums.items()))
        for r in OutcomeSummary.objects.filter(cohort=cohort)
    )
    fresh = sorted(
        (c["city"], c["wave_kind"], c["dimension"], c["value"], sorted(c["sums"].items()))
        for c in summary_cells(cohort.pk)
    )
    assert stored == fresh
    totals = OutcomeSummary.objects.get(
        cohort=cohort, wave_kind="baseline", dimension="all", city="barranquilla"
    )
    assert totals.sums["answered"] == sum(
        r.sums["answered"]
        for r in OutcomeSummary.objects.filter(
            cohort=cohort, wave_kind="baseline", dimension="sex", city="barranquilla"
        )
    )


@pytest.mark.parametrize(
    ("language", "before", "after", "change"),
    [("es", "1,4", "1,6", "0,2"), ("en", "1.4", "1.6", "0.2")],
)
def test_a_mean_and_its_change_keep_their_decimal(language, before, after, change):
    """People working per business 1.4 → 1.6 read "1 → 2" with a change of "0"."""
    from django.utils import translation

    from semilla.reporting.charts import format_value
    from semilla.reporting.exports import _fmt_pair
    from semilla.reporting.indicators import Unit
    from semilla.reporting.outcomes import Pair
    from semilla.reporting.selectors import Cell

    count = Cell(value=12, base=12)
    pair = Pair(
        label="Total",
        before=Cell(value=Decimal("1.4"), base=12),
        after=Cell(value=Decimal("1.6"), base=12),
        n_before=count,
        n_after=count,
        rate_before=Cell(value=Decimal("100.0"), base=12),
        rate_after=Cell(value=Decimal("100.0"), base=12),
    )
    with translation.override(language):
        shown = _fmt_pair(pair, Unit.COUNT)
        assert (shown["before"], shown["after"], shown["change"]) == (before, after, change)
        assert shown["n_before"] == "12"  # a count stays whole
        assert format_value(Cell(value=1200, base=3), Unit.COUNT) in ("1.200", "1,200")
