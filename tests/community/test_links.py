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
