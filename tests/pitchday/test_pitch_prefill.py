"""The pitch form starts from the person's application (issue 20): the business name, and
a summary that begins with its sector and city and goes on with its description."""

import pytest
from django.urls import reverse

from cohorts.models import Application
from pitchday.forms.events import pitch_initial
from tests.factories.cohorts import ParticipantFactory
from tests.factories.pitchday import make_event, make_pitch

pytestmark = pytest.mark.django_db


def _participant(event):
    participant = ParticipantFactory(cohort=event.cohorts.first())
    Application.objects.filter(pk=participant.application_id).update(
        business_name="Arepas Doña Carmen",
        sector="food",
        city="cucuta",
        municipality="Villa del Rosario",
        description="Arepas rellenas a domicilio.",
    )
    return participant


def test_new_pitch_form_is_prefilled_from_the_application(client_for):
    event = make_event()
    participant = _participant(event)
    response = client_for(participant.user).get(reverse("pitchday:pitch_submit", args=[event.pk]))
    form = response.context["form"]
    assert (form["business_name"].value(), form["summary"].value()) == (
        "Arepas Doña Carmen",
        "Sector: Alimentos y gastronomía · Ciudad: Villa del Rosario\n\nArepas rellenas a domicilio.",
    )


def test_saved_pitch_keeps_its_own_answers_over_the_application(client_for):
    event = make_event()
    participant = _participant(event)
    make_pitch(event, participant=participant, business_name="Arepas 2.0")
    response = client_for(participant.user).get(reverse("pitchday:pitch_submit", args=[event.pk]))
    form = response.context["form"]
    assert (form["business_name"].value(), form["summary"].value()) == (
        "Arepas 2.0",
        "Vendemos arepas congeladas a tiendas de barrio.",
    )


def test_prefill_leaves_out_what_the_application_does_not_say():
    application = Application(business_name="Arepas", sector="", city="", municipality="")
    assert pitch_initial(None, application=application) == {
        "business_name": "Arepas",
        "summary": "",
    }
