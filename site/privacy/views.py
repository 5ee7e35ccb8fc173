"""'My data': a person's consents, their data download, and their requests to see,
correct or erase what Semilla holds about them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..downloads import private_download
from ..enums import ConsentPurpose
from . import services
from .consents import purpose_label, stops
from .enums import DataExportStatus, DataRequestKind
from .forms import DataRequestForm, ErasureConfirmForm
from .models import DataExport
from .selectors import consents_for, data_exports_for, data_requests_for, live_policy_page


def _page_context(request, *, form=None, erase_form=None):
    user = request.user
    # newest first: an older authorisation still active for the same purpose (given again
    # under a newer text) is shown as renewed, and the purpose has one revoke button
    consents, active_purposes = [], set()
    for c in consents_for(user=user):
        renewed = c.active and c.purpose in active_purposes
        if c.active:
            active_purposes.add(c.purpose)
        consents.append(
            {
                "record": c,
                "label": purpose_label(c.purpose),
                "stops": stops(c.purpose),
                "renewed": renewed,
            }
        )
    return {
        "consents": consents,
        "requests": list(data_requests_for(user=user)),
        "exports": list(data_exports_for(user=user)),
        "form": form or DataRequestForm(),
        "erase_form": erase_form or ErasureConfirmForm(),
        "policy": live_policy_page(language=request.LANGUAGE_CODE),
        "today": timezone.localdate(),
    }


@login_required
@require_GET
def my_data(request):
    return render(request, "privacy/my_data.html", _page_context(request))


@login_required
@require_POST
def download(request):
    """Small archives download straight away; large ones are built in the background and
    the person gets an e-mail when ready."""
    data = services.collect_person_data(user=request.user)
    if services.export_is_small(data=data):
        content = services.build_export_zip(user=request.user, data=data)
        response = HttpResponse(content, content_type="application/zip")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="semilla-mis-datos-{stamp}.zip"'
        response["Cache-Control"] = "private, no-store"
        return response
    services.data_export_request(user=request.user)
    messages.success(
        request,
        _("Your archive is being prepared. We will e-mail you when it is ready to download here."),
    )
    return redirect("privacy:my_data")


@login_required
@require_GET
def export_file(request, pk: int):
    export = get_object_or_404(DataExport, pk=pk, user=request.user, status=DataExportStatus.READY)
    return private_download(
        request,
        export.storage_name,
        filename=f"semilla-mis-datos-{export.created_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
@require_POST
def revoke(request, purpose: str):
    if purpose not in ConsentPurpose.values:
        raise Http404
    if services.consent_withdraw(user=request.user, purpose=purpose):
        messages.success(
            request,
            _("Authorisation revoked: %(label)s. %(stops)s")
            % {"label": purpose_label(purpose), "stops": stops(purpose)},
        )
    else:
        messages.info(request, _("That authorisation was already revoked."))
    return redirect("privacy:my_data")


@login_required
@require_http_methods(["POST"])
def request_create(request):
    form = DataRequestForm(request.POST)
    erase_form = None
    if form.is_valid() and form.cleaned_data["kind"] == DataRequestKind.ERASURE:
        erase_form = ErasureConfirmForm(request.POST)
        if not erase_form.is_valid():
            messages.error(request, _("Please confirm that you understand what erasure means."))
            return render(
                request,
                "privacy/my_data.html",
                _page_context(request, form=form, erase_form=erase_form),
                status=400,
            )
    if not form.is_valid():
        return render(
            request, "privacy/my_data.html", _page_context(request, form=form), status=400
        )
    data_request = services.data_request_create(
        user=request.user, kind=form.cleaned_data["kind"], details=form.cleaned_data["details"]
    )
    messages.success(
        request,
        _("We received your request. We will answer by %(date)s at the latest.")
        % {"date": date_format(data_request.due_on, "DATE_FORMAT")},
    )
    return redirect("privacy:my_data")
