"""English formats for the same audience (day-first dates, as in Colombia)."""

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"  # "4 January", day first as above (Django's English default: "January 4")
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, g:i a"
SHORT_DATETIME_FORMAT = "d/m/Y g:i a"
TIME_FORMAT = "g:i a"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
