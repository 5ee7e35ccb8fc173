"""Signed-in pages: a plain lesson view writes nothing once the reader's progress is
recorded (P11), and "Mi espacio" runs a bounded number of queries for every role (P10)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from curriculum.models import LessonProgress
from curriculum.selectors import course_outline, learning_for_user
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.curriculum import load_course

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _writes(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]


# --------------------------------------------------------------------------- P11


def test_lesson_second_view_writes_nothing(client_for, db):
    loaded = load_course()
    learner = make_user(Role.ENTREPRENEUR)
    client = client_for(learner)
    url = loaded.lessons[0].url
    first = _writes(client, url)
    assert [sql.split()[0] for sql in first if "curriculum_lessonprogress" in sql] == ["INSERT"]
    assert LessonProgress.objects.filter(user=learner).count() == 1
    assert _writes(client, url) == []
    assert _writes(client, url) == []


def test_lesson_view_in_another_language_writes_nothing_when_already_the_resume_point(
    client_for, db
):
    loaded = load_course()
    learner = make_user(Role.ENTREPRENEUR)
    client = client_for(learner)
    _writes(client, loaded.lessons[0].url)
    assert _writes(client, loaded.en_lessons[0].url) == []
    assert LessonProgress.objects.filter(user=learner).count() == 1


def test_lesson_view_moves_the_resume_point_when_another_lesson_was_seen_last(client_for, db):
    loaded = load_course()
    learner = make_user(Role.ENTREPRENEUR)
    client = client_for(learner)
    first, second = loaded.lessons[0], loaded.lessons[1]
    _writes(client, first.url)
    _writes(client, second.url)
    assert course_outline(course=loaded.course, user=learner).resume.page.pk == second.pk
    moved = _writes(client, first.url)
    assert len(moved) == 1
    assert course_outline(course=loaded.course, user=learner).resume.page.pk == first.pk
    cards = learning_for_user(user=learner, language="es")
    assert cards[0].resume.pk == first.pk
    assert _writes(client, first.url) == []


def test_lesson_completion_is_recorded_after_views_without_writes(client_for, db):
    from curriculum import services

    loaded = load_course()
    learner = make_user(Role.ENTREPRENEUR)
    client = client_for(learner)
    lesson = loaded.lessons[0]
    _writes(client, lesson.url)
    assert _writes(client, lesson.url) == []
    from tests.factories.curriculum import correct_answers

    quiz_id, answers = correct_answers(lesson)
    services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers)
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.completed is True
    assert _writes(client, lesson.url) == []


# --------------------------------------------------------------------------- P10


def _dashboard_queries(client) -> list[str]:
    from django.urls import reverse

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]
