from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_schedules(sender, **kwargs) -> None:
    """The hourly reconciliation with Stripe (a django-q2 schedule, created once)."""
    # lazy: app loading (apps.py is imported before the models exist)
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        name="pitchday: reconcile Stripe",
        defaults={
            "func": "pitchday.tasks.reconcile_stripe",
            "schedule_type": Schedule.HOURLY,
            "repeats": -1,
        },
    )


class PitchdayConfig(AppConfig):
    name = "pitchday"
    verbose_name = _("Pitch day and seed grants")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from semilla import hooks
        from semilla.enums import Role
        from semilla.roles import add_role_permissions

        from . import rails  # noqa: F401  (registers the payout rails)
        from .panels import FACTS, my_pitchday_panel

        hooks.register_facts(FACTS)

        hooks.register_nav(
            hooks.NavItem(
                label=_("Pitch day"),
                url_name="pitchday:event_list",
                order=40,
                visible=lambda u: u.is_authenticated,
            )
        )
        hooks.register_panel(order=40)(my_pitchday_panel)

        post_migrate.connect(ensure_schedules, sender=self)
        models = [
            "fund",
            "grant",
            "disbursement",
            "ledgerentry",
            "reconciliationissue",
            "contribution",
        ]
        add_role_permissions(Role.FINANCE, *[f"pitchday.view_{m}" for m in models])
        add_role_permissions(
            Role.STAFF,
            "pitchday.view_fund",
            "pitchday.view_grant",
            "pitchday.view_disbursement",
            "pitchday.add_grant",
        )
        add_role_permissions(Role.FUNDER, "pitchday.view_fund")
        add_role_permissions(
            Role.STAFF,
            *[
                f"pitchday.{a}_{m}"
                for a in ("view", "add", "change")
                for m in ("pitchevent", "pitch", "judge", "awardtier", "pitchrubric", "fund")
            ],
        )
