from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class SemillaConfig(AppConfig):
    name = "semilla"
    label = "semilla"
    verbose_name = _("Semilla")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (registers signal handlers)
        from .exports import install_wagtail_writer

        install_wagtail_writer()


class SemillaUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our listing of people (search by name: see
    semilla.console_users)."""

    user_viewset = "semilla.console_users.PeopleViewSet"
