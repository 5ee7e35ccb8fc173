"""Input validation of the conversations app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import REPORT, ConcernCategory, ReportKind, ReportStatus
from .models import MESSAGE_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Text only. Links are made clickable."),
    )


class ConcernForm(forms.Form):
    category = forms.ChoiceField(label=_("What is it about?"), choices=ConcernCategory.choices)
    text = forms.CharField(
        label=_("What happened?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the programme's safeguarding staff read this."),
    )


class NoShowForm(forms.Form):
    text = forms.CharField(
        label=_("Anything to add? (optional)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReportFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open (received or in review)")), *ReportStatus.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *ReportKind.choices]
    )


class MoveForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=ReportStatus.choices)
    note = forms.CharField(
        label=_("Why (kept in the history)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if current:
            self.fields["to"].choices = [
                (value, label)
                for value, label in ReportStatus.choices
                if REPORT.allows(current, value)
            ]


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Staff note"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DiscloseForm(forms.Form):
    disclose = forms.BooleanField(
        label=_("Show the report and the reporter's name to the reported person"), required=False
    )
