"""Colombian business days for the legal deadlines of data requests."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from semilla.privacy.business_days import (
    add_business_days,
    business_days_between,
    colombian_holidays,
    easter_sunday,
    is_business_day,
)

D = datetime.date


def test_easter_dates():
    assert [easter_sunday(y) for y in (2025, 2026, 2027)] == [
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2027, 3, 28),
    ]


def test_colombian_holidays_2026():
    assert sorted(colombian_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 1, 12),
        D(2026, 3, 23),
        D(2026, 4, 2),
        D(2026, 4, 3),
        D(2026, 5, 1),
        D(2026, 5, 18),
        D(2026, 6, 8),
        D(2026, 6, 15),
        D(2026, 6, 29),
        D(2026, 7, 20),
        D(2026, 8, 7),
        D(2026, 8, 17),
        D(2026, 10, 12),
        D(2026, 11, 2),
        D(2026, 11, 16),
        D(2026, 12, 8),
        D(2026, 12, 25),
    ]


def test_add_business_days_skips_weekends_and_holidays():
    # Friday 6 November 2026 + 10 business days: Monday 16 November is a holiday
    assert add_business_days(D(2026, 11, 6), 10) == D(2026, 11, 23)
    # received on a Saturday: counting starts on Monday
    assert add_business_days(D(2026, 11, 7), 1) == D(2026, 11, 9)
    assert is_business_day(D(2026, 12, 8)) is False


@given(
    st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_add_business_days_round_trip(start, days):
    end = add_business_days(start, days)
    assert business_days_between(start, end) == days
    assert days == 0 or is_business_day(end)
    assert (end - start).days >= days
