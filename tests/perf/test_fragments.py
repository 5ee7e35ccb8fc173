"""Fragments every reader sees the same, rendered once per process (``semilla.fragments``,
``{% shared_fragment %}``) and static URLs worked out once (``semilla.static_storage``):
P2 in docs/performance.md. A kept copy never shows old or someone else's content: a
publish, an unpublish, a second revision and a language switch show at once; a signed-in
reader gets their own header; nothing with a CSRF token is kept."""

import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from semilla import fragments, routing
from semilla import pagecache_middleware as pcm
from semilla.static_storage import KeptURLStaticFilesStorage
from tests.factories.curriculum import load_course

UNCACHED = {"v": "1"}  # a query string: the page cache never answers, the page is rendered
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _fresh_memory():
    pcm.reset_local()
    routing.forget()
    fragments.forget()
    yield
    pcm.reset_local()
    routing.forget()
    fragments.forget()


@pytest.fixture
def course(db):
    return load_course()


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_lesson_kept_fragments_render_the_same_bytes_as_the_first_rendering(course, client):
    lesson = course.lessons[0]
    first = _html(client.get(lesson.url, UNCACHED))

    again = _html(client.get(lesson.url, UNCACHED))

    assert again == first
    assert len(fragments._fragments._items) == 7  # head, header, footer and four of the lesson


def test_lesson_publish_shows_the_new_title_and_summary_at_once(course, client):
    lesson = course.lessons[0]
    _html(client.get(lesson.url, UNCACHED))
    lesson.title = "Un título nuevo"
    lesson.summary = "Un resumen nuevo"
    lesson.save_revision().publish()

    html = _html(client.get(lesson.url, UNCACHED))

    assert "<h1>Un título nuevo</h1>" in html
    assert '<p class="lead">Un resumen nuevo</p>' in html


def test_lesson_second_revision_shows_in_the_next_lesson_link_at_once(course, client):
    first, second = course.lessons[0], course.lessons[1]
    _html(client.get(first.url, UNCACHED))
    second.title = "La segunda, otra vez"
    second.save_revision().publish()

    html = _html(client.get(first.url, UNCACHED))

    assert "La segunda, otra vez →</a>" in html


def test_lesson_unpublished_is_gone_at_once(course, client):
    lesson = course.lessons[0]
    _html(client.get(lesson.url, UNCACHED))
    lesson.unpublish()

    assert client.get(lesson.url, UNCACHED).status_code == 404


def test_lesson_language_switch_shows_the_other_language_at_once(course, client):
    spanish, english = course.lessons[0], course.en_lessons[0]
    es_html = _html(client.get(spanish.url, UNCACHED))

    en_html = _html(client.get(english.url, UNCACHED))
    es_again = _html(client.get(spanish.url, UNCACHED))

    assert "<summary>Menú</summary>" in es_html
    assert "<summary>Menu</summary>" in en_html
    assert '<a href="/en/accounts/login/">Log in</a>' in en_html
    assert es_again == es_html


def test_lesson_signed_in_reader_gets_their_own_header(course, client, client_for, entrepreneur):
    lesson = course.lessons[0]
    anonymous = _html(client.get(lesson.url, UNCACHED))

    signed_in = _html(client_for(entrepreneur).get(lesson.url, UNCACHED))

    assert "/es/accounts/signup/" in anonymous
    assert "/es/accounts/logout/" not in anonymous
    assert 'action="/es/accounts/logout/"' in signed_in
    assert len(TOKEN_RE.findall(signed_in)) >= 1
    assert '<a class="button small" href="/es/accounts/signup/">' not in signed_in


def _render(source: str, request, **values) -> str:
    template = Template("{% load semilla_tags %}" + source)
    return template.render(Context({"request": request, **values}))


def test_fragment_kept_once_per_value_and_host(db, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    source = (
        '{% shared_fragment "t" value %}{{ value }} {{ request.get_host }}{% endshared_fragment %}'
    )
    factory = RequestFactory()

    one = _render(source, factory.get("/", HTTP_HOST="a.example"), value="1")
    two = _render(source, factory.get("/", HTTP_HOST="a.example"), value="2")
    other_host = _render(source, factory.get("/", HTTP_HOST="b.example"), value="1")

    assert (one, two, other_host) == ("1 a.example", "2 a.example", "1 b.example")


def test_site_header_kept_apart_for_a_page_without_navigation(db, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import get_template

    template = get_template("base.html")
    request = rf.get("/es/")
    request.user = AnonymousUser()
    bare = template.render({"nav_items": [], "user": AnonymousUser()}, request)

    full = template.render(None, request)

    assert 'href="/es/cohortes/"' not in bare
    assert 'href="/es/cohortes/"' in full


def test_fragment_kept_copy_answers_the_same_key(db):
    source = '{% shared_fragment "t" %}{{ value }}{% endshared_fragment %}'
    request = RequestFactory().get("/")

    first = _render(source, request, value="first")
    second = _render(source, request, value="second")

    assert (first, second) == ("first", "first")


def test_fragment_with_a_csrf_token_is_never_kept(db, settings):
    source = '{% shared_fragment "t" %}{% csrf_token %}{% endshared_fragment %}'
    factory = RequestFactory()

    first = _render(source, factory.get("/"), csrf_token="tokenone")
    second = _render(source, factory.get("/"), csrf_token="tokentwo")

    assert "tokenone" in first
    assert "tokentwo" in second
    assert len(fragments._fragments._items) == 0


def test_fragment_that_asked_for_a_token_is_never_kept(db):
    from django.middleware.csrf import get_token

    class Asks:
        def __init__(self, request):
            self.request = request

        def __str__(self):
            return get_token(self.request)[:4]

    source = '{% shared_fragment "t" %}{{ asks }}{% endshared_fragment %}'
    request = RequestFactory().get("/")

    _render(source, request, asks=Asks(request))

    assert len(fragments._fragments._items) == 0


def test_fragment_anonymous_only_is_rendered_for_a_signed_in_reader(db, entrepreneur):
    from django.contrib.auth.models import AnonymousUser

    source = '{% shared_fragment "t" anonymous_only %}{{ user.pk }}{% endshared_fragment %}'
    request = RequestFactory().get("/")

    anonymous = _render(source, request, user=AnonymousUser())
    signed_in = _render(source, request, user=entrepreneur)

    assert (anonymous, signed_in) == ("None", str(entrepreneur.pk))
    assert len(fragments._fragments._items) == 1


def test_fragment_not_kept_in_a_preview_or_with_debug(db, settings):
    source = '{% shared_fragment "t" %}{{ value }}{% endshared_fragment %}'
    preview = RequestFactory().get("/")
    preview.is_preview = True

    assert _render(source, preview, value="a") == "a"
    assert _render(source, preview, value="b") == "b"
    settings.DEBUG = True
    assert _render(source, RequestFactory().get("/"), value="c") == "c"
    assert _render(source, RequestFactory().get("/"), value="d") == "d"
    assert len(fragments._fragments._items) == 0


@pytest.fixture
def manifest_storage(tmp_path, settings):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"css/a.css": "css/a.123abc.css"}, "hash": "x"})
    )
    settings.STATIC_URL = "/static/"
    return KeptURLStaticFilesStorage(location=str(tmp_path), base_url="/static/")


def test_static_url_kept_per_name(manifest_storage, monkeypatch):
    first = manifest_storage.url("css/a.css")
    monkeypatch.setattr(manifest_storage, "hashed_files", {})  # a second look-up would fail

    assert manifest_storage.url("css/a.css") == first == "/static/css/a.123abc.css"


def test_static_url_unhashed_in_debug_and_missing_raise(manifest_storage, settings):
    settings.DEBUG = True
    assert manifest_storage.url("css/a.css") == "/static/css/a.css"
    settings.DEBUG = False
    assert manifest_storage.url("css/a.css") == "/static/css/a.123abc.css"
    for _ in range(2):
        with pytest.raises(ValueError):
            manifest_storage.url("css/missing.css")


def test_static_url_forgotten_when_the_manifest_is_read_again(manifest_storage, tmp_path):
    manifest_storage.url("css/a.css")
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"css/a.css": "css/a.456def.css"}, "hash": "y"})
    )
    manifest_storage.hashed_files, manifest_storage.manifest_hash = manifest_storage.load_manifest()

    assert manifest_storage.url("css/a.css") == "/static/css/a.456def.css"


def test_generation_cache_kind_follows_a_settings_change(settings):
    assert pcm._generation_is_free() is True  # the test settings: local memory

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "semilla_cache_tests",
        }
    }

    assert pcm._generation_is_free() is False
