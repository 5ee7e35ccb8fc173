from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth mixes this in)."""

    full_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As you would like us to address you. It does not need to match a document."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):  # called by allauth after the user is saved
        return user


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("es", "Español"), ("en", "English")]
    )
    timezone = forms.CharField(label=_("Time zone"), max_length=64)

    def clean_timezone(self):
        import zoneinfo

        value = self.cleaned_data["timezone"]
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise forms.ValidationError(_("Choose a time zone from the list.")) from exc
        return value
