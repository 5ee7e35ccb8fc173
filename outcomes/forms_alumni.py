"""The alumni directory card."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Alumnus


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
