"""Signal handlers of the privacy package (connected when its models load)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

DATA_PROTECTION_GROUP = "data_protection"
DATA_PROTECTION_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("semilla", "view_access_audit"),
    ("semilla", "view_datarequest"),
    ("semilla", "change_datarequest"),
    ("semilla", "view_erasurelog"),
    ("semilla", "view_bulkaccessalert"),
    ("semilla", "view_consentrecord"),
]


@receiver(user_logged_in, dispatch_uid="privacy_close_inactivity_notice")
def close_inactivity_notice(sender, request, user, **kwargs):
    # cycle: semilla.privacy.services -> semilla.privacy.models -> semilla.privacy.signals
    from .services import inactivity_notice_close

    inactivity_notice_close(user=user)


@receiver(post_migrate, dispatch_uid="privacy_data_protection_group")
def sync_data_protection_group(sender, **kwargs):
    """The data_protection group (created by a migration) holds the permissions to see the
    access audit and handle data requests. Runs after every app's migrations (permissions
    of later apps exist only then); idempotent."""
    # lazy: app loading (this module is imported while the models load)
    from django.contrib.auth.models import Group, Permission

    using = kwargs.get("using", "default")
    group, _created = Group.objects.using(using).get_or_create(name=DATA_PROTECTION_GROUP)
    perms = [
        p
        for app_label, codename in DATA_PROTECTION_PERMISSIONS
        for p in Permission.objects.using(using).filter(
            content_type__app_label=app_label, codename=codename
        )
    ]
    group.permissions.add(*perms)


def _register_navigation() -> None:

    # lazy: app loading (this module is imported while the models load)
    from .. import hooks
    from ..permissions import is_signed_in

    hooks.register_nav(
        hooks.NavItem(
            label=_("My data"), url_name="privacy:my_data", order=90, visible=is_signed_in
        )
    )


_register_navigation()
