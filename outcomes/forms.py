"""The survey form (the person's, and staff's when they take it by phone). Input
validation only; the service saves. Every field may stay empty while a person saves to
finish later; what an answer needs is checked when they finish."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .enums import AlumniStatus, WaveKind
from .models import ANSWER_FIELDS, Response

YES_NO = [("", _("Choose")), ("true", _("Yes")), ("false", _("No"))]


def _yes_no(label):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda v: v == "true",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class ResponseForm(forms.ModelForm):
    sales_undisclosed = forms.BooleanField(label=_("I prefer not to say"), required=False)
    has_rut = _yes_no(_("Does the business have a RUT?"))
    has_chamber_registration = _yes_no(
        _("Is the business registered with the chamber of commerce?")
    )
    issues_invoices = _yes_no(_("Do you issue invoices (electronic or paper)?"))
    pays_social_security = _yes_no(_("Do you pay social security for the people you pay?"))
    has_account = _yes_no(_("Do you have a bank account or a wallet (Nequi, Daviplata...)?"))
    credit_applied = _yes_no(_("Since the last survey, did you apply for a loan or credit?"))
    credit_obtained = _yes_no(_("Did you get it?"))
    confidence = forms.TypedChoiceField(
        label=_("How confident do you feel running your business today?"),
        help_text=_("1: not at all, 5: fully"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Response
        fields = list(ANSWER_FIELDS)
        labels = {
            "business_status": _("How is your business today?"),
            "sales_from": _("In a usual month, your sales are between"),
            "sales_to": _("and"),
            "workers_paid": _("People you pay (not counting you)"),
            "workers_unpaid": _("People who help without pay (family, partners)"),
            "workers_migrant": _("Of all of them, how many are migrants?"),
            "workers_receptor": _("And how many are from the local (receptor) community?"),
            "new_hires": _("How many of them started since the last survey?"),
            "credit_source": _("Who gave you the credit?"),
            "credit_amount": _("For how much?"),
            "document_type": _("Your migration or identity document today"),
            "story": _("Anything you want to tell us about your business (optional)"),
            "story_consent": _(
                "Semilla may publish my story, with my first name and my business, on its "
                "website. I can withdraw this at any time."
            ),
        }
        widgets = {
            "business_status": forms.RadioSelect,
            "workers_paid": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "workers_unpaid": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "workers_migrant": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "workers_receptor": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "new_hires": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "story": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, wave_kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        for name in (
            "workers_paid",
            "workers_unpaid",
            "workers_migrant",
            "workers_receptor",
            "new_hires",
        ):
            self.fields[name].min_value = 0
            self.fields[name].validators.append(_not_negative)
        if wave_kind == WaveKind.BASELINE:
            # known from the application (document) or meaningless before the programme
            del self.fields["document_type"]
            del self.fields["new_hires"]
        if self.instance.pk and self.instance.sales_from is None and self.instance.business_status:
            self.initial.setdefault("sales_undisclosed", True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sales_undisclosed"):
            cleaned["sales_from"] = cleaned["sales_to"] = None
        else:
            low, high = cleaned.get("sales_from"), cleaned.get("sales_to")
            if low is not None and high is None:
                cleaned["sales_to"] = high = low
            if high is not None and low is None:
                cleaned["sales_from"] = low = high
            if low is not None and high is not None and low > high:
                self.add_error(
                    "sales_to", _("The second amount must be the same as or higher than the first.")
                )
        counts = [cleaned.get(n) for n in ("workers_paid", "workers_unpaid")]
        groups = [cleaned.get(n) for n in ("workers_migrant", "workers_receptor")]
        if all(v is not None for v in counts + groups) and sum(groups) > sum(counts):
            self.add_error(
                "workers_receptor",
                ngettext(
                    "Migrants and local community together cannot be more than the %(n)s "
                    "person who works in the business.",
                    "Migrants and local community together cannot be more than the %(n)s "
                    "people who work in the business.",
                    sum(counts),
                )
                % {"n": sum(counts)},
            )
        if cleaned.get("credit_obtained") and cleaned.get("credit_applied") is not True:
            self.add_error("credit_obtained", _("You can only get a credit you applied for."))
        if cleaned.get("story", "").strip() and not cleaned.get("story_consent"):
            self.add_error(
                "story_consent",
                _("Tick the box to let us keep your story, or leave the story empty."),
            )
        cleaned["story"] = (cleaned.get("story") or "").strip()
        return cleaned

    def check_complete(self) -> bool:
        """When the person finishes: the two answers every survey needs."""
        if not self.is_valid():
            return False
        if not self.cleaned_data.get("business_status"):
            self.add_error("business_status", _("Tell us how your business is today."))
        if self.cleaned_data.get("confidence") is None:
            self.add_error("confidence", _("Choose a number from 1 to 5."))
        return not self.errors

    def answers(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and name != "sales_undisclosed"
        }


def _not_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError(_("Write 0 or a positive number."))


class PhoneNoteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I took these answers by phone, from the person, and read them back to them."),
    )


class AlumnusStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AlumniStatus.choices)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=200)
