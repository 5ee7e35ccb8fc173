"""The safeguarding screens of the staff console: the report queue and its actions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from semilla.console import register_menu_links

from . import admin_views
from .permissions import may_triage_reports


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


register_menu_links(
    [(_("Reports"), "conversations_reports", "warning", 170)], shown_to=may_triage_reports
)
