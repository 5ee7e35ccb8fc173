"""The one helper that runs a service for a view (semilla.service_call)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from semilla.errors import ServiceError
from semilla.service_call import call_service, submit_form


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _texts(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def test_call_service_success_returns_value_and_message():
    request = _request()
    outcome = call_service(request, lambda *, n: n * 2, n=21, success="Done.")
    assert (outcome.ok, outcome.value, outcome.error) == (True, 42, None)
    assert _texts(request) == [("success", "Done.")]


def test_call_service_success_without_message_adds_none():
    request = _request()
    outcome = call_service(request, lambda: "x")
    assert outcome.value == "x"
    assert _texts(request) == []


def test_call_service_refusal_becomes_error_message_in_page_language():
    def refuse():
        raise ServiceError(_("Applications are closed."))

    request = _request()
    with translation.override("es"):
        outcome = call_service(request, refuse, success="never")
    assert (outcome.ok, outcome.value) == (False, None)
    assert isinstance(outcome.error, ServiceError)
    assert _texts(request) == [("error", str(outcome.error.message))]


def test_call_service_does_not_swallow_bugs():
    def broken():
        raise KeyError("bug")

    with pytest.raises(KeyError):
        call_service(_request(), broken)


class _CapacityForm(forms.Form):
    capacity = forms.IntegerField()


def _refuse():
    raise ServiceError(_("Applications are closed."))


def test_call_service_refusal_goes_on_the_named_form_field_not_the_messages():
    request = _request()
    form = _CapacityForm({"capacity": "3"})
    assert form.is_valid()
    with translation.override("es"):
        outcome = call_service(request, _refuse, form=form, field="capacity", success="never")
        expected = str(_("Applications are closed."))
    assert outcome.ok is False
    assert form.errors == {"capacity": [expected]}
    assert "capacity" not in form.cleaned_data
    assert _texts(request) == []


def test_call_service_refusal_without_a_field_is_a_non_field_form_error():
    request = _request()
    form = _CapacityForm({"capacity": "3"})
    assert form.is_valid()
    outcome = call_service(request, _refuse, form=form)
    assert outcome.ok is False
    assert form.non_field_errors() == ["Applications are closed."]
    assert _texts(request) == []


def test_call_service_with_a_form_still_says_success_in_the_messages():
    request = _request()
    form = _CapacityForm({"capacity": "3"})
    assert form.is_valid()
    outcome = call_service(request, lambda: 1, form=form, success="Saved.")
    assert (outcome.ok, form.errors) == (True, {})
    assert _texts(request) == [("success", "Saved.")]


def test_call_service_refuses_a_field_without_a_form():
    with pytest.raises(TypeError):
        call_service(_request(), lambda: 1, field="capacity")


class _WindowForm(forms.Form):
    weekday = forms.IntegerField()
    note = forms.CharField(required=False)


def test_submit_form_calls_the_service_with_the_cleaned_data_and_the_extra_keywords():
    request = _request()
    seen = []
    done = submit_form(
        request,
        _WindowForm({"weekday": "3"}),
        lambda **kwargs: seen.append(kwargs),
        success="Hours added.",
        mentor="m",
    )
    assert (done, seen) == (True, [{"mentor": "m", "weekday": 3, "note": ""}])
    assert _texts(request) == [("success", "Hours added.")]


def test_submit_form_with_an_invalid_form_calls_nothing_and_keeps_the_errors():
    request = _request()
    seen = []
    form = _WindowForm({"weekday": "martes"})
    done = submit_form(request, form, lambda **kwargs: seen.append(kwargs), success="never")
    assert (done, seen, list(form.errors)) == (False, [], ["weekday"])
    assert _texts(request) == []


def test_submit_form_refused_by_the_service_answers_false_with_the_reason():
    request = _request()

    def refuse(**kwargs):
        raise ServiceError(_("Applications are closed."))

    with translation.override("en"):
        done = submit_form(request, _WindowForm({"weekday": "3"}), refuse, success="never")
    assert done is False
    assert _texts(request) == [("error", "Applications are closed.")]


def test_submit_form_invalid_says_the_given_message_for_a_page_without_the_form():
    request = _request()
    seen = []
    done = submit_form(
        request,
        _WindowForm({}),
        lambda **kwargs: seen.append(kwargs),
        success="never",
        invalid="Choose a day.",
    )
    assert (done, seen) == (False, [])
    assert _texts(request) == [("error", "Choose a day.")]
