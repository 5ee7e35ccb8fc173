from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    """Investors, buyers and finance: the showcase, expressions of interest, the finance
    directory, loan readiness and referrals."""

    name = "market"
    verbose_name = _("Investors, buyers and finance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals  # noqa: F401  (page cache: providers changed)
        from .panels import FACTS, market_panel

        hooks.register_nav(
            hooks.NavItem(label=_("Support a business"), url_name="market:showcase_list", order=17)
        )
        hooks.register_facts(FACTS)
        hooks.register_panel(order=27)(market_panel)
        add_role_permissions(
            Role.STAFF,
            "market.add_financialprovider",
            "market.change_financialprovider",
            "market.delete_financialprovider",
            "market.view_financialprovider",
            "market.view_interest",
            "market.view_showcaseprofile",
            "market.view_referral",
        )
