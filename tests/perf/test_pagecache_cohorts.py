"""The public cohort list and a cohort's page through the page cache (P12): a hit runs no
SQL; a programme or cohort changed, added or removed drops every copy at once (the same
generation token as a curriculum publish); a call that opens or closes is never shown
from a copy kept before that moment; signed-in readers are never served a copy."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from cohorts.models import Cohort
from semilla import pagecache_middleware as pcm
from tests.factories.cohorts import CohortFactory

LIST = "/es/cohortes/"


@pytest.fixture(autouse=True)
def _fresh_local_layer():
    pcm.reset_local()
    yield
    pcm.reset_local()


@pytest.fixture
def db_cache(settings, db):
    """The production default: the shared cache is the database."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "semilla_cache_tests",
        }
    }
    call_command("createcachetable", verbosity=0)
    pcm.reset_local()
    yield
    pcm.reset_local()


def _detail(cohort) -> str:
    return f"/es/cohortes/{cohort.slug}/"


def test_cohort_list_hit_runs_no_sql(db_cache, client, django_assert_num_queries):
    CohortFactory(name="Cohorte Barranquilla Norte")
    assert client.get(LIST)["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        response = client.get(LIST)

    assert response["X-Page-Cache"] == "hit"
    assert "Cohorte Barranquilla Norte" in response.content.decode()


def test_cohort_page_hit_runs_no_sql(db_cache, client, django_assert_num_queries):
    cohort = CohortFactory(name="Cohorte Riohacha Sur")
    assert client.get(_detail(cohort))["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        response = client.get(_detail(cohort))

    assert response["X-Page-Cache"] == "hit"
    assert "Cohorte Riohacha Sur" in response.content.decode()


def test_cohort_edit_shows_at_once_on_both_pages(db, client):
    cohort = CohortFactory(name="Cohorte Cali 1")
    client.get(LIST)
    client.get(_detail(cohort))

    cohort.name = "Cohorte Cali renombrada"
    cohort.save()

    for url in (LIST, _detail(cohort)):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Cohorte Cali renombrada" in response.content.decode()


def test_programme_edit_shows_at_once(db, client):
    cohort = CohortFactory()
    client.get(_detail(cohort))

    cohort.programme.funder_name = "Fondo Nuevo de Ejemplo"
    cohort.programme.save()

    assert "Fondo Nuevo de Ejemplo" in client.get(_detail(cohort)).content.decode()


def test_new_cohort_shows_at_once_in_the_list(db, client):
    client.get(LIST)

    CohortFactory(name="Cohorte recién creada")

    assert "Cohorte recién creada" in client.get(LIST).content.decode()


def test_unpublished_cohort_is_gone_at_once(db, client):
    cohort = CohortFactory(name="Cohorte que se retira")
    client.get(LIST)
    client.get(_detail(cohort))

    cohort.is_published = False
    cohort.save()

    assert "Cohorte que se retira" not in client.get(LIST).content.decode()
    assert client.get(_detail(cohort)).status_code == 404


def test_deleted_cohort_is_gone_at_once(db, client):
    cohort = CohortFactory(name="Cohorte borrada", rubric=None)
    client.get(LIST)

    cohort.delete()

    assert "Cohorte borrada" not in client.get(LIST).content.decode()


def _wait_until(moment: datetime.datetime) -> None:
    time.sleep(max((moment - timezone.now()).total_seconds(), 0) + 0.05)


def test_call_closing_is_not_served_from_a_copy_after_it_closes(db_cache, client):
    closes = timezone.now() + datetime.timedelta(seconds=1.5)
    cohort = CohortFactory(name="Cohorte que cierra", closes_at=closes)
    for url in (LIST, _detail(cohort), LIST, _detail(cohort)):
        client.get(url)
    assert client.get(LIST)["X-Page-Cache"] == "hit"

    _wait_until(closes)

    listing, page = client.get(LIST), client.get(_detail(cohort))
    assert listing["X-Page-Cache"] == "miss"
    assert "Cohorte que cierra" not in listing.content.decode()
    assert page["X-Page-Cache"] == "miss"
    assert "Check if this cohort is for you" not in page.content.decode()
    assert "Revisa si esta cohorte es para ti" not in page.content.decode()


def test_call_opening_is_not_served_from_a_copy_after_it_opens(db_cache, client):
    opens = timezone.now() + datetime.timedelta(seconds=1.5)
    cohort = CohortFactory(name="Cohorte que abre", opens_at=opens)
    client.get(LIST)
    client.get(_detail(cohort))

    _wait_until(opens)

    listing = client.get(LIST).content.decode()
    assert "Cohorte que abre" in listing
    assert listing.count("cohort-card") == 1  # now among the open calls
    assert client.get(_detail(cohort))["X-Page-Cache"] == "miss"


def test_copy_from_the_shared_cache_is_not_used_after_its_moment(db_cache, client):
    """Another process's copy (shared cache only) expires at the same instant."""
    closes = timezone.now() + datetime.timedelta(seconds=1.5)
    cohort = CohortFactory(closes_at=closes)
    client.get(_detail(cohort))
    pcm._local.clear()  # as if another web process had rendered and stored it

    _wait_until(closes)

    assert client.get(_detail(cohort))["X-Page-Cache"] == "miss"


def test_closed_call_page_is_cached_with_no_end(db, client):
    past = timezone.now() - datetime.timedelta(days=1)
    cohort = CohortFactory(opens_at=past - datetime.timedelta(days=30), closes_at=past)
    client.get(_detail(cohort))

    assert client.get(_detail(cohort))["X-Page-Cache"] == "hit"


def test_signed_in_reader_is_never_served_a_copy(db, client, client_for, entrepreneur):
    cohort = CohortFactory()
    client.get(_detail(cohort))
    client.get(LIST)

    signed_in = client_for(entrepreneur)

    assert signed_in.get(_detail(cohort)).has_header("X-Page-Cache") is False
    assert signed_in.get(LIST).has_header("X-Page-Cache") is False


def test_each_language_has_its_own_copy(db, client):
    cohort = CohortFactory()
    client.get(f"/es/cohortes/{cohort.slug}/")

    response = client.get(f"/en/cohortes/{cohort.slug}/")

    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Language"] == "en"


def test_list_changes_at_the_first_close_or_opening():
    from cohorts.selectors import cohort_list_changes_at

    t = timezone.now()
    hour = datetime.timedelta(hours=1)
    open_calls = [Cohort(closes_at=t + 5 * hour), Cohort(closes_at=t + 3 * hour)]
    upcoming = [Cohort(opens_at=t + 2 * hour), Cohort(opens_at=t + 4 * hour)]  # by opening

    assert cohort_list_changes_at(open_cohorts=open_calls, upcoming=[]) == t + 3 * hour
    assert cohort_list_changes_at(open_cohorts=open_calls, upcoming=upcoming) == t + 2 * hour
    assert cohort_list_changes_at(open_cohorts=[], upcoming=upcoming[1:]) == t + 4 * hour
    assert cohort_list_changes_at(open_cohorts=[], upcoming=[]) is None
