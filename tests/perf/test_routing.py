"""Remembered routes (``semilla.routing``) and the lesson blocks rendered once
(``lesson_block``): a page rendered again costs no query, yet every change that matters
shows at once: a publish, an unpublish, a move, a saved row, a new view restriction; and
nothing of one reader's reaches another."""

import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from curriculum.blocks import LessonStreamBlock
from curriculum.models import LessonPage, ModulePage
from curriculum.templatetags import curriculum_tags
from semilla import pagecache_middleware as pcm
from semilla import routing
from semilla.enums import Role
from tests.factories.curriculum import CORRECT, correct_answers, load_course

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
UNCACHED = {"v": "1"}  # a query string: the page cache never answers, the page is rendered


@pytest.fixture(autouse=True)
def _fresh_memory():
    pcm.reset_local()
    routing.forget()
    yield
    pcm.reset_local()
    routing.forget()


@pytest.fixture
def course(db):
    return load_course()


def test_a_page_rendered_again_runs_no_query(course, client, django_assert_num_queries):
    lesson = course.lessons[0]
    first = client.get(lesson.url, UNCACHED)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        again = client.get(lesson.url, UNCACHED)

    assert again.status_code == 200
    assert lesson.title in again.content.decode()


def test_the_same_for_every_lesson_and_in_english(course, client, django_assert_num_queries):
    pages = [*course.lessons, *course.en_lessons]
    for page in pages:
        client.get(page.url, UNCACHED)

    for page in pages:
        with django_assert_num_queries(0):
            assert client.get(page.url, UNCACHED).status_code == 200


def test_course_pages_route_with_no_query(course, client, django_assert_num_queries):
    """A course page's outline is read for each request (it has the reader's progress);
    routing it costs nothing."""
    client.get(course.course.url, UNCACHED)

    with django_assert_num_queries(2):  # the course with its modules; the lessons
        assert client.get(course.course.url, UNCACHED).status_code == 200


def test_a_publish_shows_at_once(course, client):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    client.get(lesson.url, UNCACHED)

    lesson.title = "Conoce a quien te compra"
    lesson.save_revision().publish()

    assert "Conoce a quien te compra" in client.get(lesson.url, UNCACHED).content.decode()


def test_an_unpublished_page_is_gone_at_once(course, client):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    assert client.get(lesson.url, UNCACHED).status_code == 200

    lesson.unpublish()

    assert client.get(lesson.url, UNCACHED).status_code == 404


def test_a_moved_page_leaves_its_old_address_at_once(course, client):
    """The old address no longer serves the page from a remembered route: Wagtail's
    automatic redirect sends readers to the new one."""
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    old_url = lesson.url
    assert client.get(old_url, UNCACHED).status_code == 200
    target = course.course.add_child(
        instance=ModulePage(title="Módulo nuevo", slug="modulo-nuevo", locale=lesson.locale)
    )
    target.save_revision().publish()

    lesson.move(target, pos="last-child")
    lesson.refresh_from_db()

    old = client.get(old_url, UNCACHED)
    assert old.status_code == 301
    assert old["Location"].startswith(lesson.url)
    assert client.get(lesson.url, UNCACHED).status_code == 200


def test_a_saved_page_row_is_read_again(course, client):
    """A row saved without a publish (a lock, a script) is never hidden by a kept copy."""
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    client.get(lesson.url, UNCACHED)

    lesson.live = False
    lesson.save()

    assert client.get(lesson.url, UNCACHED).status_code == 404


def test_a_new_view_restriction_applies_at_once_even_to_cached_copies(course, client):
    lesson = course.lessons[0]
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"
    client.get(lesson.url, UNCACHED)

    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)

    for params in ({}, UNCACHED):
        response = client.get(lesson.url, params)
        assert response.status_code == 302
        assert "next=" in response["Location"]


def test_a_restriction_on_an_ancestor_counts(course, client):
    client.get(course.lessons[0].url, UNCACHED)

    PageViewRestriction.objects.create(
        page=course.course, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(course.lessons[0].url, UNCACHED).status_code == 302


def test_removing_the_restriction_opens_the_page_again(course, client):
    restriction = PageViewRestriction.objects.create(
        page=course.lessons[0], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(course.lessons[0].url, UNCACHED).status_code == 302

    restriction.delete()

    assert client.get(course.lessons[0].url, UNCACHED).status_code == 200


def test_routes_are_kept_apart_by_host(course, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "otro.example"]
    lesson = course.lessons[0]
    assert client.get(lesson.url, UNCACHED).status_code == 200

    # no Wagtail site for that host but the default one: still routed, and remembered apart
    assert client.get(lesson.url, UNCACHED, HTTP_HOST="otro.example").status_code == 200
    assert len({key[0] for key in routing._routes._items}) == 2


def test_one_readers_progress_never_reaches_another(course, client, make_user):
    lesson = course.lessons[0]
    learner = make_user()
    client.force_login(learner)
    quiz_id, answers = correct_answers(lesson)
    client.post(
        reverse("curriculum:quiz_submit", args=[lesson.pk, quiz_id]),
        {f"q{i}": str(a) for i, a in enumerate(answers)},
    )
    client.post(reverse("curriculum:lesson_complete", args=[lesson.pk]))
    mine = client.get(lesson.url, UNCACHED).content.decode()
    assert 'data-testid="lesson-done"' in mine
    assert "quiz-status" in mine

    client.logout()
    anonymous = client.get(lesson.url, UNCACHED).content.decode()
    other = make_user()
    client.force_login(other)
    theirs = client.get(lesson.url, UNCACHED).content.decode()

    for page in (anonymous, theirs):
        assert 'data-testid="lesson-done"' not in page
        assert "quiz-status" not in page


def test_a_kept_quiz_has_no_token_for_anonymous_readers_and_their_own_for_signed_in(
    course, client, make_user
):
    from django.test import Client

    lesson = course.lessons[0]
    anonymous = client.get(lesson.url, UNCACHED).content.decode()  # keeps the quiz first
    readers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    for reader in readers:
        reader.force_login(make_user(Role.ENTREPRENEUR))
    pages = [reader.get(lesson.url, UNCACHED).content.decode() for reader in readers]

    assert curriculum_tags.CSRF_MARKER not in anonymous + pages[0] + pages[1]
    assert TOKEN_RE.findall(anonymous) == []
    quiz_forms = [re.search(r'class="quiz-form".*?</form>', p, re.S).group(0) for p in pages]
    quiz_tokens = [TOKEN_RE.findall(form) for form in quiz_forms]
    assert [len(t) for t in quiz_tokens] == [1, 1]
    assert quiz_tokens[0] != quiz_tokens[1]
    posted = readers[1].post(
        reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]]),
        {"q0": str(CORRECT), "csrfmiddlewaretoken": quiz_tokens[1][0]},
    )
    assert posted.status_code == 200


def test_a_preview_shows_the_draft_not_a_kept_block(course, client, make_user):
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    client.get(lesson.url, UNCACHED)  # keeps the published blocks
    staff = make_user(Role.STAFF, is_superuser=True)
    client.force_login(staff)
    first_text = next(b for b in lesson.body if b.block_type == "paragraph")
    draft_body = lesson.body.raw_data
    for block in draft_body:
        if block["id"] == first_text.id:
            block["value"] = "<p>Texto nuevo del borrador</p>"
    lesson.body = draft_body
    lesson.save_revision()

    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))

    assert preview.status_code == 200
    assert "Texto nuevo del borrador" in preview.content.decode()
    assert "Texto nuevo del borrador" not in client.get(lesson.url, UNCACHED).content.decode()


def test_every_lesson_block_type_is_classified():
    """A new block type must be declared shared (rendered once) or personal."""
    types = set(LessonStreamBlock().child_blocks)

    assert types == curriculum_tags.SHARED_BLOCK_TYPES | curriculum_tags.PERSONAL_BLOCK_TYPES
    assert not curriculum_tags.SHARED_BLOCK_TYPES & curriculum_tags.PERSONAL_BLOCK_TYPES


def test_route_memory_is_bounded():
    memory = routing.LocalMemory(2)
    for key in "abc":
        memory.put(key, key)

    assert memory.get("a") is None
    assert memory.get("c") == "c"


def test_the_generation_moves_again_once_the_change_is_committed(
    course, django_capture_on_commit_callbacks
):
    """A reader between the signal and the commit may keep old rows under the new
    generation: another one is set when the publish commits."""
    lesson = LessonPage.objects.get(pk=course.lessons[0].pk)
    before = pcm.generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lesson.save_revision().publish()
        during = pcm.generation()
    assert during != before
    assert callbacks

    for callback in callbacks:
        callback()

    assert pcm.generation() not in (before, during)


def test_page_links_are_worked_out_once_per_generation(course, client, monkeypatch):
    """The links of a lesson (its course, module, next lesson and translation) are built
    by Wagtail once per generation and process, and again after any change."""
    from wagtail.models import Page

    from curriculum import pagecache

    lesson = course.lessons[0]
    linked = {course.course.pk, course.modules[0].pk, course.lessons[1].pk}
    linked.add(course.en_lessons[0].pk)
    calls = []
    wagtails = Page.get_url_parts

    def counted(self, request=None):
        calls.append(self.pk)
        return wagtails(self, request=request)

    monkeypatch.setattr(Page, "get_url_parts", counted)
    first = client.get(lesson.url, UNCACHED).content.decode()
    built_first, calls[:] = set(calls) & linked, []
    again = client.get(lesson.url, UNCACHED).content.decode()
    built_again, calls[:] = set(calls) & linked, []
    pagecache.invalidate()
    client.get(lesson.url, UNCACHED)

    assert (built_first, built_again, set(calls) & linked) == (linked, set(), linked)
    assert again == first
    assert f'href="{course.modules[0].url}"' in again
