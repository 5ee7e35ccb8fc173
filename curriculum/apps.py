from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

#: The group whose members approve curriculum pages in the moderation workflow.
PROGRAMME_LEAD_GROUP = "programme_lead"
#: Certificates in the console: programme staff and programme leads.
CERTIFICATE_PERMISSIONS = ("curriculum.view_certificate", "curriculum.change_certificate")


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals  # noqa: F401  (cache invalidation on publish)
        from .panels import FACTS, due_this_week_panel, my_learning_panel

        hooks.register_facts(FACTS)
        hooks.register_nav(hooks.NavItem(label=_("Learn"), url_name="curriculum:start", order=10))
        hooks.register_panel(order=20)(my_learning_panel)
        hooks.register_panel(order=15)(due_this_week_panel)
        add_role_permissions(Role.STAFF, *CERTIFICATE_PERMISSIONS)
        post_migrate.connect(_sync_programme_lead, dispatch_uid="curriculum_programme_lead")


def _sync_programme_lead(sender, **kwargs):
    """Give the programme-lead group its Django permissions once every app's permissions
    exist (page permissions on the curriculum tree are set by load_curriculum)."""

    with_models = [c for c in django_apps.get_app_configs() if c.models_module is not None]
    if not with_models or sender is not with_models[-1]:
        return
    # lazy: app loading (apps.py is imported before the models exist)
    from django.contrib.auth.models import Group

    from semilla.roles import CONSOLE_EDITOR_PERMISSIONS, permissions_named

    group, _created = Group.objects.get_or_create(name=PROGRAMME_LEAD_GROUP)
    group.permissions.add(
        *permissions_named([*CONSOLE_EDITOR_PERMISSIONS, *CERTIFICATE_PERMISSIONS])
    )
