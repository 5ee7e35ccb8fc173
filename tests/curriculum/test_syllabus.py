import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cohorts.enums import ParticipantStatus
from curriculum import services
from curriculum.models import SyllabusItem
from curriculum.selectors import syllabus_due_for_user
from tests.factories.cohorts import CohortFactory, ParticipantFactory
from tests.factories.curriculum import correct_answers


def _today():
    return timezone.localdate()


@pytest.fixture
def participant(short_course):
    return ParticipantFactory(cohort=CohortFactory(name="Cohorte Cúcuta 2027"))


def test_due_this_week_lists_items_of_the_participants_cohort(short_course, participant):
    cohort = participant.cohort
    lesson, later = short_course.lessons
    SyllabusItem.objects.create(
        cohort=cohort,
        page=lesson,
        due_date=_today() + datetime.timedelta(days=3),
        note="Antes del taller",
    )
    SyllabusItem.objects.create(
        cohort=cohort, page=later, due_date=_today() + datetime.timedelta(days=30)
    )
    SyllabusItem.objects.create(cohort=CohortFactory(), page=short_course.course, due_date=_today())
    items = syllabus_due_for_user(user=participant.user, language="es")
    assert [(i.page.pk, i.note, i.done, i.overdue) for i in items] == [
        (lesson.pk, "Antes del taller", False, False)
    ]


def test_due_this_week_in_english_and_done_items(short_course, participant):
    lesson = short_course.lessons[0]
    SyllabusItem.objects.create(cohort=participant.cohort, page=lesson, due_date=_today())
    quiz_id, answers = correct_answers(lesson)
    services.quiz_submit(user=participant.user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    items = syllabus_due_for_user(user=participant.user, language="en")
    assert [(i.page.pk, i.done) for i in items] == [(short_course.en_lessons[0].pk, True)]


def test_overdue_items_show_until_done_and_withdrawn_participants_see_none(
    short_course, participant
):
    lesson = short_course.lessons[0]
    SyllabusItem.objects.create(
        cohort=participant.cohort, page=lesson, due_date=_today() - datetime.timedelta(days=2)
    )
    items = syllabus_due_for_user(user=participant.user, language="es")
    assert [(i.overdue, i.done) for i in items] == [(True, False)]
    participant.status = ParticipantStatus.WITHDRAWN
    participant.save()
    assert syllabus_due_for_user(user=participant.user, language="es") == []


def test_syllabus_item_accepts_only_courses_and_lessons(short_course, participant):
    item = SyllabusItem(cohort=participant.cohort, page=short_course.modules[0], due_date=_today())
    with pytest.raises(ValidationError):
        item.full_clean()


def test_due_this_week_panel_query_count_is_constant(short_course, rf, django_assert_num_queries):
    from django.utils import translation

    from curriculum.panels import due_this_week_panel
    from semilla.routing import locale_ids

    pages = [*short_course.lessons, short_course.course]
    for count in (1, 3):
        participant = ParticipantFactory()
        for n, page in enumerate(pages[:count]):
            SyllabusItem.objects.create(
                cohort=participant.cohort, page=page, due_date=_today() + datetime.timedelta(days=n)
            )
        request = rf.get("/es/mi-espacio/")
        request.user = participant.user
        locale_ids()  # kept per process and generation (as on any page that ran before)
        # the dashboard's facts, then the items with whether each is done
        with translation.override("es"), django_assert_num_queries(2):
            panel = due_this_week_panel(request)
        assert len(panel.context["items"]) == count


def test_due_this_week_panel_hidden_without_items(db, rf, learner):
    from curriculum.panels import due_this_week_panel

    request = rf.get("/es/mi-espacio/")
    request.user = learner
    assert due_this_week_panel(request) is None
