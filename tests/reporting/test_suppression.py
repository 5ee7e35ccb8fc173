"""Small-cell suppression for funders: fixed periods, and no combination of the reports a
funder may ask for gives back a count under the threshold (finding 6).

The audit builds every report a funder may ask for over one programme year (12 months, 4
quarters, the year) on a small data set whose every row is known, then checks that:
- no hidden small count is a linear combination of the figures shown (a rank test over the
  rows: this covers addition and subtraction of any number of figures);
- the difference between any figure and one, two or three figures of periods inside it
  is never 1 to 4 (the pairs and combinations an attacker would try by hand);
- a period with fewer than 5 rows shows no breakdown at all, not even its zeros (a zero
  beside a hidden cell tells what the whole small group shares).
"""

import datetime
import itertools
from itertools import combinations

import numpy as np
import pytest
from django.utils import timezone

from cohorts.enums import ApplicationStatus
from cohorts.models import Application
from semilla.enums import City, DocumentType, Sex
from semilla.models import User
from semilla.reporting.forms import PeriodForm, fixed_periods
from semilla.reporting.selectors import (
    SECONDARY_MARK,
    SMALL_CELL,
    Cell,
    Filters,
    build_report,
    cohort_choices,
    suppress_block,
)
from tests.factories.cohorts import CohortFactory

pytestmark = pytest.mark.django_db

F, M, OTHER = Sex.FEMALE, Sex.MALE, Sex.OTHER
PPT, PROCESS = DocumentType.PPT, DocumentType.IN_PROCESS

#: month -> [(day, sex, city, document)]: small cells in most months, one month with a
#: small total, one person alone in September (the issue's example), a month where every
#: city holds one person
MONTHS = {
    1: [(5, F, City.CUCUTA, PPT)] * 9 + [(6, M, City.BOGOTA, PPT)] * 3,
    2: [(3, F, City.CUCUTA, PPT)] * 3,
    3: [(9, F, City.CUCUTA, PPT)] * 4 + [(9, M, City.CUCUTA, PROCESS)] * 4,
    4: [(2, F, city, PPT) for city in list(City.values)[:5]],
    5: [(20, F, City.CALI, PPT)] * 19 + [(21, M, City.CALI, PPT)],
    7: [(7, F, City.CUCUTA, PPT)] * 5 + [(8, OTHER, City.CALI, PROCESS)],
    9: [(10, M, City.CUCUTA, PPT)],
    10: [(1, F, City.CUCUTA, PPT)] * 10,
    11: [(4, F, City.MEDELLIN, PPT)] * 6 + [(4, M, City.MEDELLIN, PPT)] * 6,
}


def _year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def people():
    """The data set: one application per row of MONTHS; returns each row's month and its
    value in every breakdown (as the report keys them)."""
    year = _year()
    cohort = CohortFactory()
    rows = [(month, *row) for month, entries in MONTHS.items() for row in entries]
    users = User.objects.bulk_create(
        [User(email=f"supr{n}@example.org", password="!") for n in range(len(rows))]
    )
    users = list(User.objects.filter(email__startswith="supr").order_by("pk"))
    zone = timezone.get_current_timezone()
    Application.objects.bulk_create(
        [
            Application(
                user=user,
                cohort=cohort,
                status=ApplicationStatus.SUBMITTED,
                sex=sex,
                population_group="venezuelan_migrant",
                birth_date=datetime.date(1985, 1, 1),
                document_type=document,
                city=city,
                submitted_at=datetime.datetime(year, month, day, 12, tzinfo=zone),
            )
            for user, (month, day, sex, city, document) in zip(users, rows, strict=True)
        ]
    )
    status = {PPT: "regular", PROCESS: "in_process"}
    return [
        {
            "month": month,
            "sex": str(sex),
            "city": str(city),
            "document": status[document],
            "group": "venezuelan_migrant",
            "age": "35-44",
            "cohort": str(cohort.pk),
        }
        for month, _day, sex, city, document in rows
    ]


def _periods():
    """The funder's periods inside the audited year: code -> set of months."""
    year = _year()
    periods = {}
    for code, (_label, start, end) in fixed_periods(datetime.date(year, 12, 31)).items():
        if start.year == year:
            periods[code] = set(range(start.month, end.month + 1))
    assert len(periods) == 17
    return periods


def _published(people):
    """Every figure of every funder report: (period, key) -> (rows behind it, shown value
    or None when hidden, true count)."""
    figures = {}
    cohorts = cohort_choices()
    for code, months in _periods().items():
        _label, start, end = fixed_periods(datetime.date(_year(), 12, 31))[code]
        truth = build_report(filters=Filters(start, end), suppress=False, cohorts=cohorts).get(
            "applicants"
        )
        item = build_report(filters=Filters(start, end), suppress=True, cohorts=cohorts).get(
            "applicants"
        )
        rows_in = frozenset(i for i, p in enumerate(people) if p["month"] in months)
        cells = [("total", rows_in, item.total, truth.total)]
        for dimension, entries in item.by.items():
            true_cells = {key: cell for key, _l, cell in truth.by[dimension]}
            cells.extend(
                (
                    (dimension, key),
                    frozenset(i for i in rows_in if people[i][dimension] == key),
                    cell,
                    true_cells[key],
                )
                for key, _label, cell in entries
            )
        for (month, cell), (_m, true_cell) in zip(item.series, truth.series, strict=True):
            rows_month = frozenset(i for i in rows_in if people[i]["month"] == month.month)
            cells.append((("month", month.month), rows_month, cell, true_cell))
        for key, rows, cell, true_cell in cells:
            assert true_cell.value == len(rows), (code, key)
            shown = None if cell.suppressed else cell.value
            if shown is not None:
                assert shown == len(rows), (code, key)
            figures[(code, key)] = (rows, shown, len(rows))
    return figures


def _vector(rows, size):
    vector = np.zeros(size)
    vector[list(rows)] = 1
    return vector


def _derivable(shown_matrix, rows, size) -> bool:
    base = np.linalg.matrix_rank(shown_matrix)
    return np.linalg.matrix_rank(np.vstack([shown_matrix, _vector(rows, size)])) == base


def test_no_hidden_small_count_is_a_combination_of_shown_figures(people):
    figures = _published(people)
    size = len(people)
    shown = [rows for rows, value, _n in figures.values() if value is not None]
    matrix = np.array([_vector(rows, size) for rows in shown])
    hidden_small = {
        rows for rows, value, n in figures.values() if value is None and 0 < n < SMALL_CELL
    }
    assert len(hidden_small) > 10  # the data set does have small cells to protect
    derivable = [sorted(rows) for rows in hidden_small if _derivable(matrix, rows, size)]
    assert derivable == []


def test_no_hidden_small_count_can_be_pinned_down_by_bounds(people):
    """Stronger than the rank test: the attacker also knows that counts are never negative
    and which hidden cells the rules say are not 0. For every hidden small count, the smallest and the
    largest value compatible with everything shown (linear programmes over the counts of
    every month x sex x city x document status) must differ."""
    from scipy.optimize import linprog

    figures = _published(people)
    periods = _periods()
    constant = {k: people[0][k] for k in ("group", "age", "cohort")}
    cells = list(
        itertools.product(range(1, 13), Sex.values, City.values, ["regular", "in_process", "none"])
    )

    def members(code, key):
        months = {key[1]} if key[0] == "month" else periods[code]
        if key == "total" or key[0] == "month":
            return [i for i, c in enumerate(cells) if c[0] in months]
        dimension, value = key
        if dimension in constant:
            return (
                [i for i, c in enumerate(cells) if c[0] in months]
                if value == constant[dimension]
                else []
            )
        position = {"sex": 1, "city": 2, "document": 3}[dimension]
        return [i for i, c in enumerate(cells) if c[0] in months and c[position] == value]

    def row(indices):
        vector = np.zeros(len(cells))
        vector[indices] = 1
        return vector

    # what the rules tell: in a month where something is shown (so its total is not
    # small), a hidden cell is not 0; elsewhere a hidden figure may be 0
    months_with_figures = {
        code
        for (code, key), (_rows, shown, _n) in figures.items()
        if len(periods[code]) == 1 and shown not in (None, 0) and key[0] != "month"
    }
    equal, equal_to, at_least_one, small = [], [], [], []
    for (code, key), (_rows, shown, n) in figures.items():
        indices = members(code, key)
        if shown is not None:
            equal.append(row(indices))
            equal_to.append(shown)
            continue
        if code in months_with_figures:
            at_least_one.append(-row(indices))
        if 0 < n < SMALL_CELL:
            small.append(((code, key), indices))
    pinned = []
    for name, indices in small:
        bounds = []
        for sign in (1, -1):
            result = linprog(
                sign * row(indices),
                A_ub=np.array(at_least_one),
                b_ub=-np.ones(len(at_least_one)),
                A_eq=np.array(equal),
                b_eq=np.array(equal_to),
                bounds=(0, None),
                method="highs",
            )
            if result.status == 3:  # no upper limit at all
                bounds.append(float("inf"))
                continue
            assert result.status == 0, name
            bounds.append(sign * result.fun)
        if bounds[1] - bounds[0] < 0.5:
            pinned.append((name, bounds[0]))
    assert len(small) > 10
    assert pinned == []


def test_no_pair_or_combination_of_periods_reveals_a_small_count(people):
    figures = _published(people)
    periods = _periods()
    revealed = []
    keys = {key for _code, key in figures}
    for key in keys:
        for outer, months in periods.items():
            big = figures.get((outer, key))
            if big is None or big[1] is None:
                continue
            inner = [
                code
                for code, inside in periods.items()
                if inside < months and figures.get((code, key), (None, None))[1] is not None
            ]
            for n in (1, 2, 3):
                for parts in combinations(inner, n):
                    if any(periods[a] & periods[b] for a, b in combinations(parts, 2)):
                        continue
                    rest = big[1] - sum(figures[(code, key)][1] for code in parts)
                    if 0 < rest < SMALL_CELL:
                        revealed.append((key, outer, parts, rest))
    # and within one period: the total minus any shown cell of a breakdown
    for code in periods:
        total = figures[(code, "total")][1]
        for (other, key), (_rows, value, _n) in figures.items():
            if other == code and key != "total" and value is not None and total is not None:
                if 0 < total - value < SMALL_CELL and key[0] != "month":
                    revealed.append((key, code, "total", total - value))
    assert revealed == []


def test_small_period_shows_no_breakdown_not_even_zeros(people):
    figures = _published(people)
    for code in _periods():
        _rows, _value, n = figures[(code, "total")]
        if 0 < n < SMALL_CELL:
            shown = {
                key: value
                for (other, key), (_r, value, _n) in figures.items()
                if other == code and key != "total" and key[0] != "month" and value is not None
            }
            assert (code, shown) == (code, {})


def test_september_alone_reveals_nothing(people):
    """The issue's example: the single applicant of September (Cúcuta, regular documents)."""
    year = _year()
    report = build_report(
        filters=Filters(datetime.date(year, 9, 1), datetime.date(year, 9, 30)), suppress=True
    ).get("applicants")
    assert report.total.display() == SECONDARY_MARK
    assert {key: cell.display() for key, _l, cell in report.by["city"]} == {
        key: SECONDARY_MARK for key, _l, _c in report.by["city"]
    }
    assert {key: cell.display() for key, _l, cell in report.by["document"]} == {
        "regular": SECONDARY_MARK,
        "in_process": SECONDARY_MARK,
        "none": SECONDARY_MARK,
    }


# --- one block (a month) -----------------------------------------------------------------------


def _cells(*bases):
    return [Cell(value=b, base=b) for b in bases]


def _shown(cells):
    return [None if c.suppressed else c.value for c in cells]


def test_block_one_small_cell_hides_the_next_smallest():
    total, sex = Cell(value=11, base=11), _cells(8, 3, 0)
    suppress_block(total=total, tables=[sex])
    assert (_shown([total]), _shown(sex)) == ([11], [None, None, 0])


def test_block_hidden_cells_must_hold_more_people_than_cells():
    """Five cities with one person each: hiding them all still says "1 each" (5 people in
    5 hidden cells), so the total goes, and every other breakdown keeps a hidden cell."""
    total, cities, sex = Cell(value=5, base=5), _cells(1, 1, 1, 1, 1, 0), _cells(5, 0)
    suppress_block(total=total, tables=[cities, sex])
    assert _shown([total]) == [None]
    assert _shown(cities) == [None, None, None, None, None, 0]
    assert _shown(sex) == [None, 0]


def test_block_two_small_cells_hide_a_third_when_together_under_five():
    total, table = Cell(value=20, base=20), _cells(1, 2, 17)
    suppress_block(total=total, tables=[table])
    assert _shown(table) == [None, None, None]


def test_block_small_total_hides_every_cell_and_zero():
    total, table = Cell(value=3, base=3), _cells(3, 0, 0)
    suppress_block(total=total, tables=[table])
    assert (_shown([total]), _shown(table)) == ([None], [None, None, None])


def test_block_large_cells_shown():
    total, table = Cell(value=15, base=15), _cells(10, 5, 0)
    suppress_block(total=total, tables=[table])
    assert (_shown([total]), _shown(table)) == ([15], [10, 5, 0])


# --- what a funder may ask for -----------------------------------------------------------------


def test_funder_form_offers_fixed_periods_only():
    today = datetime.date(2026, 5, 14)
    periods = fixed_periods(today)
    assert list(periods)[:8] == [
        "2026",
        "2026-Q2",
        "2026-Q1",
        "2026-05",
        "2026-04",
        "2026-03",
        "2026-02",
        "2026-01",
    ]
    assert periods["2026-Q1"][1:] == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert periods["2025-02"][1:] == (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    assert len(periods) == (1 + 2 + 5) + 2 * (1 + 4 + 12)
    form = PeriodForm({"period": "2026-Q1", "date_from": "2026-01-10"}, today=today)
    assert form.to_filters() == Filters(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert "date_from" not in form.fields and "cohort" not in form.fields
    assert PeriodForm({"period": "2026-01-10"}, today=today).to_filters() == Filters(
        datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    )


def test_funder_free_dates_ignored_so_two_days_cannot_be_differenced(client_for, funder_user):
    """10 Sep-31 Dec and 11 Sep-31 Dec: a funder's dates are not read; both downloads
    are the same report of the programme year."""
    url = "/admin/indicators/export.csv"
    year = timezone.localdate().year
    first = client_for(funder_user).get(url, {"date_from": f"{year}-09-10"})
    second = client_for(funder_user).get(url, {"date_from": f"{year}-09-11"})
    assert first.content == second.content
    dashboard = client_for(funder_user).get("/admin/indicators/", {"date_from": f"{year}-09-10"})
    assert dashboard.context["report"].filters == Filters(
        datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    )
