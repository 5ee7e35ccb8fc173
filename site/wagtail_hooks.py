"""The staff console (Wagtail admin) for the site package."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem

from .models import User
from .notification_console import outbox_viewset


class PeopleSummaryItem(SummaryItem):
    order = 50
    template_name = "semilla/admin/people_summary.html"

    def get_context_data(self, parent_context):
        return {
            "total_people": User.objects.filter(is_active=True).count(),
            "label": _("people with an account"),
        }

    def is_shown(self):
        return self.request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("construct_homepage_summary_items")
def add_people_summary(request, items):
    items.append(PeopleSummaryItem(request))


from .privacy import wagtail_hooks as _privacy_hooks  # noqa: E402, F401
from .reporting import wagtail_hooks as _reporting_hooks  # noqa: E402, F401


@hooks.register("register_admin_viewset")
def register_outbox_messages():
    return outbox_viewset
