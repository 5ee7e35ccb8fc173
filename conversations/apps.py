from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Messages and safety reports")

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from .panels import FACTS, conversations_panel

        hooks.register_facts(FACTS)
        hooks.register_panel(order=32)(conversations_panel)
        add_role_permissions(Role.STAFF, "conversations.view_report")
