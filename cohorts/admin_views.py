"""Staff console screens that are not plain model lists: the selection screen (ranking,
assignment, decisions, release, waitlist), workshop attendance and the CSV export."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from semilla.exports import csv_response
from semilla.permissions import is_programme_staff
from semilla.privacy import audit_access
from semilla.service_call import call_service

from . import selectors, services
from .enums import Decision, ParticipantStatus
from .forms import DecisionForm
from .models import Application, Attendance, Cohort, Workshop
from .permissions import may_see_sensitive
from .views import _post


def _staff(request, perm: str = "cohorts.view_application") -> None:
    if not (is_programme_staff(request.user) and request.user.has_perm(perm)):
        raise PermissionDenied


def _ids(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("applications") if v.isdigit()]


#: Rows of the ranking on one page of the selection board.
PAGE_SIZE = 50


def _selection_url(request, cohort: Cohort) -> str:
    """The board again after an action, on the same page and with the same filter."""
    params = {}
    if request.GET.get("shortlisted") == "1":
        params["shortlisted"] = "1"
    page = request.GET.get("page", "")
    if page.isdigit():
        params["page"] = page
    url = reverse("cohorts_selection", args=[cohort.pk])
    return f"{url}?{urlencode(params)}" if params else url


# --- Selection actions: one small handler per button of the board -------------------------


def _assign(request, cohort: Cohort, form: DecisionForm) -> None:
    outcome = call_service(request, services.assignments_auto, cohort=cohort, actor=request.user)
    if outcome.ok:
        n = outcome.value
        messages.success(
            request,
            ngettext("%(n)s review assignment created.", "%(n)s review assignments created.", n)
            % {"n": n},
        )


def _decide(request, cohort: Cohort, form: DecisionForm) -> None:
    ids = _ids(request)
    if not ids:
        messages.error(request, _("Select at least one application."))
        return
    if not form.is_valid():
        return
    outcome = call_service(
        request,
        services.applications_decide,
        applications=ids,
        decision=form.cleaned_data["decision"],
        actor=request.user,
        feedback=form.cleaned_data["feedback"] or None,
        with_reviewer_feedback="with_reviewer_feedback" in request.POST,
    )
    if outcome.ok:
        n = outcome.value
        messages.success(
            request,
            ngettext(
                "Decision recorded for %(n)s application. "
                "Release the decisions to tell applicants.",
                "Decision recorded for %(n)s applications. "
                "Release the decisions to tell applicants.",
                n,
            )
            % {"n": n},
        )


def _shortlist(request, cohort: Cohort, form: DecisionForm) -> None:
    outcome = call_service(
        request,
        services.applications_shortlist,
        applications=_ids(request),
        shortlisted=request.POST.get("action") == "shortlist",
        actor=request.user,
    )
    if outcome.ok:
        messages.success(request, _("Shortlist updated (%(n)s).") % {"n": outcome.value})


def _release(request, cohort: Cohort, form: DecisionForm) -> None:
    outcome = call_service(request, services.decisions_release, cohort=cohort, actor=request.user)
    if outcome.ok:
        counts = outcome.value
        offers = counts.get(Decision.ACCEPT, 0)
        messages.success(
            request,
            _("Decisions released: %(offers)s, %(w)s on the waitlist, %(r)s not selected.")
            % {
                "offers": ngettext("%(n)s offer", "%(n)s offers", offers) % {"n": offers},
                "w": counts.get(Decision.WAITLIST, 0),
                "r": counts.get(Decision.REJECT, 0),
            },
        )


def _promote(request, cohort: Cohort, form: DecisionForm) -> None:
    outcome = call_service(request, services.waitlist_promote, cohort=cohort, actor=request.user)
    if outcome.ok:
        n = len(outcome.value)
        messages.success(
            request,
            ngettext(
                "%(n)s offer made from the waitlist.",
                "%(n)s offers made from the waitlist.",
                n,
            )
            % {"n": n},
        )


#: The board's buttons (the ``action`` of its forms) and the handler of each.
SELECTION_ACTIONS = {
    "assign": _assign,
    "decide": _decide,
    "shortlist": _shortlist,
    "unshortlist": _shortlist,
    "release": _release,
    "promote": _promote,
}


@require_http_methods(["GET", "POST"])
def selection(request, pk: int):
    _staff(request)
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "rubric"), pk=pk)
    form = DecisionForm(_post(request))
    if request.method == "POST":
        _staff(request, "cohorts.decide_application")
        handler = SELECTION_ACTIONS.get(request.POST.get("action", ""))
        if handler is not None:
            handler(request, cohort, form)
        return redirect(_selection_url(request, cohort))
    shortlisted_only = request.GET.get("shortlisted") == "1"
    summary = selectors.selection_summary(cohort=cohort)
    paginator = Paginator(
        selectors.ranked_applications(cohort=cohort, shortlisted_only=shortlisted_only),
        PAGE_SIZE,
    )
    # The summary already counted the ranking: no COUNT query for the paginator.
    paginator.count = summary.shortlisted if shortlisted_only else summary.ranked
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = selectors.with_labels(
        rows=list(page.object_list), fields=("status", "decision", "population_group")
    )
    progress = selectors.reviewer_progress(
        cohort=cohort, applications=[app.pk for app in page.object_list]
    )
    sensitive = may_see_sensitive(request.user)
    if sensitive and page.object_list:
        # Only the people on this page are shown, so only they are audited.
        audit_access(
            actor=request.user,
            subject=[app.user_id for app in page.object_list],
            fields=["population_group", "needs_document_check"],
            reason=_("Ranked list of a cohort in the staff console"),
            model="cohorts.application",
            object_id=f"cohort:{cohort.pk}",
            path=request.path,
        )
    return TemplateResponse(
        request,
        "cohorts/admin/selection.html",
        {
            "cohort": cohort,
            "page": page,
            "ranked": page.object_list,
            "query": "shortlisted=1" if shortlisted_only else "",
            "form": form,
            "progress": progress,
            "assignments_url": reverse("cohorts_assignment:index")
            + "?"
            + urlencode({"application__cohort": cohort.pk}),
            "counts": summary.counts,
            "pending": summary.pending,
            "shortlisted_only": shortlisted_only,
            "disagreement": services.DISAGREEMENT_SPREAD,
            "sensitive": sensitive,
        },
    )


BASIC_COLUMNS = [
    ("id", "pk"),
    ("status", "status"),
    ("submitted_at", "submitted_at"),
    ("business_name", "business_name"),
    ("business_stage", "business_stage"),
    ("sector", "sector"),
    ("city", "city"),
    ("municipality", "municipality"),
    ("needs", "needs"),
    ("reviews", "review_count"),
    ("score_mean", "score_mean"),
    ("score_median", "score_median"),
    ("shortlisted", "shortlisted"),
]
SENSITIVE_COLUMNS = [
    ("name", "user.full_name"),
    ("email", "user.email"),
    ("phone", "phone"),
    ("birth_date", "birth_date"),
    ("sex", "sex"),
    ("population_group", "population_group"),
    ("nationality", "nationality"),
    ("document_type", "document_type"),
    ("document_in_process", "needs_document_check"),
]


def _value(app: Application, dotted: str):
    value = app
    for part in dotted.split("."):
        value = getattr(value, part)
    if isinstance(value, list):
        return ";".join(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


@require_http_methods(["GET"])
def export_csv(request, pk: int):
    """Applications of a cohort as CSV; personal and sensitive columns only for people
    holding ``cohorts.view_sensitive_data``."""
    _staff(request)
    cohort = get_object_or_404(Cohort, pk=pk)
    sensitive = may_see_sensitive(request.user)
    columns = BASIC_COLUMNS + (SENSITIVE_COLUMNS if sensitive else [])
    stamp = timezone.localdate().isoformat()
    apps = list(
        Application.objects.filter(cohort=cohort)
        .exclude(status="draft")
        .select_related("user")
        .order_by("pk")
    )
    if sensitive and apps:
        audit_access(
            actor=request.user,
            subject=[app.user_id for app in apps],
            fields=[name for name, _attr in SENSITIVE_COLUMNS],
            reason=_("CSV export of a cohort's applications with sensitive columns"),
            model="cohorts.application",
            object_id=f"cohort:{cohort.pk}",
            path=request.path,
        )
    return csv_response(
        filename=f"{cohort.slug}-{stamp}.csv",
        header=[name for name, _attr in columns],
        rows=([_value(app, attr) for _name, attr in columns] for app in apps),
    )


@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    _staff(request, "cohorts.change_attendance")
    workshop = get_object_or_404(Workshop.objects.select_related("cohort"), pk=pk)
    participants = selectors.participants_for_cohort(cohort=workshop.cohort)
    if request.method == "POST":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        n = services.attendance_record(workshop=workshop, present_ids=present, actor=request.user)
        messages.success(
            request,
            ngettext(
                "Attendance saved: %(n)s person present.",
                "Attendance saved: %(n)s people present.",
                n,
            )
            % {"n": n},
        )
        return redirect("cohorts_attendance", pk=pk)
    marked = set(
        Attendance.objects.filter(workshop=workshop, present=True).values_list(
            "participant_id", flat=True
        )
    )
    return TemplateResponse(
        request,
        "cohorts/admin/attendance.html",
        {
            "workshop": workshop,
            "participants": participants,
            "marked": marked,
            "active": ParticipantStatus.ACTIVE,
        },
    )


@require_http_methods(["POST"])
def document_checked(request, pk: int):
    _staff(request, "cohorts.decide_application")
    application = get_object_or_404(Application, pk=pk)
    services.application_document_checked(application=application, actor=request.user)
    messages.success(request, _("Identity document marked as checked."))
    return redirect("cohorts_application:inspect", pk)
