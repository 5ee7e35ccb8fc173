"""Public screens: open calls, pre-screen, the application, reviewers' area, participants.

Each view checks permission, validates with a form, calls one service, then redirects or
renders. Someone else's object answers 404."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from semilla import ratelimit
from semilla.enums import Role
from semilla.pagecache_middleware import serve_cached
from semilla.permissions import has_verified_email, is_signed_in, role_required
from semilla.privacy import audit_access
from semilla.privacy.selectors import live_policy_page
from semilla.service_call import call_service, submit_form
from semilla.uploads import refused_upload

from . import eligibility, selectors, services
from .enums import (
    STEP_ORDER,
    ApplicationStep,
    AssignmentStatus,
    ConflictKind,
)
from .forms import (
    AboutForm,
    AbstainForm,
    BusinessForm,
    ConflictDeclareForm,
    ConflictSearchForm,
    ConsentForm,
    DocumentForm,
    NeedsForm,
    PrescreenForm,
    ReviewForm,
)

PRESCREEN_SESSION_KEY = "cohorts:prescreen:%s"
STEP_FORMS = {
    ApplicationStep.ABOUT: AboutForm,
    ApplicationStep.BUSINESS: BusinessForm,
    ApplicationStep.NEEDS: NeedsForm,
}


def _post(request):
    """The POST data when the request is a POST (even an empty one), else None."""
    return request.POST if request.method == "POST" else None


def _bound(request):
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def applicant_required(view):
    """Signed in (else log-in) with a verified e-mail address (else an explanation)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_signed_in(request.user):
            return redirect_to_login(request.get_full_path())
        if not has_verified_email(request.user):
            return render(request, "cohorts/verify_email.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def curriculum_url() -> str:
    """The curriculum's entry (``curriculum:start`` finds the index page in the reader's
    language). cohorts does not import curriculum: curriculum builds on cohorts (a cohort's
    syllabus), and the layering contract in pyproject.toml forbids the reverse."""
    return reverse("curriculum:start")


# --- Public ------------------------------------------------------------------------------


# The list and a cohort's page are the same for every anonymous reader: the page cache
# keeps them (semilla.pagecache_middleware) until a programme or cohort changes
# (cohorts.signals) or until the next call opens or closes, when the page changes by itself.


@require_http_methods(["GET"])
def cohort_list(request):
    now = timezone.now()
    open_cohorts = list(selectors.cohorts_open(now=now))
    upcoming = list(selectors.cohorts_upcoming(now=now)[:8])
    return serve_cached(
        request,
        lambda: render(
            request,
            "cohorts/cohort_list.html",
            {"open_cohorts": open_cohorts, "upcoming": upcoming},
        ),
        until=selectors.cohort_list_changes_at(open_cohorts=open_cohorts, upcoming=upcoming),
    )


@require_http_methods(["GET"])
def cohort_detail(request, slug):
    now = timezone.now()
    cohort = selectors.cohort_get_public(slug=slug)
    application = None
    if is_signed_in(request.user):
        application = cohort.applications.filter(user=request.user).first()
    return serve_cached(
        request,
        lambda: render(
            request,
            "cohorts/cohort_detail.html",
            {"cohort": cohort, "application": application, "is_open": cohort.is_open(now)},
        ),
        until=selectors.cohort_changes_at(cohort=cohort, now=now),
    )


@require_http_methods(["GET", "POST"])
def prescreen(request, slug):
    """Anyone may check whether they are eligible; the answers are kept in the session
    and prefill the application."""
    cohort = selectors.cohort_get_public(slug=slug)
    result = None
    form = PrescreenForm(_post(request))
    if request.method == "POST" and form.is_valid():
        answers = eligibility.Answers(**form.cleaned_data)
        result = eligibility.evaluate(
            eligibility.Rules.for_cohort(cohort), answers, today=timezone.localdate()
        )
        if result.eligible:
            data = {**form.cleaned_data, "birth_date": form.cleaned_data["birth_date"].isoformat()}
            request.session[PRESCREEN_SESSION_KEY % cohort.pk] = data
    return render(
        request,
        "cohorts/prescreen.html",
        {
            "cohort": cohort,
            "form": form,
            "result": result,
            "is_open": cohort.is_open(),
            "alternatives": list(selectors.cohorts_open(exclude=cohort)[:5]),
            "curriculum_url": curriculum_url(),
        },
    )


@require_http_methods(["POST"])
@applicant_required
def application_start(request, slug):
    cohort = selectors.cohort_get_public(slug=slug)
    existing = cohort.applications.filter(user=request.user).first()
    if existing is not None:
        return redirect(existing.get_absolute_url())
    data = request.session.get(PRESCREEN_SESSION_KEY % cohort.pk)
    if not data:
        messages.info(request, _("First check that this cohort is for you."))
        return redirect("cohorts:prescreen", slug=slug)
    answers = eligibility.Answers(
        **{**data, "birth_date": datetime.date.fromisoformat(data["birth_date"])}
    )
    outcome = call_service(
        request, services.application_start, user=request.user, cohort=cohort, answers=answers
    )
    if not outcome.ok:
        return redirect(cohort.get_absolute_url())
    application = outcome.value
    return redirect("cohorts:step", pk=application.pk, step=application.current_step)


# --- The application ---------------------------------------------------------------------


@require_http_methods(["GET"])
@applicant_required
def my_applications(request):
    return render(
        request,
        "cohorts/my_applications.html",
        {"applications": list(selectors.applications_for_user(user=request.user))},
    )


@require_http_methods(["GET"])
@applicant_required
def application_detail(request, pk):
    application = selectors.application_get_for_applicant(user=request.user, pk=pk)
    if application.is_draft and application.cohort.is_open():
        return redirect("cohorts:step", pk=pk, step=application.current_step)
    return render(
        request,
        "cohorts/application_detail.html",
        {
            "application": application,
            "cohort": application.cohort,
            "history": list(application.history.all()),
            "documents": [d for d in application.documents.all() if not d.deleted_at],
            "may_withdraw": application.may_be_withdrawn(),
            "is_open": application.cohort.is_open(),
        },
    )


def _steps_nav(application, current):
    reached = STEP_ORDER.index(application.current_step)
    return [
        {
            "value": s.value,
            "label": s.label,
            "current": s.value == current,
            "reachable": i <= reached,
            "number": i + 1,
        }
        for i, s in enumerate(ApplicationStep)
    ]


@require_http_methods(["GET", "POST"])
@applicant_required
def application_step(request, pk, step):
    application = selectors.application_get_for_applicant(user=request.user, pk=pk)
    if step not in STEP_ORDER:
        raise Http404
    if not application.is_draft:
        return redirect(application.get_absolute_url())
    if STEP_ORDER.index(step) > STEP_ORDER.index(application.current_step):
        return redirect("cohorts:step", pk=pk, step=application.current_step)
    cohort = application.cohort
    is_open = cohort.is_open()
    context = {
        "application": application,
        "cohort": cohort,
        "step": step,
        "steps": _steps_nav(application, step),
        "is_open": is_open,
        "step_label": ApplicationStep(step).label,
        "step_number": STEP_ORDER.index(step) + 1,
        "step_total": len(STEP_ORDER),
    }
    if step == ApplicationStep.DOCUMENTS:
        return _documents_step(request, application, context)
    if step == ApplicationStep.CONSENT:
        return _consent_step(request, application, context)
    form_class = STEP_FORMS[step]
    form = form_class(_post(request), instance=application)
    if request.method == "POST":
        if not is_open:
            messages.error(
                request,
                _(
                    "Applications for this cohort are closed. Your draft is "
                    "kept, but it can no longer be changed."
                ),
            )
        elif form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            saved = services.application_save_step(
                application=application, step=step, data=data, raw={}, actor=request.user
            )
            if saved.refused:
                _explain_refusal(request, saved)
                return redirect("cohorts:step", pk=pk, step=step)
            if "save_exit" in request.POST:
                messages.success(request, _("Saved. You can continue later from any device."))
                return redirect("cohorts:mine")
            return redirect("cohorts:step", pk=pk, step=STEP_ORDER[STEP_ORDER.index(step) + 1])
        elif "save_exit" in request.POST:
            return _save_draft(request, application, step, form_class, context)
    context["form"] = form
    return render(request, "cohorts/application_step.html", context)


def _save_draft(request, application, step, form_class, context):
    """ "Save and continue later" on an incomplete step: store every answer as it is (no
    check but what its field can hold) and keep, as typed, an answer its field cannot
    hold. Nothing typed is lost; "continue" and submit check everything."""
    form = form_class(request.POST, instance=application, draft=True)
    saved = services.application_save_step(
        application=application,
        step=step,
        data=form.kept_data(),
        raw=form.raw_data(),
        actor=request.user,
        draft=True,
    )
    if saved.refused:
        _explain_refusal(request, saved)
        return redirect("cohorts:step", pk=application.pk, step=step)
    dropped = form.dropped_labels()
    if dropped:
        messages.warning(
            request,
            _(
                "Your draft is saved as you left it. These answers are kept as you typed "
                "them, but they are not valid yet: %(fields)s. Correct them before sending."
            )
            % {"fields": ", ".join(dropped)},
        )
    else:
        messages.success(
            request,
            _(
                "Saved as you left it. You can continue later from any device; before "
                "sending, complete what is still missing."
            ),
        )
    return redirect("cohorts:mine")


def _explain_refusal(request, saved) -> None:
    """The changed answers no longer fit the cohort: say why, in plain words, on the step
    itself (the draft is saved; changing the answer back makes it eligible again)."""
    messages.warning(
        request,
        _("Your answers are saved, but with them you cannot submit to this cohort: %(reasons)s")
        % {"reasons": " ".join(r.message for r in saved.result.reasons)},
    )


def _documents_step(request, application, context):
    refused = refused_upload(request)
    if refused is not None:
        # The upload handler stopped a file over the limit while it streamed in: nothing
        # of it was stored and the fields after it were never read. The draft is as it was.
        messages.error(
            request,
            _(
                "The file is larger than %(mb)s MB, so we stopped receiving it and saved "
                "nothing from it. Your application is kept as it was. Take a smaller photo "
                "or scan and try again."
            )
            % {"mb": refused.limit_mb},
        )
        context.update(
            form=DocumentForm(initial={"kind": request.POST.get("kind")}),
            documents=[d for d in application.documents.all() if not d.deleted_at],
            needs_identity=application.document_type not in ("in_process", "none", ""),
        )
        return render(request, "cohorts/application_step.html", context, status=413)
    form = DocumentForm(*_bound(request))
    if request.method == "POST":
        if "upload" in request.POST:
            if form.is_valid():
                outcome = call_service(
                    request,
                    services.document_add,
                    success=_("Document saved."),
                    application=application,
                    kind=form.cleaned_data["kind"],
                    uploaded=form.cleaned_data["file"],
                    actor=request.user,
                )
                if outcome.ok:
                    return redirect("cohorts:step", pk=application.pk, step="documents")
        else:
            outcome = call_service(
                request,
                services.application_save_step,
                application=application,
                step="documents",
                data={},
                actor=request.user,
            )
            if outcome.ok:
                if "save_exit" in request.POST:
                    messages.success(request, _("Saved. You can continue later from any device."))
                    return redirect("cohorts:mine")
                return redirect("cohorts:step", pk=application.pk, step="consent")
    context.update(
        form=form,
        documents=[d for d in application.documents.all() if not d.deleted_at],
        needs_identity=application.document_type not in ("in_process", "none", ""),
    )
    return render(request, "cohorts/application_step.html", context)


def _consent_step(request, application, context):
    form = ConsentForm(_post(request))
    status = 200
    if request.method == "POST" and not ratelimit.allow("application_submit", who=request.user.pk):
        # Nothing is lost: the draft stays as it is and can be sent later.
        messages.error(
            request,
            _("Too many attempts to send applications. Your draft is saved; try again in an hour."),
        )
        status = 429
    elif request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.application_submit,
            success=_(
                "Your application has been submitted. We will write "
                "to you when there is a decision."
            ),
            application=application,
            actor=request.user,
            consent_sensitive=form.cleaned_data["consent_sensitive"],
            consent_research=form.cleaned_data["consent_research"],
        )
        if outcome.ok:
            return redirect(application.get_absolute_url())
    context.update(
        form=form,
        problems=services.application_problems(application=application),
        policy=live_policy_page(language=request.LANGUAGE_CODE),
        documents=[d for d in application.documents.all() if not d.deleted_at],
    )
    return render(request, "cohorts/application_step.html", context, status=status)


@require_http_methods(["POST"])
@applicant_required
def document_delete(request, pk, doc_pk):
    application = selectors.application_get_for_applicant(user=request.user, pk=pk)
    document = next((d for d in application.documents.all() if d.pk == doc_pk), None)
    if document is None:
        raise Http404
    call_service(
        request,
        services.document_remove,
        success=_("Document removed."),
        document=document,
        actor=request.user,
    )
    return redirect("cohorts:step", pk=pk, step="documents")


@require_http_methods(["GET"])
def document_download(request, pk):
    """Owner, programme staff or an assigned reviewer; always as an attachment."""
    if not is_signed_in(request.user):
        return redirect_to_login(request.get_full_path())
    document = selectors.document_get_for_viewer(user=request.user, pk=pk)
    if document.application.user_id != request.user.pk:
        # Staff and reviewers opening someone's document: recorded (never the file).
        audit_access(
            actor=request.user,
            subject=document.application.user_id,
            fields=[f"document:{document.kind}"],
            reason=_("Application document downloaded"),
            model="cohorts.applicationdocument",
            object_id=document.pk,
            path=request.path,
        )
    try:
        handle = storages["private"].open(document.storage_name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.display_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@applicant_required
def application_withdraw(request, pk):
    application = selectors.application_get_for_applicant(user=request.user, pk=pk)
    if not application.may_be_withdrawn():
        messages.error(request, _("This application can no longer be withdrawn."))
        return redirect(application.get_absolute_url())
    if request.method == "POST":
        outcome = call_service(
            request,
            services.application_withdraw,
            success=_("You have withdrawn your application."),
            application=application,
            actor=request.user,
            note=request.POST.get("note", "")[:500],
        )
        if not outcome.ok:
            return redirect(application.get_absolute_url())
        return redirect("cohorts:mine")
    return render(request, "cohorts/withdraw_confirm.html", {"application": application})


#: An applicant's two answers to an offer: the service each calls and what they are told.
OFFER_ANSWERS = {
    "confirm": (services.offer_confirm, gettext_lazy("Welcome! Your seat is confirmed.")),
    "decline": (
        services.offer_decline,
        gettext_lazy("You have declined the offer. Thank you for letting us know."),
    ),
}


@require_http_methods(["POST"])
@applicant_required
def offer_respond(request, pk):
    application = selectors.application_get_for_applicant(user=request.user, pk=pk)
    answer = OFFER_ANSWERS.get(request.POST.get("action", ""))
    if answer is None:
        messages.error(request, _("Choose to confirm or decline."))
    else:
        service, success = answer
        call_service(request, service, success=success, application=application, actor=request.user)
    return redirect(application.get_absolute_url())


# --- Reviewers ---------------------------------------------------------------------------


#: Assignments on one page of a reviewer's queue: reviewers work from their phones, where
#: a shorter page loads faster and is easier to scroll.
REVIEW_PAGE_SIZE = 25


@require_http_methods(["GET"])
@role_required(Role.REVIEWER)
def review_queue(request):
    progress = selectors.review_queue_progress(reviewer=request.user)
    paginator = Paginator(selectors.review_queue_for(reviewer=request.user), REVIEW_PAGE_SIZE)
    # The progress already counted the queue: no second COUNT query for the paginator.
    paginator.count = progress["total"]
    page = paginator.get_page(request.GET.get("page"))
    assignments = selectors.with_labels(rows=list(page.object_list), fields=("status",))
    page.object_list = assignments
    return render(
        request,
        "cohorts/review_queue.html",
        {
            "page": page,
            "todo": [a for a in assignments if a.status == AssignmentStatus.ASSIGNED],
            "done": [a for a in assignments if a.status != AssignmentStatus.ASSIGNED],
            "progress": progress,
            "conflicts": selectors.conflicts_for(reviewer=request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.REVIEWER)
def review_detail(request, pk):

    assignment = selectors.assignment_get_for_reviewer(reviewer=request.user, pk=pk)
    application = assignment.application
    rubric = application.cohort.rubric
    criteria = list(rubric.criteria.all()) if rubric else []
    form = None
    if assignment.status == AssignmentStatus.ASSIGNED and rubric is not None:
        form = ReviewForm(_post(request), criteria=criteria, scale_max=rubric.scale_max)
        if request.method == "POST" and form.is_valid():
            outcome = call_service(
                request,
                services.review_submit,
                success=_("Review submitted. Thank you!"),
                assignment=assignment,
                reviewer=request.user,
                values=form.values(),
                comment=form.cleaned_data["comment"],
                feedback=form.cleaned_data["feedback"],
            )
            if outcome.ok:
                return redirect("cohorts:review", pk=pk)
    elif request.method == "POST":
        messages.error(request, _("This review has already been submitted."))
        return redirect("cohorts:review", pk=pk)
    own_scores = {s.criterion_id: s.value for s in assignment.scores.all()}
    return render(
        request,
        "cohorts/review_detail.html",
        {
            "assignment": assignment,
            "application": application,
            "cohort": application.cohort,
            "blind": application.cohort.blind_review,
            "form": form,
            "criteria": [(c, own_scores.get(c.pk)) for c in criteria],
            "others": selectors.other_reviews(assignment=assignment),
            "documents": [
                d
                for d in application.documents.all()
                if not d.deleted_at
                and selectors.reviewer_may_see_document(document=d, cohort=application.cohort)
            ],
            "abstain_form": AbstainForm(),
        },
    )


@require_http_methods(["POST"])
@role_required(Role.REVIEWER)
def review_abstain(request, pk):
    assignment = selectors.assignment_get_for_reviewer(reviewer=request.user, pk=pk)
    submit_form(
        request,
        AbstainForm(request.POST),
        services.review_abstain,
        success=_("You have stepped aside from this application."),
        assignment=assignment,
        reviewer=request.user,
    )
    return redirect("cohorts:review_queue")


@require_http_methods(["GET", "POST"])
@role_required(Role.REVIEWER)
def review_conflicts(request):
    """Declare conflicts of interest in advance: search the applications of cohorts being
    selected by name, business or e-mail, or type a name or e-mail to be matched later.
    Declared conflicts are listed; assignment never gives the reviewer those applications."""
    search = ConflictSearchForm(request.GET if "q" in request.GET else None)
    declare = ConflictDeclareForm(_post(request))
    if request.method == "POST" and declare.is_valid():
        data = declare.cleaned_data
        application = None
        if data["kind"] != ConflictKind.TEXT:
            application = selectors.conflict_candidate_get(
                reviewer=request.user, pk=data["application"]
            )
        outcome = call_service(
            request,
            services.conflict_declare,
            success=_(
                "Conflict of interest recorded. You will not be assigned "
                "the applications it covers."
            ),
            reviewer=request.user,
            kind=data["kind"],
            application=application,
            text=data["text"],
            reason=data["reason"],
        )
        if outcome.ok:
            _conflict, stepped_aside = outcome.value
            if stepped_aside:
                messages.info(
                    request,
                    ngettext(
                        "You were also taken off %(n)s review already assigned to you.",
                        "You were also taken off %(n)s reviews already assigned to you.",
                        stepped_aside,
                    )
                    % {"n": stepped_aside},
                )
            return redirect("cohorts:review_conflicts")
    if request.method == "POST" and declare.data.get("kind") != ConflictKind.TEXT:
        for error in declare.errors.values():
            messages.error(request, " ".join(error))
        declare = None
    results = None
    if search.is_valid():
        results = selectors.conflict_candidates(
            reviewer=request.user, query=search.cleaned_data["q"]
        )
    return render(
        request,
        "cohorts/review_conflicts.html",
        {
            "search": search,
            "results": results,
            "declare": declare or ConflictDeclareForm(initial={"kind": ConflictKind.TEXT}),
            "conflicts": selectors.conflicts_for(reviewer=request.user),
            "kinds": ConflictKind,
        },
    )


# --- Participants ------------------------------------------------------------------------


@require_http_methods(["GET"])
@applicant_required
def participant_home(request, slug):
    participant = selectors.participant_get_for_user(user=request.user, slug=slug)
    cohort = participant.cohort
    workshops = selectors.workshops_with_attendance(participant=participant)
    return render(
        request,
        "cohorts/participant_home.html",
        {
            "participant": participant,
            "cohort": cohort,
            "workshops": workshops,
            "attended": sum(1 for _w, present in workshops if present),
            "peers": [
                p
                for p in selectors.participants_for_cohort(cohort=cohort)
                if p.pk != participant.pk
            ],
            "curriculum_url": curriculum_url(),
            "mentors_url": _optional_url("mentors:my_mentorship") or _optional_url("mentors:home"),
        },
    )


def _optional_url(name: str) -> str | None:

    try:
        return reverse(name)
    except NoReverseMatch:
        return None
