"""Colombian business days: Monday to Friday except national holidays (Law 51 of 1983,
"Ley Emiliani": some holidays move to the following Monday; Easter-based ones follow the
Easter date). Legal deadlines for data requests count these days."""

import datetime
from functools import lru_cache

# Fixed holidays that never move.
_FIXED = [(1, 1), (5, 1), (7, 20), (8, 7), (12, 8), (12, 25)]
# Holidays moved to the next Monday when they fall on another day.
_MOVED = [(1, 6), (3, 19), (6, 29), (8, 15), (10, 12), (11, 1), (11, 11)]
# Days after Easter Sunday: Maundy Thursday and Good Friday stay; Ascension (+39),
# Corpus Christi (+60) and Sacred Heart (+68) move to Monday (their Mondays are +43, +64, +71).
_EASTER_FIXED = [-3, -2]
_EASTER_MONDAY = [43, 64, 71]


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _next_monday(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


@lru_cache(maxsize=64)
def colombian_holidays(year: int) -> frozenset[datetime.date]:
    days = {datetime.date(year, m, d) for m, d in _FIXED}
    days |= {_next_monday(datetime.date(year, m, d)) for m, d in _MOVED}
    easter = easter_sunday(year)
    days |= {easter + datetime.timedelta(days=n) for n in _EASTER_FIXED + _EASTER_MONDAY}
    return frozenset(days)


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
