from django.conf import settings

from . import hooks, permissions


def site(request):
    user = getattr(request, "user", None)
    return {
        "nav_items": hooks.nav_items_for(user) if user is not None else [],
        "may_use_console": permissions.may_use_console(user) if user is not None else False,
        "site_name": "Semilla",
        "debug": settings.DEBUG,
    }
