"""Panels of "Mi espacio" contributed by the curriculum. Whether the person has started
a course, or has syllabus work due, comes from the dashboard's facts (one query for every
panel), so a panel with nothing to list runs no query of its own."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla.hooks import Panel, facts_for

from . import selectors
from .models import LessonProgress, SyllabusItem


def _syllabus_due(user):
    # the window of ``selectors.syllabus_due_for_user`` (default ``days``)

    start = selectors.today()
    return Exists(
        SyllabusItem.objects.filter(
            cohort_id__in=Participant.objects.filter(
                user=OuterRef(OuterRef("pk")), status=ParticipantStatus.ACTIVE
            ).values("cohort_id"),
            due_date__gte=start - timedelta(days=7),
            due_date__lte=start + timedelta(days=7),
        )
    )


FACTS = {
    "curriculum_learning": lambda user: Exists(LessonProgress.objects.filter(user=OuterRef("pk"))),
    "curriculum_syllabus_due": _syllabus_due,
}


def my_learning_panel(request):
    if not request.user.is_authenticated:
        return None
    language = (translation.get_language() or "es")[:2]
    cards = (
        selectors.learning_for_user(user=request.user, language=language)[:3]
        if facts_for(request).get("curriculum_learning")
        else []
    )
    return Panel(
        title=_("My learning"),
        template="curriculum/panels/my_learning.html",
        context={
            "cards": cards,
            "all_url": reverse("curriculum:my_learning"),
            "start_url": reverse("curriculum:start"),
        },
        order=20,
    )


def due_this_week_panel(request):
    """For cohort participants: the syllabus due this week (hidden when nothing is)."""
    if not request.user.is_authenticated:
        return None
    if not facts_for(request).get("curriculum_syllabus_due"):
        return None
    language = (translation.get_language() or "es")[:2]
    items = selectors.syllabus_due_for_user(user=request.user, language=language)
    if not items:
        return None
    return Panel(
        title=_("Due this week"),
        template="curriculum/panels/due_this_week.html",
        context={"items": items},
        order=15,
    )
