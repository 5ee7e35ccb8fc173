"""The "Mi espacio" panel: a pending survey (with its link) and the alumni card."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel, facts_for
from semilla.permissions import is_signed_in

from .enums import ResponseStatus
from .links import link_path
from .models import Alumnus, Response


def _pending(user):

    today = timezone.localdate()
    return Response.objects.filter(
        participant__user=OuterRef("pk"),
        status=ResponseStatus.PENDING,
        wave__opens_on__lte=today,
        wave__closes_on__gte=today,
    ).exclude(participant__status="withdrawn")


def _is_alumnus(user):

    return Alumnus.objects.filter(user=OuterRef("pk"))


FACTS = {
    "outcomes_pending": lambda user: Exists(_pending(user)),
    "outcomes_alumnus": lambda user: Exists(_is_alumnus(user)),
}


def outcomes_panel(request):
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    if not (facts.get("outcomes_pending") or facts.get("outcomes_alumnus")):
        return None

    pending = []
    if facts.get("outcomes_pending"):
        today = timezone.localdate()
        rows = (
            Response.objects.filter(
                participant__user=user,
                status=ResponseStatus.PENDING,
                wave__opens_on__lte=today,
                wave__closes_on__gte=today,
            )
            .exclude(participant__status="withdrawn")
            .select_related("wave__cohort", "participant")
            .order_by("wave__opens_on")
        )
        language = getattr(request, "LANGUAGE_CODE", "es")
        pending = [(row, link_path(row, language=language)) for row in rows]
    alumnus = Alumnus.objects.filter(user=user).first() if facts.get("outcomes_alumnus") else None
    return Panel(
        title=_("How is your business doing?") if pending else _("Alumni"),
        template="outcomes/panels/outcomes_panel.html",
        context={"pending": pending, "alumnus": alumnus},
        order=25,
    )
