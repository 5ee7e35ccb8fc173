"""The console's home (Wagtail's dashboard) in a bounded number of queries (P13,
docs/performance.md).

Wagtail's home runs one query per summary item (pages, images, documents; ours: people
with an account) and one or two per panel even when the panel has nothing to show (the
person's pages in a workflow, their recent edits, their locked pages). Here every count
and every "has the panel anything to show?" is one column of a single query
(``HomeCounts``); the summary items read their figure from it, and a panel with nothing
to show renders nothing without asking the database again (Wagtail's templates render an
empty panel as nothing too). A panel with something to show is Wagtail's own, rendered as
Wagtail renders it. Registered from ``semilla.wagtail_hooks``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem, SummaryItem
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
)
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images import get_image_model
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import Page, PageLogEntry, Site, WorkflowState, get_default_page_content_type
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

from .models import User

#: the permissions Wagtail counts an image or a document under on its home
_MEDIA_PERMISSIONS = {"add", "change", "delete", "choose"}


def _count(queryset: QuerySet) -> Coalesce:
    """``SELECT COUNT(pk) FROM ... WHERE ...`` as a column (COUNT as a plain function, so
    the subquery has no GROUP BY and always answers one row)."""
    counted = queryset.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class HomeCounts:
    """The figures of one request's console home, read in one query the first time one is
    needed. Summary items and panels ``want`` theirs while the page is put together (in
    the construct hooks), before anything is rendered."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self._expressions: dict[str, Any] = {}
        self._values: dict[str, Any] | None = None

    def want(self, name: str, expression: Any) -> None:
        self._expressions[name] = expression
        self._values = None

    def __getitem__(self, name: str) -> Any:
        if self._values is None:
            user = self.request.user
            columns = {f"home_{key}": value for key, value in self._expressions.items()}
            row = User.objects.filter(pk=user.pk).values(**columns).first() or {}
            self._values = {key.removeprefix("home_"): value for key, value in row.items()}
        return self._values[name]


def home_counts(request: HttpRequest) -> HomeCounts:
    counts = getattr(request, "_console_home_counts", None)
    if counts is None:
        counts = request._console_home_counts = HomeCounts(request)  # type: ignore[attr-defined]
    return counts


# --- summary items --------------------------------------------------------------------


class PeopleSummaryItem(SummaryItem):
    order = 50
    template_name = "semilla/admin/people_summary.html"

    def want(self, counts: HomeCounts) -> None:
        counts.want("people", _count(User.objects.filter(is_active=True)))

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "total_people": home_counts(self.request)["people"],
            "label": _("people with an account"),
        }

    def is_shown(self) -> bool:
        return self.request.user.has_perm("wagtailadmin.access_admin")


class PagesCountItem(PagesSummaryItem):
    """Wagtail's page count (same figure, same template), its count from ``HomeCounts``
    and the single site with its home page in one query."""

    def want(self, counts: HomeCounts) -> None:
        root_page = get_site_for_user(self.request.user)["root_page"]
        if root_page:
            counts.want("pages", _count(Page.objects.descendant_of(root_page, inclusive=True)))

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        site_details = get_site_for_user(self.request.user)
        root_page = site_details["root_page"]
        page_count = 0
        if root_page:
            page_count = home_counts(self.request)["pages"]
            if root_page.is_root():
                # the tree's root is not a real page; with one site, link to its home page
                page_count -= 1
                try:
                    root_page = Site.objects.select_related("root_page").get().root_page
                except (Site.DoesNotExist, Site.MultipleObjectsReturned):
                    pass
        return {
            "root_page": root_page,
            "total_pages": page_count,
            "site_name": site_details["site_name"],
        }


def _media_count_item(
    base: type[SummaryItem], model: Callable[[], type], name: str, context_name: str
):
    """Wagtail's image or document count, the figure from ``HomeCounts``."""

    class MediaCountItem(base):  # type: ignore[valid-type, misc]
        def _policy(self) -> BasePermissionPolicy:
            return policy_registry.get_by_type(model())

        def want(self, counts: HomeCounts) -> None:
            policy = self._policy()
            mine = policy.instances_user_has_any_permission_for(
                self.request.user, _MEDIA_PERMISSIONS
            )
            counts.want(name, _count(mine))

        def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
            return {
                context_name: home_counts(self.request)[name],
                "site_name": get_site_for_user(self.request.user)["site_name"],
            }

    MediaCountItem.__name__ = MediaCountItem.__qualname__ = f"{base.__name__}FromCounts"
    return MediaCountItem


ImagesCountItem = _media_count_item(ImagesSummaryItem, get_image_model, "images", "total_images")
DocumentsCountItem = _media_count_item(
    DocumentsSummaryItem, get_document_model, "documents", "total_docs"
)

#: Wagtail's summary item -> ours, the same figure from ``HomeCounts``
_SUMMARY_REPLACEMENTS: dict[type[SummaryItem], type[SummaryItem]] = {
    PagesSummaryItem: PagesCountItem,
    ImagesSummaryItem: ImagesCountItem,
    DocumentsSummaryItem: DocumentsCountItem,
}


def construct_summary_items(request: HttpRequest, items: list[SummaryItem]) -> None:
    """Wagtail's counts replaced by the same counts from one query; ours added."""
    counts = home_counts(request)
    for position, item in enumerate(items):
        replacement = _SUMMARY_REPLACEMENTS.get(type(item))
        if replacement is not None:
            items[position] = replacement(request)
    items.append(PeopleSummaryItem(request))
    for item in items:
        want = getattr(item, "want", None)
        if want is not None and item.is_shown():
            want(counts)


# --- panels ---------------------------------------------------------------------------


def _in_moderation(user) -> Q | None:
    """The person's objects in a workflow, as Wagtail's panel selects them (pages they own
    or objects they submitted), or None when workflows are off."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    pages_owned = Q(base_content_type_id=get_default_page_content_type().id) & Exists(
        Page.objects.filter(owner=user, id=Cast(OuterRef("object_id"), output_field=IntegerField()))
    )
    return pages_owned | Q(requested_by=user)


class _ShownWhenAny:
    """A Wagtail panel rendered only when ``HomeCounts`` says it has rows (an empty one
    renders nothing in Wagtail's template too, after its own queries)."""

    gate: str

    def gate_expression(self, user) -> Any:  # pragma: no cover - each panel defines it
        raise NotImplementedError

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        request = parent_context["request"] if parent_context else None
        if request is not None and not home_counts(request)[self.gate]:
            return ""
        return super().render_html(parent_context)  # type: ignore[misc]


class InModerationPanel(_ShownWhenAny, UserObjectsInWorkflowModerationPanel):
    gate = "in_moderation"

    def gate_expression(self, user) -> Any:
        which = _in_moderation(user)
        if which is None:
            return False
        return Exists(WorkflowState.objects.active().filter(which))


class RecentEditsIfAnyPanel(_ShownWhenAny, RecentEditsPanel):
    gate = "recent_edits"

    def gate_expression(self, user) -> Any:
        return Exists(PageLogEntry.objects.filter(user=user, action="wagtail.edit"))


class LockedPagesIfAnyPanel(_ShownWhenAny, LockedPagesPanel):
    gate = "locked_pages"

    def gate_expression(self, user) -> Any:
        return Exists(Page.objects.filter(locked=True, locked_by=user))


_PANEL_REPLACEMENTS = {
    UserObjectsInWorkflowModerationPanel: InModerationPanel,
    RecentEditsPanel: RecentEditsIfAnyPanel,
    LockedPagesPanel: LockedPagesIfAnyPanel,
}


def construct_panels(request: HttpRequest, panels: list) -> None:
    """Wagtail's panels that are empty for most people asked about in ``HomeCounts``."""
    counts = home_counts(request)
    for position, panel in enumerate(panels):
        replacement = _PANEL_REPLACEMENTS.get(type(panel))
        if replacement is not None:
            panel = panels[position] = replacement()
            counts.want(panel.gate, panel.gate_expression(request.user))
