import pytest
from django.utils import timezone

from curriculum import services
from curriculum.enums import CertificateStatus
from curriculum.models import Certificate, LessonProgress, QuizAttempt
from tests.factories.curriculum import CORRECT, correct_answers


def test_quiz_grade_counts_correct_answers_and_pass_mark(short_course):
    lesson = short_course.lessons[0]
    quiz = lesson.quiz_value(lesson.quiz_ids[0])
    right = services.quiz_grade(quiz=quiz, answers=[CORRECT])
    wrong = services.quiz_grade(quiz=quiz, answers=[0])
    assert (right.correct, right.total, right.passed, right.percent) == (1, 1, True, 100)
    assert (wrong.correct, wrong.total, wrong.passed) == (0, 1, False)
    assert wrong.questions[0].correct_index == CORRECT
    assert wrong.questions[0].chosen == 0


def test_quiz_grade_rejects_wrong_number_of_answers_and_unknown_options(short_course):
    lesson = short_course.lessons[0]
    quiz = lesson.quiz_value(lesson.quiz_ids[0])
    with pytest.raises(services.InvalidAnswers):
        services.quiz_grade(quiz=quiz, answers=[])
    with pytest.raises(services.InvalidAnswers):
        services.quiz_grade(quiz=quiz, answers=[7])


def test_quiz_submit_failed_attempt_is_stored_and_can_be_retried(short_course, learner):
    lesson = short_course.lessons[0]
    quiz_id = lesson.quiz_ids[0]
    first = services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=[0])
    assert (first.attempt.correct, first.attempt.passed, first.lesson_completed) == (
        0,
        False,
        False,
    )
    second = services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=[CORRECT])
    assert (second.attempt.correct, second.attempt.passed, second.lesson_completed) == (
        1,
        True,
        True,
    )
    assert QuizAttempt.objects.filter(user=learner, lesson=lesson).count() == 2
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.completed is True


def test_quiz_submit_unknown_quiz_is_refused(short_course, learner):
    with pytest.raises(services.InvalidAnswers):
        services.quiz_submit(
            user=learner, lesson=short_course.lessons[0], quiz_id="nope", answers=[1]
        )


def test_lesson_complete_requires_passing_the_quiz(short_course, learner):
    lesson = short_course.lessons[0]
    with pytest.raises(services.QuizNotPassed):
        services.lesson_complete(user=learner, lesson=lesson)
    assert LessonProgress.objects.filter(user=learner, completed_at__isnull=False).count() == 0


def test_lesson_complete_without_quiz_marks_done(db, learner):
    from tests.factories.curriculum import load_course

    loaded = load_course("sin-quiz", lessons=1, quiz=False)
    completion = services.lesson_complete(user=learner, lesson=loaded.lessons[0])
    assert completion.progress.completed is True
    # the only required lesson is done: the course certificate is issued
    assert completion.newly_certified is True
    assert completion.certificate.course_id == loaded.course.pk


def test_progress_made_in_english_is_recorded_on_the_spanish_lesson(short_course, learner):
    en_lesson = short_course.en_lessons[0]
    quiz_id, answers = correct_answers(en_lesson)
    assert quiz_id == short_course.lessons[0].quiz_ids[0]  # same block ids in both languages
    services.quiz_submit(user=learner, lesson=en_lesson, quiz_id=quiz_id, answers=answers)
    progress = LessonProgress.objects.get(user=learner)
    assert progress.lesson_id == short_course.lessons[0].pk
    assert progress.course_id == short_course.course.pk


def test_certificate_issued_only_after_every_required_lesson(short_course, learner):
    first, second = short_course.lessons
    quiz_id, answers = correct_answers(first)
    result = services.quiz_submit(user=learner, lesson=first, quiz_id=quiz_id, answers=answers)
    assert result.certificate is None
    assert Certificate.objects.count() == 0
    quiz_id, answers = correct_answers(second)
    result = services.quiz_submit(user=learner, lesson=second, quiz_id=quiz_id, answers=answers)
    assert result.newly_certified is True
    certificate = Certificate.objects.get()
    assert certificate.user == learner
    assert certificate.course_id == short_course.course.pk
    assert certificate.recipient_name == "Yuleisy Rodríguez"
    assert certificate.course_title == "Curso corto de cuentas"
    assert certificate.status == CertificateStatus.VALID
    assert len(certificate.code) == 12


def test_certificate_not_issued_twice_when_retaking_a_quiz(short_course, learner):
    for lesson in short_course.lessons:
        quiz_id, answers = correct_answers(lesson)
        services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers)
    lesson = short_course.lessons[0]
    quiz_id, answers = correct_answers(lesson)
    again = services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers)
    assert again.newly_certified is False
    assert Certificate.objects.filter(user=learner).count() == 1


def test_certificate_revoke_records_who_when_why(short_course, learner, staff_user):
    certificate = Certificate.objects.create(
        user=learner, course=short_course.course, course_title="Curso", recipient_name="Y"
    )
    revoked = services.certificate_revoke(
        certificate=certificate, actor=staff_user, reason="Completado por otra persona."
    )
    assert revoked.status == CertificateStatus.REVOKED
    assert revoked.revoked_by == staff_user
    assert revoked.revoked_reason == "Completado por otra persona."
    assert revoked.revoked_at <= timezone.now()


def test_certificate_revoke_twice_or_without_reason_is_refused(short_course, learner, staff_user):
    certificate = Certificate.objects.create(
        user=learner, course=short_course.course, course_title="Curso", recipient_name="Y"
    )
    with pytest.raises(services.CurriculumError):
        services.certificate_revoke(certificate=certificate, actor=staff_user, reason=" ")
    services.certificate_revoke(certificate=certificate, actor=staff_user, reason="Error")
    with pytest.raises(services.AlreadyRevoked):
        services.certificate_revoke(certificate=certificate, actor=staff_user, reason="Otra")


def test_revoked_certificate_allows_a_new_one_after_completion(short_course, learner, staff_user):
    for lesson in short_course.lessons:
        quiz_id, answers = correct_answers(lesson)
        services.quiz_submit(user=learner, lesson=lesson, quiz_id=quiz_id, answers=answers)
    services.certificate_revoke(
        certificate=Certificate.objects.get(), actor=staff_user, reason="Revisión"
    )
    completion = services.lesson_complete(user=learner, lesson=short_course.lessons[0])
    assert completion.newly_certified is True
    assert Certificate.objects.filter(user=learner).count() == 2


def test_record_visit_sets_the_resume_point(short_course, learner):
    from curriculum.selectors import course_outline

    services.lesson_record_visit(user=learner, lesson=short_course.lessons[1])
    outline = course_outline(course=short_course.course, user=learner)
    assert outline.resume.page.pk == short_course.lessons[1].pk
    assert outline.started is True
    assert (outline.required_completed, outline.required_total) == (0, 2)
