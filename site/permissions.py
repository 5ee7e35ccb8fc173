"""Who may do what, across the site. One function per question; views, templates and
the other apps ask these instead of looking at groups themselves."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .enums import CONSOLE_ROLES, MFA_ROLES, Role


def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, role: Role | str) -> bool:
    return is_signed_in(user) and (user.is_superuser or user.has_role(role))


def has_any_role(user, roles) -> bool:
    return is_signed_in(user) and (user.is_superuser or any(user.has_role(r) for r in roles))


def is_programme_staff(user) -> bool:
    return has_role(user, Role.STAFF)


def is_finance(user) -> bool:
    return has_role(user, Role.FINANCE)


def is_funder(user) -> bool:
    return has_role(user, Role.FUNDER)


def may_use_console(user) -> bool:
    """The Wagtail admin (staff console): programme staff, finance and funders."""
    return has_any_role(user, CONSOLE_ROLES)


def has_verified_email(user) -> bool:
    if not is_signed_in(user):
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def needs_mfa(user) -> bool:
    """True when the user holds a role that requires TOTP and has not set it up yet."""
    if not settings.SEMILLA_REQUIRE_MFA or not is_signed_in(user):
        return False
    if not (user.is_superuser or any(user.has_role(r) for r in MFA_ROLES)):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def role_required(*roles: Role | str, mfa: bool = True):
    """View decorator: signed in, holding one of ``roles`` (superusers pass), with TOTP set
    up when the role requires it. Anonymous -> log-in page; wrong role -> 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not is_signed_in(user):
                return redirect_to_login(request.get_full_path())
            if not has_any_role(user, roles):
                raise PermissionDenied
            if mfa and needs_mfa(user):
                from django.shortcuts import redirect

                return redirect("mfa_activate_totp")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
