"""The outcomes screens of the staff console."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from semilla.console import ConsoleViewSet, limit_console_actions, register_menu_links

from . import admin_views
from .models import AlumniEvent, Alumnus, StoryPage, has_story_consent
from .permissions import may_manage_surveys

# Staff look at alumni here; a status changes only through its service (with its history),
# from the status screen, and the card is the person's own.
limit_console_actions(Alumnus)


class AlumniViewSet(ConsoleViewSet):
    model = Alumnus
    icon = "group"
    menu_label = _("Alumni")
    menu_order = 165
    add_to_admin_menu = True
    list_display = ["user", "cohort", "status", "since", "listed"]
    list_filter = ["status", "cohort", "listed"]
    search_fields = ["user__full_name", "business_name"]
    form_fields = ["status"]
    list_select_related = ("user", "cohort")


class AlumniEventViewSet(ConsoleViewSet):
    """Alumni events: staff create them here, then invite alumni from the event's
    "Invite and answers" screen."""

    model = AlumniEvent
    icon = "date"
    menu_label = _("Alumni events")
    menu_order = 166
    add_to_admin_menu = True
    list_display = ["title", "starts_at", "city", "capacity", "accepted"]
    list_filter = ["city"]
    search_fields = ["title"]
    form_fields = ["title", "starts_at", "place", "link", "city", "capacity"]


@hooks.register("register_admin_viewset")
def register_outcomes_viewsets():
    return [AlumniViewSet("alumni"), AlumniEventViewSet("alumni_events")]


@hooks.register("register_admin_urls")
def register_outcomes_urls():
    return [
        path("outcomes/", admin_views.rates, name="outcomes_rates"),
        path("outcomes/wave/<int:pk>/", admin_views.wave_detail, name="outcomes_wave"),
        path("outcomes/answer/<int:pk>/remind/", admin_views.remind, name="outcomes_remind"),
        path("outcomes/answer/<int:pk>/phone/", admin_views.phone, name="outcomes_phone"),
        path(
            "outcomes/alumni/<int:pk>/status/",
            admin_views.alumnus_status,
            name="outcomes_alumnus_status",
        ),
        path("outcomes/stories/", admin_views.stories, name="outcomes_stories"),
        path(
            "outcomes/stories/from-answer/<int:pk>/",
            admin_views.story_from_answer,
            name="outcomes_story_from_answer",
        ),
        path(
            "outcomes/events/<int:pk>/invite/",
            admin_views.event_invite,
            name="outcomes_event_invite",
        ),
        path(
            "outcomes/mentor-invitations/", admin_views.mentor_invite, name="outcomes_mentor_invite"
        ),
    ]


register_menu_links(
    [
        (_("Outcome surveys"), "outcomes_rates", "tasks", 160),
        (_("Success stories"), "outcomes_stories", "doc-full", 167),
        (_("Alumni invitations"), "outcomes_mentor_invite", "user", 168),
    ],
    shown_to=may_manage_surveys,
)


@hooks.register("before_publish_page")
def refuse_story_without_consent(request, page):
    """The editor's publish button: a story is published only with its person's active
    consent (the model refuses it too, whichever way it is published)."""
    specific = page.specific if type(page) is not StoryPage else page
    if isinstance(specific, StoryPage) and not has_story_consent(alumnus_id=specific.alumnus_id):
        messages.error(
            request,
            gettext(
                "This story cannot be published: the person has not consented to it. "
                "It was saved as a draft."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
