from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Messages and safety reports")

    def ready(self) -> None:
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        add_role_permissions(Role.STAFF, "conversations.view_report")
