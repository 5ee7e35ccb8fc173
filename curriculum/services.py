"""Every write of the curriculum: visits (the resume point), lesson completion, quiz
attempts, certificate issuance and revocation. Top-level services are durable atomic
blocks; issuance runs inside completion, under a lock on the learner."""

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from semilla import table_cache
from semilla.errors import ServiceError
from semilla.models import User
from semilla.transitions import transition

from .enums import CERTIFICATE, QUIZ_PASS_PERCENT, CertificateStatus
from .models import (
    Certificate,
    CoursePage,
    LessonPage,
    LessonProgress,
    QuizAttempt,
    in_default_language,
    locale_ids,
)


class CurriculumError(ServiceError):
    """A learner's request that cannot be carried out; the message is for them."""


class QuizNotPassed(CurriculumError):
    pass


class InvalidAnswers(CurriculumError):
    pass


class AlreadyRevoked(CurriculumError):
    pass


# --------------------------------------------------------------------------- helpers


def canonical_lesson(*, lesson: LessonPage) -> LessonPage:
    """The lesson in the default language (where progress is recorded)."""
    if in_default_language(lesson):
        return lesson
    source = lesson.get_translation_or_none(locale_ids().get(settings.LANGUAGE_CODE))
    return source.specific if source is not None else lesson


def course_of(*, lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=lesson.path[: -2 * Page.steplen])


@dataclass
class QuestionResult:
    question: str
    options: list
    chosen: int | None
    correct_index: int

    @property
    def is_correct(self) -> bool:
        return self.chosen == self.correct_index


@dataclass
class QuizGrade:
    correct: int
    total: int
    questions: list[QuestionResult]

    @property
    def passed(self) -> bool:
        return self.correct * 100 >= QUIZ_PASS_PERCENT * self.total

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def quiz_grade(*, quiz: Any, answers: list[int | None]) -> QuizGrade:
    """Grade ``answers`` (one option index per question, None when unanswered) against a
    quiz block value. Pure: anonymous readers get the same grading without a record."""
    questions = list(quiz["questions"])
    if len(answers) != len(questions):
        raise InvalidAnswers(_("Answer every question of the quiz."))
    results = []
    for question, chosen in zip(questions, answers, strict=True):
        options = list(question["options"])
        if chosen is not None and not 0 <= chosen < len(options):
            raise InvalidAnswers(_("One of the answers is not an option of its question."))
        correct_index = next(i for i, option in enumerate(options) if option["correct"])
        results.append(
            QuestionResult(
                question=question["question"],
                options=options,
                chosen=chosen,
                correct_index=correct_index,
            )
        )
    correct = sum(1 for r in results if r.is_correct)
    return QuizGrade(correct=correct, total=len(results), questions=results)


def _touch(*, user, canonical: LessonPage, course: CoursePage | None = None) -> LessonProgress:
    """Move the learner's resume point to ``canonical`` (one UPDATE when already seen)."""
    now = timezone.now()
    progress = LessonProgress.objects.filter(user=user, lesson=canonical).first()
    if progress is not None:
        LessonProgress.objects.filter(pk=progress.pk).update(last_seen_at=now)
        progress.last_seen_at = now
        return progress
    progress, _created = LessonProgress.objects.get_or_create(
        user=user,
        lesson=canonical,
        defaults={"course": course or course_of(lesson=canonical), "last_seen_at": now},
    )
    return progress


def _quizzes_passed(*, user, canonical: LessonPage) -> bool:
    needed = set(canonical.quiz_ids)
    if not needed:
        return True
    passed = set(
        QuizAttempt.objects.filter(
            user=user, lesson=canonical, passed=True, quiz_id__in=needed
        ).values_list("quiz_id", flat=True)
    )
    return needed <= passed


def _complete(*, user, canonical: LessonPage, course: CoursePage):
    progress = _touch(user=user, canonical=canonical, course=course)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        LessonProgress.objects.filter(pk=progress.pk).update(completed_at=progress.completed_at)
    certificate = _issue_if_earned(user=user, course=course)
    return progress, certificate


def _issue_if_earned(*, user, course: CoursePage) -> Certificate | None:
    """A certificate once every live required lesson of ``course`` (canonical) is done."""
    if not course.issues_certificate:
        return None
    # One learner's completions are serialised here so two requests never issue twice.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    existing = Certificate.objects.filter(
        user=user, course=course, status=CertificateStatus.VALID
    ).first()
    if existing is not None:
        return existing
    required = set(
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(required=True)
        .values_list("pk", flat=True)
    )
    if not required:
        return None
    done = set(
        LessonProgress.objects.filter(
            user=user, lesson_id__in=required, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    if done != required:
        return None
    return Certificate.objects.create(
        user=user,
        course=course,
        course_title=course.title,
        recipient_name=user.full_name or user.get_short_name() or user.email.split("@")[0],
    )


# --------------------------------------------------------------------------- services


def lesson_record_visit(*, user: User, lesson: LessonPage) -> None:
    """Remember that ``user`` opened ``lesson`` (their resume point).

    Only the order of ``last_seen_at`` among a learner's rows is ever read (where to
    resume a course, which course comes first on "Mi espacio"), so nothing is written when
    ``lesson`` already is the learner's most recently seen one: a reader who reloads a
    lesson, or opens it again in another language, costs no write, and no query either
    while the resume point is in the table cache (``semilla.table_cache``: kept until the
    learner's progress, or any lesson progress, is written). Any
    other view moves the resume point with one UPDATE, atomic on its own and found
    through the translation key (no look-up of the Spanish page first, no transaction);
    the first visit creates the row inside a durable transaction."""
    latest = table_cache.cached(
        "lesson_resume_point",
        (user.pk,),
        lambda: (
            LessonProgress.objects.filter(user=user)
            .order_by("-last_seen_at", "-pk")
            .values_list("lesson__translation_key", flat=True)
            .first()
        ),
    )
    if latest == lesson.translation_key:
        return  # already the resume point: the order read back would not change
    if latest is None:
        _record_first_visit(user=user, lesson=lesson)
        return
    now = timezone.now()
    progress = LessonProgress.objects.filter(user=user)
    if in_default_language(lesson):
        progress = progress.filter(lesson_id=lesson.pk)
    else:
        progress = progress.filter(
            lesson__translation_key=lesson.translation_key,
            lesson__locale_id=locale_ids()[settings.LANGUAGE_CODE],
        )
    if not progress.update(last_seen_at=now):
        _record_first_visit(user=user, lesson=lesson)


@transaction.atomic(durable=True)
def _record_first_visit(*, user, lesson: LessonPage) -> None:
    _touch(user=user, canonical=canonical_lesson(lesson=lesson))


@dataclass
class Completion:
    progress: LessonProgress
    certificate: Certificate | None
    newly_certified: bool = False


@transaction.atomic(durable=True)
def lesson_complete(*, user: User, lesson: LessonPage) -> Completion:
    """Mark a lesson done. A lesson with quizzes is done once each quiz is passed."""
    canonical = canonical_lesson(lesson=lesson)
    if not _quizzes_passed(user=user, canonical=canonical):
        raise QuizNotPassed(_("Pass this lesson's quiz first; you can try it again."))
    course = course_of(lesson=canonical)
    had = Certificate.objects.filter(
        user=user, course=course, status=CertificateStatus.VALID
    ).exists()
    progress, certificate = _complete(user=user, canonical=canonical, course=course)
    return Completion(
        progress=progress,
        certificate=certificate,
        newly_certified=certificate is not None and not had,
    )


@dataclass
class QuizSubmission:
    attempt: QuizAttempt
    grade: QuizGrade
    lesson_completed: bool
    certificate: Certificate | None
    newly_certified: bool = False
    #: the answer was sent before (same ``client_id``): nothing new was recorded
    duplicate: bool = False


def _already_sent(*, user, client_id: uuid.UUID, quiz: Any) -> QuizSubmission | None:
    """The submission recorded earlier for this offline answer, if any (the learner's row
    is locked first, so two deliveries at once cannot both record it)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    attempt = QuizAttempt.objects.filter(user=user, client_id=client_id).first()
    if attempt is None:
        return None
    grade = quiz_grade(quiz=quiz, answers=list(attempt.answers))
    certificate = Certificate.objects.filter(
        user=user, course=course_of(lesson=attempt.lesson), status=CertificateStatus.VALID
    ).first()
    completed = LessonProgress.objects.filter(
        user=user, lesson_id=attempt.lesson_id, completed_at__isnull=False
    ).exists()
    return QuizSubmission(
        attempt=attempt,
        grade=grade,
        lesson_completed=completed,
        certificate=certificate if completed else None,
        duplicate=True,
    )


@transaction.atomic(durable=True)
def quiz_submit(
    *,
    user: User,
    lesson: LessonPage,
    quiz_id: str,
    answers: list[int | None],
    client_id: uuid.UUID | None = None,
) -> QuizSubmission:
    """Store an attempt with its score. Passing the lesson's last quiz completes it (and
    may issue the course certificate). Attempts are unlimited: a quiz can be retried.

    ``client_id`` is the id a device gave an answer made offline: the same id sent again
    (a retry after a lost answer) records nothing and returns the first submission."""
    quiz = lesson.quiz_value(quiz_id)
    if quiz is None:
        raise InvalidAnswers(_("This quiz no longer exists; reload the lesson."))
    grade = quiz_grade(quiz=quiz, answers=answers)
    if client_id is not None:
        earlier = _already_sent(user=user, client_id=client_id, quiz=quiz)
        if earlier is not None:
            return earlier
    canonical = canonical_lesson(lesson=lesson)
    course = course_of(lesson=canonical)
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson=canonical,
        quiz_id=quiz_id,
        answers=list(answers),
        correct=grade.correct,
        total=grade.total,
        passed=grade.passed,
        client_id=client_id,
    )
    _touch(user=user, canonical=canonical, course=course)
    completed = False
    certificate = None
    newly = False
    if grade.passed and _quizzes_passed(user=user, canonical=canonical):
        had = Certificate.objects.filter(
            user=user, course=course, status=CertificateStatus.VALID
        ).exists()
        _progress, certificate = _complete(user=user, canonical=canonical, course=course)
        completed = True
        newly = certificate is not None and not had
    return QuizSubmission(
        attempt=attempt,
        grade=grade,
        lesson_completed=completed,
        certificate=certificate,
        newly_certified=newly,
    )


@transaction.atomic(durable=True)
def certificate_revoke(*, certificate: Certificate, actor: User, reason: str) -> Certificate:
    """Revoke a certificate (valid -> revoked, the only transition); the verification page
    says so from then on. Who, when and why are kept on the certificate."""
    reason = (reason or "").strip()
    if not reason:
        raise CurriculumError(_("Say why the certificate is revoked."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != CertificateStatus.VALID:
        raise AlreadyRevoked(_("This certificate was already revoked."))
    return transition(
        locked,
        machine=CERTIFICATE,
        to=CertificateStatus.REVOKED,
        actor=actor,
        locked=True,
        fields={"revoked_at": timezone.now(), "revoked_by": actor, "revoked_reason": reason},
    )
