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
from .models import Alumnus
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
    ]


@hooks.register("register_admin_menu_item")
def register_surveys_menu_item():
    return SurveysMenuItem(
        _("Outcome surveys"), reverse("outcomes_rates"), icon_name="tasks", order=160
    )
