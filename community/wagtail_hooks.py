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
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from semilla.console import ConsoleViewSet, limit_console_actions, register_menu_links
from semilla.errors import ServiceError
from semilla.permissions import is_programme_staff
from semilla.templatetags.semilla_tags import money

from . import admin_views, selectors, services
from .forms import REGISTRATION_FIELDS, HireForm, PurchaseOrderForm
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


# --- employer partners ------------------------------------------------------------------------


# Staff look at these rows here; they change through their services (a registration from
# its review screen, a post by its partner).
limit_console_actions(EmployerPartner, PartnerPost)
# Staff record these rows (through the service, in the create view) and look at them; a
# wrong row is corrected by staff with database access, not edited away.
limit_console_actions(PartnerCommitment, Hire, PurchaseOrder, actions=("view", "add"))


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


class PartnerViewSet(ConsoleViewSet):
    model = EmployerPartner
    icon = "group"
    menu_label = gettext_lazy("Partners")
    list_display = ["name", "city", "sector", "size", "status", "created_at"]
    list_filter = ["status", "city", "sector"]
    search_fields = ["name", "nit", "contact_name"]
    form_fields = ["profile"]
    inspect_view_fields = [
        *REGISTRATION_FIELDS,
        "status",
        "created_at",
        "decided_at",
        "profile",
        "pledge",
    ]


class PostViewSet(ConsoleViewSet):
    model = PartnerPost
    icon = "doc-full"
    menu_label = gettext_lazy("Jobs and supplier needs")
    list_display = ["title", "partner", "kind", "city", "closes_on", "status"]
    list_filter = ["status", "kind", "city"]
    search_fields = ["title"]
    form_fields = ["title"]
    list_select_related = ("partner",)


class CommitmentViewSet(ConsoleViewSet):
    model = PartnerCommitment
    icon = "pick"
    menu_label = gettext_lazy("Commitments")
    list_display = ["partner", "description", "target", "year", "kind"]
    list_filter = ["year", "kind"]
    form_fields = ["partner", "kind", "description", "target", "year"]
    add_view_class = CommitmentCreateView
    inspect_view_enabled = False
    list_select_related = ("partner",)


class HireViewSet(ConsoleViewSet):
    model = Hire
    icon = "user"
    menu_label = gettext_lazy("Hires")
    list_display = ["user", "partner", "post", "city", "cohort", "on"]
    list_filter = ["city", "partner"]
    add_view_class = HireCreateView
    inspect_view_enabled = False
    list_select_related = ("user", "partner", "post", "cohort")

    def get_form_class(self, for_update=False):
        return HireForm


class AmountColumn(Column):
    """An order's amount as money ("$ 1.200.000 COP"), not as minor units."""

    def get_value(self, instance):
        return money(instance.amount_minor, instance.currency)


class PurchaseOrderViewSet(ConsoleViewSet):
    model = PurchaseOrder
    icon = "list-ul"
    menu_label = gettext_lazy("Purchase orders")
    list_display = [
        "reference",
        "user",
        "partner",
        "city",
        AmountColumn("amount_minor", label=gettext_lazy("Amount")),
        "on",
    ]
    list_filter = ["city", "partner", "currency"]
    add_view_class = PurchaseOrderCreateView
    inspect_view_enabled = False
    list_select_related = ("user", "partner", "post")

    def get_form_class(self, for_update=False):
        return PurchaseOrderForm


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


register_menu_links(
    [
        (gettext_lazy("Guides to review"), "community_guides_due", "time", 255),
        (gettext_lazy("Employer registrations"), "community_partner_queue", "mail", 261),
    ],
    shown_to=is_programme_staff,
)
