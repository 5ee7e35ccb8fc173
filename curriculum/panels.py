"""Panels of "Mi espacio" contributed by the curriculum."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel

from . import selectors


def my_learning_panel(request):
    if not request.user.is_authenticated:
        return None
    language = (translation.get_language() or "es")[:2]
    cards = selectors.learning_for_user(user=request.user, language=language)[:3]
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
