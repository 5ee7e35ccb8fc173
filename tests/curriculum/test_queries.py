"""Lesson, course and module pages, and the dashboard panels, run a fixed number of
queries whatever the number of lessons (measured with one lesson and with many)."""

import pytest

from curriculum import pagecache, services
from tests.factories.curriculum import correct_answers, load_course

# What a page costs. Everyone: Wagtail's routing (site, active locale, home page, the
# curriculum index found by slug and made specific, then the course, module or lesson by
# URL path: 6, one more for the English home page) and the view restrictions (1); the
# language switcher's locale (1). Signed in: the session, the user and the navigation
# roles (3). Curriculum pages themselves: a lesson reads its module, course, neighbours
# and translations in one query (once per page-cache generation); the learner's
# completions, quiz attempts and latest progress row (no write: the lesson already is the
# resume point) come from the table cache; a course reads its translations and modules,
# its lessons (with the learner's progress) and the certificate; a module its course and
# translations, and its lessons with progress.
BUDGET = 15  # signed-in lesson, module and course pages, in either language
COUNTS = {
    ("lesson", "anonymous", "es"): 9,
    ("course", "anonymous", "es"): 10,
    ("lesson", "learner", "es"): 12,  # 14 before the table cache
    ("course", "learner", "es"): 14,
    ("module", "learner", "es"): 13,
    ("lesson", "learner", "en"): 13,  # 15 before the table cache
    ("course", "learner", "en"): 15,
    ("module", "learner", "en"): 14,
}


def _progress(user, loaded):
    for lesson in loaded.lessons[:1]:
        quiz_id, answers = correct_answers(lesson)
        services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
        # retried: more attempts must not mean more queries
        services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    services.lesson_record_visit(user=user, lesson=loaded.lessons[-1])


def _url(loaded, page, language):
    from curriculum.models import ModulePage

    if language == "es":
        return {
            "lesson": loaded.lessons[-1].url,
            "course": loaded.course.url,
            "module": loaded.modules[-1].url,
        }[page]
    return {
        "lesson": loaded.en_lessons[-1].url,
        "course": loaded.en_course.url,
        "module": ModulePage.objects.child_of(loaded.en_course).order_by("path").last().url,
    }[page]


@pytest.mark.parametrize("size", [(1, 1), (3, 4)], ids=["one-lesson", "many-lessons"])
@pytest.mark.parametrize(("page", "who", "language"), list(COUNTS))
def test_page_query_count_is_constant(
    size, page, who, language, client_for, learner, django_assert_num_queries
):
    modules, lessons = size
    loaded = load_course(modules=modules, lessons=lessons)
    user = learner if who == "learner" else None
    if user is not None:
        _progress(user, loaded)
    client = client_for(user)
    url = _url(loaded, page, language)
    client.get(url)  # warm per-process caches (site root paths, content types)
    # a learner's progress around a lesson is kept in the table cache from the second
    # view (semilla.table_cache; its misses are measured in tests/perf/test_signed_in.py)
    client.get(url)
    pagecache.invalidate()  # measure a full render, not a cache hit
    expected = COUNTS[(page, who, language)]
    assert who == "anonymous" or expected <= BUDGET
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("size", [(1, 1), (3, 4)], ids=["one-lesson", "many-lessons"])
def test_my_learning_panel_query_count_is_constant(size, rf, learner, django_assert_num_queries):
    from django.utils import translation

    from curriculum.panels import my_learning_panel

    loaded = load_course(modules=size[0], lessons=size[1])
    _progress(learner, loaded)
    request = rf.get("/es/mi-espacio/")
    request.user = learner
    # the dashboard's facts, then the rows with their course totals and certificates
    with translation.override("es"), django_assert_num_queries(2):
        panel = my_learning_panel(request)
    assert [card.course.pk for card in panel.context["cards"]] == [loaded.course.pk]
    assert panel.context["cards"][0].total == size[0] * size[1]
