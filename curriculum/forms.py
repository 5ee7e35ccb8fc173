from django import forms
from django.utils.translation import gettext_lazy as _

from .models import normalise_certificate_code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code printed on the certificate, for example ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = normalise_certificate_code(self.cleaned_data["code"])
        if len(code) < 8:
            raise forms.ValidationError(_("Check the code: it has 12 letters and numbers."))
        return code


class OfflineAnswerForm(forms.Form):
    """The id a device gave a quiz answer made offline (the answers themselves are the
    quiz form's fields, read by ``parse_quiz_answers``)."""

    client_id = forms.UUIDField()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it revoked?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to staff only. The public verification page says it was revoked."),
    )


def parse_quiz_answers(data, count: int) -> list[int | None]:
    """Option indexes chosen for questions q0..q{count-1}; None where none was chosen or
    the value is not a number."""
    answers: list[int | None] = []
    for i in range(count):
        raw = data.get(f"q{i}", "")
        answers.append(int(raw) if raw.isdigit() else None)
    return answers
