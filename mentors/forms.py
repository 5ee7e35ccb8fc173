"""Input validation for the mentors app."""

from datetime import UTC, datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohorts.models import Cohort
from semilla.enums import City, Language, MeetingMode, Sector, Skill
from semilla.forms import Checkboxes
from semilla.timezones import TimeZoneField

from .enums import WEEKDAYS, Availability, BookingMode, GoalStatus, SessionOutcome
from .models import PROFILE_FIELDS, SCHEDULE_FIELDS, MatchingWeights, MentorProfile


def _https_links(db_field, **kwargs):
    """The form field of a model field, where a web link typed without its scheme
    (``meet.jit.si/…``) is read as ``https://``."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


def _booking_reason(label, *, missing):
    """The required reason for cancelling or moving a session (the booking keeps 300
    characters of it); ``missing`` is the message when it is left empty."""
    return forms.CharField(label=label, max_length=300, error_messages={"required": missing})


class MentorProfileForm(forms.ModelForm):
    expertise = Checkboxes(_("What can you help with?"), Skill.choices)
    sectors = Checkboxes(_("Sectors you know well"), Sector.choices, required=False)
    languages = Checkboxes(_("Languages you can mentor in"), Language.choices)
    availability = Checkboxes(_("When can you usually meet?"), Availability.choices, required=False)
    city = forms.ChoiceField(
        label=_("City"), required=False, choices=[("", _("Remote only"))] + list(City.choices)
    )
    meeting_mode = forms.ChoiceField(label=_("How you meet"), choices=MeetingMode.choices)

    class Meta:
        model = MentorProfile
        fields = PROFILE_FIELDS
        formfield_callback = _https_links
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "conflicts": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("meeting_mode") == MeetingMode.IN_PERSON and not data.get("city"):
            self.add_error("city", _("Choose a city if you meet in person."))
        return data


class MentorApplyForm(MentorProfileForm):
    accept_code_of_conduct = forms.BooleanField(
        label=_("I have read and accept the mentor code of conduct."),
        error_messages={"required": _("You must accept the mentor code of conduct.")},
    )

    class Meta(MentorProfileForm.Meta):
        pass


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you declining? (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EndRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you want to end this mentorship?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please tell us why you want to end this mentorship.")},
    )


class MenteeAvailabilityForm(forms.Form):
    blocks = Checkboxes(
        _("When can you usually meet your mentor?"), Availability.choices, required=False
    )


class NewRunForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=None)
    fairness = forms.BooleanField(
        label=_("Fairness mode: raise the lowest score first, then the total"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-starts_on", "name")


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchingWeights
        fields = ["needs", "sector", "location", "availability", "preferences", "response_days"]


class PairForm(forms.Form):
    participant = forms.IntegerField(min_value=1)
    mentor = forms.IntegerField(min_value=1)
    reason = forms.CharField(required=False, max_length=200)


class InterviewForm(forms.Form):
    notes = forms.CharField(
        label=_("Interview notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TransitionForm(forms.Form):
    to = forms.CharField(max_length=16)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class EndMatchForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        error_messages={"max_length": _("Keep the note to 500 characters or fewer.")},
    )
    rematch = forms.BooleanField(
        label=_("Propose the best remaining mentor"), required=False, initial=True
    )


class ScheduleSettingsForm(forms.ModelForm):
    class Meta:
        model = MentorProfile
        fields = SCHEDULE_FIELDS
        formfield_callback = _https_links


class WeeklyWindowForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Day"), coerce=int, choices=WEEKDAYS)
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))


class OverrideForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    available = forms.BooleanField(
        label=_("Extra hours (leave unticked for a day off)"), required=False
    )
    start = forms.TimeField(
        label=_("From"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end = forms.TimeField(
        label=_("Until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )


def _instant(seconds: int | None) -> datetime | None:
    """A slot's start from its number in the page's links (seconds since 1970, UTC)."""
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


#: A slot is named in links by its start in seconds since 1970 (UTC): no time zone,
#: no "+" to escape; far enough in the past or the future is refused by the form.
_SLOT = {"min_value": 0, "max_value": 4_102_444_800}  # 2100-01-01


class BookPickForm(forms.Form):
    """The booking page's steps as plain links (GET): the day chosen, then the time."""

    dia = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    hora = forms.IntegerField(required=False, **_SLOT)

    def clean_hora(self):
        return _instant(self.cleaned_data.get("hora"))


class BookForm(forms.Form):
    """The one short form at the end of the booking page: how to meet, what to work on,
    and a note for the mentor if the mentee wants to add one."""

    hora = forms.IntegerField(widget=forms.HiddenInput, **_SLOT)
    mode = forms.ChoiceField(
        label=_("How will you meet?"),
        choices=BookingMode.choices,
        widget=forms.RadioSelect,
        initial=BookingMode.VIRTUAL,
    )
    topic = forms.CharField(
        label=_("What do you want to work on?"),
        max_length=300,
        help_text=_("A goal or a question, in a few words."),
        error_messages={"required": _("Say what you want to work on in this session.")},
    )
    note = forms.CharField(
        label=_("A note for your mentor (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_hora(self):
        return _instant(self.cleaned_data["hora"])


class BookTimezoneForm(forms.Form):
    timezone = TimeZoneField()


class CancelBookingForm(forms.Form):
    reason = _booking_reason(_("Reason"), missing=_("Please give a reason for cancelling."))


class SessionLogForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened?"), choices=SessionOutcome.choices, widget=forms.RadioSelect
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=0, max_value=480, required=False
    )
    topics = Checkboxes(_("Topics"), Skill.choices, required=False)
    notes = forms.CharField(
        label=_("Notes (private to you and the programme team)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes_shared = forms.BooleanField(label=_("Share the notes with the mentee"), required=False)
    action_items = forms.CharField(
        label=_("Action items for the mentee (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConfirmSessionForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the session?"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=500)


class ProposeSessionForm(forms.Form):
    """The mentor proposes a time (entered in the mentor's own time zone: the current
    zone of the request)."""

    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    mode = forms.ChoiceField(
        label=_("How"),
        choices=BookingMode.choices,
        widget=forms.RadioSelect,
        initial=BookingMode.VIRTUAL,
    )
    topic = forms.CharField(label=_("Topic"), required=False, max_length=300)


class RespondProposalForm(forms.Form):
    accept = forms.TypedChoiceField(
        coerce=lambda value: value == "1", choices=[("1", _("Confirm")), ("0", _("Decline"))]
    )
    reason = forms.CharField(label=_("Reason for declining"), required=False, max_length=300)


class RescheduleForm(forms.Form):
    starts_at = forms.DateTimeField(
        widget=forms.HiddenInput, input_formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z"]
    )
    reason = _booking_reason(
        _("Reason for the change"), missing=_("Please give a reason for the change.")
    )


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("New goal"),
        max_length=200,
        help_text=_("Something concrete, e.g. “Know the cost of each product by March”."),
    )


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(choices=GoalStatus.choices)


#: What the pair-health screen flags, with labels.
PAIR_FLAGS = {
    "inactive": _("No session lately"),
    "low_rating": _("Low rating"),
    "unlogged": _("Sessions not logged"),
    "late_cancels": _("Late cancellations"),
}


class PairHealthFilterForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.order_by("-pk"), required=False
    )
    inactive_days = forms.IntegerField(
        label=_("Inactive after (days)"), min_value=1, max_value=365, required=False, initial=21
    )
    attention = forms.BooleanField(label=_("Only pairs that need attention"), required=False)
