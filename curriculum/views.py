"""Views beside the Wagtail pages: completing lessons, quizzes, certificates, public
verification, lesson search and "my learning"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from . import selectors, services
from .forms import VerifyForm, parse_quiz_answers
from .models import CurriculumIndexPage, LessonPage, normalise_certificate_code
from .qr import qr_svg


def _language() -> str:
    return (translation.get_language() or "es")[:2]


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


@require_GET
def start(request):
    """The curriculum's entry in the reader's language (the navigation links here)."""
    index = CurriculumIndexPage.objects.live().filter(locale__language_code=_language()).first()
    if index is None:
        index = CurriculumIndexPage.objects.live().first()
    if index is None:
        raise Http404(_("The curriculum has not been published yet."))
    return redirect(index.get_url(request=request))


@require_POST
@login_required
def lesson_complete(request, lesson_id: int):
    lesson = _live_lesson(lesson_id)
    try:
        completion = services.lesson_complete(user=request.user, lesson=lesson)
    except services.CurriculumError as exc:
        messages.error(request, str(exc))
        return redirect(lesson.get_url(request=request))
    if completion.newly_certified:
        messages.success(request, _("You completed the course! Your certificate is ready."))
        return redirect(completion.certificate.get_absolute_url())
    messages.success(request, _("Lesson completed. Well done!"))
    context = selectors.lesson_context(lesson=lesson, user=request.user)
    following = context["next_lesson"]
    target = (
        following.get_url(request=request)
        if following
        else (context["module"].get_url(request=request) if context["module"] else "/")
    )
    return redirect(target)


@require_POST
def quiz_submit(request, lesson_id: int, quiz_id: str):
    """Grade a quiz. Signed-in learners' attempts are stored (and may complete the
    lesson); anonymous readers see the same feedback without a record."""
    lesson = _live_lesson(lesson_id)
    quiz = lesson.quiz_value(quiz_id)
    if quiz is None:
        raise Http404
    answers = parse_quiz_answers(request.POST, len(quiz["questions"]))
    context = {
        "page": lesson,
        "lesson": lesson,
        "quiz": quiz,
        "quiz_id": quiz_id,
        "answers": answers,
        "submission": None,
        "grade": None,
        "error": "",
    }
    status = 200
    if any(a is None for a in answers):
        context["error"] = _("Answer every question, then check your answers.")
        status = 400
    else:
        try:
            if request.user.is_authenticated:
                submission = services.quiz_submit(
                    user=request.user, lesson=lesson, quiz_id=quiz_id, answers=answers
                )
                context["submission"] = submission
                context["grade"] = submission.grade
            else:
                context["grade"] = services.quiz_grade(quiz=quiz, answers=answers)
        except services.CurriculumError as exc:
            context["error"] = str(exc)
            status = 400
    template = (
        "curriculum/includes/quiz_result.html" if request.htmx else "curriculum/quiz_result.html"
    )
    if request.htmx and status == 400:
        status = 200  # htmx swaps only successful answers; the message is in the markup
    return render(request, template, context, status=status)


@require_GET
@login_required
def certificate(request, code: str):
    cert = selectors.certificate_get_for_owner(user=request.user, code=code)
    if cert is None:
        raise Http404
    verify_url = request.build_absolute_uri(cert.get_verification_url())
    return render(
        request,
        "curriculum/certificate.html",
        {
            "certificate": cert,
            "course": _course_in_language(cert),
            "verify_url": verify_url,
            "qr": qr_svg(verify_url, label=_("QR code to verify this certificate")),
        },
    )


def _course_in_language(cert):
    if cert.course is None:
        return None
    locale = Locale.objects.filter(language_code=_language()).first()
    translated = cert.course.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else cert.course


@require_GET
def verify(request, code: str | None = None):
    """Public: anyone can check a certificate by its code (valid, revoked or unknown)."""
    if code is None:
        form = VerifyForm(request.GET or None)
        if form.is_valid():
            return redirect("curriculum:verify", code=form.cleaned_data["code"])
        return render(request, "curriculum/verify.html", {"form": form, "state": "form"})
    normalised = normalise_certificate_code(code)
    if normalised and normalised != code:  # nothing left (no letter or digit): unknown
        return redirect("curriculum:verify", code=normalised)
    cert = selectors.certificate_for_verification(code=code)
    if cert is None:
        state = "unknown"
    else:
        state = "valid" if cert.is_valid else "revoked"
    return render(
        request,
        "curriculum/verify.html",
        {
            "certificate": cert,
            "course": _course_in_language(cert) if cert else None,
            "state": state,
            "form": VerifyForm(),
        },
        status=404 if cert is None else 200,
    )


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.lessons_search(query=query, language=_language()) if query else []
    return render(request, "curriculum/search.html", {"query": query, "results": results})


@require_GET
@login_required
def my_learning(request):
    cards = selectors.learning_for_user(user=request.user, language=_language())
    certificates = request.user.certificates.select_related("course").order_by("-issued_at")
    return render(
        request,
        "curriculum/my_learning.html",
        {
            "cards": cards,
            "certificates": list(certificates),
            "start_url": reverse("curriculum:start"),
        },
    )
