"""Forms of seed grants (input validation only; services make the changes)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.models import User
from semilla.upload_pipeline import UploadField

from ..enums import BankAccountType, EvidenceKind, RailCode
from ..models import Fund
from .fields import PesosField

MANUAL_RAILS = [(c, label) for c, label in RailCode.choices if c != RailCode.STRIPE]


class PayoutDetailsForm(forms.Form):
    rail = forms.ChoiceField(
        label=_("How do you want to receive the money?"),
        choices=MANUAL_RAILS,
        widget=forms.RadioSelect,
    )
    holder_name = forms.CharField(label=_("Name of the account holder"), max_length=150)
    document_number = forms.CharField(
        label=_("Holder's document number"), max_length=30, required=False
    )
    phone = forms.RegexField(
        label=_("Nequi or Daviplata mobile number"),
        regex=r"^3\d{9}$",
        required=False,
        help_text=_("10 digits, starting with 3."),
        error_messages={"invalid": _("Enter 10 digits starting with 3.")},
    )
    bank_name = forms.CharField(label=_("Bank"), max_length=80, required=False)
    account_type = forms.ChoiceField(
        label=_("Account type"), required=False, choices=[("", "—"), *BankAccountType.choices]
    )
    account_number = forms.RegexField(
        label=_("Account number"),
        regex=r"^\d{6,20}$",
        required=False,
        error_messages={"invalid": _("Digits only (6 to 20).")},
    )

    def clean(self):
        data = super().clean()
        rail = data.get("rail")
        if rail in (RailCode.NEQUI, RailCode.DAVIPLATA) and not data.get("phone"):
            self.add_error("phone", _("Enter the mobile number of the wallet."))
        if rail == RailCode.BANK_TRANSFER:
            for name in ("bank_name", "account_type", "account_number"):
                if not data.get(name):
                    self.add_error(name, _("Needed for a bank transfer."))
        return data


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Confirmation code"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("The code has 6 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class AgreementForm(forms.Form):
    accept = forms.BooleanField(label=_("I have read the agreement and I accept it."))


class EvidenceForm(forms.Form):
    file = UploadField(
        kind=upload_pipeline.EVIDENCE,
        label=_("Receipt, photo or document"),
        help_text=_("JPG, PNG, WEBP or PDF, at most 10 MB."),
    )
    kind = forms.ChoiceField(label=_("What is it?"), choices=EvidenceKind.choices)
    description = forms.CharField(label=_("Short description"), max_length=200, required=False)
    amount_spent = PesosField(label=_("Amount on the receipt (pesos)"), required=False)
    budget_line = forms.TypedChoiceField(
        label=_("Which planned use?"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].choices = [("", "—")] + [
            (line.pk, line.description) for line in budget_lines
        ]


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Short report: what did you do with this tranche?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MilestoneReviewForm(NoteForm):
    """A reviewer's decision on a submitted milestone (which button was pressed) and the
    note for the grantee. A post without a known decision reviews nothing."""

    APPROVE = "approve"
    CHANGES = "changes"
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (CHANGES, _("Ask for changes"))],
        error_messages={
            "required": _("Choose whether to approve the milestone or ask for changes."),
            "invalid_choice": _("Choose whether to approve the milestone or ask for changes."),
        },
    )

    def approves(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class RecordPaymentForm(forms.Form):
    reference = forms.CharField(label=_("Payment reference"), max_length=120)
    proof = UploadField(
        kind=upload_pipeline.PROOF,
        label=_("Proof of payment"),
        required=False,
        help_text=_("Screenshot or PDF of the transfer receipt."),
    )


class ContributionForm(forms.Form):
    sponsor_name = forms.CharField(label=_("Your name or organisation"), max_length=150)
    sponsor_email = forms.EmailField(label=_("E-mail"))
    amount = PesosField(label=_("Amount (pesos)"), min_value=10_000)


class UpdateRequestForm(forms.Form):
    reason = forms.CharField(label=_("Why must the details be updated?"), max_length=300)


class GrantCreateForm(forms.Form):
    """Staff create a grant outside pitch day (e.g. a donor's direct grant)."""

    fund = forms.ModelChoiceField(label=_("Fund"), queryset=None)
    grantee_email = forms.EmailField(label=_("Grantee's e-mail"))
    business_name = forms.CharField(label=_("Business"), max_length=150)
    amount = PesosField(label=_("Amount (pesos)"))
    percentages = forms.RegexField(
        label=_("Tranches (percentages)"),
        regex=r"^\s*\d+(\s*,\s*\d+)*\s*$",
        initial="50,30,20",
        help_text=_(
            "Comma-separated, adding up to 100. The first tranche is paid on signing "
            "the agreement; the others need evidence."
        ),
    )
    offer = forms.BooleanField(
        label=_("Offer it now (commits the money)"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = Fund.objects.all()

    def clean_grantee_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["grantee_email"]).first()
        if user is None:
            raise forms.ValidationError(_("No account with that e-mail."))
        return user

    def clean_percentages(self):
        values = [int(v) for v in self.cleaned_data["percentages"].split(",")]
        if sum(values) != 100 or any(v <= 0 for v in values):
            raise forms.ValidationError(_("The percentages must be positive and add up to 100."))
        return values
