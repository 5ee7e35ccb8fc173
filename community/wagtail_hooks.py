"""The staff console for the community app: the free-help offices of each city (snippets,
translatable) and the list of guides due for review. Guides themselves are pages, edited in
Wagtail's page explorer under "Know your rights"."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from semilla.permissions import is_programme_staff

from . import selectors
from .models import HelpOffice


class HelpOfficeViewSet(SnippetViewSet):
    model = HelpOffice
    icon = "site"
    menu_label = gettext_lazy("Free-help offices")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "city", "kind", "website", "locale"]
    list_filter = ["city", "kind", "locale"]
    search_fields = ["name", "description"]
    copy_view_enabled = False


register_snippet(HelpOfficeViewSet)


@require_GET
def guides_due(request):
    """Guides overdue for review or due within the horizon, the most urgent first."""
    if not is_programme_staff(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    guides = list(selectors.guides_due_for_review(today=today))
    rows = [
        {
            "page": guide,
            "overdue": guide.is_under_review(today),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        }
        for guide in guides
    ]
    return TemplateResponse(
        request,
        "community/admin/guides_due.html",
        {"rows": rows, "horizon": selectors.REVIEW_HORIZON_DAYS},
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("community/guides-due/", guides_due, name="community_guides_due")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_guides_due_menu_item():
    return StaffMenuItem(
        gettext_lazy("Guides to review"),
        reverse("community_guides_due"),
        icon_name="time",
        order=255,
    )
