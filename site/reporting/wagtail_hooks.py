"""The indicator dashboard in the staff console (imported from semilla.wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import may_view_indicators


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_indicators(request.user)


@hooks.register("register_admin_urls")
def register_reporting_urls():
    return [
        path("indicators/", views.dashboard, name="reporting_dashboard"),
        path("indicators/export.csv", views.export, {"fmt": "csv"}, name="reporting_export_csv"),
        path("indicators/export.xlsx", views.export, {"fmt": "xlsx"}, name="reporting_export_xlsx"),
    ]


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("Indicators"), reverse("reporting_dashboard"), icon_name="table", order=150
    )
