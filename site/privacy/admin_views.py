"""Staff console screens for data-protection staff: data requests (with their legal
deadlines), the access audit, bulk-access alerts, the erasure log and everyone's consent
records (with a CSV export)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..enums import ConsentChannel
from ..exports import csv_response
from ..paging import other_params, page_of
from ..service_call import submit_form
from . import services
from .consents import purpose_label
from .forms import AuditFilterForm, ConsentFilterForm, ExtendForm, RequestAnswerForm
from .models import AccessAudit, BulkAccessAlert, DataRequest, ErasureLog
from .permissions import is_data_protection, may_view_consents
from .selectors import consent_records_for_staff

PAGE_SIZE = 50


def _check(request):
    if not is_data_protection(request.user):
        raise PermissionDenied


@require_GET
def requests_list(request):
    _check(request)
    show = request.GET.get("show", "open")
    queryset = DataRequest.objects.select_related("user").order_by("due_on", "pk")
    if show == "open":
        queryset = queryset.filter(status__in=["received", "in_progress"])
    page = page_of(request, queryset, per_page=PAGE_SIZE)
    return TemplateResponse(
        request,
        "privacy/admin/requests.html",
        {"page": page, "show": show, "today": timezone.localdate()},
    )


@require_http_methods(["GET", "POST"])
def request_detail(request, pk: int):
    _check(request)
    data_request = get_object_or_404(DataRequest.objects.select_related("user"), pk=pk)
    answer_form = RequestAnswerForm(prefix="answer")
    extend_form = ExtendForm(prefix="extend")
    if request.method == "POST":
        # two actions on one page, each a form handed to its service
        if "extend-note" in request.POST:
            form = extend_form = ExtendForm(request.POST, prefix="extend")
            service, success = services.data_request_extend, _("Deadline extended.")
        else:
            form = answer_form = RequestAnswerForm(request.POST, prefix="answer")
            service, success = services.data_request_transition, _("Request updated.")
        if submit_form(
            request, form, service, success=success, request=data_request, actor=request.user
        ):
            return redirect("privacy_admin_request", pk=pk)
    history = data_request.history.select_related("actor").order_by("at", "pk")
    return TemplateResponse(
        request,
        "privacy/admin/request_detail.html",
        {
            "item": data_request,
            "history": history,
            "answer_form": answer_form,
            "extend_form": extend_form,
            "today": timezone.localdate(),
        },
    )


@require_GET
def audit_list(request):
    _check(request)
    form = AuditFilterForm(request.GET or None)
    queryset = AccessAudit.objects.select_related("actor", "subject").order_by("-created_at", "-pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["actor"]:
            queryset = queryset.filter(actor__email__iexact=data["actor"].strip())
        if data["subject"]:
            queryset = queryset.filter(subject_id=data["subject"])
        if data["model"]:
            queryset = queryset.filter(model__icontains=data["model"].strip())
        zone = timezone.get_current_timezone()
        if data["date_from"]:
            queryset = queryset.filter(
                created_at__gte=datetime.datetime.combine(
                    data["date_from"], datetime.time.min, tzinfo=zone
                )
            )
        if data["date_to"]:
            queryset = queryset.filter(
                created_at__lt=datetime.datetime.combine(
                    data["date_to"] + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
                )
            )
    page = page_of(request, queryset, per_page=PAGE_SIZE)
    return TemplateResponse(
        request,
        "privacy/admin/audit.html",
        {"form": form, "page": page, "query": other_params(request)},
    )


@require_GET
def alerts_list(request):
    _check(request)
    alerts = BulkAccessAlert.objects.select_related("actor", "acknowledged_by").order_by(
        "-created_at"
    )
    page = page_of(request, alerts, per_page=PAGE_SIZE)
    return TemplateResponse(request, "privacy/admin/alerts.html", {"page": page})


@require_POST
def alert_acknowledge(request, pk: int):
    _check(request)
    updated = BulkAccessAlert.objects.filter(pk=pk, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now(), acknowledged_by=request.user
    )
    if not updated and not BulkAccessAlert.objects.filter(pk=pk).exists():
        raise PermissionDenied
    messages.success(request, _("Alert acknowledged."))
    return redirect("privacy_admin_alerts")


@require_GET
def erasures_list(request):
    _check(request)
    logs = ErasureLog.objects.select_related("actor", "request").order_by("-erased_at", "-pk")
    search = request.GET.get("q", "").strip()
    if search.isdigit():
        logs = logs.filter(Q(subject_ref=int(search)) | Q(request_id=int(search)))
    page = page_of(request, logs, per_page=PAGE_SIZE)
    return TemplateResponse(request, "privacy/admin/erasures.html", {"page": page, "q": search})


# --- consent records ---------------------------------------------------------------------


def _consents_for(request):
    if not may_view_consents(request.user):
        raise PermissionDenied
    form = ConsentFilterForm(request.GET or None)
    return form, consent_records_for_staff(**form.filters())


@require_GET
def consents_list(request):
    form, queryset = _consents_for(request)
    page = page_of(request, queryset, per_page=PAGE_SIZE)
    channels = dict(ConsentChannel.choices)
    for record in page:
        record.purpose_label = purpose_label(record.purpose)
        record.channel_label = channels.get(record.channel, record.channel)
    return TemplateResponse(
        request,
        "privacy/admin/consents.html",
        {"form": form, "page": page, "query": other_params(request)},
    )


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


@require_GET
def consents_export(request):
    """The filtered consent records as CSV (one query, read in chunks)."""
    _form, queryset = _consents_for(request)
    stamp = timezone.localdate().isoformat()
    header = [
        _("Person id"),
        _("Name"),
        _("E-mail"),
        _("Purpose code"),
        _("Purpose"),
        _("Policy version"),
        _("Channel"),
        _("Given at"),
        _("Withdrawn at"),
        _("Status"),
        _("Recorded by"),
    ]
    channels = dict(ConsentChannel.choices)
    rows = (
        [
            record.user_id,
            record.user.get_full_name(),
            record.user.email,
            record.purpose,
            purpose_label(record.purpose),
            record.policy_version,
            str(channels.get(record.channel, record.channel)),
            _when(record.given_at),
            _when(record.revoked_at),
            _("Granted") if record.revoked_at is None else _("Withdrawn"),
            record.recorded_by.email if record.recorded_by else "",
        ]
        for record in queryset.iterator(chunk_size=2000)
    )
    return csv_response(filename=f"semilla-autorizaciones-{stamp}.csv", header=header, rows=rows)
