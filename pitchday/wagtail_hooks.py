"""Staff console (Wagtail admin): funds, grants, disbursements, pitch events, pitches.
Money-moving actions (request, approve, record, reconcile) live on the grants desk, whose
pages these screens link to, so every change goes through the services."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSetGroup

from semilla.console import ConsoleViewSet, register_menu_links, status_filterset
from semilla.permissions import has_any_role

from .admin_payouts import CONFIRMERS, payout_held
from .enums import DisbursementStatus, EntryKind, EventStatus, GrantStatus, PitchStatus
from .forms.fields import PesosField
from .models import (
    AwardTier,
    Disbursement,
    Fund,
    Grant,
    Pitch,
    PitchEvent,
)
from .services.ledger import post_entry


class FundForm(WagtailAdminModelForm):
    add_budget = PesosField(
        label=_("Add to the budget (pesos)"),
        min_value=0,
        required=False,
        help_text=_("Booked in the ledger as a budget allocation; balances are derived."),
    )

    class Meta:
        model = Fund
        fields = ["name", "donor", "description", "currency", "accepts_contributions"]


def book_budget(fund: Fund, amount: int, actor) -> None:
    """The console's "add to the budget": one budget entry in the ledger (its memo names
    no person, tests/privacy/test_ledger_memos.py)."""
    post_entry(
        fund=fund,
        kind=EntryKind.BUDGET,
        amount=amount,
        actor=actor,
        memo="budget added in the console",
    )


class BooksBudgetMixin:
    """Saving a fund books the form's "add to the budget" amount in the ledger."""

    def save_instance(self):
        fund = super().save_instance()
        amount = self.form.cleaned_data.get("add_budget")
        if amount:
            book_budget(fund, amount, self.request.user)
        return fund


class FundCreateView(BooksBudgetMixin, CreateView):
    pass


class FundEditView(BooksBudgetMixin, EditView):
    pass


class FundViewSet(ConsoleViewSet):
    model = Fund
    icon = "tasks"
    menu_label = _("Funds")
    inspect_view_enabled = False
    list_display = ["name", "donor", "currency"]
    search_fields = ["name", "donor"]
    add_view_class = FundCreateView
    edit_view_class = FundEditView
    delete_view_enabled = False

    def get_form_class(self, for_update=False):
        # The fields live on FundForm's Meta (a form class built on top of Wagtail's own
        # lost its model: "ModelForm has no model class specified").
        return FundForm


class DeskLinkColumn(Column):
    cell_template_name = "pitchday/admin/link_cell.html"

    def __init__(self, name, *, url_name, arg, link_label, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name, self.arg, self.link_label = url_name, arg, link_label

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        args = [getattr(instance, self.arg)] if self.arg else []
        context["url"] = reverse(self.url_name, args=args)
        context["link_label"] = self.link_label
        return context


class GrantViewSet(ConsoleViewSet):
    model = Grant
    icon = "doc-full"
    menu_label = _("Seed grants")
    filterset_class = status_filterset(Grant, GrantStatus, fields=["status", "fund"])
    search_fields = ["reference", "business_name"]
    list_display = [
        "reference",
        "business_name",
        "grantee",
        "status",
        DeskLinkColumn(
            "desk",
            label=_("Desk"),
            url_name="pitchday:desk_grant",
            arg="reference",
            link_label=_("Open"),
        ),
    ]
    form_fields = ["business_name"]
    delete_view_enabled = False

    list_select_related = ("grantee",)


class DisbursementViewSet(ConsoleViewSet):
    """Read-only list; approval actions are on the desk (four eyes, one service)."""

    model = Disbursement
    icon = "pick"
    menu_label = _("Disbursements")
    filterset_class = status_filterset(Disbursement, DisbursementStatus, fields=["status", "rail"])
    list_display = [
        "__str__",
        "tranche",
        "amount",
        "status",
        "requested_by",
        "approved_by",
        DeskLinkColumn(
            "desk",
            label=_("Actions"),
            url_name="pitchday:desk_disbursements",
            arg=None,
            link_label=_("Approve or record"),
        ),
    ]
    form_fields = []
    # payout details and the proof of payment are shown (and their access audited) on
    # the payments desk only
    inspect_view_fields_exclude = ["payout_details", "proof", "proof_content_type"]
    create_view_enabled = False
    edit_view_enabled = False
    delete_view_enabled = False

    list_select_related = ("tranche__grant", "requested_by", "approved_by")


class PitchEventForm(WagtailAdminModelForm):
    """The award budget is typed and shown in pesos (stored in minor units)."""

    award_budget = PesosField(label=_("Award budget (pesos)"), min_value=0, initial=0)

    class Meta:
        model = PitchEvent
        fields = [
            "title",
            "cohorts",
            "starts_at",
            "venue",
            "online_url",
            "submission_deadline",
            "rubric",
            "min_judges",
            "award_budget",
            "currency",
            "fund",
            "audience_vote",
            "winners_public",
        ]


class AwardTierForm(WagtailAdminModelForm):
    """A tier's amount is typed and shown in pesos (stored in minor units)."""

    amount = PesosField(label=_("Amount (pesos)"))

    class Meta:
        model = AwardTier
        fields = ["event", "name", "rank_from", "rank_to", "amount"]


class PitchEventViewSet(ConsoleViewSet):
    model = PitchEvent
    icon = "date"
    menu_label = _("Pitch events")
    inspect_view_enabled = False
    filterset_class = status_filterset(PitchEvent, EventStatus, fields=["status"])
    search_fields = ["title", "venue"]
    list_display = [
        "title",
        "starts_at",
        "status",
        DeskLinkColumn(
            "page",
            label=_("Event page"),
            url_name="pitchday:event_detail",
            arg="pk",
            link_label=_("Open"),
        ),
    ]
    delete_view_enabled = False

    def get_form_class(self, for_update=False):
        return PitchEventForm


class AwardTierViewSet(ConsoleViewSet):
    model = AwardTier
    icon = "list-ol"
    menu_label = _("Award tiers")
    inspect_view_enabled = False
    list_display = ["event", "name", "rank_from", "rank_to", "amount"]
    list_select_related = ("event",)

    def get_form_class(self, for_update=False):
        return AwardTierForm


class PitchViewSet(ConsoleViewSet):
    model = Pitch
    icon = "user"
    menu_label = _("Pitches")
    filterset_class = status_filterset(Pitch, PitchStatus, fields=["event", "status"])
    search_fields = ["business_name"]
    list_display = ["business_name", "event", "status", "running_order", "ask_amount"]
    form_fields = ["running_order"]
    create_view_enabled = False
    delete_view_enabled = False

    list_select_related = ("event",)


class PitchdayGroup(ModelViewSetGroup):
    menu_label = _("Pitch day and grants")
    menu_icon = "pick"
    menu_order = 300
    items = (
        PitchEventViewSet,
        PitchViewSet,
        AwardTierViewSet,
        FundViewSet,
        GrantViewSet,
        DisbursementViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PitchdayGroup()


@hooks.register("register_admin_menu_item")
def register_desk_link():
    return MenuItem(_("Grants desk"), reverse("pitchday:desk_home"), icon_name="pick", order=301)


@hooks.register("register_admin_urls")
def register_payout_held_urls():
    return [path("pitchday/payout-held/", payout_held, name="pitchday_payout_held")]


def _may_confirm_payouts(user) -> bool:
    return has_any_role(user, CONFIRMERS)


register_menu_links(
    [(_("Payout details to confirm"), "pitchday_payout_held", "warning", 302)],
    shown_to=_may_confirm_payouts,
)
