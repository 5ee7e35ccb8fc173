"""Input validation for the public cohort screens."""

import datetime

from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.enums import METRO_AREAS, City, DocumentType, PopulationGroup, Sector, Skill
from semilla.forms import Checkboxes
from semilla.upload_pipeline import UploadField

from . import checks
from .enums import (
    ApplicationStep,
    Availability,
    BusinessStage,
    CohortLanguage,
    ConflictKind,
    Decision,
    DocumentKind,
    Nationality,
)
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
    message = checks.birth_date_problem(value)
    if message:
        raise forms.ValidationError(message)


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

    def clean(self):
        cleaned = super().clean()
        message = checks.document_problem(
            population_group=cleaned.get("population_group", ""),
            # nationality is asked in the application: a cédula may be a dual national's
            nationality=Nationality.DUAL,
            document_type=cleaned.get("document_type", ""),
        )
        if message:
            self.add_error("document_type", message)
        return cleaned


class StepForm(forms.ModelForm):
    """One step of the application form. Every step form derives from this, so each gets
    the draft mode of "save and continue later" for free: bound with ``draft=True`` no
    field is required and no answer is judged (``checks``): a value is kept in its field
    when it can be stored there, and as typed (``raw_data``) when it cannot, so nothing
    typed is lost. Full validation (required fields and ``checks.answer_problems``)
    happens at "continue", and ``application_submit`` runs the same checks."""

    step: str = ""

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        instance = kwargs.get("instance")
        raw = getattr(instance, "draft_raw", None) or {}
        if not self.is_bound:
            # what was typed last time but could not be stored is shown again as typed
            self.initial.update({k: v for k, v in raw.items() if k in self.Meta.fields})

    def full_clean(self):
        if self.draft:
            # subclasses mark fields required in __init__; a draft accepts them empty
            for field in self.fields.values():
                field.required = False
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        if not self.draft:
            values = {**model_to_dict(self.instance, fields=self.Meta.fields), **cleaned}
            for name, message in checks.answer_problems(self.step, values):
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def kept_data(self) -> dict:
        """The values to store: every field of the step whose value can be stored."""
        self.is_valid()
        return {
            name: self.cleaned_data[name] for name in self.Meta.fields if name not in self.errors
        }

    def raw_data(self) -> dict:
        """The values as typed of the fields that cannot be stored (text, or a list of
        texts for a multiple choice)."""
        self.is_valid()
        raw = {}
        for name in self.Meta.fields:
            if name in self.errors:
                value = self[name].data
                if isinstance(value, list | tuple):
                    raw[name] = [_storable(str(v)) for v in value]
                else:
                    raw[name] = _storable(value) if isinstance(value, str) else value
        return raw

    def dropped_labels(self) -> list[str]:
        """Labels (in the person's language) of the fields kept as typed only."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.Meta.fields if name in self.errors]


def _storable(text: str) -> str:
    """Text as typed, but for the NUL character, which no database text or JSON column
    holds (PostgreSQL refuses it; Django's own validator refuses it in a field)."""
    return text.replace("\x00", "")


class AboutForm(StepForm):
    step = ApplicationStep.ABOUT
    municipality = forms.ChoiceField(label=_("Where do you live?"), choices=municipality_choices)

    class Meta:
        model = Application
        fields = [*checks.REQUIRED[ApplicationStep.ABOUT], "phone"]  # phone is optional
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
        self._narrow_documents()
        for name in ["sex", "nationality", "document_type"]:  # "Elige…" first
            self.fields[name].choices = [*BLANK_CHOICE_DASH, *self.fields[name].choices]

    def _narrow_documents(self) -> None:
        """Offer only the documents that go with the declared status: the one posted, else
        the one stored (the pre-screen asked it), so the page needs no JavaScript. A
        document chosen before the status changed stays listed, so the mismatch is shown
        and explained rather than silently dropped."""
        if self.is_bound:
            group = self.data.get(self.add_prefix("population_group"), "")
            nationality = self.data.get(self.add_prefix("nationality"), "")
        else:
            group, nationality = self.instance.population_group, self.instance.nationality
        if group not in PopulationGroup.values:
            return
        allowed = set(checks.documents_for(population_group=group, nationality=nationality))
        current = self.instance.document_type
        self.fields["document_type"].choices = [
            c for c in self.fields["document_type"].choices if c[0] in allowed or c[0] == current
        ]
        labels = ", ".join(
            str(DocumentType(d).label)
            for d in checks.documents_for(population_group=group, nationality=nationality)
        )
        self.fields["document_type"].help_text = _(
            "For “%(group)s”: %(documents)s. Changed your answer above? Save, and the list "
            "follows it."
        ) % {"group": PopulationGroup(group).label, "documents": labels}

    def clean_phone(self):
        return self.cleaned_data["phone"].strip()


class BusinessForm(StepForm):
    step = ApplicationStep.BUSINESS

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
    step = ApplicationStep.NEEDS
    needs = Checkboxes(
        _("What do you need help with?"), Skill.choices, help_text=_("Choose up to three.")
    )
    languages = Checkboxes(_("Languages you speak"), CohortLanguage.choices)
    availability = Checkboxes(
        _("When can you usually meet a mentor?"),
        Availability.choices,
        required=False,
        help_text=_("We use it to match you with a mentor who can meet at the same times."),
    )

    class Meta:
        model = Application
        fields = [
            "needs",
            "languages",
            "preferred_mode",
            "availability",
            "mentoring_preferences",
            "motivation",
        ]
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
