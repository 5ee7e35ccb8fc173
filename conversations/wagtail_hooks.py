"""The safeguarding screens of the staff console: the report queue and its actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import may_triage_reports


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_triage_reports(request.user)


@hooks.register("register_admin_urls")
def register_conversations_urls():
    return [
        path("conversations/reports/", admin_views.report_list, name="conversations_reports"),
        path(
            "conversations/reports/<int:pk>/",
            admin_views.report_detail,
            name="conversations_report",
        ),
        path(
            "conversations/reports/<int:pk>/<slug:action>/",
            admin_views.report_action,
            name="conversations_report_action",
        ),
        path(
            "conversations/mentors/<int:pk>/resume/",
            admin_views.mentor_resume,
            name="conversations_mentor_resume",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Reports"), reverse("conversations_reports"), icon_name="warning", order=170
    )
