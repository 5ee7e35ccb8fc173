"""The page cache middleware: anonymous readers are answered before routing, sessions and
authentication with no SQL; publishing drops every copy; signed-in people, other
languages, query strings and pending messages are kept apart; CSRF tokens stay personal."""

import re

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.management import call_command
from django.middleware.csrf import CSRF_SECRET_LENGTH, get_token
from django.test import Client, RequestFactory

from curriculum import pagecache
from semilla import pagecache_middleware as pcm
from tests.factories.curriculum import CORRECT, load_course

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _fresh_local_layer():
    pcm.reset_local()
    yield
    pcm.reset_local()


@pytest.fixture
def course(db):
    return load_course()


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


@pytest.fixture
def refreshes(monkeypatch):
    """Background refreshes, held until the test runs them (in its own thread)."""
    held = []
    monkeypatch.setattr(pcm, "_start_thread", held.append)
    return held


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand."""
    now = [1000.0]
    monkeypatch.setattr(pcm, "_now", lambda: now[0])
    return now


def _quiz_url(lesson):
    from django.urls import reverse

    return reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]])


# --- hits with no SQL ------------------------------------------------------------------


def test_cached_hit_runs_no_sql_with_the_database_cache(
    course, db_cache, client, django_assert_num_queries
):
    url = course.lessons[0].url
    assert client.get(url)["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        response = client.get(url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert "Lección Curso corto m1 leccion 1" in response.content.decode()


def test_first_visit_without_cookies_is_a_hit_with_no_sql(
    course, db_cache, django_assert_num_queries
):
    url = course.lessons[0].url
    Client().get(url)
    newcomer = Client()

    with django_assert_num_queries(0):
        response = newcomer.get(url)

    assert response["X-Page-Cache"] == "hit"
    assert "csrftoken" in response.cookies  # the newcomer's own CSRF cookie


def test_other_process_copy_costs_one_shared_read(
    course, db_cache, clock, client, django_assert_num_queries
):
    url = course.lessons[0].url
    client.get(url)
    pcm._local.clear()  # as if another web process had rendered and stored it

    with django_assert_num_queries(1):  # the page from the shared cache
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_assert_num_queries(0):  # then from this process's copy
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_generation_is_refreshed_in_the_background(
    course, db_cache, clock, refreshes, client, django_assert_num_queries
):
    url = course.lessons[0].url
    client.get(url)
    clock[0] += pcm.GENERATION_SECONDS + 0.1

    with django_assert_num_queries(0):  # the answer does not wait for the refresh
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert refreshes == [pcm.refresh]
    client.get(url)
    assert len(refreshes) == 1  # one refresh at a time
    with django_assert_num_queries(1):  # the generation token, off the request
        refreshes.pop()()
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert refreshes == []


def test_idle_process_reads_the_generation_before_answering(
    course, db_cache, clock, refreshes, client, django_assert_num_queries
):
    url = course.lessons[0].url
    client.get(url)
    clock[0] += pcm.GENERATION_STALE_SECONDS + 0.1

    with django_assert_num_queries(1):
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert refreshes == []


# --- invalidation -------------------------------------------------------------------------


def test_publish_drops_the_cached_page(course, client):
    lesson = course.lessons[0]
    client.get(lesson.url)
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"

    lesson.title = "Título recién publicado"
    lesson.save_revision().publish()
    response = client.get(lesson.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Título recién publicado" in response.content.decode()


def test_publish_in_another_process_reaches_this_one_within_seconds(
    course, db_cache, clock, refreshes, client
):
    lesson = course.lessons[0]
    client.get(lesson.url)
    # Another process publishes: only the shared generation token changes.
    cache.set(pcm.GENERATION_KEY, "published-elsewhere", timeout=None)

    assert client.get(lesson.url)["X-Page-Cache"] == "hit"  # within GENERATION_SECONDS
    clock[0] += pcm.GENERATION_SECONDS + 0.1
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"  # while the refresh runs
    refreshes.pop()()
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"


def test_local_copies_are_fetched_again_after_their_time(
    course, db_cache, clock, refreshes, client, django_assert_num_queries
):
    url = course.lessons[0].url
    client.get(url)
    key = next(iter(pcm._local._items))
    cache.delete(key)  # gone from the shared cache (culled)
    clock[0] += pcm.LOCAL_SECONDS + 0.1
    pcm._set_generation(pcm._generation["value"], clock[0])  # as refreshed meanwhile

    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"  # the old copy, while it refreshes
    refreshes.pop()()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_local_copies_too_old_are_not_used(course, db_cache, clock, refreshes, client):
    url = course.lessons[0].url
    client.get(url)
    cache.delete(next(iter(pcm._local._items)))
    clock[0] += pcm.LOCAL_STALE_SECONDS + 0.1

    assert client.get(url)["X-Page-Cache"] == "miss"


def test_unpublish_drops_the_cached_page(course, client):
    lesson = course.lessons[1]
    client.get(lesson.url)

    lesson.unpublish()

    assert client.get(lesson.url).status_code == 404


# --- who and what bypasses it -------------------------------------------------------------


def test_signed_in_reader_bypasses_the_cache(course, client, client_for, entrepreneur):
    url = course.lessons[0].url
    client.get(url)
    client.get(url)

    response = client_for(entrepreneur).get(url)

    assert response.has_header("X-Page-Cache") is False
    assert "Marcar esta lección como completada" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_any_session_cookie_bypasses_the_cache(course, client, settings):
    url = course.lessons[0].url
    client.get(url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "expired-or-unknown"

    response = client.get(url)

    assert response.status_code == 200
    assert response.has_header("X-Page-Cache") is False


def test_pending_messages_are_shown_not_cached(course, client):
    url = course.lessons[0].url
    client.get(url)
    request = RequestFactory().get(url)
    storage = CookieStorage(request)
    storage.add(20, "Mensaje pendiente para ti")
    carrier = Client().get(url)
    storage.update(carrier)
    client.cookies[CookieStorage.cookie_name] = carrier.cookies[CookieStorage.cookie_name].value

    response = client.get(url)

    assert response.has_header("X-Page-Cache") is False
    assert "Mensaje pendiente para ti" in response.content.decode()
    assert "Mensaje pendiente para ti" not in Client().get(url).content.decode()


def test_query_strings_bypass_except_campaign_tags(course, client):
    url = course.lessons[0].url

    assert client.get(url, {"bench": "uncached"}).has_header("X-Page-Cache") is False
    assert client.get(url, {"utm_source": "whatsapp"}).has_header("X-Page-Cache") is False
    client.get(url)
    assert client.get(url, {"utm_source": "whatsapp"})["X-Page-Cache"] == "hit"
    assert client.get(url, {"utm_source": "x", "page": "2"}).has_header("X-Page-Cache") is False


def test_post_and_htmx_requests_bypass(course, client):
    lesson = course.lessons[0]
    client.get(lesson.url)

    assert client.get(lesson.url, HTTP_HX_REQUEST="true").has_header("X-Page-Cache") is False
    posted = client.post(_quiz_url(lesson), {"q0": str(CORRECT)})
    assert posted.status_code == 200
    assert posted.has_header("X-Page-Cache") is False


def test_head_is_answered_from_the_cache(course, client):
    url = course.lessons[0].url
    client.get(url)

    response = client.head(url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_pages_that_do_not_opt_in_are_not_cached(db, client):
    client.get("/es/accounts/login/")

    response = client.get("/es/accounts/login/")

    assert response.has_header("X-Page-Cache") is False


def test_unknown_host_is_refused_not_served(course, client):
    url = course.lessons[0].url
    client.get(url)

    assert client.get(url, HTTP_HOST="evil.example").status_code == 400


# --- keys: language -----------------------------------------------------------------------


def test_each_language_has_its_own_copy(course, client):
    es, en = course.lessons[0].url, course.en_lessons[0].url
    client.get(es)
    client.get(en)

    es_hit, en_hit = client.get(es), client.get(en)

    assert (es_hit["X-Page-Cache"], en_hit["X-Page-Cache"]) == ("hit", "hit")
    assert "Lección Curso corto m1 leccion 1" in es_hit.content.decode()
    assert "Lesson Curso corto m1 leccion 1" in en_hit.content.decode()
    assert (es_hit["Content-Language"], en_hit["Content-Language"]) == ("es", "en")


# --- headers and CSRF ---------------------------------------------------------------------


def test_hit_and_miss_carry_the_same_caching_and_security_headers(course, client):
    url = course.lessons[0].url
    miss = client.get(url)
    hit = client.get(url)

    for response in (miss, hit):
        assert response["Cache-Control"] == "private, no-cache"
        assert "Cookie" in response["Vary"]
        assert response["X-Frame-Options"] == "DENY"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["Content-Type"] == miss["Content-Type"]
        assert int(response["Content-Length"]) == len(response.content)
    assert hit["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_stored_copy_holds_no_visitors_csrf_secret(course, client, settings):
    url = course.lessons[0].url
    first = client.get(url)
    secret = first.cookies[settings.CSRF_COOKIE_NAME].value
    (entry,) = [entry for entry, _ in pcm._local._items.values()]
    stored = b"".join(entry.parts).decode()

    assert len(entry.parts) > 1  # the page has forms: their tokens became gaps
    assert secret not in stored
    tokens = re.findall(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])", stored)
    assert all(pcm.unmask_csrf_token(t) != secret for t in tokens)
    assert pagecache.CSRF_MARKER not in client.get(url).content.decode()


def test_each_visitor_gets_a_token_for_their_own_cookie(course, client, settings):
    lesson = course.lessons[0]
    client.get(lesson.url)
    other = Client(enforce_csrf_checks=True)

    response = other.get(lesson.url)
    tokens = set(TOKEN_RE.findall(response.content.decode()))
    secret = other.cookies[settings.CSRF_COOKIE_NAME].value

    assert response["X-Page-Cache"] == "hit"
    assert tokens and {pcm.unmask_csrf_token(t) for t in tokens} == {secret}
    (token,) = tokens
    posted = other.post(_quiz_url(lesson), {"q0": str(CORRECT), "csrfmiddlewaretoken": token})
    assert posted.status_code == 200


def test_unmask_inverts_djangos_masking():
    request = RequestFactory().get("/")

    token = get_token(request)

    assert len(token) == 2 * CSRF_SECRET_LENGTH
    assert pcm.unmask_csrf_token(token) == request.META["CSRF_COOKIE"]


def test_page_showing_the_raw_secret_is_not_stored():
    secret = "a" * CSRF_SECRET_LENGTH

    assert pcm._scrub(f"<p>{secret}</p>".encode(), secret) is None
    assert pcm._scrub(b"<p>nothing</p>", None) == (b"<p>nothing</p>",)


# --- the per-process layer is bounded -----------------------------------------------------


def _entry(size: int) -> pcm.Entry:
    return pcm.Entry(parts=(b"x" * size,), headers=())


def test_local_layer_keeps_at_most_its_entry_count(clock):
    pages = pcm.LocalPages(max_entries=2, max_bytes=10_000, seconds=30)
    pages.put("a", _entry(10))
    pages.put("b", _entry(10))
    pages.get("a")  # a was used last: b goes first
    pages.put("c", _entry(10))

    assert (pages.get("a")[0] is not None, pages.get("b")[0], pages.get("c")[0] is not None) == (
        True,
        None,
        True,
    )
    assert len(pages) == 2


def test_local_layer_keeps_at_most_its_bytes_and_seconds(clock):
    pages = pcm.LocalPages(max_entries=10, max_bytes=100, seconds=30)
    pages.put("big", _entry(101))
    pages.put("a", _entry(60))
    pages.put("b", _entry(60))

    assert (pages.get("big")[0], pages.get("a")[0], pages.get("b")[0] is not None) == (
        None,
        None,
        True,
    )
    clock[0] += 30
    assert pages.get("b") == (None, False)
    assert len(pages) == 0


def test_local_copy_between_its_time_and_twice_it_is_usable_but_stale(clock):
    pages = pcm.LocalPages(max_entries=10, max_bytes=1000, seconds=30)
    pages.put("a", _entry(10))

    clock[0] += 31
    entry, stale = pages.get("a", stale_seconds=60)

    assert entry is not None and stale is True
    clock[0] += 30
    assert pages.get("a", stale_seconds=60) == (None, False)
