"""'Save and continue later' keeps a half-filled or partly invalid step as it is; full
validation waits for 'continue' and for submit (issue 20)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cohorts.enums import ApplicationStatus
from cohorts.forms import StepForm
from cohorts.models import Application
from cohorts.views import STEP_FORMS
from tests.factories.cohorts import DraftApplicationFactory

pytestmark = pytest.mark.django_db

EMPTY_BUSINESS = {
    "business_name": "",
    "business_stage": "",
    "sector": "",
    "description": "",
    "employees": None,
}


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _step(app, step):
    return reverse("cohorts:step", args=[app.pk, step])


def test_save_later_keeps_a_half_filled_step_and_says_so(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="business", **EMPTY_BUSINESS)
    response = client_for(entrepreneur).post(
        _step(app, "business"),
        {"business_name": "Arepas Doña Carmen", "employees": "3", "save_exit": "1"},
    )
    assert (response.status_code, response.url) == (302, reverse("cohorts:mine"))
    assert _messages(response) == [
        "Guardado tal como lo dejaste. Puedes continuar después desde cualquier dispositivo; "
        "antes de enviar, completa lo que falta."
    ]
    app.refresh_from_db()
    assert (app.business_name, app.employees, app.sector, app.description) == (
        "Arepas Doña Carmen",
        3,
        "",
        "",
    )
    assert app.current_step == "business"  # an incomplete step does not move on


def test_save_later_stores_answers_as_they_are_without_judging_them(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, phone="+57 300 123 4567")
    response = client_for(entrepreneur).post(
        _step(app, "about"),
        {
            "birth_date": "1988-07-09",
            "sex": "",
            "population_group": "colombian_returnee",
            "nationality": "co",
            "document_type": "ppt",  # does not go with a returnee: judged at submit
            "municipality": "Cúcuta",
            "phone": "llámame",  # not a number, but it fits the field: kept as it is
            "save_exit": "1",
        },
    )
    assert (response.status_code, response.url) == (302, reverse("cohorts:mine"))
    app.refresh_from_db()
    assert (
        app.birth_date,
        app.sex,
        app.population_group,
        app.nationality,
        app.document_type,
        app.municipality,
        app.city,
        app.phone,
        app.draft_raw,
    ) == (
        datetime.date(1988, 7, 9),
        "",
        "colombian_returnee",
        "co",
        "ppt",
        "Cúcuta",
        "cucuta",
        "llámame",
        {},
    )


def test_save_later_keeps_what_cannot_be_stored_as_typed_and_shows_it_again(
    entrepreneur, client_for
):
    """The issue's case: a half-filled step saved for later; every typed value is back."""
    app = DraftApplicationFactory(user=entrepreneur, current_step="business", **EMPTY_BUSINESS)
    client = client_for(entrepreneur)
    typed = {
        "business_name": "Arepas Doña Carmen",
        "description": "Arepas rellenas a domicilio en La Parada.",
        "employees": "tres",  # a number in words: the field cannot hold it
        "sector": "no_such_sector",  # not one of the choices
    }
    response = client.post(_step(app, "business"), {**typed, "save_exit": "1"})
    assert (response.status_code, response.url) == (302, reverse("cohorts:mine"))
    assert _messages(response) == [
        "Tu borrador quedó guardado tal como lo dejaste. Estas respuestas se guardaron como "
        "las escribiste, pero todavía no son válidas: Sector, Personas que trabajan en el "
        "negocio. Corrígelas antes de enviar."
    ]
    app.refresh_from_db()
    assert (app.business_name, app.description, app.employees, app.sector) == (
        "Arepas Doña Carmen",
        "Arepas rellenas a domicilio en La Parada.",
        None,
        "",
    )
    assert app.draft_raw == {"employees": "tres", "sector": "no_such_sector"}
    page = client.get(_step(app, "business"))
    form = page.context["form"]
    assert {name: form[name].value() for name in typed} == typed
    html = page.content.decode()
    # what a person types into the page's boxes is in them again (a choice that is not on
    # the list can only come from a hand-made request: it is kept, and refused at submit)
    assert [typed[name] in html for name in ("business_name", "description", "employees")] == [
        True,
        True,
        True,
    ]


def test_a_later_save_replaces_the_answer_kept_as_typed(entrepreneur, client_for):
    app = DraftApplicationFactory(
        user=entrepreneur,
        current_step="business",
        **{**EMPTY_BUSINESS, "business_name": "Arepas"},
        draft_raw={"employees": "tres", "phone": "llámame"},
    )
    client_for(entrepreneur).post(
        _step(app, "business"), {"business_name": "Arepas", "employees": "3", "save_exit": "1"}
    )
    app.refresh_from_db()
    assert (app.employees, app.draft_raw) == (3, {"phone": "llámame"})


def test_save_later_still_rechecks_eligibility_of_changed_answers(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur)
    response = client_for(entrepreneur).post(
        _step(app, "about"),
        # a half-filled step: the document type is left empty
        {"birth_date": "2015-01-01", "municipality": "Villa del Rosario", "save_exit": "1"},
    )
    assert (response.status_code, response.url) == (302, _step(app, "about"))
    assert _messages(response) == [
        "Tus respuestas quedaron guardadas, pero con ellas no puedes enviar tu postulación a "
        "esta cohorte: Esta cohorte es para personas de 18 años o más. Puedes empezar a "
        "aprender con el curso gratuito ahora y postularte cuando cumplas 18. Esta cohorte "
        "pide uno de los documentos de identidad de la lista. Si ya solicitaste uno (por "
        'ejemplo el PPT), elige "en trámite": eso no te impide postularte.'
    ]
    app.refresh_from_db()
    assert app.birth_date == datetime.date(2015, 1, 1)


def test_continue_still_refuses_an_incomplete_step(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="business", **EMPTY_BUSINESS)
    response = client_for(entrepreneur).post(
        _step(app, "business"), {"business_name": "Arepas", "continue": "1"}
    )
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["business_stage", "description", "sector"]
    app.refresh_from_db()
    assert (app.business_name, app.current_step) == ("", "business")


def test_submit_refuses_an_application_saved_incomplete(entrepreneur, client_for):
    app = DraftApplicationFactory(
        user=entrepreneur, current_step="consent", document_type="in_process"
    )
    client = client_for(entrepreneur)
    client.post(_step(app, "business"), {"business_name": "Arepas", "save_exit": "1"})
    response = client.post(
        _step(app, "consent"), {"consent_application": "on", "consent_sensitive": "on"}
    )
    app.refresh_from_db()
    assert (app.business_name, app.status) == ("Arepas", ApplicationStatus.DRAFT)
    assert _messages(response)[-1] == "Primero completa estos pasos: Tu negocio."


# --- the guard: every step form gets the draft mode, so no new step can lose a draft ---


@pytest.mark.parametrize("step", sorted(STEP_FORMS))
def test_every_step_form_accepts_an_empty_draft(step):
    form_class = STEP_FORMS[step]
    assert issubclass(form_class, StepForm)
    form = form_class({}, instance=Application(), draft=True)
    assert form.errors == {}
    assert sorted(form.kept_data()) == sorted(form_class.Meta.fields)


@pytest.mark.parametrize("step", sorted(STEP_FORMS))
def test_every_step_saves_later_whatever_is_missing(step, entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="consent")
    response = client_for(entrepreneur).post(_step(app, step), {"save_exit": "1"})
    assert response.status_code == 302
    assert Application.objects.get(pk=app.pk).current_step == "consent"


def test_save_later_names_the_answer_kept_as_typed_in_english_too(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="business", **EMPTY_BUSINESS)
    with translation.override("en"):
        url = _step(app, "business")
    response = client_for(entrepreneur).post(
        url, {"business_name": "Arepas", "employees": "muchos", "save_exit": "1"}
    )
    assert response.status_code == 302
    assert _messages(response) == [
        "Your draft is saved as you left it. These answers are kept as you typed them, but "
        "they are not valid yet: People working in the business. Correct them before sending."
    ]
    app.refresh_from_db()
    assert (app.business_name, app.employees, app.draft_raw) == (
        "Arepas",
        None,
        {"employees": "muchos"},
    )


# --- submit: everything is checked, each problem linked to its step ---------------------


def test_submit_lists_every_problem_with_a_link_to_its_step(entrepreneur, client_for):
    app = DraftApplicationFactory(
        user=entrepreneur,
        current_step="consent",
        population_group="colombian_returnee",
        nationality="co",
        document_type="pep",
        phone="llámame",
        sector="",
        needs=["finance", "marketing", "sales", "digital"],
        draft_raw={"employees": "tres"},
    )
    response = client_for(entrepreneur).post(
        _step(app, "consent"), {"consent_application": "on", "consent_sensitive": "on"}
    )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.DRAFT
    assert _messages(response)[-1] == (
        "Primero completa estos pasos: Sobre ti, Tu negocio, Lo que necesitas, Documentos."
    )
    problems = [(p.step, p.field, p.message) for p in response.context["problems"]]
    assert problems == [
        (
            "about",
            "phone",
            "Escribe un número de teléfono solo con dígitos, p. ej. +57 300 123 4567.",
        ),
        (
            "about",
            "document_type",
            "«PEP (Permiso Especial de Permanencia)» no corresponde a «Colombiano(a) "
            "retornado(a)». Elige uno de estos: Cédula de ciudadanía colombiana, Pasaporte, "
            "En trámite (por ejemplo, PPT solicitado). Si estás esperando tu documento, elige "
            "«en trámite».",
        ),
        ("business", "sector", "Falta esta respuesta."),
        ("business", "employees", "«tres» no es una respuesta válida: corrígela."),
        ("needs", "needs", "Elige como máximo tres."),
        ("documents", "file", "Sube una foto o un escaneo de tu documento de identidad."),
    ]
    html = response.content.decode()
    for step, field, _message in problems:
        assert f'href="{_step(app, step)}#id_{field}"' in html


def test_submit_sends_an_application_with_no_problem_left(entrepreneur, client_for):
    app = DraftApplicationFactory(
        user=entrepreneur, current_step="consent", document_type="in_process"
    )
    client = client_for(entrepreneur)
    response = client.post(
        _step(app, "consent"), {"consent_application": "on", "consent_sensitive": "on"}
    )
    app.refresh_from_db()
    assert (response.status_code, app.status) == (302, ApplicationStatus.SUBMITTED)
