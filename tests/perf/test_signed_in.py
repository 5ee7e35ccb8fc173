"""Signed-in pages: a plain lesson view writes nothing once the reader's progress is
recorded (P11), and "Mi espacio" runs a bounded number of queries for every role (P10)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


def test_lesson_read_again_runs_only_the_session_and_user_queries(
    client_for, django_assert_num_queries, db
):
    loaded = load_course()
    learner = make_user(Role.ENTREPRENEUR)
    client = client_for(learner)
    url = loaded.lessons[0].url
    for _ in range(3):  # records the visit, learns the tables, stores the values
        client.get(url)
    with django_assert_num_queries(1):  # the session (the person and page: table cache)
        response = client.get(url)
    assert response.status_code == 200


def test_lesson_read_again_shows_a_completion_at_once_and_only_to_its_learner(client_for, db):
    from curriculum import services

    loaded = load_course()
    learner, other = make_user(Role.ENTREPRENEUR), make_user(Role.ENTREPRENEUR)
    lesson = loaded.lessons[0]
    client, other_client = client_for(learner), client_for(other)
    for _ in range(3):
        assert 'data-testid="lesson-done"' not in client.get(lesson.url).content.decode()
        other_client.get(lesson.url)
    from tests.factories.curriculum import correct_answers

    quiz_id, answers = correct_answers(lesson)
    services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers)
    assert 'data-testid="lesson-done"' in client.get(lesson.url).content.decode()
    assert 'data-testid="lesson-done"' not in other_client.get(lesson.url).content.decode()


# --------------------------------------------------------------------------- P10


def _dashboard_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def _more(role: str, user, n: int, state: dict) -> None:
    """Give ``user`` ``n`` more rows of everything their dashboard lists."""
    import datetime

    from django.utils import timezone

    from curriculum import services
    from curriculum.models import SyllabusItem
    from mentors.enums import BookingStatus, MatchStatus
    from tests.factories.cohorts import (
        ApplicationFactory,
        ParticipantFactory,
        ReviewAssignmentFactory,
    )
    from tests.factories.mentors import MatchFactory, MentorProfileFactory, make_booking
    from tests.factories.pitchday import make_event, make_grant, make_judge

    soon = timezone.now() + datetime.timedelta(days=2)
    if role == Role.ENTREPRENEUR:
        if "participant" not in state:
            state["participant"] = ParticipantFactory(user=user)
            state["match"] = MatchFactory(
                participant=state["participant"], status=MatchStatus.ACCEPTED
            )
            state["course"] = load_course(modules=1, lessons=4)
        participant, loaded = state["participant"], state["course"]
        for i in range(n):
            ApplicationFactory(user=user)
            make_booking(
                state["match"], soon + datetime.timedelta(days=i), status=BookingStatus.CONFIRMED
            )
            make_grant(grantee=user)
            make_event(cohort=participant.cohort)
            lesson = loaded.lessons[state.setdefault("lessons", 0)]
            state["lessons"] += 1
            services.lesson_record_visit(user=user, lesson=lesson)
            SyllabusItem.objects.create(
                cohort=participant.cohort, page=lesson, due_date=timezone.localdate()
            )
    elif role == Role.MENTOR:
        if "profile" not in state:
            state["profile"] = MentorProfileFactory(user=user, capacity=10)
        profile = state["profile"]
        for _ in range(n):
            MatchFactory(mentor=profile)
    elif role == Role.REVIEWER:
        for _ in range(n):
            ReviewAssignmentFactory(reviewer=user)
    elif role == Role.JUDGE:
        for _ in range(n):
            make_judge(make_event(), user)
    else:
        # staff see every pitch day; finance and funders list nothing personal
        for _ in range(n):
            make_event()


# Queries "Mi espacio" runs, per role, whatever the number of rows: the session, the user
# and their roles (3), the second factor for MFA roles (1), the dashboard's facts (1), then
# one query per panel with rows to list. Before: 20 (entrepreneur), 11-13 (the others).
DASHBOARD_QUERIES = {
    Role.ENTREPRENEUR: 8,  # + syllabus, learning, applications, grants and pitch days
    Role.MENTOR: 4,  # the mentor panel reads everything from the facts
    Role.REVIEWER: 5,
    Role.JUDGE: 6,  # + their pitch days
    Role.STAFF: 6,  # + every pitch day
    Role.FINANCE: 5,
    Role.FUNDER: 4,
}


@pytest.mark.parametrize("role", list(DASHBOARD_QUERIES))
def test_dashboard_query_count_is_constant(
    role, client_for, django_assert_num_queries, settings, db
):
    # the panels computed (what a table-cache miss costs): the cache is off here
    settings.SEMILLA_TABLE_CACHE = False
    user = make_user(role)
    state: dict = {}
    _more(role, user, 1, state)
    client = client_for(user)
    _dashboard_queries(client)  # warm per-process memory (content types, site)
    expected = DASHBOARD_QUERIES[role]
    assert expected <= 8
    with django_assert_num_queries(expected):
        client.get(reverse("semilla:dashboard"))
    _more(role, user, 3, state)
    # a cohort created by _more sets a new page-cache generation (its public pages change):
    # the first page after it recomputes the per-generation memory once, as after a publish
    _dashboard_queries(client)
    with django_assert_num_queries(expected):
        response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 200
    if role == Role.ENTREPRENEUR:
        body = response.content.decode()
        assert body.count("Arepas La Esquina") == 3
        assert body.count("Día de pitch Cúcuta") == 3
        assert 'data-testid="panel-next-session"' in body
        assert "Continuar: " in body


# A table-cache hit (semilla.table_cache): the session only; the person (their row, roles
# and second factor: semilla.middleware.user_for) and the page are read from the shared
# cache with their generations (no SQL with Redis or local memory; one query on the cache
# table each with the database cache). Before the person was kept: 3, and 4 for MFA roles.
HIT_QUERIES = {
    Role.ENTREPRENEUR: 1,
    Role.MENTOR: 1,
    Role.REVIEWER: 1,
    Role.JUDGE: 1,
    Role.STAFF: 1,
    Role.FINANCE: 1,
    Role.FUNDER: 1,
}


@pytest.mark.parametrize("role", list(HIT_QUERIES))
def test_dashboard_from_the_table_cache_runs_no_panel_query(
    role, client_for, django_assert_num_queries, db
):
    user = make_user(role)
    _more(role, user, 2, {})
    client = client_for(user)
    _dashboard_queries(client)  # learns which tables the panels read
    computed = client.get(reverse("semilla:dashboard")).content
    with django_assert_num_queries(HIT_QUERIES[role]):
        response = client.get(reverse("semilla:dashboard"))
    assert _without_tokens(response.content) == _without_tokens(computed)


def _without_tokens(content: bytes) -> str:
    """The page without what differs in every response (CSRF tokens, CSP nonces)."""
    text = re.sub(r"[A-Za-z0-9]{64}", "", content.decode())
    return re.sub(r'nonce="[^"]*"', "", text)
