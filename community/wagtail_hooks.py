"""The staff console for the community app: the free-help offices of each city (snippets,
translatable), the list of guides due for review, and the employer partners (registrations
to review, partners, posts, commitments, hires and purchase orders). Guides themselves are pages, edited in
Wagtail's page explorer under "Know your rights"."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from semilla.console import ListQuerysetMixin
from semilla.errors import ServiceError
from semilla.permissions import is_programme_staff

from . import admin_views, selectors, services
from .models import (
    EmployerPartner,
    HelpOffice,
    Hire,
    PartnerCommitment,
    PartnerPost,
    PurchaseOrder,
)


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


# --- employer partners ------------------------------------------------------------------------


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Staff look at these rows here; they change through their services (a registration
    from its review screen, a post by its partner)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


class AddAndViewPolicy(ModelPermissionPolicy):
    """Staff record these rows (through the service, in the create view) and look at them;
    a wrong row is corrected by staff with database access, not edited away."""

    def user_has_permission(self, user, action):
        if action not in ("view", "add"):
            return False
        return super().user_has_permission(user, action)


for _model in (EmployerPartner, PartnerPost):
    register_permission_policy(_model, ViewOnlyPolicy(_model), exact_class=True)
for _model in (PartnerCommitment, Hire, PurchaseOrder):
    register_permission_policy(_model, AddAndViewPolicy(_model), exact_class=True)


class ServiceCreateView(CreateView):
    """A create view whose save goes through a service; a refusal shows on the form."""

    service_fields: tuple[str, ...] = ()

    def call_service(self, data):
        raise NotImplementedError

    def save_instance(self):
        data = {name: self.form.cleaned_data.get(name) for name in self.service_fields}
        return self.call_service(data)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ServiceError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)


class CommitmentCreateView(ServiceCreateView):
    service_fields = ("partner", "kind", "description", "target", "year")

    def call_service(self, data):
        return services.commitment_record(actor=self.request.user, **data)


class HireCreateView(ServiceCreateView):
    service_fields = ("partner", "post", "user", "on")

    def call_service(self, data):
        return services.hire_record(actor=self.request.user, **data)


class PurchaseOrderCreateView(ServiceCreateView):
    service_fields = ("partner", "post", "user", "on", "amount_minor", "currency", "reference")

    def call_service(self, data):
        return services.purchase_order_record(actor=self.request.user, **data)


class PartnerViewSet(ListQuerysetMixin, ModelViewSet):
    model = EmployerPartner
    icon = "group"
    menu_label = gettext_lazy("Partners")
    list_display = ["name", "city", "sector", "size", "status", "created_at"]
    list_filter = ["status", "city", "sector"]
    search_fields = ["name", "nit", "contact_name"]
    form_fields = ["profile"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "nit",
        "city",
        "sector",
        "size",
        "contact_name",
        "contact_email",
        "contact_phone",
        "motivation",
        "status",
        "created_at",
        "decided_at",
        "profile",
        "pledge",
    ]
    copy_view_enabled = False


class PostViewSet(ListQuerysetMixin, ModelViewSet):
    model = PartnerPost
    icon = "doc-full"
    menu_label = gettext_lazy("Jobs and supplier needs")
    list_display = ["title", "partner", "kind", "city", "closes_on", "status"]
    list_filter = ["status", "kind", "city"]
    search_fields = ["title"]
    form_fields = ["title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("partner",)


class CommitmentViewSet(ListQuerysetMixin, ModelViewSet):
    model = PartnerCommitment
    icon = "pick"
    menu_label = gettext_lazy("Commitments")
    list_display = ["partner", "description", "target", "year", "kind"]
    list_filter = ["year", "kind"]
    form_fields = ["partner", "kind", "description", "target", "year"]
    add_view_class = CommitmentCreateView
    copy_view_enabled = False
    list_select_related = ("partner",)


class HireViewSet(ListQuerysetMixin, ModelViewSet):
    model = Hire
    icon = "user"
    menu_label = gettext_lazy("Hires")
    list_display = ["user", "partner", "post", "city", "cohort", "on"]
    list_filter = ["city", "partner"]
    form_fields = ["partner", "post", "user", "on"]
    add_view_class = HireCreateView
    copy_view_enabled = False
    list_select_related = ("user", "partner", "post", "cohort")


class PurchaseOrderViewSet(ListQuerysetMixin, ModelViewSet):
    model = PurchaseOrder
    icon = "list-ul"
    menu_label = gettext_lazy("Purchase orders")
    list_display = ["reference", "user", "partner", "city", "amount_minor", "currency", "on"]
    list_filter = ["city", "partner", "currency"]
    form_fields = ["partner", "post", "user", "on", "amount_minor", "currency", "reference"]
    add_view_class = PurchaseOrderCreateView
    copy_view_enabled = False
    list_select_related = ("user", "partner", "post")


class EmployersGroup(ViewSetGroup):
    menu_label = gettext_lazy("Employer partners")
    menu_icon = "group"
    menu_order = 262
    items = (
        PartnerViewSet("community_partners"),
        PostViewSet("community_posts"),
        CommitmentViewSet("community_commitments"),
        HireViewSet("community_hires"),
        PurchaseOrderViewSet("community_orders"),
    )


@hooks.register("register_admin_viewset")
def register_employers_viewsets():
    return EmployersGroup()


@hooks.register("register_admin_urls")
def register_employer_admin_urls():
    return [
        path(
            "community/partners/queue/", admin_views.partner_queue, name="community_partner_queue"
        ),
        path(
            "community/partners/<int:pk>/review/",
            admin_views.partner_review,
            name="community_partner_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_partner_queue_menu_item():
    return StaffMenuItem(
        gettext_lazy("Employer registrations"),
        reverse("community_partner_queue"),
        icon_name="mail",
        order=261,
    )
