"""The staff console of the mentors app: mentor profiles, weights and matches as
viewsets (with filters), plus the vetting queue, matching runs and end requests."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from semilla.console import ConsoleViewSet, ListQuerysetMixin, ReadableInspectMixin
from semilla.enums import Language, Sector, Skill

from . import admin_views
from .enums import Availability
from .models import PROFILE_FIELDS, Booking, Match, MatchingWeights, MentorProfile
from .permissions import may_manage_mentors


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff may look (the "view" permission) but never add, edit or delete here: a
    booking's state changes only through the session services (locks, invitations,
    notifications)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Booking, ReadOnlyPolicy(Booking), exact_class=True)


class MentorProfileInspectView(ReadableInspectMixin, InspectView):
    list_choices = {
        "expertise": Skill,
        "sectors": Sector,
        "languages": Language,
        "availability": Availability,
    }


class MentorProfileViewSet(ConsoleViewSet):
    model = MentorProfile
    icon = "user"
    menu_label = _("Mentors")
    list_display = [
        "user",
        Column("email", label=_("e-mail address"), accessor="user.email", sort_key="user__email"),
        "status",
        "city",
        "meeting_mode",
        "capacity",
        "active_mentees",
    ]
    list_filter = ["status", "city", "meeting_mode"]
    search_fields = ["headline", "bio", "user__full_name", "user__email"]
    # the profile as the mentor gives it (their link is theirs to change) and the interview
    form_fields = [name for name in PROFILE_FIELDS if name != "link"] + ["interview_notes"]
    inspect_view_class = MentorProfileInspectView
    list_select_related = ("user",)


class MatchingWeightsViewSet(ListQuerysetMixin, ModelViewSet):
    model = MatchingWeights
    icon = "cog"
    menu_label = _("Matching weights")
    form_fields = [
        "cohort",
        "needs",
        "sector",
        "location",
        "availability",
        "preferences",
        "response_days",
    ]
    list_display = form_fields
    copy_view_enabled = False
    list_select_related = ("cohort",)


class MatchInspectView(ReadableInspectMixin, InspectView):
    """A match as staff read it: the explanation of its score as the table the mentee and
    the mentor see (component, points, why), never the stored JSON."""

    def get_field_display_value(self, field_name, field):
        if field_name == "components":
            return render_to_string(
                "mentors/_explanation.html",
                {"components": self.object.components, "score": self.object.score},
            )
        return super().get_field_display_value(field_name, field)


class MatchViewSet(ConsoleViewSet):
    model = Match
    inspect_view_class = MatchInspectView
    icon = "link"
    menu_label = _("Matches")
    list_display = ["participant", "mentor", "cohort", "status", "score", "source", "created_at"]
    list_filter = ["status", "source", "cohort"]
    form_fields = ["respond_by"]
    list_select_related = ("participant__user", "participant__cohort", "mentor__user", "cohort")


class BookingViewSet(ConsoleViewSet):
    """Sessions, read-only, with filters (status, mode, late cancellations, cohort)."""

    model = Booking
    icon = "date"
    menu_label = _("Sessions")
    list_display = [
        "starts_at",
        "mentor",
        "participant",
        "status",
        "mode",
        "late_cancellation",
        "sequence",
    ]
    list_filter = ["status", "mode", "late_cancellation", "match__cohort", "starts_at"]
    search_fields = ["mentor__user__full_name", "participant__user__full_name", "topic"]
    ordering = ["-starts_at"]
    form_fields = ["topic"]
    inspect_view_fields = [
        "starts_at",
        "ends_at",
        "mentor",
        "participant",
        "status",
        "mode",
        "location",
        "topic",
        "sequence",
        "cancelled_at",
        "cancel_reason",
        "late_cancellation",
        "created_at",
    ]
    list_select_related = ("mentor__user", "participant__user", "participant__cohort")


class MentoringGroup(ModelViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 250
    items = (MentorProfileViewSet, MatchingWeightsViewSet, MatchViewSet, BookingViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return MentoringGroup()


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_mentors(request.user)


admin_urls = (
    [
        path("vetting/", admin_views.VettingQueueView.as_view(), name="vetting"),
        path("vetting/<int:pk>/interview/", admin_views.record_interview, name="interview"),
        path("vetting/<int:pk>/status/", admin_views.transition, name="transition"),
        path("runs/", admin_views.RunIndexView.as_view(), name="runs"),
        path("runs/<int:pk>/", admin_views.RunReviewView.as_view(), name="run"),
        path("runs/<int:pk>/progress/", admin_views.RunProgressView.as_view(), name="run_progress"),
        path("runs/<int:pk>/pin/", admin_views.run_pin, name="run_pin"),
        path("runs/<int:pk>/unpin/", admin_views.run_unpin, name="run_unpin"),
        path("runs/<int:pk>/exclude/", admin_views.run_exclude, name="run_exclude"),
        path(
            "runs/<int:pk>/include/<int:exclusion_pk>/", admin_views.run_include, name="run_include"
        ),
        path("runs/<int:pk>/rerun/", admin_views.run_rerun, name="run_rerun"),
        path("runs/<int:pk>/publish/", admin_views.run_publish, name="run_publish"),
        path("end-requests/", admin_views.EndRequestsView.as_view(), name="end_requests"),
        path("matches/<int:pk>/end/", admin_views.match_end, name="match_end"),
        path("pairs/", admin_views.PairHealthView.as_view(), name="pair_health"),
    ],
    "mentors_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("mentoring/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_matching_menu_item():
    return StaffMenuItem(
        _("Matching runs"), reverse("mentors_admin:runs"), icon_name="resubmit", order=251
    )


@hooks.register("register_admin_menu_item")
def register_vetting_menu_item():
    return StaffMenuItem(
        _("Mentor vetting"), reverse("mentors_admin:vetting"), icon_name="user", order=252
    )


@hooks.register("register_admin_menu_item")
def register_pair_health_menu_item():
    return StaffMenuItem(
        _("Health of the pairs"), reverse("mentors_admin:pair_health"), icon_name="pick", order=253
    )
