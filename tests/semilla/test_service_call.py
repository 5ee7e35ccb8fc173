"""The one helper that runs a service for a view (semilla.service_call)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from semilla.errors import ServiceError
from semilla.service_call import call_service


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
