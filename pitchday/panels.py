"""The "Mi espacio" panel: the person's seed grants and pitch days. Whether they have any
comes from the dashboard's facts, so each list costs a query only when it has rows."""

from django.db.models import CharField, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel, facts_for
from semilla.permissions import has_any_role, is_programme_staff, is_signed_in

from .enums import EventStatus, GrantStatus
from .models import Grant, PitchEvent
from .selectors import events as event_selectors


def _has_grants(user):
    return Exists(Grant.objects.filter(grantee=OuterRef("pk")))


def _has_events(user):
    # the events of ``selectors.events_for_user`` for someone who is not staff

    return Exists(
        PitchEvent.objects.exclude(status=EventStatus.DRAFT).filter(
            Q(judges__user=OuterRef("pk")) | Q(cohorts__participants__user=OuterRef("pk"))
        )
    )


FACTS = {"pitchday_grants": _has_grants, "pitchday_events": _has_events}


def _links_in_one_query(user) -> tuple[list[tuple], bool]:
    """The person's grants (3 most recent) and pitch days (3 next/latest) as links, read
    in one UNION query; and whether a grant offer waits for them."""

    columns = ("kind", "pk", "key", "label", "state", "at")
    grants = (
        Grant.objects.filter(grantee=user)
        .annotate(
            kind=Value("g"),
            key=F("reference"),
            label=F("business_name"),
            state=F("status"),
            at=F("created_at"),
        )
        .values_list(*columns)
        .order_by()
    )
    events = (
        PitchEvent.objects.exclude(status=EventStatus.DRAFT)
        .filter(Q(judges__user=user) | Q(cohorts__participants__user=user))
        .annotate(
            kind=Value("e"),
            key=Cast("pk", CharField()),
            label=F("title"),
            state=F("status"),
            at=F("starts_at"),
        )
        .values_list(*columns)
        .order_by()
    )
    rows = sorted(grants.union(events), key=lambda row: (row[0], row[5], row[1]), reverse=True)
    grant_rows = [row for row in rows if row[0] == "g"][:3]
    event_rows = [row for row in rows if row[0] == "e"][:3]
    links = [
        (
            f"{label} · {Grant(status=state).get_status_display()}",
            reverse("pitchday:grant_detail", args=[key]),
        )
        for _kind, _pk, key, label, state, _at in grant_rows
    ]
    links += [
        (label, reverse("pitchday:event_detail", args=[pk]))
        for _kind, pk, _key, label, _state, _at in event_rows
    ]
    offered = any(row[4] == GrantStatus.OFFERED for row in grant_rows)
    return links, offered


def my_pitchday_panel(request):
    user = request.user
    if not is_signed_in(user):
        return None

    facts = facts_for(request)
    if is_programme_staff(user):
        grants = (
            list(Grant.objects.filter(grantee=user).order_by("-created_at")[:3])
            if facts.get("pitchday_grants")
            else []
        )
        events = list(
            event_selectors.events_for_user(user=user).exclude(status=EventStatus.DRAFT)[:3]
        )
        links = [
            (f"{g.business_name} · {g.get_status_display()}", g.get_absolute_url()) for g in grants
        ]
        links += [(e.title, e.get_absolute_url()) for e in events]
        offered = any(g.status == GrantStatus.OFFERED for g in grants)
    elif facts.get("pitchday_grants") or facts.get("pitchday_events"):
        links, offered = _links_in_one_query(user)
    else:
        links, offered = [], False
    if has_any_role(user, ["programme_staff", "finance", "funder"]):
        links.append((_("Seed funds desk"), reverse("pitchday:desk_home")))
    if not links:
        return None
    note = _("Offers wait for your acceptance.") if offered else ""
    return Panel(
        title=_("Pitch day and seed grants"),
        template="semilla/panels/next_steps.html",
        context={"links": links, "note": note},
        order=40,
    )
