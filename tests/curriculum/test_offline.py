"""Offline learning on the server side: the bundle a device stores to read a module or a
course offline, the idempotent endpoint for quiz answers made offline, the service worker
and the web app manifest, and the "learn without data" page (the browser journey is in
tests/e2e/test_offline_journey.py)."""

import re
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from curriculum import services
from curriculum.models import Certificate, LessonProgress, QuizAttempt
from tests.factories.curriculum import CORRECT, correct_answers, load_course, make_image


def _bundle_url(page, language="es"):
    from django.utils import translation

    with translation.override(language):
        return reverse("curriculum:offline_bundle", args=[page.pk])


def _offline_url(lesson):
    return reverse("curriculum:quiz_submit_offline", args=[lesson.pk, lesson.quiz_ids[0]])


def _add_image(lesson):
    image = make_image(width=1200, height=600)
    lesson.body.append(("image", {"image": image, "alt_text": "Un puesto", "caption": ""}))
    lesson.save_revision().publish()
    return image


# --------------------------------------------------------------------------- the bundle


def test_module_bundle_lists_its_pages_static_files_and_total_size(short_course, client):
    module = short_course.modules[0]
    response = client.get(_bundle_url(module))
    data = response.json()
    assert response.status_code == 200
    assert data["kind"] == "module"
    assert data["language"] == "es"
    assert [p["url"] for p in data["pages"]] == [module.url] + [
        lesson.url for lesson in short_course.lessons
    ]
    assert [p["kind"] for p in data["pages"]] == ["module", "lesson", "lesson"]
    assert "/static/css/curriculum.css" in data["static"]
    assert data["urls"] == [p["url"] for p in data["pages"]] + data["static"]
    assert data["bytes"] > sum(p["bytes"] for p in data["pages"]) > 3 * 3000


def test_course_bundle_holds_the_course_its_modules_and_every_lesson(client, db):
    loaded = load_course(modules=2, lessons=1)
    data = client.get(_bundle_url(loaded.course)).json()
    assert [p["url"] for p in data["pages"]] == [
        loaded.course.url,
        *[m.url for m in loaded.modules],
        *[lesson.url for lesson in loaded.lessons],
    ]
    assert data["kind"] == "course"


def test_english_bundle_lists_the_english_pages(short_course, client):
    en_module = short_course.en_lessons[0].get_parent()
    data = client.get(_bundle_url(en_module, "en")).json()
    assert data["language"] == "en"
    assert [p["url"] for p in data["pages"]][1:] == [
        lesson.url for lesson in short_course.en_lessons
    ]
    assert all(p["url"].startswith("/en/") for p in data["pages"])


def test_bundle_covers_every_file_a_saved_lesson_loads(short_course, client):
    """Drift guard: a static file added to the lesson pages must be in the bundle, or a
    saved lesson would open offline without it."""
    module = short_course.modules[0]
    data = client.get(_bundle_url(module)).json()
    for url in [p["url"] for p in data["pages"]]:
        html = Client().get(url).content.decode()
        loaded = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
        assert loaded - set(data["static"]) == set(), url


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_bundle_keeps_one_phone_rendition_per_image(short_course, client):
    lesson = short_course.lessons[0]
    _add_image(lesson)
    data = client.get(_bundle_url(short_course.modules[0])).json()
    assert len(data["images"]) == 1
    image = data["images"][0]
    assert image["url"].endswith(".webp")
    assert ".width-720." in image["url"]
    assert image["url"].startswith(image["stem"])
    assert image["bytes"] > 0
    assert image["url"] in data["urls"]
    # every rendition the lesson's <picture> offers starts with the stem (the worker's
    # fallback offline)
    html = Client().get(lesson.url).content.decode()
    offered = re.findall(r"(/media/images/[^\s\"]+)", html)
    assert offered != []
    assert all(url.startswith(image["stem"]) for url in offered)


def test_bundle_version_changes_on_publish_and_unpublish(short_course, client):
    module = short_course.modules[0]
    url = _bundle_url(module)
    first = client.get(url).json()
    assert client.get(url).json()["version"] == first["version"]
    lesson = short_course.lessons[0]
    lesson.title = "Título nuevo"
    lesson.save_revision().publish()
    second = client.get(url).json()
    assert second["version"] != first["version"]
    assert second["pages"][1]["title"] == "Título nuevo"
    short_course.lessons[1].unpublish()
    third = client.get(url).json()
    assert third["version"] != second["version"]
    assert [p["url"] for p in third["pages"]] == [module.url, lesson.url]


def test_bundle_answers_not_modified_to_the_version_the_device_holds(short_course, client):
    url = _bundle_url(short_course.modules[0])
    first = client.get(url)
    assert first["ETag"] == f'"{first.json()["version"]}"'
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"old"').status_code == 200


def test_bundle_is_computed_once_per_generation(short_course, client, django_assert_num_queries):
    url = _bundle_url(short_course.modules[0])
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_bundle_exists_only_for_live_public_modules_and_courses(short_course, client):
    from wagtail.models import PageViewRestriction

    from curriculum import pagecache

    lesson = short_course.lessons[0]
    assert client.get(_bundle_url(lesson)).status_code == 404
    assert client.get(_bundle_url(short_course.index)).status_code == 404
    assert client.get(reverse("curriculum:offline_bundle", args=[999999])).status_code == 404
    module = short_course.modules[0]
    PageViewRestriction.objects.create(page=short_course.course, restriction_type="login")
    pagecache.invalidate()
    assert client.get(_bundle_url(module)).status_code == 404
    PageViewRestriction.objects.all().delete()
    pagecache.invalidate()
    assert client.get(_bundle_url(module)).status_code == 200
    module.unpublish()
    assert client.get(_bundle_url(module)).status_code == 404


def test_bundle_is_the_same_for_a_signed_in_reader_and_holds_nothing_of_theirs(
    short_course, client, client_for, learner
):
    url = _bundle_url(short_course.modules[0])
    anonymous = client.get(url).json()
    signed_in = client_for(learner).get(url)
    assert signed_in.json() == anonymous
    assert learner.email not in signed_in.content.decode()
    assert signed_in["Cache-Control"] == "private, no-store"


# --------------------------------------------------------------------------- quizzes offline


def test_offline_answer_sent_twice_is_recorded_once(short_course, client_for, learner):
    lesson = short_course.lessons[0]
    client = client_for(learner)
    answer = {"q0": str(CORRECT), "client_id": str(uuid.uuid4())}
    first = client.post(_offline_url(lesson), answer)
    second = client.post(_offline_url(lesson), answer)
    assert first.status_code == 200
    assert second.status_code == 200
    assert first.json()["recorded"] is True
    assert first.json()["duplicate"] is False
    assert second.json()["duplicate"] is True
    assert (second.json()["correct"], second.json()["total"]) == (1, 1)
    assert second.json()["lesson_completed"] is True
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed is True


def test_offline_answers_with_different_ids_are_two_attempts(short_course, client_for, learner):
    lesson = short_course.lessons[0]
    client = client_for(learner)
    for _ in range(2):
        client.post(_offline_url(lesson), {"q0": "0", "client_id": str(uuid.uuid4())})
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_offline_answers_complete_the_course_and_issue_the_certificate(
    short_course, client_for, learner
):
    client = client_for(learner)
    responses = [
        client.post(_offline_url(lesson), {"q0": str(CORRECT), "client_id": str(uuid.uuid4())})
        for lesson in short_course.lessons
    ]
    certificate = Certificate.objects.get(user=learner)
    assert responses[-1].json()["certificate_url"] == certificate.get_absolute_url()
    assert responses[0].json()["certificate_url"] == ""


def test_offline_answer_of_an_anonymous_reader_is_graded_and_not_stored(short_course, client):
    lesson = short_course.lessons[0]
    response = client.post(_offline_url(lesson), {"q0": "0", "client_id": str(uuid.uuid4())})
    data = response.json()
    assert response.status_code == 200
    assert (data["recorded"], data["correct"], data["total"], data["passed"]) == (
        False,
        0,
        1,
        False,
    )
    assert data["message"] == "Enviado: acertaste 0 de 1."
    assert QuizAttempt.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [{"q0": "1"}, {"q0": "1", "client_id": "no-es-un-uuid"}, {"client_id": str(uuid.uuid4())}],
)
def test_offline_answer_without_id_or_answers_is_refused(data, short_course, client_for, learner):
    response = client_for(learner).post(_offline_url(short_course.lessons[0]), data)
    assert response.status_code == 400
    assert response.json()["error"] == "Responde todas las preguntas y luego revisa tus respuestas."
    assert QuizAttempt.objects.count() == 0


def test_offline_answer_needs_the_csrf_token(short_course, learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(
        _offline_url(short_course.lessons[0]), {"q0": "1", "client_id": str(uuid.uuid4())}
    )
    assert response.status_code == 403
    assert QuizAttempt.objects.count() == 0


def test_offline_answer_to_a_quiz_that_is_gone_is_404(short_course, client):
    lesson = short_course.lessons[0]
    url = reverse("curriculum:quiz_submit_offline", args=[lesson.pk, "gone"])
    assert client.post(url, {"q0": "1", "client_id": str(uuid.uuid4())}).status_code == 404


def test_quiz_submit_with_a_client_id_records_one_attempt(short_course, learner):
    lesson = short_course.lessons[0]
    quiz_id, answers = correct_answers(lesson)
    client_id = uuid.uuid4()
    first = services.quiz_submit(
        user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers, client_id=client_id
    )
    again = services.quiz_submit(
        user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers, client_id=client_id
    )
    assert again.attempt.pk == first.attempt.pk
    assert (first.duplicate, again.duplicate) == (False, True)
    assert QuizAttempt.objects.count() == 1


def test_database_refuses_a_second_attempt_with_the_same_offline_id(short_course, learner):
    lesson = short_course.lessons[0]
    client_id = uuid.uuid4()
    row = {"user": learner, "lesson": lesson, "quiz_id": "q", "correct": 1, "total": 1}
    QuizAttempt.objects.create(**row, passed=True, client_id=client_id)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(**row, passed=True, client_id=client_id)
    # attempts made online carry no id and are never refused
    QuizAttempt.objects.create(**row, passed=True)
    QuizAttempt.objects.create(**row, passed=True)
    assert QuizAttempt.objects.count() == 3


# --------------------------------------------------------------------------- worker, manifest


def test_service_worker_is_served_at_the_root_and_never_cached(client, db):
    response = client.get(reverse("service_worker"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert b'addEventListener("fetch"' in response.content
    assert reverse("service_worker") == "/sw.js"


@pytest.mark.parametrize("language", ["es", "en"])
def test_web_manifest_meets_the_install_criteria_in_each_language(language, client, db):
    response = client.get(f"/{language}/aprende/app.webmanifest")
    data = response.json()
    assert response["Content-Type"] == "application/manifest+json"
    assert data["start_url"] == f"/{language}/"
    assert data["id"] == "/"
    assert data["display"] == "standalone"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}
    for icon in data["icons"]:
        icon_response = client.get(icon["src"])
        assert icon_response.status_code == 200
        icon_response.close()


def test_every_page_links_the_manifest_of_its_language(short_course, client):
    html = client.get("/en/").content.decode()
    assert '<link rel="manifest" href="/en/aprende/app.webmanifest">' in html
    assert '<meta name="theme-color" content="#0b5d3b">' in html


@pytest.mark.parametrize(
    ("language", "title"), [("es", "Aprende sin datos"), ("en", "Learn without data")]
)
def test_learn_offline_page_explains_in_each_language(language, title, client, db):
    response = client.get(f"/{language}/aprende/sin-conexion/")
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_module_and_course_pages_offer_to_save_and_lesson_pages_load_the_queue(
    short_course, client
):
    module_html = client.get(short_course.modules[0].url).content.decode()
    assert f'data-offline-bundle="{_bundle_url(short_course.modules[0])}"' in module_html
    course_html = client.get(short_course.course.url).content.decode()
    assert f'data-offline-bundle="{_bundle_url(short_course.course)}"' in course_html
    lesson_html = client.get(short_course.lessons[0].url).content.decode()
    assert f'data-offline-url="{_offline_url(short_course.lessons[0])}"' in lesson_html
    assert 'src="/static/js/offline.js"' in lesson_html
