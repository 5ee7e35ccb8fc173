"""Fewer bytes: htmx (17 KB) only on the pages that use it, and HTML compressed on the
wire for anonymous public pages only (BREACH: see semilla.compression and
docs/performance.md, "Fewer bytes")."""

import gzip
import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories.curriculum import CORRECT, load_course

HTMX_TAG = re.compile(r'<script src="/static/js/htmx\.min(\.[0-9a-f]+)?\.js" defer></script>')
HX_ATTRIBUTE = re.compile(
    r"\s(?:data-)?hx-(get|post|put|patch|delete|trigger|target|swap|select|include|vals|boost)="
)

#: every template of ours with hx- attributes -> the test below that renders a page with it
#: and finds htmx loaded (the console's templates load it from Wagtail's admin base)
HX_TEMPLATES = {
    "curriculum/templates/curriculum/includes/quiz_form.html": "lesson, quiz result",
    "pitchday/templates/pitchday/events/judge_pitch.html": "judge pitch",
    "pitchday/templates/pitchday/events/leaderboard.html": "leaderboard",
    "mentors/templates/mentors/admin/_run_status.html": "console (run_review loads htmx)",
}


def _uses_htmx(html: str) -> bool:
    return bool(HX_ATTRIBUTE.search(html.split("<body", 1)[1].split(">", 1)[1]))


def test_every_template_with_hx_attributes_is_covered():
    root = Path(settings.BASE_DIR)
    found = {
        str(path.relative_to(root))
        for app in ("site", "curriculum", "cohorts", "mentors", "pitchday")
        for path in (root / app).rglob("*.html")
        if HX_ATTRIBUTE.search(path.read_text())
    }
    assert found == set(HX_TEMPLATES)


def test_htmx_loads_where_a_page_uses_it_and_nowhere_else(db, client_for, make_user):
    from pitchday.enums import EventStatus
    from semilla.enums import Role
    from tests.factories.pitchday import make_event, make_judge, make_pitch

    loaded = load_course(lessons=1)
    no_quiz = load_course("sin-quiz", lessons=1, quiz=False)
    anonymous = Client()
    event = make_event(status=EventStatus.SCORING)
    pitch = make_pitch(event)
    judge = make_judge(event)
    lesson = loaded.lessons[0]
    pages = {
        "lesson with a quiz": anonymous.get(lesson.url),
        "quiz result page": anonymous.post(
            reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]]), {}
        ),
        "lesson without a quiz": anonymous.get(no_quiz.lessons[0].url),
        "home": anonymous.get("/es/"),
        "module": anonymous.get(loaded.modules[0].url),
        "judge pitch": client_for(judge.user).get(
            reverse("pitchday:judge_pitch", args=[event.pk, pitch.pk])
        ),
        "leaderboard": client_for(make_user(Role.STAFF)).get(
            reverse("pitchday:leaderboard", args=[event.pk])
        ),
        "dashboard": client_for(make_user(Role.ENTREPRENEUR)).get(reverse("semilla:dashboard")),
    }
    loads = {}
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code in (200, 400), name
        assert len(HTMX_TAG.findall(html)) == _uses_htmx(html), name
        loads[name] = bool(HTMX_TAG.search(html))
    assert loads == {
        "lesson with a quiz": True,
        "quiz result page": True,
        "lesson without a quiz": False,
        "home": False,
        "module": False,
        "judge pitch": True,
        "leaderboard": True,
        "dashboard": False,
    }


# --------------------------------------------------------------------------- compression


def _get(client, url, **extra):
    return client.get(url, HTTP_ACCEPT_ENCODING="gzip, br", **extra)


def test_anonymous_public_pages_are_compressed_on_miss_and_hit(db):
    loaded = load_course(lessons=1)
    client = Client()
    url = loaded.lessons[0].url
    for outcome in ("miss", "hit"):
        response = _get(client, url)
        assert response["X-Page-Cache"] == outcome
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        html = gzip.decompress(response.content).decode()
        assert loaded.lessons[0].title in html
        assert len(response.content) < len(html) / 2


def test_signed_in_pages_are_never_compressed(db, client_for, make_user):
    from semilla.enums import Role

    loaded = load_course(lessons=1)
    client = client_for(make_user(Role.ENTREPRENEUR))
    for url in (loaded.lessons[0].url, reverse("semilla:dashboard")):
        response = _get(client, url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert response.has_header("Content-Encoding") is False, url


def test_anonymous_requests_with_a_session_or_a_post_are_not_compressed(db):
    loaded = load_course(lessons=1)
    lesson = loaded.lessons[0]
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["seen_intro"] = True  # an anonymous session of its own: the cookie stays
    session.save()
    with_session = Client()
    with_session.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert _get(with_session, lesson.url).has_header("Content-Encoding") is False
    post = Client().post(
        reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]]),
        {"q0": str(CORRECT)},
        HTTP_ACCEPT_ENCODING="gzip",
    )
    assert post.status_code == 200
    assert post.has_header("Content-Encoding") is False


def test_no_store_answers_are_not_compressed_for_anyone():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from semilla.compression import PublicGZipMiddleware

    body = "<p>" + "secreto " * 200 + "</p>"

    def view(request):
        response = HttpResponse(body)
        response["Cache-Control"] = "private, no-store"
        return response

    request = RequestFactory().get("/es/", HTTP_ACCEPT_ENCODING="gzip")
    response = PublicGZipMiddleware(view)(request)
    assert response.has_header("Content-Encoding") is False
    assert response.content.decode() == body
