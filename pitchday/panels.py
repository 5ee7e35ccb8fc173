"""The "Mi espacio" panel: the person's seed grants and pitch days (two queries)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel
from semilla.permissions import has_any_role, is_signed_in

from .enums import EventStatus


def my_pitchday_panel(request):
    user = request.user
    if not is_signed_in(user):
        return None
    from . import selectors
    from .models import Grant

    grants = list(Grant.objects.filter(grantee=user).order_by("-created_at")[:3])
    events = list(selectors.events_for_user(user).exclude(status=EventStatus.DRAFT)[:3])
    links = [
        (f"{g.business_name} · {g.get_status_display()}", g.get_absolute_url()) for g in grants
    ]
    links += [(e.title, e.get_absolute_url()) for e in events]
    if has_any_role(user, ["programme_staff", "finance", "funder"]):
        links.append((_("Seed funds desk"), reverse("pitchday:desk_home")))
    if not links:
        return None
    note = (
        _("Offers wait for your acceptance.") if any(g.status == "offered" for g in grants) else ""
    )
    return Panel(
        title=_("Pitch day and seed grants"),
        template="semilla/panels/next_steps.html",
        context={"links": links, "note": note},
        order=40,
    )
