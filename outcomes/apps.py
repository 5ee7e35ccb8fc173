from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Outcomes and alumni")

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from django.db.models.signals import post_save, pre_delete

        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import signals
        from .panels import FACTS, outcomes_panel

        pre_delete.connect(
            signals.alumnus_erased,
            sender="outcomes.Alumnus",
            dispatch_uid="outcomes-stories-erased",
        )
        post_save.connect(
            signals.participant_saved,
            sender="cohorts.Participant",
            dispatch_uid="outcomes-baseline-on-seat",
        )
        hooks.register_facts(FACTS)
        hooks.register_panel(order=25)(outcomes_panel)
        add_role_permissions(
            Role.STAFF,
            "outcomes.view_wave",
            "outcomes.view_response",
            "outcomes.view_alumnus",
            "outcomes.change_alumnus",
            "outcomes.view_alumnievent",
            "outcomes.add_alumnievent",
            "outcomes.change_alumnievent",
            "outcomes.view_alumniinvitation",
        )
