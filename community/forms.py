"""Input validation of the community app's forms (employer partners, posts, answers)."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import Participant
from pitchday.forms.fields import PesosField

from .models import EmployerPartner, Hire, PartnerPost, PostAnswer, PurchaseOrder

NIT_RE = re.compile(r"^\d{6,12}$")


#: What an employer gives when it asks to join (staff read the same fields on the console).
REGISTRATION_FIELDS = (
    "name",
    "nit",
    "city",
    "sector",
    "size",
    "contact_name",
    "contact_email",
    "contact_phone",
    "motivation",
)


class PartnerRegisterForm(forms.ModelForm):
    class Meta:
        model = EmployerPartner
        fields = REGISTRATION_FIELDS
        widgets = {"motivation": forms.Textarea(attrs={"rows": 4})}

    def clean_nit(self) -> str:
        """Digits only, without the check digit: "900.123.456-7" -> "900123456"."""
        raw = self.cleaned_data["nit"].strip()
        main = raw.split("-", 1)[0]
        digits = re.sub(r"[\s.]", "", main)
        if not NIT_RE.match(digits):
            raise forms.ValidationError(
                _("Write the NIT with digits only (6 to 12), without the check digit.")
            )
        return digits


class PartnerProfileForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = EmployerPartner
        fields = ["profile", "pledge", "website"]
        widgets = {
            "profile": forms.Textarea(attrs={"rows": 5}),
            "pledge": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "pledge": _(
                "What your organisation commits to, in a few sentences: for example, to "
                "accept the PPT, to pay the same as to anyone else in the job, to train your "
                "team on inclusive hiring."
            ),
        }


class PostForm(forms.ModelForm):
    class Meta:
        model = PartnerPost
        fields = ["kind", "title", "description", "city", "closes_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_closes_on(self):
        value = self.cleaned_data["closes_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The closing date has already passed."))
        return value


class AnswerForm(forms.ModelForm):
    share_contact = forms.BooleanField(
        required=True,
        label=_("I agree that Semilla shares my name and e-mail with this organisation."),
    )

    class Meta:
        model = PostAnswer
        fields = ["message", "share_contact"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        labels = {"message": _("A short message: why you, what you offer")}


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your reply"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PostStatusForm(forms.Form):
    to = forms.ChoiceField(choices=PartnerPost._meta.get_field("status").choices)


class PartnerDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (kept in the history; sent to the organisation when declined)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- the staff console: results recorded by staff ----------------------------------------------


class PersonChoiceField(forms.ModelChoiceField):
    """A person who took part in a cohort, named with their e-mail: two people may share a
    name, and the console listed every account (staff included) by name only."""

    def __init__(self, **kwargs):
        people = (
            get_user_model()
            .objects.filter(pk__in=Participant.objects.values("user_id"))
            .order_by("full_name", "email")
        )
        super().__init__(queryset=people, label=_("Person"), **kwargs)

    def label_from_instance(self, obj) -> str:
        return f"{obj.get_full_name() or obj.email} · {obj.email}"


class HireForm(WagtailAdminModelForm):
    user = PersonChoiceField()

    class Meta:
        model = Hire
        fields = ["partner", "post", "user", "on"]


class PurchaseOrderForm(WagtailAdminModelForm):
    """The amount is typed in pesos (``1.200.000``) and kept in minor units, like every
    amount; staff typed minor units under the label "amount (cents)" before, so 1,200,000
    pesos typed as 1200000 was kept as 12,000 pesos."""

    user = PersonChoiceField()
    amount_minor = PesosField(
        # a text box: a number box refuses the thousands separators people type
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        label=_("Amount (pesos)"),
        help_text=_("Whole pesos, for example 1.200.000 (in another currency, its whole units)."),
    )

    class Meta:
        model = PurchaseOrder
        fields = ["partner", "post", "user", "on", "amount_minor", "currency", "reference"]
