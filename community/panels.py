"""The "Mi espacio" panel of the community app: for an employer partner's people, their
organisation's space; for participants and alumni, the open posts of the partners. Both
read only facts (``semilla.hooks.facts_for``): the panel costs no query of its own."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla.hooks import Panel, facts_for
from semilla.permissions import is_signed_in

from .enums import PartnerStatus, PostStatus
from .models import EmployerMembership, PartnerPost


def _member(user):

    return Exists(
        EmployerMembership.objects.filter(
            user=OuterRef("pk"), partner__status=PartnerStatus.APPROVED
        )
    )


def _participant_or_alumna(user):

    return Exists(
        Participant.objects.filter(
            user=OuterRef("pk"),
            status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED],
        )
    )


def _open_posts_in_city(user):
    """Open posts in the person's own city (0 when they have not said their city)."""

    counted = (
        PartnerPost.objects.filter(
            status=PostStatus.OPEN,
            closes_on__gte=timezone.localdate(),
            partner__status=PartnerStatus.APPROVED,
            city=OuterRef("city"),
        )
        .order_by()
        .values("city")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


FACTS = {
    "community_employer": _member,
    "community_opportunities": _participant_or_alumna,
    "community_open_posts": _open_posts_in_city,
}


def community_panel(request):
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    employer = bool(facts.get("community_employer"))
    opportunities = bool(facts.get("community_opportunities"))
    if not (employer or opportunities):
        return None
    return Panel(
        title=_("My organisation") if employer else _("Jobs and supplier needs"),
        template="community/panels/community_panel.html",
        context={
            "employer": employer,
            "opportunities": opportunities,
            "open_posts": facts.get("community_open_posts") or 0,
        },
        order=27,
    )
