"""The signed-in lesson from the table cache (P11, semilla.personal_page through
``LessonPage.serve``): the visit is recorded first on every view, then the page kept for
this reader is served without its templates until a table it read is written; never to
another reader; a quiz attempt or a completion shows at once; a preview is never kept; a
fresh CSRF token in every answer; messages shown once; off with the switch."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curriculum import services
from curriculum.models import LessonPage, LessonProgress
from curriculum.selectors import course_outline
from semilla.enums import Role
from semilla.personal_page import CSRF_STAND_IN
from tests.factories import make_user
from tests.factories.curriculum import CORRECT, correct_answers, load_course

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
DONE = 'data-testid="lesson-done"'
TRIED = 'class="quiz-status"'


@pytest.fixture
def course(db):
    return load_course()


def _reader(role=Role.ENTREPRENEUR, **kwargs):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role, **kwargs))
    return client


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def _warm(client, url):
    """Records the visit, learns the tables, stores: the fourth view is a hit."""
    for _ in range(3):
        _get(client, url)
    return _get(client, url)


def _wrong_answers(lesson):
    quiz_id, right = correct_answers(lesson)
    return quiz_id, [CORRECT + 1] * len(right)


def test_lesson_hit_renders_no_template_writes_nothing_and_runs_only_the_session_query(
    course,
):
    client = _reader()
    url = course.lessons[0].url
    assert _warm(client, url).templates == []
    with CaptureQueriesContext(connection) as ctx:
        response = _get(client, url)
    assert response.templates == []
    statements = [q["sql"] for q in ctx.captured_queries]
    assert len(statements) == 1  # the session (the person: semilla.middleware.user_for)
    assert [s for s in statements if s.lstrip().upper().startswith(WRITES)] == []
    assert response.content.decode().count(course.lessons[0].title) >= 1


def test_kept_lesson_of_one_reader_never_reaches_another(course):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    ana, luis = _reader(), _reader()
    _warm(ana, lesson.url)
    _warm(luis, lesson.url)
    ana_user = ana.get(reverse("semilla:dashboard")).wsgi_request.user
    quiz_id, answers = _wrong_answers(lesson)
    services.quiz_submit(user=ana_user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    for _ in range(3):
        assert _get(luis, lesson.url).content.decode().count(TRIED) == 0
        assert _get(ana, lesson.url).content.decode().count(TRIED) == 1


def test_kept_lesson_shows_a_quiz_attempt_and_a_completion_at_once(course):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    client = _reader()
    body = _warm(client, lesson.url).content.decode()
    assert (body.count(TRIED), body.count(DONE)) == (0, 0)
    user = client.get(reverse("semilla:dashboard")).wsgi_request.user
    quiz_id, answers = _wrong_answers(lesson)
    services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    body = _get(client, lesson.url).content.decode()
    assert (body.count(TRIED), body.count('class="badge warn"'), body.count(DONE)) == (1, 1, 0)
    quiz_id, answers = correct_answers(lesson)
    services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    body = _get(client, lesson.url).content.decode()
    assert (body.count('class="badge warn"'), body.count(DONE)) == (0, 1)


def test_kept_lesson_carries_this_requests_csrf_token_and_its_quiz_form_works(course):
    lesson = course.lessons[0]
    user = make_user(Role.ENTREPRENEUR)
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(user)
    laptop.force_login(user)
    _warm(phone, lesson.url)
    response = _get(laptop, lesson.url)
    assert response.templates == []  # the page kept from the phone
    body = response.content.decode()
    assert CSRF_STAND_IN not in body
    tokens = set(TOKEN.findall(body))
    assert len(tokens) == 1
    assert [len(t) for t in tokens] == [64]
    posted = laptop.post(
        reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]]),
        {"q0": str(CORRECT), "csrfmiddlewaretoken": tokens.pop()},
    )
    assert posted.status_code == 200


def test_kept_lesson_moves_the_resume_point_and_the_other_lesson_is_kept_at_once(course):
    # the visit is recorded before the look-up: its write invalidates before the page is
    # computed, so the second view after a move is already a hit
    first, second = course.lessons[0], course.lessons[1]
    client = _reader()
    _warm(client, first.url)
    user = client.get(reverse("semilla:dashboard")).wsgi_request.user
    _warm(client, second.url)
    assert course_outline(course=course.course, user=user).resume.page.pk == second.pk
    _get(client, first.url)
    assert course_outline(course=course.course, user=user).resume.page.pk == first.pk
    assert _get(client, first.url).templates == []
    assert LessonProgress.objects.filter(user=user).count() == 2


def test_a_preview_of_a_draft_is_never_kept(course):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    staff = make_user(Role.STAFF, is_superuser=True)
    client = Client()
    client.force_login(staff)
    _warm(client, lesson.url)
    preview_url = reverse("wagtailadmin_pages:view_draft", args=[lesson.pk])
    paragraph = next(b for b in lesson.body if b.block_type == "paragraph")
    for text in ("Primer borrador", "Segundo borrador", "Tercer borrador"):
        body = lesson.body.raw_data
        for block in body:
            if block["id"] == paragraph.id:
                block["value"] = f"<p>{text}</p>"
        lesson.body = body
        lesson.save_revision()
        # the live page kept again after the revision's writes: a preview (same page,
        # same path in Wagtail's preview request) must still show the draft
        assert _warm(client, lesson.url).content.decode().count("borrador") == 0
        for _ in range(2):
            preview = client.get(preview_url)
            assert preview.status_code == 200
            assert preview.content.decode().count(text) == 1
    assert _get(client, lesson.url).content.decode().count("borrador") == 0


def test_a_message_waiting_on_a_lesson_is_shown_once_and_never_kept(course):
    client = _reader()
    url = course.lessons[0].url
    _warm(client, url)
    token = TOKEN.findall(_get(client, url).content.decode())[0]
    saved = client.post(
        reverse("semilla:preferences"),
        {"language": "es", "timezone": "America/Bogota", "csrfmiddlewaretoken": token},
    )
    assert saved.status_code == 302
    assert _get(client, url).content.decode().count("Se guardaron tus preferencias.") == 1
    for _ in range(2):
        assert _get(client, url).content.decode().count("Se guardaron tus preferencias.") == 0


def test_kept_lesson_is_off_with_the_switch(course, settings):
    settings.SEMILLA_TABLE_CACHE = False
    client = _reader()
    assert _warm(client, course.lessons[0].url).templates != []
