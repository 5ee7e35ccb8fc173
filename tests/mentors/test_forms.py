"""The mentors forms' shared field declarations: web links read as https, and the required
reason for cancelling or moving a session."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mentors.forms import CancelBookingForm, MentorProfileForm, RescheduleForm, ScheduleSettingsForm


@pytest.mark.parametrize(
    ("form_class", "name"), [(MentorProfileForm, "link"), (ScheduleSettingsForm, "meeting_link")]
)
def test_link_fields_typed_without_scheme_are_read_as_https(form_class, name):
    field = form_class().fields[name]

    assert field.clean("meet.jit.si/semilla") == "https://meet.jit.si/semilla"
    assert field.clean("") == ""


@pytest.mark.parametrize(
    ("form_class", "name"), [(MentorProfileForm, "link"), (ScheduleSettingsForm, "meeting_link")]
)
def test_link_fields_refuse_a_link_longer_than_the_column(form_class, name):
    field = form_class().fields[name]

    with pytest.raises(ValidationError):
        field.clean("https://example.com/" + "a" * 200)


@pytest.mark.parametrize(
    ("form_class", "name", "label"),
    [
        (MentorProfileForm, "link", "Enlace profesional"),
        (ScheduleSettingsForm, "meeting_link", "Enlace de videollamada"),
    ],
)
def test_link_fields_keep_their_spanish_label(form_class, name, label):
    with translation.override("es"):
        assert str(form_class().fields[name].label) == label


@pytest.mark.parametrize(
    ("form_class", "data", "message"),
    [
        (CancelBookingForm, {}, "Please give a reason for cancelling."),
        (
            RescheduleForm,
            {"starts_at": "2030-01-07T10:00:00+0000"},
            "Please give a reason for the change.",
        ),
    ],
)
def test_booking_reason_missing_gives_its_own_message(form_class, data, message):
    with translation.override("en"):
        form = form_class(data={**data, "reason": ""})

        assert form.is_valid() is False
        assert form.errors["reason"] == [message]


@pytest.mark.parametrize("form_class", [CancelBookingForm, RescheduleForm])
def test_booking_reason_longer_than_300_characters_is_refused(form_class):
    form = form_class(data={"starts_at": "2030-01-07T10:00:00+0000", "reason": "x" * 301})

    assert form.is_valid() is False
    assert list(form.errors) == ["reason"]
