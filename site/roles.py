"""Which Django permissions each role's group holds. The groups themselves are created by
a data migration; permissions are attached after every ``migrate`` (they only exist once
all apps have migrated). Apps add their own with ``add_role_permissions`` in ``ready``."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission

from .enums import Role

#: What anyone who edits pages in the staff console holds: the console itself, images and
#: documents (programme staff; curriculum's programme leads).
CONSOLE_EDITOR_PERMISSIONS = frozenset(
    {
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    }
)

ROLE_PERMISSIONS: dict[str, set[str]] = defaultdict(set)
ROLE_PERMISSIONS[Role.STAFF] |= CONSOLE_EDITOR_PERMISSIONS | {
    "semilla.view_outboxmessage",  # the console's "Messages sent" (failed deliveries)
}
ROLE_PERMISSIONS[Role.FINANCE] |= {"wagtailadmin.access_admin"}
ROLE_PERMISSIONS[Role.FUNDER] |= {"wagtailadmin.access_admin"}


def add_role_permissions(role: Role | str, *perms: str) -> None:
    ROLE_PERMISSIONS[str(role)].update(perms)


def permissions_named(dotted: Iterable[str]) -> list[Permission]:
    """The permissions named ``app_label.codename`` that exist (in name order)."""
    found = []
    for name in sorted(dotted):
        app_label, codename = name.split(".", 1)
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            found.append(perm)
    return found


def sync_role_permissions() -> None:
    """Make each role group hold exactly its declared permissions (idempotent)."""

    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = ROLE_PERMISSIONS.get(role.value, set())
        group.permissions.set(permissions_named(wanted))
