"""Data-protection screens in the staff console (imported from semilla.wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views
from .permissions import is_data_protection, may_view_consents


class DataProtectionMenuItem(MenuItem):
    def is_shown(self, request):
        return is_data_protection(request.user)


class ConsentsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_consents(request.user)


class DataProtectionSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return may_view_consents(request.user)


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
        path("privacy/consents/", admin_views.consents_list, name="privacy_admin_consents"),
        path(
            "privacy/consents/export.csv",
            admin_views.consents_export,
            name="privacy_admin_consents_export",
        ),
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
        ConsentsMenuItem(
            _("Consent records"),
            reverse("privacy_admin_consents"),
            icon_name="clipboard-list",
            order=50,
        ),
    ]
    return DataProtectionSubmenu(
        _("Data protection"), Menu(items=items), icon_name="lock", order=160
    )
