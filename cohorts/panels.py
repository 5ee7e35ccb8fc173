"""The cohorts panel of "Mi espacio": applications, participations, reviews to do.

What the panel needs to know first (any application? an active participation? how many
reviews wait?) comes from the dashboard's facts (one query for every panel); its own
query, the person's applications with their cohort and participation, runs only when
there is one to list."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel, count_fact, facts_for
from semilla.permissions import is_signed_in

from .enums import AssignmentStatus, ParticipantStatus
from .models import Application, Participant, ReviewAssignment
from .permissions import is_reviewer


def _reviews_pending(user):
    return count_fact(
        ReviewAssignment.objects.filter(reviewer=OuterRef("pk"), status=AssignmentStatus.ASSIGNED),
        per="reviewer",
    )


FACTS = {
    "cohorts_applications": lambda user: Exists(Application.objects.filter(user=OuterRef("pk"))),
    "cohorts_reviews_pending": _reviews_pending,
}


def cohorts_panel(request) -> Panel | None:
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    reviews_pending = facts.get("cohorts_reviews_pending", 0) if is_reviewer(user) else 0
    applications: list[Application] = []
    participations: list[Participant] = []
    if facts.get("cohorts_applications"):
        # every participation has its application: one query gives both lists
        rows = list(
            Application.objects.filter(user=user)
            .select_related("cohort", "participant__cohort")
            .order_by("-created_at")
        )
        # a cohort the person takes part in is listed once, by its participant page
        others = []
        for application in rows:
            participant = getattr(application, "participant", None)
            if participant is not None and participant.status == ParticipantStatus.ACTIVE:
                participations.append(participant)
            else:
                others.append(application)
        applications = others[:5]
    if not (applications or participations or reviews_pending):
        return Panel(
            title=_("Cohorts"),
            template="cohorts/panels/cohorts_panel.html",
            context={"applications": [], "participations": []},
            order=20,
        )
    return Panel(
        title=_("My cohort") if participations else _("My applications"),
        template="cohorts/panels/cohorts_panel.html",
        context={
            "applications": applications,
            "participations": participations,
            "reviews_pending": reviews_pending,
        },
        order=20,
    )
