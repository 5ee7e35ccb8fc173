"""The dashboard's filters."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from semilla.enums import City

from .indicators import DIMENSIONS
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

    def __init__(self, *args, cohorts: dict[int, str], allow_unsuppressed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("All cohorts")), *cohorts.items()]
        self.fields["breakdown"].choices = [
            *[(key, label) for key, (label, _values) in DIMENSIONS.items()],
            ("cohort", _("Cohort")),
        ]
        if not allow_unsuppressed:
            del self.fields["suppress"]

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
