"""The dashboard's filters."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from semilla.enums import City

from .indicators import DIMENSIONS
from .outcomes import wave_choices
from .selectors import Filters


class DateInput(forms.DateInput):
    input_type = "date"


class FiltersForm(forms.Form):
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)
    city = forms.ChoiceField(
        label=_("City"), required=False, choices=[("", _("All cities")), *City.choices]
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)
    breakdown = forms.ChoiceField(label=_("Break down by"), required=False)
    suppress = forms.BooleanField(
        label=_("Hide small cells (for sharing outside the team)"), required=False
    )
    after = forms.ChoiceField(label=_("Outcomes: compare the baseline with"), required=False)

    def __init__(self, *args, cohorts: dict[int, str], allow_unsuppressed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("All cohorts")), *cohorts.items()]
        self.fields["breakdown"].choices = [
            *[(key, label) for key, (label, _values) in DIMENSIONS.items()],
            ("cohort", _("Cohort")),
        ]
        if not allow_unsuppressed:
            del self.fields["suppress"]
        self.fields["after"].choices = wave_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        if start and end and (end - start).days > 366 * 5:
            self.add_error("date_from", _("Choose a period of at most five years."))
        return cleaned

    def to_filters(self) -> Filters:
        default = Filters.default()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("date_from") or default.date_from
        end = data.get("date_to") or default.date_to
        if end < start:
            start, end = default.date_from, default.date_to
        return Filters(
            date_from=start,
            date_to=min(end, timezone.localdate() + datetime.timedelta(days=366)),
            cohort=data.get("cohort"),
            city=data.get("city") or "",
        )

    def chosen_breakdown(self) -> str:
        value = self.cleaned_data.get("breakdown") if self.is_valid() else ""
        return value or "sex"

    def wants_suppression(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data.get("suppress"))

    def chosen_after(self) -> str:
        return _chosen_after(self)


def _chosen_after(form: forms.Form) -> str:
    """The follow-up wave the outcomes section compares with the baseline."""
    value = form.cleaned_data.get("after") if form.is_valid() else ""
    return value or DEFAULT_AFTER


DEFAULT_AFTER = "end"


# --- funders: fixed periods only -----------------------------------------------------------

#: how many programme years (calendar years, January to December) a funder may choose from
PERIOD_YEARS = 3


def _month_end(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def fixed_periods(
    today: datetime.date | None = None,
) -> dict[str, tuple[str, datetime.date, datetime.date]]:
    """Every period a funder may ask for: the programme year (a calendar year), its
    quarters and its months, up to the current month, for the last ``PERIOD_YEARS`` years.
    Code -> (label, first day, last day). Newest first."""
    today = today or timezone.localdate()
    periods: dict[str, tuple[str, datetime.date, datetime.date]] = {}
    for year in range(today.year, today.year - PERIOD_YEARS, -1):
        periods[str(year)] = (
            gettext("Programme year %(year)s") % {"year": year},
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
        )
        for quarter in range(4, 0, -1):
            start = datetime.date(year, 3 * quarter - 2, 1)
            if start > today:
                continue
            periods[f"{year}-Q{quarter}"] = (
                gettext("Quarter %(n)s of %(year)s") % {"n": quarter, "year": year},
                start,
                _month_end(datetime.date(year, 3 * quarter, 1)),
            )
        for number in range(12, 0, -1):
            month = datetime.date(year, number, 1)
            if month > today:
                continue
            periods[f"{year}-{number:02d}"] = (
                formats.date_format(month, "YEAR_MONTH_FORMAT"),
                month,
                _month_end(month),
            )
    return periods


class PeriodForm(forms.Form):
    """What a funder may choose: one fixed period and a breakdown. No free dates and no
    cohort or city filter, so that two allowed reports never differ by a handful of
    people (see docs/privacy-and-reporting.md)."""

    period = forms.ChoiceField(label=_("Period"), required=False)
    breakdown = forms.ChoiceField(label=_("Break down by"), required=False)
    after = forms.ChoiceField(label=_("Outcomes: compare the baseline with"), required=False)

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = fixed_periods(today)
        self.fields["after"].choices = wave_choices()
        self.fields["period"].choices = [(code, p[0]) for code, p in self.periods.items()]
        self.fields["breakdown"].choices = [
            *[(key, label) for key, (label, _values) in DIMENSIONS.items()],
            ("cohort", _("Cohort")),
        ]

    def to_filters(self) -> Filters:
        code = (self.cleaned_data.get("period") if self.is_valid() else "") or next(
            iter(self.periods)
        )
        _label, start, end = self.periods[code]
        return Filters(date_from=start, date_to=end)

    def chosen_breakdown(self) -> str:
        value = self.cleaned_data.get("breakdown") if self.is_valid() else ""
        return value or "sex"

    def wants_suppression(self) -> bool:
        return True

    def chosen_after(self) -> str:
        return _chosen_after(self)
