"""Forms of pitch day (input validation only)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cohorts.models import Application
from semilla import upload_pipeline
from semilla.upload_pipeline import UploadField

from ..models import Pitch
from .fields import PesosField


def parse_items(text: str) -> list[tuple[str, int]]:
    """``Oven: 1.200.000`` per line -> [("Oven", 120000000)] (minor units)."""
    items = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = re.fullmatch(r"\s*(.+?)\s*[:=]\s*\$?\s*([\d.,]+)\s*", line)
        if not match:
            raise ValidationError(_("Line %(n)s: write “item: amount”.") % {"n": number})
        digits = re.sub(r"[.,]", "", match.group(2))
        if not digits or int(digits) <= 0:
            raise ValidationError(
                _("Line %(n)s: the amount must be more than zero.") % {"n": number}
            )
        items.append((match.group(1)[:150], int(digits) * 100))
    return items


def pitch_initial(pitch: Pitch | None, *, application: Application | None = None) -> dict[str, Any]:
    """The pitch form's initial values from a saved pitch (amounts in minor units; the
    use of funds written back as “item: pesos” lines). Before the first save, the
    business comes from the person's application: its name, and a summary that starts
    with its sector and city and goes on with its description, for the person to edit."""
    if pitch is None:
        return _from_application(application) if application is not None else {}
    return {
        "business_name": pitch.business_name,
        "summary": pitch.summary,
        "video_url": pitch.video_url,
        "ask_amount": pitch.ask_amount or None,
        "items": "\n".join(f"{i.description}: {i.amount // 100}" for i in pitch.use_of_funds.all()),
    }


def _from_application(application: Application) -> dict[str, Any]:
    place = application.municipality or str(application.get_city_display())
    facts = [
        str(_("Sector: %(sector)s") % {"sector": application.get_sector_display()})
        if application.sector
        else "",
        str(_("City: %(city)s") % {"city": place}) if place else "",
    ]
    heading = " · ".join(f for f in facts if f)
    summary = "\n\n".join(p for p in (heading, application.description.strip()) if p)
    return {"business_name": application.business_name, "summary": summary[:4000]}


class PitchForm(forms.Form):
    business_name = forms.CharField(label=_("Business name"), max_length=150)
    summary = forms.CharField(
        label=_("One-page summary"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Problem, customers, what you sell, what you achieved."),
    )
    deck = UploadField(
        kind=upload_pipeline.DECK, label=_("Deck (PDF, at most 20 MB)"), required=False
    )
    video_url = forms.URLField(
        label=_("Video link (optional)"), required=False, assume_scheme="https"
    )
    ask_amount = PesosField(label=_("Amount you ask for (pesos)"), required=False)
    items = forms.CharField(
        label=_("Use of funds, one item per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "For example: “Industrial oven: 1.200.000”. The items must add up to "
            "the amount you ask for."
        ),
    )

    def clean_items(self):
        return parse_items(self.cleaned_data.get("items", ""))


class InviteJudgeForm(forms.Form):
    email = forms.EmailField(label=_("Judge's e-mail"))


class AwardsForm(forms.Form):
    """One amount per ranked pitch: typed and shown in pesos, ``initial`` and
    ``allocation()`` in minor units."""

    def __init__(self, *args, pitch_ids=(), **kwargs):
        initial = kwargs.pop("initial", {})
        super().__init__(*args, **kwargs)
        for pk in pitch_ids:
            self.fields[f"pitch_{pk}"] = PesosField(
                label=_("Award (pesos)"), min_value=0, required=False, initial=initial.get(pk, 0)
            )

    def allocation(self) -> dict[int, int]:
        """Minor units per pitch id (a blank amount is zero)."""
        return {
            int(name.split("_", 1)[1]): value or 0
            for name, value in self.cleaned_data.items()
            if name.startswith("pitch_")
        }
