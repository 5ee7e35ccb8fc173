from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts and applications")

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals  # noqa: F401  (page cache invalidation)
        from .panels import FACTS, cohorts_panel
        from .permissions import is_reviewer

        hooks.register_facts(FACTS)

        hooks.register_nav(hooks.NavItem(label=_("Cohorts"), url_name="cohorts:list", order=20))
        hooks.register_nav(
            hooks.NavItem(
                label=_("My reviews"),
                url_name="cohorts:review_queue",
                order=60,
                visible=is_reviewer,
            )
        )
        hooks.register_panel(order=20)(cohorts_panel)

        manage = [
            f"cohorts.{verb}_{model}"
            for model in (
                "programme",
                "cohort",
                "rubric",
                "criterion",
                "workshop",
                "reviewassignment",
                "reviewerconflict",
                "attendance",
            )
            for verb in ("add", "change", "view", "delete")
        ]
        add_role_permissions(
            Role.STAFF,
            *manage,
            "cohorts.view_application",
            "cohorts.view_participant",
            "cohorts.change_participant",
            "cohorts.decide_application",
        )
        add_role_permissions(Role.FUNDER, "cohorts.view_programme", "cohorts.view_cohort")
