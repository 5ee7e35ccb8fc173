"""Staff console screens for employer partners: the registrations waiting for review, and
the review of one registration (approve or decline, with its history)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from semilla.service_call import call_service

from . import services
from .enums import PartnerStatus
from .forms import PartnerDecisionForm
from .models import EmployerPartner
from .permissions import may_manage_partners


def _staff(request) -> None:
    if not may_manage_partners(request.user):
        raise PermissionDenied


@require_GET
def partner_queue(request):
    _staff(request)
    waiting = EmployerPartner.objects.filter(status=PartnerStatus.APPLIED).order_by(
        "created_at", "pk"
    )
    return TemplateResponse(request, "community/admin/partner_queue.html", {"rows": waiting})


@require_http_methods(["GET", "POST"])
def partner_review(request, pk: int):
    _staff(request)
    partner = EmployerPartner.objects.filter(pk=pk).select_related("applicant").first()
    if partner is None:
        raise Http404
    form = PartnerDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        outcome = call_service(
            request,
            services.partner_decide,
            success=_("Approved: the organisation can now post.") if approve else _("Declined."),
            partner=partner,
            approve=approve,
            actor=request.user,
            note=form.cleaned_data["note"],
        )
        if outcome.ok:
            return redirect("community_partner_review", pk=partner.pk)
    return TemplateResponse(
        request,
        "community/admin/partner_review.html",
        {
            "partner": partner,
            "form": form if partner.status == PartnerStatus.APPLIED else None,
            "history": partner.history.select_related("actor"),
            "members": partner.memberships.select_related("user"),
        },
    )
