"""Lesson, course and module pages, and the dashboard panels, run a fixed number of
queries whatever the number of lessons (measured with one lesson and with many)."""

import pytest

from curriculum import pagecache, services
from tests.factories.curriculum import correct_answers, load_course

# Signed-in pages include Wagtail's routing and view-restriction checks (about 7), the
# session, user, navigation roles and language switcher (5), and for lessons the resume
# point write (an UPDATE inside a savepoint: 3 in tests).
COUNTS = {
    ("lesson", "anonymous"): 11,
    ("lesson", "learner"): 19,
    ("course", "anonymous"): 12,
    ("course", "learner"): 17,
    ("module", "learner"): 16,
}


def _progress(user, loaded):
    for lesson in loaded.lessons[:1]:
        quiz_id, answers = correct_answers(lesson)
        services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    services.lesson_record_visit(user=user, lesson=loaded.lessons[-1])


@pytest.mark.parametrize("size", [(1, 1), (3, 4)], ids=["one-lesson", "many-lessons"])
@pytest.mark.parametrize(("page", "who"), list(COUNTS))
def test_page_query_count_is_constant(
    size, page, who, client_for, learner, django_assert_num_queries
):
    modules, lessons = size
    loaded = load_course(modules=modules, lessons=lessons)
    user = learner if who == "learner" else None
    if user is not None:
        _progress(user, loaded)
    client = client_for(user)
    url = {
        "lesson": loaded.lessons[-1].url,
        "course": loaded.course.url,
        "module": loaded.modules[-1].url,
        "dashboard": "/es/mi-espacio/",
    }[page]
    client.get(url)  # warm per-process caches (site root paths, content types)
    pagecache.invalidate()  # measure a full render, not a cache hit
    with django_assert_num_queries(COUNTS[(page, who)]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [(1, 1), (3, 4)], ids=["one-lesson", "many-lessons"])
def test_my_learning_panel_query_count_is_constant(size, rf, learner, django_assert_num_queries):
    from django.utils import translation

    from curriculum.panels import my_learning_panel

    loaded = load_course(modules=size[0], lessons=size[1])
    _progress(learner, loaded)
    request = rf.get("/es/mi-espacio/")
    request.user = learner
    with translation.override("es"), django_assert_num_queries(4):
        panel = my_learning_panel(request)
    assert [card.course.pk for card in panel.context["cards"]] == [loaded.course.pk]
    assert panel.context["cards"][0].total == size[0] * size[1]
