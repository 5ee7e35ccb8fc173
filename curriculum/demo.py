"""Demo data of the curriculum: the starter curriculum in both languages, and some
progress for the demo entrepreneur (a lesson done, one started)."""

from django.core.management import call_command

from semilla.models import User

from . import services
from .models import LessonPage, LessonProgress


def seed(*, stdout=None) -> None:
    call_command("load_curriculum", stdout=stdout)
    _demo_progress()


def _demo_progress() -> None:
    learner = User.objects.filter(email="emprendedora@demo.semilla.co").first()
    if learner is None or LessonProgress.objects.filter(user=learner).exists():
        return
    lessons = list(
        LessonPage.objects.live().filter(locale__language_code="es").order_by("path")[:2]
    )
    if len(lessons) < 2:
        return
    first, second = lessons
    for quiz_id in first.quiz_ids:
        quiz = first.quiz_value(quiz_id)
        answers = [
            next(i for i, o in enumerate(q["options"]) if o["correct"]) for q in quiz["questions"]
        ]
        services.quiz_submit(user=learner, lesson=first, quiz_id=quiz_id, answers=answers)
    if not first.quiz_ids:
        services.lesson_complete(user=learner, lesson=first)
    services.lesson_record_visit(user=learner, lesson=second)
