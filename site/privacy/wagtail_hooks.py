"""Data-protection screens in the staff console (imported from semilla.wagtail_hooks)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from ..console import menu_link
from . import admin_views
from .permissions import is_data_protection, may_view_consents


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
        menu_link(label, url_name, icon=icon, order=order, shown_to=shown_to)
        for label, url_name, icon, order, shown_to in [
            (_("Data requests"), "privacy_admin_requests", "mail", 10, is_data_protection),
            (_("Access audit"), "privacy_admin_audit", "view", 20, is_data_protection),
            (_("Bulk access alerts"), "privacy_admin_alerts", "warning", 30, is_data_protection),
            (_("Erasure log"), "privacy_admin_erasures", "bin", 40, is_data_protection),
            (
                _("Consent records"),
                "privacy_admin_consents",
                "clipboard-list",
                50,
                may_view_consents,
            ),
        ]
    ]
    return DataProtectionSubmenu(
        _("Data protection"), Menu(items=items), icon_name="lock", order=160
    )
