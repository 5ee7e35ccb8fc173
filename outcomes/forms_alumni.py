"""The alumni directory card."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.models import Cohort
from semilla.enums import City, Sector

from .models import STORY_CONSENT_TEXT, Alumnus


class AlumniCardForm(forms.ModelForm):
    class Meta:
        model = Alumnus
        fields = ["listed", "business_name", "city", "sector", "offers", "seeks"]
        labels = {
            "listed": _("Show my card in the public alumni directory"),
        }
        help_texts = {
            "listed": _(
                "Only what you write here is shown: business name, city, sector, what you "
                "offer and what you seek. Untick to hide it at once."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("listed") and not (cleaned.get("business_name") or "").strip():
            self.add_error("business_name", _("Write your business name to be listed."))
        return cleaned

    def card(self) -> dict[str, str]:
        return {
            k: self.cleaned_data[k] for k in ("business_name", "city", "sector", "offers", "seeks")
        }


class StoryConsentForm(forms.Form):
    """The person's own yes to publishing their story (the words are versioned)."""

    agree = forms.BooleanField(required=True)

    def __init__(self, *args, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["agree"].label = STORY_CONSENT_TEXT
        self.fields["agree"].error_messages["required"] = _(
            "Tick the box to say yes, or leave this page: nothing is published without it."
        )


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])

    @property
    def accept(self) -> bool:
        return self.cleaned_data["answer"] == "yes"


class InviteForm(forms.Form):
    """Staff choose alumni to invite by cohort, city and sector."""

    cohort = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Cohort"), empty_label=_("All cohorts")
    )
    city = forms.ChoiceField(required=False, label=_("City"))
    sector = forms.ChoiceField(required=False, label=_("Sector"))
    confirm = forms.BooleanField(
        required=False, label=_("Send the invitations to the people listed below")
    )

    def __init__(self, *args, **kwargs):

        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(
            pk__in=Alumnus.objects.values("cohort_id")
        ).order_by("-starts_on", "name")
        self.fields["city"].choices = [("", _("All cities")), *City.choices]
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.choices]
