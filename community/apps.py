from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Beyond the cohort: the "Know your rights" guides and free-help offices."""

    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals  # noqa: F401  (page cache: help offices changed)
        from .links import register_guide_links

        hooks.register_nav(
            hooks.NavItem(label=_("Know your rights"), url_name="community:guides", order=15)
        )
        add_role_permissions(
            Role.STAFF,
            "community.add_helpoffice",
            "community.change_helpoffice",
            "community.delete_helpoffice",
            "community.view_helpoffice",
        )
        register_guide_links()
