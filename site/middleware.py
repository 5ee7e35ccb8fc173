"""Site-wide request handling: the user's language and time zone, TOTP for staff roles,
and private caching for personal pages."""

import zoneinfo

from django.conf import settings
from django.shortcuts import redirect
from django.utils import timezone

from . import permissions

MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/")


class UserPreferencesMiddleware:
    """Activates the signed-in user's time zone (America/Bogota otherwise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tzname = getattr(request.user, "timezone", None) if request.user.is_authenticated else None
        try:
            timezone.activate(zoneinfo.ZoneInfo(tzname or settings.TIME_ZONE))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class StaffMFAMiddleware:
    """The staff console (/admin/) requires TOTP for users whose role requires it. Other
    protected areas use ``permissions.role_required``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/") and permissions.needs_mfa(request.user):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Pages shown to a signed-in person may carry personal data: no shared or browser
    caching of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response
