"""Views beside the Wagtail pages: completing lessons, quizzes, certificates, public
verification, lesson search and "my learning"."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from semilla.service_call import call_service

from . import offline, selectors, services
from .forms import OfflineAnswerForm, VerifyForm, parse_quiz_answers
from .models import CurriculumIndexPage, LessonPage, normalise_certificate_code
from .permissions import keeps_progress
from .qr import qr_svg


def _language() -> str:
    return (translation.get_language() or "es")[:2]


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _live_quiz(lesson_id: int, quiz_id: str) -> tuple[LessonPage, Any]:
    """A live lesson and the value of one of its quizzes; 404 when either is missing."""
    lesson = _live_lesson(lesson_id)
    quiz = lesson.quiz_value(quiz_id)
    if quiz is None:
        raise Http404
    return lesson, quiz


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
    outcome = call_service(request, services.lesson_complete, user=request.user, lesson=lesson)
    if not outcome.ok:
        return redirect(lesson.get_url(request=request))
    completion = outcome.value
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


# The quizzes of a public lesson are answered by anonymous readers from a cached page that
# carries no CSRF token. Their try changes nothing on the server (it is graded and shown,
# nothing is stored, no session or cookie is written), so it needs no token; a signed-in
# reader's try is recorded and must pass Django's CSRF check exactly as any other form
# (docs/security.md, CSRF).
_csrf = CsrfViewMiddleware(lambda request: None)


def _csrf_refusal(request) -> HttpResponse | None:
    """Django's CSRF check for a view exempt from the middleware's: None when the request
    passes, otherwise the refusal (403) the middleware would have answered."""
    return _csrf.process_view(request, None, (), {})


@csrf_exempt  # checked in the view: only a try that is recorded needs a token
@require_POST
def quiz_submit(request, lesson_id: int, quiz_id: str):
    """Grade a quiz. Signed-in learners' attempts are stored (and may complete the
    lesson); anonymous readers see the same feedback without a record."""
    if keeps_progress(request.user) and (refused := _csrf_refusal(request)) is not None:
        return refused
    lesson, quiz = _live_quiz(lesson_id, quiz_id)
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
            if keeps_progress(request.user):
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
    certificates = selectors.certificates_for_owner(user=request.user)
    return render(
        request,
        "curriculum/my_learning.html",
        {
            "cards": cards,
            "certificates": list(certificates),
            "start_url": reverse("curriculum:start"),
        },
    )


# --------------------------------------------------------------------------- offline


@require_GET
def learn_offline(request):
    """Public help: how to save modules and learn without data; also the page the
    service worker shows for a page that is not saved when there is no connection."""
    return render(request, "curriculum/learn_offline.html")


@require_GET
def offline_bundle(request, page_id: int):
    """The JSON list of what to store to read a module or course offline (public pages
    only; see ``curriculum.offline``)."""
    bundle = offline.offline_bundle(page_id=page_id)
    if bundle is None:
        raise Http404
    etag = f'"{bundle.version}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)  # the device holds this version already
    else:
        response = JsonResponse(bundle.as_json())
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


@csrf_exempt  # checked in the view, as for quiz_submit
@require_POST
def quiz_submit_offline(request, lesson_id: int, quiz_id: str):
    """A quiz answered offline, sent when the connection returns (JSON answer). The
    device's ``client_id`` makes it idempotent: sent twice, recorded once. Anonymous
    readers get the grade and nothing is stored, as with the quiz form."""
    if keeps_progress(request.user) and (refused := _csrf_refusal(request)) is not None:
        return refused
    lesson, quiz = _live_quiz(lesson_id, quiz_id)
    form = OfflineAnswerForm(request.POST)
    answers = parse_quiz_answers(request.POST, len(quiz["questions"]))
    if not form.is_valid() or any(a is None for a in answers):
        return JsonResponse(
            {"error": _("Answer every question, then check your answers.")}, status=400
        )
    try:
        if keeps_progress(request.user):
            submission = services.quiz_submit(
                user=request.user,
                lesson=lesson,
                quiz_id=quiz_id,
                answers=answers,
                client_id=form.cleaned_data["client_id"],
            )
            grade = submission.grade
        else:
            submission, grade = None, services.quiz_grade(quiz=quiz, answers=answers)
    except services.CurriculumError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    message = _("Sent: you got %(correct)s of %(total)s right.") % {
        "correct": grade.correct,
        "total": grade.total,
    }
    certificate = submission.certificate if submission is not None else None
    return JsonResponse(
        {
            "recorded": submission is not None,
            "duplicate": bool(submission and submission.duplicate),
            "correct": grade.correct,
            "total": grade.total,
            "passed": grade.passed,
            "lesson_completed": bool(submission and submission.lesson_completed),
            "certificate_url": certificate.get_absolute_url() if certificate else "",
            "message": message,
        }
    )


@require_GET
def web_manifest(request):
    """The installable app's manifest, in the reader's language (start page /es/ or
    /en/; one app id for both)."""
    language = _language()
    icons = [
        {"src": static(f"img/icons/icon-{n}.png"), "sizes": f"{n}x{n}", "type": "image/png"}
        for n in (192, 512)
    ] + [
        {
            "src": static(f"img/icons/maskable-{n}.png"),
            "sizes": f"{n}x{n}",
            "type": "image/png",
            "purpose": "maskable",
        }
        for n in (192, 512)
    ]
    data = {
        "id": "/",
        "name": "Semilla",
        "short_name": "Semilla",
        "description": _("Free lessons, mentoring and seed capital for entrepreneurs."),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5d3b",
        "icons": icons,
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "no-cache"
    return response


_WORKER: dict[str, bytes] = {}


@require_GET
def service_worker(request):
    """``static/js/sw.js`` at the site's root, so that its scope covers /es/ and /en/
    (a script under /static/ could only control /static/). Never cached by HTTP: the
    browser checks it for updates on every visit."""
    if "body" not in _WORKER:
        path = finders.find("js/sw.js")
        with open(path, "rb") as handle:  # type: ignore[arg-type]
            _WORKER["body"] = handle.read()
    response = HttpResponse(_WORKER["body"], content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
