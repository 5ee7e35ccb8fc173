"""Browser journeys for the curriculum: an anonymous visitor reads a lesson in Spanish,
signs up, passes the quizzes, sees progress, finishes a short course and opens the
certificate's public verification URL; and a lesson's first load stays light."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from curriculum.content import COURSES
from tests.e2e.conftest import axe_serious
from tests.factories.curriculum import CORRECT, load_course

pytestmark = pytest.mark.e2e

MAX_FIRST_LOAD_BYTES = 150 * 1024


def _answer_quiz(page):
    quiz = page.locator("section.quiz").first
    quiz.locator(f'input[type=radio][value="{CORRECT}"]').check()
    quiz.locator("button[type=submit]").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_read_sign_up_learn_and_verify_certificate(page, live_server, site_data):
    base = live_server.url
    loaded = load_course("curso-corto", lessons=2)
    first, second = loaded.lessons

    # An anonymous visitor reads a lesson in Spanish.
    page.goto(f"{base}{first.url}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == first.title
    assert page.locator(".action-step").count() == 1
    assert axe_serious(page) == []

    # Signs up from the lesson and confirms the e-mail address.
    page.locator(".lesson-done a.button").first.click()
    page.wait_for_url(re.compile(r".*/accounts/signup/"))
    page.get_by_label("Correo electrónico").fill("daniela@example.org")
    page.get_by_label("Tu nombre").fill("Daniela Pérez")
    page.get_by_label("Contraseña", exact=True).fill("un-buen-secreto-2026")
    page.get_by_label("Contraseña (otra vez)").fill("un-buen-secreto-2026")
    page.get_by_role("button", name="Crear una cuenta").click()
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/"))
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(f"{base}/es{link}")
    page.get_by_role("button", name="Confirmar").click()
    page.wait_for_load_state()

    # Completes the first lesson's quiz (htmx swaps the result in place).
    page.goto(f"{base}{first.url}")
    _answer_quiz(page)
    page.get_by_test_id("lesson-completed").wait_for()
    expect(page.get_by_test_id("quiz-score")).to_be_visible()

    # Sees progress on the course page and resumes.
    page.goto(f"{base}{loaded.course.url}")
    assert page.locator("progress").first.get_attribute("value") == "1"
    assert page.locator("progress").first.get_attribute("max") == "2"

    # Finishes the course with the second lesson and opens the certificate.
    page.goto(f"{base}{second.url}")
    _answer_quiz(page)
    page.locator("section.quiz .message a").click()
    page.wait_for_url(re.compile(r".*/aprende/certificados/\w+/"))
    code = page.get_by_test_id("certificate-code").inner_text()
    assert page.locator("svg.qr").count() == 1
    assert page.locator(".certificate-name").inner_text() == "Daniela Pérez"

    # Anyone can verify it at the public URL.
    page.get_by_test_id("verify-link").click()
    page.wait_for_url(re.compile(r".*/aprende/verificar/\w+/"))
    assert page.get_by_test_id("verify-state").get_attribute("data-state") == "valid"
    assert code in page.content()
    assert axe_serious(page) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lesson_first_load_is_light(page, live_server, site_data):
    from curriculum.loader import load
    from curriculum.models import LessonPage

    course = COURSES[0]
    # The longest starter module (financial inclusion), not a toy lesson.
    module = max(course["modules"], key=lambda m: sum(len(str(x)) for x in m["lessons"]))
    load(courses=[{**course, "modules": [module]}])
    lessons = LessonPage.objects.filter(locale__language_code="es").order_by("path")
    heaviest = max(lessons, key=lambda lesson: len(str(lesson.body.raw_data)))

    sizes = []
    page.on("requestfinished", lambda request: sizes.append(request))
    page.goto(f"{live_server.url}{heaviest.url}")
    page.wait_for_load_state("networkidle")
    total = 0
    for request in sizes:
        assert request.url.startswith(live_server.url)  # no third-party assets
        measured = request.sizes()
        total += measured["responseBodySize"] + measured["responseHeadersSize"]
    assert len(sizes) >= 4  # the page, its CSS and scripts were all counted
    assert total <= MAX_FIRST_LOAD_BYTES, f"first load {total} bytes"
