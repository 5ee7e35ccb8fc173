import pytest
from django.urls import reverse

from curriculum import pagecache, services
from curriculum.enums import CertificateStatus
from curriculum.models import Certificate, LessonProgress, QuizAttempt
from tests.factories.curriculum import CORRECT, correct_answers


def _quiz_url(lesson):
    return reverse("curriculum:quiz_submit", args=[lesson.pk, lesson.quiz_ids[0]])


def _finish(user, loaded):
    for lesson in loaded.lessons:
        quiz_id, answers = correct_answers(lesson)
        services.quiz_submit(user=user, lesson=lesson, quiz_id=quiz_id, answers=answers)
    return Certificate.objects.get(user=user)


# --------------------------------------------------------------------------- pages


def test_lesson_page_is_public_and_renders_blocks(short_course, client):
    lesson = short_course.lessons[0]
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lección Curso corto m1 leccion 1" in html
    assert 'class="callout callout-tip"' in html
    assert 'class="action-step card"' in html
    assert f'id="quiz-{lesson.quiz_ids[0]}"' in html
    assert reverse("account_signup") in html


def test_english_lesson_is_served_in_english_with_the_same_slug(short_course, client):
    en_lesson = short_course.en_lessons[0]
    assert en_lesson.url == short_course.lessons[0].url.replace("/es/", "/en/", 1)
    response = client.get(en_lesson.url)
    assert response.status_code == 200
    assert "Lesson Curso corto m1 leccion 1" in response.content.decode()
    assert 'data-testid="translation-fallback"' not in response.content.decode()


def test_untranslated_lesson_falls_back_to_spanish_with_a_notice(short_course, client):
    en_lesson = short_course.en_lessons[1]
    url = en_lesson.url
    en_lesson.unpublish()
    pagecache.invalidate()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="translation-fallback"' in html
    assert "Lección Curso corto m1 leccion 2" in html
    assert '<article class="lesson" lang="es">' in html


def test_view_restrictions_of_a_course_cover_its_lessons_and_aliases(
    short_course, client_for, learner
):
    """Curriculum pages check Wagtail's view restrictions in one query: those of the
    page, of its ancestors, and of the original of an alias."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=short_course.course, restriction_type=PageViewRestriction.LOGIN
    )
    alias = short_course.course.create_alias(update_slug="curso-corto-copia")
    pagecache.invalidate()
    anonymous, signed_in = client_for(None), client_for(learner)
    for url in (short_course.lessons[0].url, short_course.modules[0].url, alias.url):
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert reverse("account_login") in response["Location"]
        assert signed_in.get(url).status_code == 200, url
    # the English tree has no restriction
    assert anonymous.get(short_course.en_lessons[0].url).status_code == 200
    assert list(short_course.lessons[0].specific.get_view_restrictions()) == list(
        PageViewRestriction.objects.filter(page=short_course.course)
    )


def test_unknown_lesson_is_404_in_both_languages(short_course, client):
    assert client.get(short_course.course.url + "no-existe/").status_code == 404
    assert client.get(short_course.en_course.url + "no-existe/nada/").status_code == 404


def test_course_page_shows_progress_of_the_signed_in_learner_only(
    short_course, client_for, learner, other_entrepreneur
):
    _finish(learner, short_course)
    mine = client_for(learner).get(short_course.course.url).content.decode()
    theirs = client_for(other_entrepreneur).get(short_course.course.url).content.decode()
    assert "2 de 2 lecciones completadas" in mine
    assert "Ver tu certificado" in mine
    assert "0 de 2 lecciones completadas" in theirs
    assert "Ver tu certificado" not in theirs


def test_course_page_offers_resume_link(short_course, client_for, learner):
    services.lesson_record_visit(user=learner, lesson=short_course.lessons[1])
    html = client_for(learner).get(short_course.course.url).content.decode()
    assert f'href="{short_course.lessons[1].url}" data-testid="resume"' in html


def test_signed_in_lesson_visit_records_resume_point(short_course, client_for, learner):
    client_for(learner).get(short_course.lessons[1].url)
    progress = LessonProgress.objects.get(user=learner)
    assert (progress.lesson_id, progress.completed_at) == (short_course.lessons[1].pk, None)


# --------------------------------------------------------------------------- page cache


def test_anonymous_lesson_is_cached_and_invalidated_on_publish(short_course, client):
    lesson = short_course.lessons[0]
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"
    second = client.get(lesson.url)
    assert second["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in second.content.decode()
    lesson.title = "Título nuevo"
    lesson.save_revision().publish()
    third = client.get(lesson.url)
    assert third["X-Page-Cache"] == "miss"
    assert "Título nuevo" in third.content.decode()


def test_cached_page_quiz_works_without_a_token(short_course, client):
    from django.test import Client

    lesson = short_course.lessons[0]
    client.get(lesson.url)
    other = Client(enforce_csrf_checks=True)
    response = other.get(lesson.url)
    assert response["X-Page-Cache"] == "hit"
    posted = other.post(_quiz_url(lesson), {"q0": str(CORRECT)})
    assert posted.status_code == 200


def test_signed_in_readers_bypass_the_page_cache(short_course, client, client_for, learner):
    lesson = short_course.lessons[0]
    client.get(lesson.url)
    response = client_for(learner).get(lesson.url)
    assert response.has_header("X-Page-Cache") is False
    assert "Marcar esta lección como completada" in response.content.decode()


# --------------------------------------------------------------------------- quizzes


def test_anonymous_quiz_gets_feedback_without_a_record(short_course, client):
    lesson = short_course.lessons[0]
    response = client.post(_quiz_url(lesson), {"q0": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Acertaste 0 de 1." in html
    assert "Sin registros no sabes si ganas." in html
    assert QuizAttempt.objects.count() == 0


def test_quiz_submission_by_learner_is_stored_and_htmx_gets_a_partial(
    short_course, client_for, learner
):
    lesson = short_course.lessons[0]
    response = client_for(learner).post(
        _quiz_url(lesson), {"q0": str(CORRECT)}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section class="quiz card"')
    assert 'data-testid="lesson-completed"' in html
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.correct, attempt.total, attempt.passed) == (1, 1, True)


OOB_DONE = 'id="lesson-done" aria-labelledby="lesson-done-title" data-hx-swap-oob="true"'


def test_passing_the_quiz_with_htmx_also_updates_the_progress_box(
    short_course, client_for, learner
):
    """The page's progress box offered "mark this lesson as complete, pass the quiz first";
    after passing with htmx only the quiz was swapped and the box kept saying so. The
    answer now swaps the box too (out of band), and only when the lesson was completed."""
    lesson = short_course.lessons[0]
    client = client_for(learner)
    page = client.get(lesson.url).content.decode()
    assert '<section class="card lesson-done" id="lesson-done"' in page
    failed = client.post(_quiz_url(lesson), {"q0": "0"}, HTTP_HX_REQUEST="true").content.decode()
    assert OOB_DONE not in failed
    passed = client.post(
        _quiz_url(lesson), {"q0": str(CORRECT)}, HTTP_HX_REQUEST="true"
    ).content.decode()
    box = passed[passed.index(OOB_DONE) :]
    assert ("Completaste esta lección." in box, "Marcar esta lección" in box) == (True, False)
    without_htmx = client.post(_quiz_url(lesson), {"q0": str(CORRECT)}).content.decode()
    assert OOB_DONE not in without_htmx


def test_quiz_with_missing_answer_is_refused_with_a_message(short_course, client_for, learner):
    response = client_for(learner).post(_quiz_url(short_course.lessons[0]), {})
    assert response.status_code == 400
    assert "Responde todas las preguntas" in response.content.decode()
    assert QuizAttempt.objects.count() == 0


def test_quiz_unknown_lesson_or_quiz_is_404_and_get_is_405(short_course, client):
    lesson = short_course.lessons[0]
    assert client.post(reverse("curriculum:quiz_submit", args=[lesson.pk, "x"])).status_code == 404
    assert client.post(reverse("curriculum:quiz_submit", args=[999999, "x"])).status_code == 404
    assert client.get(_quiz_url(lesson)).status_code == 405


# --------------------------------------------------------------------------- completion


def test_lesson_complete_requires_sign_in_and_post(short_course, client):
    url = reverse("curriculum:lesson_complete", args=[short_course.lessons[0].pk])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(url).status_code == 405


def test_lesson_complete_before_quiz_shows_message(short_course, client_for, learner):
    lesson = short_course.lessons[0]
    response = client_for(learner).post(
        reverse("curriculum:lesson_complete", args=[lesson.pk]), follow=True
    )
    assert "Primero aprueba el cuestionario de esta lección" in response.content.decode()
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 0


def test_lesson_complete_last_lesson_redirects_to_certificate(db, client_for, learner):
    from tests.factories.curriculum import load_course

    loaded = load_course("sin-quiz", lessons=1, quiz=False)
    response = client_for(learner).post(
        reverse("curriculum:lesson_complete", args=[loaded.lessons[0].pk])
    )
    certificate = Certificate.objects.get(user=learner)
    assert response["Location"] == certificate.get_absolute_url()


# --------------------------------------------------------------------------- certificates


def test_certificate_page_for_owner_has_code_qr_and_verification_url(
    short_course, client_for, learner
):
    certificate = _finish(learner, short_course)
    response = client_for(learner).get(certificate.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.display_code in html
    assert '<svg class="qr" role="img"' in html
    assert " style=" not in html.split('<svg class="qr"')[1].split("</svg>")[0]
    assert f"http://testserver{certificate.get_verification_url()}" in html


def test_certificate_page_is_private(short_course, client, client_for, learner, other_entrepreneur):
    certificate = _finish(learner, short_course)
    assert client_for(other_entrepreneur).get(certificate.get_absolute_url()).status_code == 404
    anonymous = client.get(certificate.get_absolute_url())
    assert anonymous.status_code == 302


@pytest.mark.parametrize("state", ["valid", "revoked", "unknown"])
def test_verification_page_states(state, short_course, client, learner, staff_user):
    certificate = _finish(learner, short_course)
    code = certificate.code
    if state == "revoked":
        services.certificate_revoke(certificate=certificate, actor=staff_user, reason="Error")
    if state == "unknown":
        code = "ZZZZZZZZZZZZ"
    response = client.get(reverse("curriculum:verify", args=[code]))
    html = response.content.decode()
    assert response.status_code == (404 if state == "unknown" else 200)
    assert f'data-state="{state}"' in html
    assert ("Yuleisy Rodríguez" in html) is (state == "valid")


def test_verification_form_normalises_typed_codes(short_course, client, learner):
    certificate = _finish(learner, short_course)
    typed = certificate.display_code.lower()
    response = client.get(reverse("curriculum:verify_form"), {"code": typed})
    assert response["Location"] == reverse("curriculum:verify", args=[certificate.code])


def test_staff_revokes_a_certificate_in_the_console(
    short_course, client_for, learner, staff_user, other_entrepreneur
):
    certificate = _finish(learner, short_course)
    url = reverse("curriculum_certificate_revoke", args=[certificate.pk])
    assert client_for(other_entrepreneur).post(url, {"reason": "x"}).status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    response = client_for(staff_user).post(url, {"reason": "Suplantación"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoked_by, certificate.revoked_reason) == (
        CertificateStatus.REVOKED,
        staff_user,
        "Suplantación",
    )
    listing = client_for(staff_user).get(reverse("certificates:index"))
    assert listing.status_code == 200


# --------------------------------------------------------------------------- search, nav


def test_search_finds_lessons_in_the_readers_language(short_course, client):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    es = client.get("/es/aprende/buscar/", {"q": "ventas"}).content.decode()
    en = client.get("/en/aprende/buscar/", {"q": "sales"}).content.decode()
    assert "Lección Curso corto m1 leccion 1" in es
    assert "Lesson Curso corto m1 leccion 1" not in es
    assert "Lesson Curso corto m1 leccion 1" in en
    assert "Lección Curso corto m1 leccion 1" not in en


def test_start_redirects_to_the_curriculum_in_the_active_language(short_course, client):
    assert client.get("/es/aprende/")["Location"] == "/es/cursos/"
    assert client.get("/en/aprende/")["Location"] == "/en/cursos/"


def test_my_learning_and_dashboard_panel_show_courses_in_progress(
    short_course, client_for, learner
):
    services.lesson_record_visit(user=learner, lesson=short_course.lessons[0])
    client = client_for(learner)
    page = client.get("/es/aprende/mi-aprendizaje/").content.decode()
    dashboard = client.get("/es/mi-espacio/").content.decode()
    for html in (page, dashboard):
        assert "Curso corto de cuentas" in html
        assert f'href="{short_course.lessons[0].url}"' in html


def test_my_learning_requires_sign_in(client, db):
    assert client.get(reverse("curriculum:my_learning")).status_code == 302
