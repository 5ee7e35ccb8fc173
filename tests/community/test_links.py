"""Eligibility refusals about documents link to the guide on the PPT (``community.links``,
through ``semilla.hooks.register_help_link``), in the reader's language."""

import pytest
from django.urls import reverse

from semilla import hooks
from tests.factories.community import guide_data, load_guides

pytestmark = pytest.mark.django_db

SLUG = "permiso-por-proteccion-temporal"


def test_document_reasons_link_to_the_ppt_guide_in_each_language():
    from django.utils import translation

    load_guides(guide_data(SLUG))
    with translation.override("es"):
        es = hooks.help_link_for("document")
    with translation.override("en"):
        en = hooks.help_link_for("document_in_process")
    assert (es.url, es.label, en.url, en.label) == (
        f"/es/conoce-tus-derechos/{SLUG}/",
        "Lee la guía: Guía Permiso por proteccion temporal",
        f"/en/conoce-tus-derechos/{SLUG}/",
        "Read the guide: Guide Permiso por proteccion temporal",
    )


def test_no_link_without_the_guide_or_for_other_reasons():
    load_guides(guide_data("otra"))
    assert (hooks.help_link_for("document"), hooks.help_link_for("too_young")) == (None, None)


def test_prescreen_refusal_for_documents_shows_the_guide_link(client):
    from tests.cohorts.test_application_flow import PRESCREEN_OK
    from tests.factories.cohorts import CohortFactory

    load_guides(guide_data(SLUG))
    cohort = CohortFactory(city="cucuta", accepted_documents=["ppt"])
    response = client.post(
        reverse("cohorts:prescreen", args=[cohort.slug]),
        {**PRESCREEN_OK, "document_type": "passport"},
    )
    html = response.content.decode()
    assert 'data-testid="prescreen-refused"' in html
    assert f'href="/es/conoce-tus-derechos/{SLUG}/" data-testid="help-link"' in html


def test_prescreen_flag_for_a_document_in_process_shows_the_guide_link(client):
    from tests.cohorts.test_application_flow import PRESCREEN_OK
    from tests.factories.cohorts import CohortFactory

    load_guides(guide_data(SLUG))
    cohort = CohortFactory(city="cucuta", accepted_documents=["ppt"])
    response = client.post(
        reverse("cohorts:prescreen", args=[cohort.slug]),
        {**PRESCREEN_OK, "document_type": "in_process"},
    )
    html = response.content.decode()
    assert 'data-testid="prescreen-ok"' in html
    assert f'href="/es/conoce-tus-derechos/{SLUG}/" data-testid="help-link"' in html


def _course_with_lesson(lesson_slug: str):
    from curriculum.loader import load
    from curriculum.models import LessonPage
    from semilla.demo import seed_home_page
    from tests.factories.curriculum import course_data, lesson_data

    seed_home_page()
    data = course_data("formalizar-prueba", lessons=1, quiz=False)
    data["modules"][0]["lessons"] = [lesson_data(lesson_slug, quiz=False)]
    load(courses=[data])
    return {
        page.locale.language_code: page.url
        for page in LessonPage.objects.filter(slug=lesson_slug).select_related("locale")
    }


def test_lesson_on_the_rut_links_the_rut_guide_in_each_language(client):
    guide = "rut-con-documento-migrante"
    urls = _course_with_lesson("rut-dian")
    load_guides(guide_data(guide))
    es = client.get(urls["es"]).content.decode()
    en = client.get(urls["en"]).content.decode()
    assert f'<a href="/es/conoce-tus-derechos/{guide}/">Lee la guía:' in es
    assert f'<a href="/en/conoce-tus-derechos/{guide}/">Read the guide:' in en


def test_lesson_without_a_legal_guide_has_no_guide_link(client):
    urls = _course_with_lesson("llevar-cuentas")
    load_guides(guide_data("rut-con-documento-migrante"))
    assert 'data-testid="lesson-guide"' not in client.get(urls["es"]).content.decode()


def test_lesson_links_name_real_lessons_and_real_guides():
    from community.content import GUIDES
    from community.links import GUIDE_FOR_LESSON
    from curriculum.content import COURSES

    lessons = {
        lesson["slug"]
        for course in COURSES
        for module in course["modules"]
        for lesson in module["lessons"]
    }
    guides = {guide["slug"] for guide in GUIDES}
    assert (set(GUIDE_FOR_LESSON) - lessons, set(GUIDE_FOR_LESSON.values()) - guides) == (
        set(),
        set(),
    )
