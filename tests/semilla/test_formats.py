"""Dates read day first in both languages, as in Colombia: a month and day too ("until 4
January" on the jobs board, not "January 4")."""

import datetime

import pytest
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("language", "day", "month_day"),
    [("es", "4 de enero de 2027", "4 de enero"), ("en", "4 January 2027", "4 January")],
)
def test_dates_read_day_first(language, day, month_day):
    value = datetime.date(2027, 1, 4)
    with translation.override(language):
        assert formats.date_format(value, "DATE_FORMAT") == day
        assert formats.date_format(value, "MONTH_DAY_FORMAT") == month_day
