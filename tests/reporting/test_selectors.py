"""Indicator values on a data set with known answers, and a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from semilla.reporting.selectors import Filters, build_report, cohort_choices, grouped_rows
from tests.factories.reporting import (
    add_grants,
    add_learning,
    add_mentoring,
    add_pitches,
    build_known_dataset,
    bulk_applicants,
)

pytestmark = pytest.mark.django_db


def _filters(**kwargs):
    today = timezone.localdate()
    return Filters(date_from=today - datetime.timedelta(days=30), date_to=today, **kwargs)


@pytest.fixture
def known():
    data = build_known_dataset()
    add_learning(data)
    add_mentoring(data)
    add_pitches(data)
    add_grants(data)
    return data


def _by(report, key, dimension):
    return {k: cell.value for k, _label, cell in report.get(key).by[dimension]}


def test_indicators_totals_match_known_answers(known):
    report = build_report(filters=_filters(), suppress=False)
    totals = {i.key: i.total.value for i in report.indicators}
    assert totals == {
        "applicants": 11,
        "participants": 5,
        "completion_rate": Decimal("66.7"),
        "lessons_completed": 3,
        "courses_completed": 1,
        "mentoring_pairs": 2,
        "pitch_participants": 2,
        "mentoring_sessions": 0,
        "volunteer_hours": Decimal("0.0"),
        "grants_awarded": 2,
        "grants_awarded_cop": 20_000_000_00,
        "grants_disbursed_cop": 5_000_000_00,
    }


def test_indicators_disaggregated_by_every_dimension(known):
    report = build_report(filters=_filters(), suppress=False)
    assert _by(report, "applicants", "sex") == {
        "female": 8,
        "male": 3,
        "other": 0,
        "undisclosed": 0,
    }
    assert _by(report, "applicants", "group") == {
        "venezuelan_migrant": 6,
        "colombian_returnee": 3,
        "receptor_community": 2,
    }
    assert _by(report, "applicants", "age") == {
        "18-24": 0,
        "25-34": 3,
        "35-44": 6,
        "45-59": 0,
        "60+": 2,
    }
    assert _by(report, "applicants", "document") == {"regular": 9, "in_process": 2, "none": 0}
    assert _by(report, "applicants", "city")["cucuta"] == 9
    assert _by(report, "applicants", "city")["bogota"] == 2
    assert _by(report, "lessons_completed", "sex") == {
        "female": 2,
        "male": 1,
        "other": 0,
        "undisclosed": 0,
    }
    assert _by(report, "grants_awarded_cop", "group")["venezuelan_migrant"] == 20_000_000_00
    assert _by(report, "pitch_participants", "sex") == {
        "female": 1,
        "male": 1,
        "other": 0,
        "undisclosed": 0,
    }


def test_indicators_disaggregated_by_cohort(known):
    report = build_report(filters=_filters(), suppress=False, cohorts=cohort_choices())
    assert _by(report, "participants", "cohort") == {
        str(known.cohort_a.pk): 5,
        str(known.cohort_b.pk): 0,
    }


def test_indicators_filtered_by_cohort_and_city(known):
    by_cohort = build_report(filters=_filters(cohort=known.cohort_b.pk), suppress=False)
    assert by_cohort.get("applicants").total.value == 2
    assert by_cohort.get("participants").total.value == 0
    by_city = build_report(filters=_filters(city="cucuta"), suppress=False)
    assert by_city.get("applicants").total.value == 9
    assert by_city.get("grants_awarded").total.value == 2


def test_indicators_filtered_by_date_range(known):
    today = timezone.localdate()
    old = Filters(
        date_from=today - datetime.timedelta(days=400), date_to=today - datetime.timedelta(days=100)
    )
    assert build_report(filters=old, suppress=False).get("applicants").total.value == 0


def test_indicator_series_by_month(known):
    report = build_report(filters=_filters(), suppress=False)
    series = dict((m, c.value) for m, c in report.get("applicants").series)
    assert series[timezone.localdate().replace(day=1)] == 11
    assert sum(v for v in series.values()) == 11


def test_small_cells_suppressed_for_funders(known):
    report = build_report(filters=_filters(), suppress=True)
    women = {k: cell for k, _l, cell in report.get("applicants").by["sex"]}
    # 3 men is a small cell; the only other non-empty cell (8 women) is hidden too, so
    # the 3 cannot be worked out from the total; both show the same mark
    assert women["male"].display() == "*"
    assert women["female"].display() == "*"
    assert women["other"].display() == "0"
    assert report.get("grants_awarded").total.display() == "*"
    assert report.get("participants").total.display() == "5"


def test_dashboard_rows_one_query_whatever_the_size(django_assert_num_queries):
    bulk_applicants(100, prefix="small")
    with django_assert_num_queries(1):
        small = grouped_rows(filters=_filters())
    bulk_applicants(10_000, prefix="large")
    with django_assert_num_queries(1):
        large = grouped_rows(filters=_filters())
    assert sum(r["rows"] for r in small if r["r_source"] == "applications") == 100
    assert sum(r["rows"] for r in large if r["r_source"] == "applications") == 10_100


def test_mentoring_sessions_and_volunteer_hours(known):
    """Held sessions count; volunteer hours only for held sessions the mentee confirmed."""
    from mentors.models import Booking, Match, SessionLog

    past = timezone.now() - datetime.timedelta(days=2)
    plans = [
        [("held", 60, True), ("held", 60, True)],
        [("held", 90, True), ("held", 90, False), ("mentee_no_show", 0, False)],
    ]
    matches = list(Match.objects.filter(status="accepted").order_by("pk"))
    for match, plan in zip(matches, plans, strict=True):
        for k, (outcome, minutes, confirmed) in enumerate(plan):
            starts = past - datetime.timedelta(hours=3 * k)
            booking = Booking.objects.create(
                match=match,
                mentor=match.mentor,
                participant=match.participant,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=1),
                status="confirmed",
                mode="virtual",
            )
            SessionLog.objects.create(
                booking=booking,
                outcome=outcome,
                duration_minutes=minutes,
                confirmed_at=timezone.now() if confirmed else None,
            )
    report = build_report(filters=_filters(), suppress=False)
    assert report.get("mentoring_sessions").total.value == 4
    assert report.get("volunteer_hours").total.value == Decimal("3.5")
    assert _by(report, "mentoring_sessions", "group")["venezuelan_migrant"] == 4
