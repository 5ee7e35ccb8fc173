"""The outcomes screens of the staff console."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from semilla.console import ListQuerysetMixin

from . import admin_views
from .models import AlumniEvent, Alumnus, StoryPage, has_story_consent
from .permissions import may_manage_surveys


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Staff look at alumni here; a status changes only through its service (with its
    history), from the status screen, and the card is the person's own."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Alumnus, ViewOnlyPolicy(Alumnus), exact_class=True)


class AlumniViewSet(ListQuerysetMixin, ModelViewSet):
    model = Alumnus
    icon = "group"
    menu_label = _("Alumni")
    menu_order = 165
    add_to_admin_menu = True
    list_display = ["user", "cohort", "status", "since", "listed"]
    list_filter = ["status", "cohort", "listed"]
    search_fields = ["user__full_name", "business_name"]
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("user", "cohort")


@hooks.register("register_admin_viewset")
def register_alumni_viewset():
    return AlumniViewSet("alumni")


class SurveysMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_surveys(request.user)


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


@hooks.register("register_admin_menu_item")
def register_surveys_menu_item():
    return SurveysMenuItem(
        _("Outcome surveys"), reverse("outcomes_rates"), icon_name="tasks", order=160
    )


class AlumniEventViewSet(ListQuerysetMixin, ModelViewSet):
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
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_alumni_event_viewset():
    return AlumniEventViewSet("alumni_events")


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_surveys(request.user)


@hooks.register("register_admin_menu_item")
def register_stories_menu_item():
    return StaffMenuItem(
        _("Success stories"), reverse("outcomes_stories"), icon_name="doc-full", order=167
    )


@hooks.register("register_admin_menu_item")
def register_mentor_invitations_menu_item():
    return StaffMenuItem(
        _("Alumni invitations"),
        reverse("outcomes_mentor_invite"),
        icon_name="user",
        order=168,
    )


@hooks.register("before_publish_page")
def refuse_story_without_consent(request, page):
    """The editor's publish button: a story is published only with its person's active
    consent (the model refuses it too, whichever way it is published)."""
    specific = page.specific if type(page) is not StoryPage else page
    if isinstance(specific, StoryPage) and not has_story_consent(alumnus_id=specific.alumnus_id):
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.utils.translation import gettext

        messages.error(
            request,
            gettext(
                "This story cannot be published: the person has not consented to it. "
                "It was saved as a draft."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
