"""The home page is shared by anonymous visitors through the page cache: a repeat visit runs
no SQL, each language is kept apart, signed-in people always get a fresh page, and editing
the page in the console drops the cached copy."""

import pytest

from semilla import pagecache_middleware as pcm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _home():
    from semilla.demo import seed_home_page

    pcm.reset_local()
    seed_home_page()
    yield
    pcm.reset_local()


def test_anonymous_repeat_visit_runs_no_sql(client, django_assert_num_queries):
    assert client.get("/es/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/es/")
    assert response["X-Page-Cache"] == "hit"
    assert "Tu negocio puede crecer aquí" in response.content.decode()


def test_languages_are_cached_apart(client):
    client.get("/es/")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Your business can grow here" in response.content.decode()


def test_signed_in_visitor_is_never_served_the_shared_copy(client_for, entrepreneur, client):
    client.get("/es/")
    signed_in = client_for(entrepreneur).get("/es/")
    assert signed_in.status_code == 200
    assert signed_in.get("X-Page-Cache") != "hit"


def test_publishing_the_home_page_drops_the_cached_copy(client):
    from semilla.models import HomePage

    client.get("/es/")
    home = HomePage.objects.get(locale__language_code="es")
    home.hero_title = "Un titular nuevo"
    home.save_revision().publish()
    response = client.get("/es/")
    assert response["X-Page-Cache"] == "miss"
    assert "Un titular nuevo" in response.content.decode()
