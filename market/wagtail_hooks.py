"""The market app in the staff console: the directory of financial providers (snippets,
edited by staff), the queue of expressions of interest and the showcase (view only: a
status moves only through its service, from the staff desk) and the referrals."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from semilla.console import ConsoleViewSet, limit_console_actions, menu_link

from .models import FinancialProvider, Interest, Referral, ShowcaseProfile
from .permissions import may_manage_interests

# Looked at here; changed only through the services (desk buttons, the person's card).
limit_console_actions(Interest, Referral, ShowcaseProfile)


class FinancialProviderViewSet(SnippetViewSet):
    model = FinancialProvider
    icon = "tag"
    menu_label = _("Financial providers")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["name", "kind", "cities", "published"]
    list_filter = ["kind", "published", "offers_microcredit", "accepts_ppt"]
    search_fields = ["name", "offer"]
    copy_view_enabled = False


register_snippet(FinancialProviderViewSet)


class InterestViewSet(ConsoleViewSet):
    model = Interest
    icon = "mail"
    menu_label = _("Interest in businesses")
    menu_order = 272
    add_to_admin_menu = True
    list_display = ["profile", "kind", "organisation", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["profile__business_name", "organisation"]
    form_fields = ["status"]
    list_select_related = ("profile",)


class ReferralViewSet(ConsoleViewSet):
    model = Referral
    icon = "link"
    menu_label = _("Finance referrals")
    menu_order = 273
    add_to_admin_menu = True
    list_display = ["user", "provider", "product", "referred_on", "status"]
    list_filter = ["status", "product", "provider"]
    form_fields = ["status"]
    list_select_related = ("user", "provider")


class ShowcaseViewSet(ConsoleViewSet):
    model = ShowcaseProfile
    icon = "image"
    menu_label = _("Showcase")
    menu_order = 271
    add_to_admin_menu = True
    list_display = ["business_name", "city", "sector", "event", "listed"]
    list_filter = ["listed", "city", "sector"]
    search_fields = ["business_name"]
    form_fields = ["listed"]
    list_select_related = ("event",)


@hooks.register("register_admin_viewset")
def register_market_viewsets():
    return [
        InterestViewSet("market_interests"),
        ReferralViewSet("market_referrals"),
        ShowcaseViewSet("market_showcase"),
    ]


@hooks.register("register_admin_menu_item")
def register_interest_desk_menu_item():
    return menu_link(
        _("Route interest in businesses"),
        "market:desk_interests",
        icon="mail",
        order=274,
        shown_to=may_manage_interests,
    )
