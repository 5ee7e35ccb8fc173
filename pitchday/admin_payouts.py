"""Staff console: payout details that got no code because the person's e-mail address
changed recently (semilla.account_security). Programme staff or finance confirm them after
checking with the person through another channel; the person never confirms their own."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from semilla.enums import Role
from semilla.permissions import has_any_role
from semilla.service_call import call_service

from .enums import PayoutDetailsStatus
from .models import PayoutDetails
from .services import grants as grant_services

CONFIRMERS = (Role.STAFF, Role.FINANCE)


def _held():
    return PayoutDetails.objects.filter(
        status=PayoutDetailsStatus.PENDING, code_hash=""
    ).select_related("user")


@require_http_methods(["GET", "POST"])
def payout_held(request):
    if not has_any_role(request.user, CONFIRMERS):
        raise PermissionDenied
    if request.method == "POST":
        pk = request.POST.get("details", "")
        details = get_object_or_404(_held(), pk=int(pk) if pk.isdigit() else 0)
        call_service(
            request,
            grant_services.payout_details_confirm_by_staff,
            success=_("Payout details confirmed."),
            details=details,
            actor=request.user,
        )
        return redirect("pitchday_payout_held")
    return TemplateResponse(
        request, "pitchday/admin/payout_held.html", {"held": list(_held().order_by("created_at"))}
    )
