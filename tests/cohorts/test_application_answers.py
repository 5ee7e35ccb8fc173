"""Issue 20, the application: the document follows the declared status, the consent links
to the privacy policy, the cohort's format drives its texts, mentor availability is asked
in the application and read by matching, and pitch forms start from the application."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from cohorts import checks, services
from cohorts.enums import CohortFormat
from cohorts.forms import AboutForm, PrescreenForm
from cohorts.models import Application
from mentors.models import MenteeAvailability
from mentors.selectors import participant_facts
from semilla.demo import seed_home_page
from semilla.enums import DocumentType
from semilla.reporting.demo import seed_policy_page
from tests.factories.cohorts import CohortFactory, DraftApplicationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

D = DocumentType


def _step(app, step):
    return reverse("cohorts:step", args=[app.pk, step])


ABOUT = {
    "birth_date": "1988-07-09",
    "sex": "female",
    "population_group": "colombian_returnee",
    "nationality": "co",
    "document_type": "cedula",
    "municipality": "Cúcuta",
    "phone": "+57 300 123 4567",
}


# --- the document follows the declared migration status ----------------------------------


def test_documents_for_each_status():
    assert {
        group: checks.documents_for(population_group=group)
        for group in ("venezuelan_migrant", "colombian_returnee", "receptor_community")
    } == {
        "venezuelan_migrant": (
            D.CEDULA_EXTRANJERIA,
            D.PPT,
            D.PEP,
            D.PASSPORT,
            D.IN_PROCESS,
            D.NONE,
        ),
        "colombian_returnee": (D.CEDULA, D.PASSPORT, D.IN_PROCESS),
        "receptor_community": (D.CEDULA, D.CEDULA_EXTRANJERIA, D.PASSPORT, D.IN_PROCESS),
    }
    assert D.CEDULA in checks.documents_for(
        population_group="venezuelan_migrant", nationality="co_ve"
    )


def test_about_step_offers_only_the_documents_of_the_stored_status():
    app = DraftApplicationFactory.build(population_group="colombian_returnee", document_type="")
    form = AboutForm(instance=app)
    assert [value for value, _label in form.fields["document_type"].choices] == [
        "",
        D.CEDULA,
        D.PASSPORT,
        D.IN_PROCESS,
    ]


def test_about_step_follows_the_posted_status_without_javascript():
    app = DraftApplicationFactory.build(population_group="colombian_returnee", document_type="")
    form = AboutForm({**ABOUT, "population_group": "venezuelan_migrant"}, instance=app)
    assert [value for value, _label in form.fields["document_type"].choices] == [
        "",
        D.CEDULA_EXTRANJERIA,
        D.PPT,
        D.PEP,
        D.PASSPORT,
        D.IN_PROCESS,
        D.NONE,
    ]


def test_about_step_refuses_a_document_that_does_not_go_with_the_status(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, document_type="ppt")
    response = client_for(entrepreneur).post(
        _step(app, "about"), {**ABOUT, "document_type": "ppt", "continue": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["document_type"] == [
        "«PPT (Permiso por Protección Temporal)» no corresponde a «Colombiano(a) "
        "retornado(a)». Elige uno de estos: Cédula de ciudadanía colombiana, Pasaporte, En "
        "trámite (por ejemplo, PPT solicitado). Si estás esperando tu documento, elige «en "
        "trámite»."
    ]
    app.refresh_from_db()
    assert (app.population_group, app.document_type) == ("venezuelan_migrant", "ppt")


def test_about_step_accepts_a_document_that_goes_with_the_status(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur)
    response = client_for(entrepreneur).post(_step(app, "about"), {**ABOUT, "continue": "1"})
    assert (response.status_code, response.url) == (302, _step(app, "business"))
    app.refresh_from_db()
    assert (app.population_group, app.document_type) == ("colombian_returnee", "cedula")


def test_prescreen_refuses_a_document_that_does_not_go_with_the_status():
    form = PrescreenForm(
        {
            "birth_date": "1991-03-02",
            "municipality": "Villa del Rosario",
            "business_stage": "early",
            "population_group": "receptor_community",
            "document_type": "pep",
            "sector": "food",
        }
    )
    with translation.override("en"):
        assert form.errors["document_type"] == [
            "“PEP (Permiso Especial de Permanencia)” does not go with “Receptor community”. "
            "Choose one of: Colombian cédula, Cédula de extranjería, Passport, In process "
            "(e.g. PPT requested). If you are waiting for your document, choose “in process”."
        ]


# --- the consent links to the privacy policy ----------------------------------------------


@pytest.mark.parametrize("language", ["es", "en"])
def test_consent_links_to_the_privacy_policy_in_each_language(language, entrepreneur, client_for):
    seed_home_page()
    page = seed_policy_page()
    app = DraftApplicationFactory(
        user=entrepreneur, current_step="consent", document_type="in_process"
    )
    with translation.override(language):
        url = _step(app, "consent")
    response = client_for(entrepreneur).get(url)
    policy = page.get_translation(Locale.objects.get(language_code=language))
    assert f'<a href="{policy.url}" id="privacy-policy">' in response.content.decode()
    assert response.context["policy"].locale.language_code == language


def test_consent_without_a_policy_page_links_to_the_persons_data(entrepreneur, client_for):
    app = DraftApplicationFactory(
        user=entrepreneur, current_step="consent", document_type="in_process"
    )
    response = client_for(entrepreneur).get(_step(app, "consent"))
    html = response.content.decode()
    assert f'<a href="{reverse("privacy:my_data")}" id="privacy-policy">' in html


# --- the cohort's format drives its texts -------------------------------------------------

FORMAT_TEXT = {
    CohortFormat.IN_PERSON: (
        "Cohorte presencial: los talleres son presenciales en Cúcuta; la mentoría puede ser "
        "presencial o en línea."
    ),
    CohortFormat.MIXED: (
        "Cohorte mixta: algunos talleres son presenciales en Cúcuta y los demás en línea; "
        "el equipo te contará el calendario."
    ),
    CohortFormat.VIRTUAL: (
        "Cohorte virtual: todos los talleres y las sesiones de mentoría son en línea, así "
        "que solo necesitas un celular con datos o un computador. No hay sesiones "
        "presenciales."
    ),
}


@pytest.mark.parametrize("cohort_format", list(CohortFormat))
def test_cohort_page_says_how_the_cohort_meets(cohort_format, client):
    cohort = CohortFactory(format=cohort_format)
    html = client.get(cohort.get_absolute_url()).content.decode()
    others = [text for f, text in FORMAT_TEXT.items() if f != cohort_format]
    assert (FORMAT_TEXT[cohort_format] in html, [t in html for t in others]) == (
        True,
        [False, False],
    )


@pytest.mark.parametrize("cohort_format", list(CohortFormat))
def test_application_says_how_the_cohort_meets(cohort_format, entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, cohort__format=cohort_format)
    html = client_for(entrepreneur).get(_step(app, "about")).content.decode()
    others = [text for f, text in FORMAT_TEXT.items() if f != cohort_format]
    assert (FORMAT_TEXT[cohort_format] in html, [t in html for t in others]) == (
        True,
        [False, False],
    )


@pytest.mark.parametrize("cohort_format", list(CohortFormat))
def test_submitted_email_says_how_the_cohort_meets(
    cohort_format, entrepreneur, django_capture_on_commit_callbacks
):
    app = DraftApplicationFactory(
        user=entrepreneur, cohort__format=cohort_format, document_type="in_process"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=app, actor=entrepreneur)
    assert [FORMAT_TEXT[cohort_format] in m.body for m in mail.outbox] == [True]


def test_virtual_city_cohort_is_virtual_and_the_database_keeps_it_so():
    cohort = CohortFactory(city="virtual", format=CohortFormat.IN_PERSON)
    assert cohort.format == CohortFormat.VIRTUAL
    with pytest.raises(IntegrityError), transaction.atomic():
        type(cohort).objects.filter(pk=cohort.pk).update(format=CohortFormat.IN_PERSON)


def test_virtual_city_cohort_format_error_in_the_console_form():
    cohort = CohortFactory.build(city="virtual", format=CohortFormat.MIXED)
    with pytest.raises(Exception) as caught:
        cohort.clean()
    assert caught.value.message_dict["format"] == [
        "Una cohorte cuya ciudad es «Virtual» solo puede ser virtual."
    ]


# --- mentor availability is asked in the application and read by matching -----------------


def test_needs_step_asks_and_stores_the_availability(entrepreneur, client_for):
    app = DraftApplicationFactory(user=entrepreneur, current_step="needs", availability=[])
    response = client_for(entrepreneur).post(
        _step(app, "needs"),
        {
            "needs": ["finance"],
            "languages": ["es"],
            "preferred_mode": "either",
            "availability": ["weekday_evening", "weekend"],
            "motivation": "Crecer.",
            "continue": "1",
        },
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.availability == ["weekday_evening", "weekend"]


def test_matching_reads_the_availability_from_the_application():
    participant = ParticipantFactory()
    Application.objects.filter(pk=participant.application_id).update(
        availability=["weekday_morning", "weekend"]
    )
    [facts] = participant_facts(
        participants=type(participant)
        .objects.filter(pk=participant.pk)
        .select_related("application", "cohort", "user")
    )
    assert facts.availability == frozenset({"weekday_morning", "weekend"})


def test_matching_prefers_the_availability_the_mentee_gave_later():
    participant = ParticipantFactory()
    Application.objects.filter(pk=participant.application_id).update(availability=["weekend"])
    MenteeAvailability.objects.create(participant=participant, blocks=["weekday_evening"])
    [facts] = participant_facts(
        participants=type(participant)
        .objects.filter(pk=participant.pk)
        .select_related("application", "cohort", "user")
    )
    assert facts.availability == frozenset({"weekday_evening"})


def test_matching_reads_availability_with_constant_queries(django_assert_num_queries):
    ParticipantFactory()
    queryset = type(ParticipantFactory()).objects.select_related("application", "cohort", "user")
    with django_assert_num_queries(2):
        one = participant_facts(participants=queryset.all()[:1])
    for _ in range(3):
        ParticipantFactory()
    with django_assert_num_queries(2):
        many = participant_facts(participants=queryset.all())
    assert (len(one), len(many)) == (1, 5)


# --- the submit page's list of problems costs the same queries however long it is ----------


def test_consent_page_queries_do_not_grow_with_the_problems(entrepreneur, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(entrepreneur)
    clean = DraftApplicationFactory(
        user=entrepreneur, current_step="consent", document_type="in_process"
    )
    messy = DraftApplicationFactory(
        user=entrepreneur,
        cohort=CohortFactory(),
        current_step="consent",
        population_group="colombian_returnee",
        document_type="pep",
        phone="llámame",
        sector="",
        needs=["finance", "marketing", "sales", "digital"],
        draft_raw={"employees": "tres"},
    )
    client.get(_step(clean, "consent"))  # the session is loaded once before counting
    with CaptureQueriesContext(connection) as one:
        first = client.get(_step(clean, "consent"))
    with CaptureQueriesContext(connection) as several:
        second = client.get(_step(messy, "consent"))
    assert (len(first.context["problems"]), len(second.context["problems"])) == (0, 6)
    assert len(one) == len(several)
