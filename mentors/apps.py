from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors and sessions")

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from .panels import FACTS, mentors_panel

        hooks.register_facts(FACTS)

        hooks.register_nav(
            hooks.NavItem(
                label=_("Mentoring"),
                url_name="mentors:home",
                order=30,
                visible=lambda u: u.is_authenticated,
            )
        )
        hooks.register_panel(order=30)(mentors_panel)
        add_role_permissions(
            Role.STAFF,
            *[
                f"mentors.{verb}_{model}"
                for model in (
                    "mentorprofile",
                    "matchingweights",
                    "matchingrun",
                    "match",
                    "matchendrequest",
                    "excludedpair",
                )
                for verb in ("view", "change")
            ],
            "mentors.add_matchingweights",
            "mentors.view_booking",
            "mentors.view_mentorshipgoal",
        )
        add_role_permissions(Role.FUNDER, "mentors.view_matchingrun")
