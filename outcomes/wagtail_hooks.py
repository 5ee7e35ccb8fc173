"""The outcomes screens of the staff console."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import may_manage_surveys


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
    ]


@hooks.register("register_admin_menu_item")
def register_surveys_menu_item():
    return SurveysMenuItem(
        _("Outcome surveys"), reverse("outcomes_rates"), icon_name="tasks", order=160
    )
