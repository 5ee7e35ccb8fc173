import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import CONFIGURABLE_KINDS, DeliveryChoice
from .timezones import TimeZoneField


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
    timezone = TimeZoneField()


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=24,
        help_text=_(
            "Colombian or Venezuelan mobile, with or without the country code. "
            "We send a code by SMS to check it."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class PhoneCodeForm(forms.Form):
    #: six digits; typed as read ("123 456", "123-456") is fine
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s.-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("Type the six digits of the code."))
        return code


class MessagePreferencesForm(forms.Form):
    """One choice of channel per configurable kind of message, and the consent text."""

    consent = forms.BooleanField(
        required=False,
        label=_(
            "I agree that Semilla sends me the messages I chose by WhatsApp or SMS to my "
            "number. I can stop them at any time by replying STOP or here."
        ),
    )

    def __init__(self, *args, phone_confirmed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (c.value, c.label)
            for c in DeliveryChoice
            if phone_confirmed or c not in (DeliveryChoice.WHATSAPP, DeliveryChoice.SMS)
        ]
        for kind in CONFIGURABLE_KINDS:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=choices, widget=forms.RadioSelect
            )
        self.order_fields([k.value for k in CONFIGURABLE_KINDS] + ["consent"])

    def clean(self):
        cleaned = super().clean()
        phone = {DeliveryChoice.WHATSAPP.value, DeliveryChoice.SMS.value}
        if any(cleaned.get(k.value) in phone for k in CONFIGURABLE_KINDS) and not cleaned.get(
            "consent"
        ):
            self.add_error(
                "consent", _("To receive WhatsApp or SMS messages, check that you agree.")
            )
        return cleaned

    def choices(self) -> dict[str, str]:
        return {k.value: self.cleaned_data[k.value] for k in CONFIGURABLE_KINDS}


class Checkboxes(forms.MultipleChoiceField):
    """Several of ``choices`` ticked as checkboxes (the widget every such question of the
    site uses: each option a target a thumb can hit, no JavaScript). Required unless told
    ``required=False``."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, label: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(label=label, choices=choices, **kwargs)
