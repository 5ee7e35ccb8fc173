"""The guide pages as readers see them: grouped by topic, checklist, sources, last review,
the "under review" notice when overdue, the cities' help offices; served from the page cache
to anonymous readers; in a constant number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import HelpOffice
from semilla import pagecache_middleware as pcm
from tests.factories.community import guide_data, load_guides, office_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_local_layer():
    pcm.reset_local()
    yield
    pcm.reset_local()


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_guides_entry_redirects_to_the_index_in_the_reader_language(client):
    load_guides(guide_data("ppt"))
    with_es = client.get(reverse("community:guides"))
    with_en = client.get("/en/comunidad/")
    assert (with_es.status_code, with_es["Location"], with_en["Location"]) == (
        302,
        "/es/conoce-tus-derechos/",
        "/en/conoce-tus-derechos/",
    )


def test_index_groups_guides_by_topic_and_marks_overdue_ones(client):
    load_guides(
        guide_data("ppt", topic="documents"),
        guide_data("rut", topic="business", review_by=_days(-1), last_reviewed=_days(-200)),
    )
    html = client.get("/es/conoce-tus-derechos/").content.decode()
    assert (
        html.index("Documentos migratorios") < html.index("Guía Ppt"),
        html.index("Tu negocio") < html.index("Guía Rut"),
        html.count("En revisión"),
    ) == (True, True, 1)


def test_guide_shows_checklist_sources_and_last_review(client):
    load_guides(guide_data("ppt", review_by=_days(30), last_reviewed=_days(-150)))
    response = client.get("/es/conoce-tus-derechos/ppt/")
    html = response.content.decode()
    assert response.status_code == 200
    assert ("Lo que necesitas" in html, "<li>Tu PPT</li>" in html) == (True, True)
    assert 'href="https://www.migracioncolombia.gov.co/"' in html
    assert 'data-testid="last-reviewed"' in html
    assert 'data-testid="under-review"' not in html


@pytest.mark.parametrize(("path", "notice"), [
    ("/es/conoce-tus-derechos/ppt/", "En revisión: las reglas"),
    ("/en/conoce-tus-derechos/ppt/", "Under review: the rules"),
])  # fmt: skip
def test_overdue_guide_shows_the_under_review_notice(client, path, notice):
    load_guides(guide_data("ppt", review_by=_days(-1), last_reviewed=_days(-181)))
    html = client.get(path).content.decode()
    assert ('data-testid="under-review"' in html, notice in html) == (True, True)


def test_guide_due_today_is_not_yet_under_review(client):
    load_guides(guide_data("ppt", review_by=_days(0), last_reviewed=_days(-180)))
    html = client.get("/es/conoce-tus-derechos/ppt/").content.decode()
    assert 'data-testid="under-review"' not in html


def test_english_guide_is_in_english(client):
    load_guides(guide_data("ppt"))
    html = client.get("/en/conoce-tus-derechos/ppt/").content.decode()
    assert ("Guide Ppt" in html, "What you need" in html, "Official sources" in html) == (
        True,
        True,
        True,
    )


def test_help_guide_lists_the_offices_of_each_city_in_the_page_language(client):
    load_guides(
        guide_data("ayuda", topic="help", show_help_offices=True),
        offices=[office_data("cucuta", 0), office_data("bogota", 1)],
    )
    es = client.get("/es/conoce-tus-derechos/ayuda/").content.decode()
    en = client.get("/en/conoce-tus-derechos/ayuda/").content.decode()
    assert (es.index("Bogotá") < es.index("Cúcuta"), "Personería cucuta 0</strong>" in es) == (
        True,
        True,
    )
    assert "Personería cucuta 0 (en)" in en


def test_other_guides_do_not_list_the_offices(client):
    load_guides(guide_data("ppt"), offices=[office_data("cucuta", 0)])
    html = client.get("/es/conoce-tus-derechos/ppt/").content.decode()
    assert "Personería cucuta 0" not in html


def test_anonymous_reader_gets_the_cached_guide_without_sql(client, django_assert_num_queries):
    load_guides(guide_data("ppt"))
    client.get("/es/conoce-tus-derechos/ppt/")
    client.cookies.clear()
    with django_assert_num_queries(0):
        second = client.get("/es/conoce-tus-derechos/ppt/")
    assert second.status_code == 200


def test_a_changed_help_office_drops_the_cached_page(client):
    load_guides(
        guide_data("ayuda", topic="help", show_help_offices=True),
        offices=[office_data("cucuta", 0)],
    )
    client.get("/es/conoce-tus-derechos/ayuda/")
    office = HelpOffice.objects.get(locale__language_code="es")
    office.opening_hours = "Lunes a viernes"
    office.save()
    client.cookies.clear()
    assert "Lunes a viernes" in client.get("/es/conoce-tus-derechos/ayuda/").content.decode()


def _count_queries(client, path, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm the per-process memories (routes, locales)
    pcm.reset_local()
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def test_index_queries_do_not_grow_with_the_guides(client, django_assert_num_queries):
    load_guides(guide_data("ppt"))
    one = _count_queries(client, "/es/conoce-tus-derechos/", django_assert_num_queries)
    load_guides(*(guide_data(f"guia-{n}", topic=t) for n, t in enumerate(
        ["documents", "work", "money", "health", "help"])))  # fmt: skip
    with django_assert_num_queries(one):
        pcm.reset_local()
        from django.core.cache import cache

        cache.clear()
        client.get("/es/conoce-tus-derechos/")


def test_help_offices_queries_do_not_grow_with_the_offices(client, django_assert_num_queries):
    load_guides(
        guide_data("ayuda", topic="help", show_help_offices=True),
        offices=[office_data("cucuta", 0)],
    )
    one = _count_queries(client, "/es/conoce-tus-derechos/ayuda/", django_assert_num_queries)
    from community.loader import load_help_offices

    load_help_offices(offices=[office_data(c, n) for c in ("cali", "bogota") for n in range(4)])
    with django_assert_num_queries(one):
        pcm.reset_local()
        from django.core.cache import cache

        cache.clear()
        client.get("/es/conoce-tus-derechos/ayuda/")
