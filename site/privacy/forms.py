"""Forms of the privacy pages (input validation only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..enums import ConsentPurpose
from .enums import DataRequestKind, DataRequestStatus


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=DataRequestKind.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Tell us more"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4, "aria-describedby": "details-help"}),
        help_text=_(
            "For a correction, say what is wrong and what is right. Optional for the rest."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == DataRequestKind.CORRECTION
            and not cleaned.get("details", "").strip()
        ):
            self.add_error("details", _("Tell us which data to correct and how."))
        return cleaned


class ErasureConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and everything that identifies me will be "
            "erased, and that this cannot be undone."
        )
    )


class RequestAnswerForm(forms.Form):
    to = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (DataRequestStatus.IN_PROGRESS, DataRequestStatus.IN_PROGRESS.label),
            (DataRequestStatus.COMPLETED, DataRequestStatus.COMPLETED.label),
            (DataRequestStatus.REJECTED, DataRequestStatus.REJECTED.label),
        ],
    )
    response = forms.CharField(
        label=_("Answer to the person"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    note = forms.CharField(label=_("Internal note"), required=False, max_length=1000)
    erase = forms.BooleanField(
        label=_("Erase the person's data now (erasure requests only)"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("to") in (DataRequestStatus.COMPLETED, DataRequestStatus.REJECTED)
            and not cleaned.get("response", "").strip()
        ):
            self.add_error("response", _("Write the answer the person will receive."))
        return cleaned


class ExtendForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for the extension (the person is told)"), max_length=1000
    )


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Staff e-mail"), required=False, max_length=254)
    subject = forms.IntegerField(label=_("Person id"), required=False, min_value=1)
    model = forms.CharField(label=_("Record type"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ConsentFilterForm(forms.Form):
    """Filters of the consent-records screen (every field optional)."""

    STATES = [
        ("", _("All")),
        ("active", _("Granted (in force)")),
        ("withdrawn", _("Withdrawn")),
    ]

    q = forms.CharField(
        label=_("Person (name, e-mail or id)"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False, choices=STATES)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "aria-describedby": "id_date_to-help"}),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "aria-describedby": "id_date_to-help"}),
        help_text=_(
            "Dates are when the authorisation was given, or withdrawn if you show only withdrawn ones."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [("", _("All")), *ConsentPurpose.choices]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> dict:
        """Keyword arguments for ``selectors.consent_records_for_staff``; none when the
        form is invalid (the screen then shows the errors above the unfiltered list)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "purpose": data["purpose"],
            "state": data["state"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "search": data["q"],
        }
