"""The staff console's report triage: the queue (filters by status and kind), one report
with its history, the match's thread and the actions allowed from its status, and the
mentors whose new matches are paused. Programme staff only; every screen that shows a
report or a thread writes the access audit."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from mentors.models import MentorProfile
from semilla.privacy import audit_access
from semilla.service_call import call_service

from . import selectors, services
from .enums import REPORT, ReportStatus
from .forms import AssignForm, DiscloseForm, MoveForm, NoteForm, ReportFilterForm
from .permissions import may_triage_reports

PAGE_SIZE = 50


def _staff(request) -> None:
    if not may_triage_reports(request.user):
        raise PermissionDenied


@require_GET
def report_list(request):
    _staff(request)
    filters = ReportFilterForm(request.GET or None)
    status = kind = ""
    if filters.is_valid():
        status = filters.cleaned_data["status"]
        kind = filters.cleaned_data["kind"]
    queryset = selectors.report_queue(status=status, kind=kind, open_only=not status)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("p"))
    if page.object_list:
        # names of the people on this page are shown: each is audited
        people = [r.reporter_id for r in page.object_list] + [
            r.reported_id for r in page.object_list
        ]
        audit_access(
            actor=request.user,
            subject=people,
            fields=["report"],
            reason=_("Report queue in the staff console"),
            model="conversations.report",
            object_id="queue",
            path=request.path,
        )
    return TemplateResponse(
        request,
        "conversations/admin/report_list.html",
        {
            "filters": filters,
            "page": page,
            "paused": list(selectors.paused_mentors()),
        },
    )


@require_GET
def report_detail(request, pk: int):
    _staff(request)
    report = selectors.report_for_staff(pk=pk)
    thread = selectors.thread_page(match=report.match, page=request.GET.get("page"))
    audit_access(
        actor=request.user,
        subject=[report.reporter_id, report.reported_id],
        fields=["report", "messages"] if thread.messages else ["report"],
        reason=_("Safeguarding report triage"),
        model="conversations.report",
        object_id=report.pk,
        path=request.path,
    )
    staff = selectors.safeguarding_staff().order_by("full_name")
    return TemplateResponse(
        request,
        "conversations/admin/report_detail.html",
        {
            "report": report,
            "events": list(report.events.all()),
            "thread": thread,
            "move_form": MoveForm(current=report.status),
            "may_move": bool(REPORT.moves.get(report.status)),
            "assign_form": AssignForm(initial={"assignee": report.assignee_id}, staff=staff),
            "note_form": NoteForm(),
            "disclose_form": DiscloseForm(initial={"disclose": report.disclose_reporter}),
            "mentor": report.match.mentor,
            "statuses": ReportStatus,
        },
    )


#: The actions of the report screen: the form (given the posted data, the report), the
#: service it calls with the form's fields, and the message on success.
ACTIONS = {
    "move": (
        lambda data, report: MoveForm(data, current=report.status),
        services.report_move,
        gettext_lazy("Status changed."),
    ),
    "assign": (
        lambda data, report: AssignForm(data, staff=selectors.safeguarding_staff()),
        services.report_assign,
        gettext_lazy("Assignment saved."),
    ),
    "note": (
        lambda data, report: NoteForm(data),
        services.report_note,
        gettext_lazy("Note added."),
    ),
    "disclose": (
        lambda data, report: DiscloseForm(data),
        services.report_set_disclosure,
        gettext_lazy("Saved."),
    ),
}


@require_POST
def report_action(request, pk: int, action: str):
    _staff(request)
    report = selectors.report_for_staff(pk=pk)
    if action not in ACTIONS:
        raise Http404
    make_form, service, success = ACTIONS[action]
    form = make_form(request.POST, report)
    if form.is_valid():
        call_service(
            request,
            service,
            success=success,
            report=report,
            actor=request.user,
            **form.cleaned_data,
        )
    return redirect("conversations_report", pk=report.pk)


@require_POST
def mentor_resume(request, pk: int):
    _staff(request)
    profile = get_object_or_404(MentorProfile, pk=pk)
    call_service(
        request,
        services.mentor_pause_lift,
        success=_("New matches are allowed again for this mentor."),
        profile=profile,
        actor=request.user,
    )
    return redirect("conversations_reports")
