"""The page cache middleware: anonymous readers are answered before routing, sessions and
authentication with no SQL; publishing drops every copy; signed-in people, other
languages, query strings and pending messages are kept apart; no stored page holds a CSRF
token, and the forms of public pages work without one where nothing is recorded."""

import re

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from curriculum.models import QuizAttempt
from semilla import pagecache_middleware as pcm
from tests.factories.cohorts import CohortFactory
from tests.factories.community import guide_data, load_guides
from tests.factories.curriculum import CORRECT, load_course
from tests.factories.market import make_profile

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
    assert dict(response.cookies) == {}  # no CSRF cookie: the page holds no token


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


# Every kind of page the cache keeps, as an anonymous reader gets it: no CSRF token, so
# the stored copy is the same bytes for everyone (docs/security.md, CSRF).


def _lesson_pages(db):
    course = load_course()
    return [course.lessons[0].url, course.modules[0].url, course.course.url]


def _cohort_pages(db):
    cohort = CohortFactory(name="Cohorte Pasto Centro")
    return ["/es/cohortes/", f"/es/cohortes/{cohort.slug}/"]


def _guide_pages(db):
    guides = load_guides(guide_data("cedula-de-extranjeria"))
    return [guides["index"].url, guides["es"]["cedula-de-extranjeria"].url]


def _showcase_pages(db):
    profile = make_profile(business_name="Arepas Tibú")
    return [reverse("market:showcase_list"), reverse("market:showcase_detail", args=[profile.pk])]


@pytest.mark.parametrize(
    "pages", [_lesson_pages, _cohort_pages, _guide_pages, _showcase_pages], ids=lambda f: f.__name__
)
def test_cached_page_kinds_hold_no_csrf_token_for_anonymous_readers(pages, db):
    reader = Client(enforce_csrf_checks=True)
    for url in pages(db):
        miss, hit = reader.get(url), reader.get(url)

        assert (miss.status_code, miss["X-Page-Cache"], hit["X-Page-Cache"]) == (200, "miss", "hit")
        assert "csrfmiddlewaretoken" not in miss.content.decode()
        assert (dict(miss.cookies), dict(hit.cookies)) == ({}, {})
        assert hit.content == miss.content


def test_signed_in_pages_keep_their_tokens(course, client_for, entrepreneur):
    page = client_for(entrepreneur).get(course.lessons[0].url).content.decode()

    assert len(TOKEN_RE.findall(page)) == 3  # log-out, the quiz, "mark as complete"


def _cacheable_page(body: bytes, *, token: bool):
    """A page cache in front of a view whose page is marked for the cache; ``token``:
    the view asks for a CSRF token, as ``{% csrf_token %}`` does."""

    def view(request):
        if token:
            get_token(request)
        response = HttpResponse(body)
        pcm.mark_cacheable(response)
        return response

    return pcm.PageCacheMiddleware(CsrfViewMiddleware(view))


@pytest.mark.parametrize(
    ("body", "token", "stored"),
    [
        (b"<p>Hola</p>", False, True),
        (b"<p>Hola</p>", True, False),  # a token asked for (and its cookie set)
        (b'<input name="csrfmiddlewaretoken" value="x">', False, False),
    ],
)
def test_page_with_a_csrf_token_is_not_stored(body, token, stored, db):
    middleware = _cacheable_page(body, token=token)
    request = RequestFactory().get("/es/una-pagina/")

    first = middleware(request)

    assert (len(pcm._local), first.get("X-Page-Cache")) == ((1, "miss") if stored else (0, None))


def test_anonymous_quiz_try_needs_no_token_and_records_nothing(course, client):
    lesson = course.lessons[0]
    client.get(lesson.url)
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(lesson.url)

    posted = reader.post(_quiz_url(lesson), {"q0": str(CORRECT)})

    assert (page["X-Page-Cache"], posted.status_code) == ("hit", 200)
    assert "Acertaste 1 de 1." in posted.content.decode()
    assert (QuizAttempt.objects.count(), dict(posted.cookies)) == (0, {})


def test_anonymous_quiz_try_by_htmx_needs_no_token(course):
    lesson = course.lessons[0]
    reader = Client(enforce_csrf_checks=True)

    posted = reader.post(_quiz_url(lesson), {"q0": str(CORRECT)}, headers={"HX-Request": "true"})

    assert posted.status_code == 200
    assert 'data-testid="quiz-score"' in posted.content.decode()


def test_signed_in_quiz_try_needs_its_token(course, entrepreneur):
    lesson = course.lessons[0]
    learner = Client(enforce_csrf_checks=True)
    learner.force_login(entrepreneur)
    token = TOKEN_RE.findall(learner.get(lesson.url).content.decode())[0]

    refused = learner.post(_quiz_url(lesson), {"q0": str(CORRECT)})
    assert (refused.status_code, QuizAttempt.objects.count()) == (403, 0)

    posted = learner.post(_quiz_url(lesson), {"q0": str(CORRECT), "csrfmiddlewaretoken": token})
    assert (posted.status_code, QuizAttempt.objects.count()) == (200, 1)


def test_signed_in_offline_quiz_try_needs_its_token(course, entrepreneur):
    from django.urls import reverse as url_for

    lesson = course.lessons[0]
    learner = Client(enforce_csrf_checks=True)
    learner.force_login(entrepreneur)
    url = url_for("curriculum:quiz_submit_offline", args=[lesson.pk, lesson.quiz_ids[0]])
    answer = {"q0": str(CORRECT), "client_id": "9f1c2d3e-0000-4000-8000-000000000001"}

    assert learner.post(url, answer).status_code == 403
    anonymous = Client(enforce_csrf_checks=True).post(url, answer)

    assert (anonymous.status_code, anonymous.json()["recorded"]) == (200, False)
    assert QuizAttempt.objects.count() == 0


def test_production_lets_scripts_read_the_csrf_cookie():
    """static/js/csrf.js (htmx) and offline.js read the token from the cookie."""
    from tests.semilla.test_settings import GOOD_ENV, _manage

    code = (
        "from django.conf import settings as s; "
        "print(s.CSRF_COOKIE_HTTPONLY, s.CSRF_USE_SESSIONS, s.CSRF_COOKIE_NAME)"
    )
    result = _manage("shell", "-c", code, env_overrides=GOOD_ENV)

    assert result.stdout.splitlines()[-1].split() == ["False", "False", "csrftoken"]


# --- the language links -------------------------------------------------------------------


def test_language_switch_is_a_link_to_the_translated_page(course, client):
    lesson, english = course.lessons[0], course.en_lessons[0]

    page = client.get(lesson.url).content.decode()

    assert (
        f'<a class="lang-switch" href="{english.url}" lang="en" hreflang="en" '
        'data-testid="language-switch">English</a>'
    ) in page


def test_switch_from_a_cached_page_keeps_the_choice_in_the_cookie(course, client, settings):
    english = course.en_lessons[0]
    client.get(english.url)  # stored

    hit = client.get(english.url, headers={"Referer": f"http://testserver{course.lessons[0].url}"})

    assert hit["X-Page-Cache"] == "hit"
    assert hit.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_link_from_elsewhere_is_not_a_switch(course, client, settings):
    english = course.en_lessons[0]
    elsewhere = {"Referer": "https://elsewhere.example/es/"}

    miss = client.get(english.url, headers=elsewhere)
    hit = client.get(english.url, headers=elsewhere)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert (dict(miss.cookies), dict(hit.cookies)) == ({}, {})


def test_switch_updates_a_signed_in_persons_preference(course, client_for, entrepreneur):
    english = course.en_lessons[0]
    reader = client_for(entrepreneur)

    reader.get(english.url, headers={"Referer": f"http://testserver{course.lessons[0].url}"})
    entrepreneur.refresh_from_db()
    after_switch = entrepreneur.language
    reader.get(course.lessons[0].url, headers={"Referer": "https://elsewhere.example/en/"})
    entrepreneur.refresh_from_db()

    assert (after_switch, entrepreneur.language) == ("en", "en")


# --- the per-process layer is bounded -----------------------------------------------------


def _entry(size: int) -> pcm.Entry:
    return pcm.Entry(body=b"x" * size, headers=())


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
