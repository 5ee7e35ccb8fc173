"""The cohorts panel of "Mi espacio": applications, participations, reviews to do."""

from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel
from semilla.permissions import is_signed_in

from .enums import AssignmentStatus, ParticipantStatus
from .models import Application, Participant, ReviewAssignment
from .permissions import is_reviewer


def cohorts_panel(request) -> Panel | None:
    user = request.user
    if not is_signed_in(user):
        return None
    applications = list(
        Application.objects.filter(user=user).select_related("cohort").order_by("-created_at")[:5]
    )
    participations = list(
        Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE).select_related(
            "cohort"
        )
    )
    reviews_pending = 0
    if is_reviewer(user):
        reviews_pending = ReviewAssignment.objects.filter(
            reviewer=user, status=AssignmentStatus.ASSIGNED
        ).count()
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
