from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Beyond the cohort: the "Know your rights" guides, free-help offices and employer
    partners."""

    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals  # noqa: F401  (page cache: help offices changed)
        from .links import register_guide_links
        from .panels import FACTS, community_panel

        hooks.register_nav(
            hooks.NavItem(label=_("Know your rights"), url_name="community:guides", order=15)
        )
        hooks.register_facts(FACTS)
        hooks.register_panel(order=27)(community_panel)
        hooks.register_outcome_counts("community", _employer_outcome_counts)
        add_role_permissions(
            Role.STAFF,
            "community.add_helpoffice",
            "community.change_helpoffice",
            "community.delete_helpoffice",
            "community.view_helpoffice",
            "community.view_employerpartner",
            "community.view_partnerpost",
            "community.add_partnercommitment",
            "community.view_partnercommitment",
            "community.add_hire",
            "community.view_hire",
            "community.add_purchaseorder",
            "community.view_purchaseorder",
        )
        register_guide_links()


def _employer_outcome_counts(*, date_from, date_to):
    # lazy: app loading (apps.py is imported before the models exist)
    from .selectors import employer_outcome_counts

    return employer_outcome_counts(date_from=date_from, date_to=date_to)
