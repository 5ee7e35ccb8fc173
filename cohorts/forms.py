"""Input validation for the public cohort screens."""

import datetime

from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.enums import METRO_AREAS, City, DocumentType, PopulationGroup, Sector, Skill
from semilla.upload_pipeline import UploadField

from .enums import BusinessStage, CohortLanguage, ConflictKind, Decision, DocumentKind
from .models import Application

OTHER_PLACE = "Otro"


def municipality_choices():
    groups = [("", _("Choose where you live"))]
    groups.extend((city.label, [(m, m) for m in METRO_AREAS[city]]) for city in City)
    groups.append((_("Elsewhere"), [(OTHER_PLACE, _("Another municipality"))]))
    return groups


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _validate_birth_date(value: datetime.date | None) -> None:
    if value is None:
        return
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(_("The date of birth cannot be in the future."))
    if value.year < today.year - 100:
        raise forms.ValidationError(_("Check the year of your date of birth."))


class PrescreenForm(forms.Form):
    """The short check before applying. Answers prefill the application."""

    birth_date = forms.DateField(
        label=_("Date of birth"), widget=DateInput, validators=[_validate_birth_date]
    )
    municipality = forms.ChoiceField(label=_("Where do you live?"), choices=municipality_choices)
    business_stage = forms.ChoiceField(
        label=_("How far along is your business?"),
        choices=BusinessStage.choices,
        widget=forms.RadioSelect,
    )
    population_group = forms.ChoiceField(
        label=_("Which of these describes you?"),
        choices=PopulationGroup.choices,
        widget=forms.RadioSelect,
    )
    document_type = forms.ChoiceField(
        label=_("Which identity document do you have?"),
        choices=DocumentType.choices,
        help_text=_("If you have requested a document and are waiting, choose “in process”."),
    )
    sector = forms.ChoiceField(label=_("What does your business do?"), choices=Sector.choices)


class StepForm(forms.ModelForm):
    """One step of the application form. Every step form derives from this, so each gets
    the draft mode of "save and continue later" for free: bound with ``draft=True`` no
    field is required, every field that is valid is kept (empty ones too) and a field
    whose value is invalid is left as it was and named for the person. Full validation
    (required fields, then ``application_submit``) happens at "continue" and at submit."""

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft

    def full_clean(self):
        if self.draft:
            # subclasses mark fields required in __init__; a draft accepts them empty
            for field in self.fields.values():
                field.required = False
        super().full_clean()

    def kept_data(self) -> dict:
        """The values to store: every field of the step that passed validation."""
        self.is_valid()
        return {
            name: self.cleaned_data[name] for name in self.Meta.fields if name not in self.errors
        }

    def dropped_labels(self) -> list[str]:
        """Labels (in the person's language) of the fields whose value was not valid."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.Meta.fields if name in self.errors]


class AboutForm(StepForm):
    municipality = forms.ChoiceField(label=_("Where do you live?"), choices=municipality_choices)

    class Meta:
        model = Application
        fields = [
            "birth_date",
            "sex",
            "population_group",
            "nationality",
            "document_type",
            "municipality",
            "phone",
        ]
        widgets = {"birth_date": DateInput, "population_group": forms.RadioSelect}
        help_texts = {
            "phone": _("Optional. With WhatsApp if you can, e.g. +57 300 123 4567."),
            "sex": _("We ask to report on how many women the programme reaches."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["birth_date", "sex", "population_group", "nationality", "document_type"]:
            self.fields[name].required = True
        for name in ["population_group", "sex", "nationality", "document_type"]:
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        for name in ["sex", "nationality", "document_type"]:  # "Elige…" first
            self.fields[name].choices = [*BLANK_CHOICE_DASH, *self.fields[name].choices]

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        _validate_birth_date(value)
        return value

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        digits = [c for c in value if c.isdigit()]
        if value and (
            len(digits) < 7 or len(digits) > 15 or any(c not in "0123456789+ -()" for c in value)
        ):
            raise forms.ValidationError(
                _("Write a phone number with digits only, e.g. +57 300 123 4567.")
            )
        return value


class BusinessForm(StepForm):
    class Meta:
        model = Application
        fields = ["business_name", "business_stage", "sector", "description", "employees"]
        widgets = {
            "business_stage": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "business_name": _("If it has no name yet, describe it in a few words."),
            "description": _("What you sell, to whom, and how (up to 2,000 characters)."),
            "employees": _("Including you. Optional."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["business_name", "business_stage", "sector", "description"]:
            self.fields[name].required = True
        self.fields["business_stage"].choices = [
            c for c in self.fields["business_stage"].choices if c[0] != ""
        ]


class NeedsForm(StepForm):
    needs = forms.MultipleChoiceField(
        label=_("What do you need help with?"),
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose up to three."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=CohortLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Application
        fields = ["needs", "languages", "preferred_mode", "mentoring_preferences", "motivation"]
        widgets = {
            "preferred_mode": forms.RadioSelect,
            "mentoring_preferences": forms.Textarea(attrs={"rows": 3}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_mode"].required = True
        self.fields["motivation"].required = True
        self.fields["preferred_mode"].choices = [
            c for c in self.fields["preferred_mode"].choices if c[0] != ""
        ]

    def clean_needs(self):
        value = self.cleaned_data["needs"]
        if len(value) > 3:
            raise forms.ValidationError(_("Choose at most three."))
        return value


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=DocumentKind.choices)
    file = UploadField(
        kind=upload_pipeline.DOCUMENT,
        label=_("File"),
        help_text=_("A PDF or a photo (JPEG, PNG or WEBP), up to 10 MB."),
    )


class ConsentForm(forms.Form):
    consent_application = forms.BooleanField(
        label=_(
            "I authorise Semilla to process my personal data to assess this application, "
            "under the privacy policy and Law 1581 of 2012."
        ),
        error_messages={"required": _("We need this authorisation to consider your application.")},
    )
    consent_sensitive = forms.BooleanField(
        label=_(
            "I authorise the processing of sensitive data (migration status and identity "
            "documents) for this application."
        ),
        error_messages={"required": _("We need this authorisation to check eligibility.")},
    )
    consent_research = forms.BooleanField(
        label=_(
            "Optional: my answers may be used, without my name, in the programme's impact reports."
        ),
        required=False,
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Notes for the selection team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback = forms.CharField(
        label=_("Feedback the applicant may read"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kind and concrete: staff may include it in the decision e-mail."),
    )

    def __init__(self, *args, criteria, scale_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        choices = [(i, str(i)) for i in range(1, scale_max + 1)]
        scored = {}
        for criterion in self.criteria:
            name = f"criterion_{criterion.pk}"
            scored[name] = forms.TypedChoiceField(
                label=f"{criterion.name} ({criterion.weight} %)",
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                help_text=criterion.guidance,
            )
        self.fields = {**scored, **self.fields}

    def score_fields(self):
        return [self[f"criterion_{c.pk}"] for c in self.criteria]

    def values(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class AbstainForm(forms.Form):
    reason = forms.CharField(label=_("Why?"), max_length=200, required=False)
    conflict = forms.BooleanField(
        label=_("I have a conflict of interest with this person (family, business, close friend)."),
        required=False,
    )


class ConflictSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, business or e-mail"),
        min_length=3,
        max_length=150,
        help_text=_(
            "At least 3 letters of the person's name or the business name, or their "
            "whole e-mail address."
        ),
    )


class ConflictDeclareForm(forms.Form):
    """A conflict with the person or the business of an application found by the search,
    or with a free text (a name or an e-mail) matched when reviews are assigned."""

    kind = forms.ChoiceField(choices=ConflictKind.choices, widget=forms.HiddenInput)
    application = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Full name, business name or e-mail"),
        max_length=200,
        required=False,
        help_text=_(
            "For someone who has not applied yet, or a cohort with blind review: we will "
            "never assign you an application that matches it, without showing it to you."
        ),
    )
    reason = forms.CharField(
        label=_("Why? (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example: family, business partner, close friend, employer."),
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (ConflictKind.PERSON, ConflictKind.BUSINESS) and not cleaned.get("application"):
            raise forms.ValidationError(_("Choose an application from the search results."))
        if kind == ConflictKind.TEXT and len(cleaned.get("text", "").strip()) < 3:
            self.add_error("text", _("Write a full name, a business name or an e-mail address."))
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    feedback = forms.CharField(
        label=_("Feedback for the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
