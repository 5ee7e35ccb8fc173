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


#: The console's data-protection screens: (path under ``privacy/``, view, URL name after
#: ``privacy_admin_``).
ADMIN_SCREENS = [
    ("requests/", admin_views.requests_list, "requests"),
    ("requests/<int:pk>/", admin_views.request_detail, "request"),
    ("audit/", admin_views.audit_list, "audit"),
    ("alerts/", admin_views.alerts_list, "alerts"),
    ("alerts/<int:pk>/acknowledge/", admin_views.alert_acknowledge, "alert_acknowledge"),
    ("erasures/", admin_views.erasures_list, "erasures"),
    ("consents/", admin_views.consents_list, "consents"),
    ("consents/export.csv", admin_views.consents_export, "consents_export"),
]


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path(f"privacy/{route}", view, name=f"privacy_admin_{name}")
        for route, view, name in ADMIN_SCREENS
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
