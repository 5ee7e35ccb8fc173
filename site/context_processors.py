from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import hooks, permissions
from .notification_selectors import unread_count_cached


def site(request):
    user = getattr(request, "user", None)
    return {
        "nav_items": hooks.nav_items_for(user) if user is not None else [],
        "may_use_console": permissions.may_use_console(user) if user is not None else False,
        "site_name": "Semilla",
        "contact_email": settings.SEMILLA_CONTACT_EMAIL,
        "debug": settings.DEBUG,
        "notification_bell": _bell(user, request),
    }


def _bell(user, request):
    """The bell's unread count (``notification_bell.unread``): read only when a template
    shows it, from the shared cache (dropped on every change), else counted in one query;
    a page kept whole (``semilla.personal_page``) read it already, for its key."""
    if user is None or not user.is_authenticated:
        return {"unread": 0}
    known = getattr(request, "semilla_unread", None)
    if known is not None:
        return {"unread": known}

    return SimpleLazyObject(lambda: {"unread": unread_count_cached(user=user)})
