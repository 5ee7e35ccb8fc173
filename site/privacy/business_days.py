"""Colombian business days: Monday to Friday except national holidays. Legal deadlines for
data requests (Law 1581 of 2012: 10 business days for a query, 15 for a claim) count these
days.

The holidays come from the maintained ``holidays`` package, never from a list kept here: it
follows the laws that create or move them (Law 51 of 1983, "Ley Emiliani", which moves many
to the following Monday; the Easter-based ones; holidays added by later laws). This module is
the only place that asks it; a test fails when other code does."""

import datetime
from functools import lru_cache

import holidays

COUNTRY = "CO"


@lru_cache(maxsize=64)
def colombian_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays(COUNTRY, years=year))


def is_business_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in colombian_holidays(day.year)


def add_business_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` business days after ``start`` (the day of receipt is not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_business_day(current):
            remaining -= 1
    return current


def business_days_between(start: datetime.date, end: datetime.date) -> int:
    """Business days after ``start`` up to and including ``end`` (negative when ``end`` is
    before ``start``)."""
    if end < start:
        return -business_days_between(end, start)
    count = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_business_day(current):
            count += 1
    return count
