"""The market app in the staff console: the directory of financial providers (snippets,
edited by staff), the queue of expressions of interest and the showcase (view only: a
status moves only through its service, from the staff desk) and the referrals."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from semilla.console import ListQuerysetMixin

from .models import FinancialProvider, Interest, Referral, ShowcaseProfile
from .permissions import may_manage_interests


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Looked at here; changed only through the services (desk buttons, the person's card)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


for _model in (Interest, Referral, ShowcaseProfile):
    register_permission_policy(_model, ViewOnlyPolicy(_model), exact_class=True)


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


class InterestViewSet(ListQuerysetMixin, ModelViewSet):
    model = Interest
    icon = "mail"
    menu_label = _("Interest in businesses")
    menu_order = 272
    add_to_admin_menu = True
    list_display = ["profile", "kind", "organisation", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["profile__business_name", "organisation"]
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("profile",)


class ReferralViewSet(ListQuerysetMixin, ModelViewSet):
    model = Referral
    icon = "link"
    menu_label = _("Finance referrals")
    menu_order = 273
    add_to_admin_menu = True
    list_display = ["user", "provider", "product", "referred_on", "status"]
    list_filter = ["status", "product", "provider"]
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("user", "provider")


class ShowcaseViewSet(ListQuerysetMixin, ModelViewSet):
    model = ShowcaseProfile
    icon = "image"
    menu_label = _("Showcase")
    menu_order = 271
    add_to_admin_menu = True
    list_display = ["business_name", "city", "sector", "event", "listed"]
    list_filter = ["listed", "city", "sector"]
    search_fields = ["business_name"]
    form_fields = ["listed"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("event",)


@hooks.register("register_admin_viewset")
def register_interest_viewset():
    return InterestViewSet("market_interests")


@hooks.register("register_admin_viewset")
def register_referral_viewset():
    return ReferralViewSet("market_referrals")


@hooks.register("register_admin_viewset")
def register_showcase_viewset():
    return ShowcaseViewSet("market_showcase")


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_interests(request.user)


@hooks.register("register_admin_menu_item")
def register_interest_desk_menu_item():
    return DeskMenuItem(
        _("Route interest in businesses"),
        reverse("market:desk_interests"),
        icon_name="mail",
        order=274,
    )
