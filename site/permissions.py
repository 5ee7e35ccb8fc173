"""Who may do what, across the site. One function per question; views, templates and
the other apps ask these instead of looking at groups themselves."""

from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode

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

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def requires_second_factor(user) -> bool:
    """True when ``user`` holds a role that must pass a second factor (TOTP) in each session
    before reaching any page: superusers and ``MFA_ROLES``. Off when the site does not ask
    for it (``SEMILLA_REQUIRE_MFA``: development)."""
    if not settings.SEMILLA_REQUIRE_MFA or not is_signed_in(user):
        return False
    return user.is_superuser or any(user.has_role(r) for r in MFA_ROLES)


def has_totp(user) -> bool:
    known = getattr(user, "_semilla_has_totp", None)  # kept with the user (semilla.middleware)
    if known is not None:
        return known
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def session_passed_second_factor(request) -> bool:
    """True when this session was authenticated with a second factor: allauth records an
    "mfa" authentication in the session at log-in with the code, at re-authentication with
    the code, and (``semilla.signals``) when the person proves a code to set TOTP up."""

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def second_factor_redirect(request) -> str | None:
    """Where the access policy sends this request instead of the page it asked for: TOTP
    set-up when the person has none (even if this session passed a code before it was
    removed), the code page when this session has not passed it; None when the page may be
    shown."""

    user = request.user
    if not requires_second_factor(user):
        return None
    if not has_totp(user):  # never set up, or removed: set it up again before anything else
        target = "mfa_activate_totp"
    elif not session_passed_second_factor(request):
        target = "mfa_reauthenticate"
    else:
        return None
    return f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}"


def recently_reauthenticated(request) -> bool:
    """True when the person confirmed their password or code in the last
    ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds of this session."""

    return did_recently_reauthenticate(request)


def role_required(*roles: Role | str):
    """View decorator for the ROLE check only: signed in, holding one of ``roles``
    (superusers pass). Anonymous -> log-in page; wrong role -> 403. The second factor is
    not checked here: the access policy (``semilla.middleware.AccessPolicyMiddleware``)
    has already sent a session without it to the code page, for every URL."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not is_signed_in(user):
                return redirect_to_login(request.get_full_path())
            if not has_any_role(user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
