"""Data-protection screens in the staff console (imported from semilla.wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views
from .permissions import is_data_protection


class DataProtectionMenuItem(MenuItem):
    def is_shown(self, request):
        return is_data_protection(request.user)


class DataProtectionSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_data_protection(request.user)


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path("privacy/requests/", admin_views.requests_list, name="privacy_admin_requests"),
        path(
            "privacy/requests/<int:pk>/", admin_views.request_detail, name="privacy_admin_request"
        ),
        path("privacy/audit/", admin_views.audit_list, name="privacy_admin_audit"),
        path("privacy/alerts/", admin_views.alerts_list, name="privacy_admin_alerts"),
        path(
            "privacy/alerts/<int:pk>/acknowledge/",
            admin_views.alert_acknowledge,
            name="privacy_admin_alert_acknowledge",
        ),
        path("privacy/erasures/", admin_views.erasures_list, name="privacy_admin_erasures"),
    ]


@hooks.register("register_admin_menu_item")
def register_data_protection_menu():
    items = [
        DataProtectionMenuItem(
            _("Data requests"), reverse("privacy_admin_requests"), icon_name="mail", order=10
        ),
        DataProtectionMenuItem(
            _("Access audit"), reverse("privacy_admin_audit"), icon_name="view", order=20
        ),
        DataProtectionMenuItem(
            _("Bulk access alerts"), reverse("privacy_admin_alerts"), icon_name="warning", order=30
        ),
        DataProtectionMenuItem(
            _("Erasure log"), reverse("privacy_admin_erasures"), icon_name="bin", order=40
        ),
    ]
    return DataProtectionSubmenu(
        _("Data protection"), Menu(items=items), icon_name="lock", order=160
    )
