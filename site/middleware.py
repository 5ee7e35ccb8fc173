"""Site-wide request handling: the signed-in person from the table cache, the user's
language and time zone, the access policy (second factor per session, recent
re-authentication for account changes), and private caching for personal pages."""

import hashlib
import zoneinfo
from urllib.parse import urlsplit

from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.reauthentication import suspend_request
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import (
    AuthenticationMiddleware as DjangoAuthenticationMiddleware,
)
from django.core.exceptions import PermissionDenied
from django.core.signals import setting_changed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_path
from wagtail.users.models import UserProfile

from . import permissions, services, table_cache


def _secret_digest() -> str:
    """The session hashes are HMACs of ``SECRET_KEY``: a user verified under one key is
    never served under another (a rotated key signs everyone out, as without the cache)."""
    return hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest()[:16]


def _load_user(request):
    """``auth.get_user`` (the row, the session's hash verified against it, a mismatch
    flushing the session), with the roles and, for the roles that need one, whether a
    second factor is set up read at once, so that the kept value carries them."""
    user = auth.get_user(request)
    if user.is_authenticated:
        user.role_names  # noqa: B018  (read now: kept with the user)
        if permissions.requires_second_factor(user):
            user._semilla_has_totp = permissions.has_totp(user)
    return user


def user_for(request):
    """The person signed in to this request, from the table cache: kept per session user,
    authentication backend, session hash and secret key, and served only while no write
    touched the tables read to load it (the users, their roles, the second factors). So a
    password changed elsewhere (the user's row: the hash no longer verifies and the
    session is flushed), a role taken away, a second factor removed or an account
    deactivated take effect on the very next request; logging out empties the session,
    which is read on every request as before. ``SEMILLA_PERSON_CACHE`` (and
    ``SEMILLA_TABLE_CACHE``) false: Django's own look-up on every request."""
    if not settings.SEMILLA_PERSON_CACHE:
        return auth.get_user(request)
    session = request.session
    try:
        parts = (
            str(session[auth.SESSION_KEY]),
            session[auth.BACKEND_SESSION_KEY],
            session.get(auth.HASH_SESSION_KEY) or "",
            _secret_digest(),
        )
    except KeyError:
        return auth.get_user(request)  # nobody signed in: no query
    return table_cache.cached(
        "session_user",
        parts,
        lambda: _load_user(request),
        store_if=lambda user: bool(user.is_authenticated),
    )


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """Django's, with ``request.user`` from :func:`user_for`."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: user_for(request))


def language_switched_to(request) -> str | None:
    """The language a person just switched to with the language links, or None: a GET of
    a page whose URL prefix names a language, followed from a page of this site in the
    other language (the ``Referer``: same host, another language prefix). A link from
    elsewhere to the English pages is not a switch."""
    referer = request.META.get("HTTP_REFERER")
    if not referer or request.method != "GET":
        return None
    language = get_language_from_path(request.path_info)
    if language is None:
        return None
    parts = urlsplit(referer)
    if parts.netloc != request.get_host():
        return None
    previous = get_language_from_path(parts.path)
    if previous is None or previous == language:
        return None
    return language


def set_language_cookie(response, language: str) -> None:
    """Set the language cookie (what a URL without a prefix, such as the bare domain, opens
    in) for a year; the language form and a switch by URL both keep it this way."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        max_age=365 * 24 * 3600,
    )


def remember_language(request, response, language: str) -> None:
    """Keep a switch in the language cookie, as the language form does."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
        set_language_cookie(response, language)


#: Where the staff console (Wagtail's admin) lives.
CONSOLE_PREFIX = "/admin/"


def console_zone(user, zone: str) -> None:
    """The console shows times in the person's own zone, like the rest of the site.

    Wagtail's admin activates the zone of its own user profile around every console view
    (``wagtail.admin.localization.get_localized_response``: the profile's zone, else
    ``TIME_ZONE``), which would put a staff person's times in Bogotá's zone whatever their
    setting. Here the profile (the one Wagtail reads next, cached on the user so that
    Wagtail runs no query of its own) carries the person's zone; Wagtail's own zone choice
    is hidden (``WAGTAIL_USER_TIME_ZONES = []``), so the site's setting is the only one."""
    profile = UserProfile.get_for_user(user)
    if profile.current_time_zone != zone:
        profile.current_time_zone = zone
        profile.save(update_fields=["current_time_zone"])
    user.wagtail_userprofile = profile


class UserPreferencesMiddleware:
    """Activates the signed-in user's time zone (America/Bogota otherwise), in the
    console too (see :func:`console_zone`), and keeps a switch of language made with the
    language links (:func:`language_switched_to`): in the language cookie, and as a
    signed-in person's language preference (which their messages and e-mails use)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        tzname = getattr(request.user, "timezone", None) if signed_in else None
        try:
            timezone.activate(zoneinfo.ZoneInfo(tzname or settings.TIME_ZONE))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        if tzname and request.path.startswith(CONSOLE_PREFIX):
            console_zone(request.user, timezone.get_current_timezone_name())
        try:
            response = self.get_response(request)
        finally:
            timezone.deactivate()
        language = language_switched_to(request)
        if language is not None and response.status_code == 200:
            remember_language(request, response, language)
            if signed_in and request.user.language != language:
                services.user_update_preferences(user=request.user, language=language)
        return response


#: The only pages a person who must pass a second factor gets before passing it in this
#: session: setting TOTP up (and the password confirmation allauth asks for first), the
#: code page, log-out, the language switch, the health check and the Stripe and Twilio
#: webhooks (not a session). Static and media files never reach a view of ours.
SECOND_FACTOR_EXEMPT_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "set_language",
        "healthz",
        "stripe_webhook",
        "twilio_status",
        "twilio_inbound",
    }
)
SECOND_FACTOR_EXEMPT_PREFIXES = ("/static/", "/media/")

#: Changes that need the password or code again (recent re-authentication, allauth's
#: ``ACCOUNT_REAUTHENTICATION_TIMEOUT``) when they are posted: e-mail addresses, password,
#: second factor and payout details.
REAUTHENTICATION_URL_NAMES = frozenset(
    {
        "account_email",
        "account_change_password",
        "account_set_password",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_generate_recovery_codes",
        "pitchday:payout_details",
        "pitchday:payout_stripe_start",
    }
)


class AccessPolicyMiddleware:
    """The one access policy every URL passes through (``process_view``: after URL
    resolution, before any view of ours, Wagtail's or allauth's runs).

    1. A person whose role requires a second factor (``permissions.requires_second_factor``)
       gets no page until this session has passed it: no TOTP yet -> set-up; TOTP but a
       password-only session -> the code page, and back to ``next`` afterwards. Only
       ``SECOND_FACTOR_EXEMPT_URL_NAMES`` answer before.
    2. Posting a change to ``REAUTHENTICATION_URL_NAMES`` needs a recent re-authentication;
       the request is kept and replayed by allauth after the password or code.

    Views then check the role (``permissions.role_required``) and the object."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        name = match.view_name if match is not None else ""
        if name not in SECOND_FACTOR_EXEMPT_URL_NAMES and not request.path_info.startswith(
            SECOND_FACTOR_EXEMPT_PREFIXES
        ):
            target = permissions.second_factor_redirect(request)
            if target is not None:
                return redirect(target)
        if (
            request.method == "POST"
            and name in REAUTHENTICATION_URL_NAMES
            and permissions.is_signed_in(request.user)
            and not permissions.recently_reauthenticated(request)
        ):
            return _reauthenticate(request)
        return None


def _reauthenticate(request):
    methods = get_adapter().get_reauthentication_methods(request.user)
    if not methods:
        raise PermissionDenied
    return suspend_request(request, methods[0]["url"])


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


class FormOnlyAddressMiddleware:
    """An address that only takes a form (a POST) answers a plain visit (a reload after a
    form's errors, a saved link, the back button) with Django's empty 405, which a phone's
    browser shows as an error page of its own, in English. Every such answer gets our page
    instead, in the person's language: what happened and where to go. The status and the
    ``Allow`` header stay, so nothing that reads them changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.method in ("GET", "HEAD")
            and not getattr(response, "streaming", False)
            and not response.content
        ):
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


#: the site's policy headers, built once per process (``None``: not built yet)
_csp_policies: dict[bool, str] = {}
#: what a view's decorator puts on a response to change its policy (django-csp)
_CSP_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_CSP_HEADERS = (
    (HEADER, False, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
    (HEADER_REPORT_ONLY, True, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
)


def _site_policy(report_only: bool) -> str:
    policy = _csp_policies.get(report_only)
    if policy is None:
        policy = _csp_policies[report_only] = build_policy(report_only=report_only)
    return policy


def _forget_policies(*, setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _csp_policies.clear()


setting_changed.connect(_forget_policies, dispatch_uid="semilla.middleware.csp")


class CSPMiddleware(DjangoCSPMiddleware):
    """django-csp's, with the site's policy (no nonce, no view's own policy: every page of
    ours) built once per process instead of twice on every answer (the profile of a
    signed-in page: 7 % of a hit). Anything else is answered by django-csp as before."""

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _CSP_PER_RESPONSE
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (404, 500):
            return response
        for header, report_only, exempt, setting in _CSP_HEADERS:
            policy = _site_policy(report_only)
            if not policy or getattr(response, exempt, False) or header in response:
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # as django-csp: a nonce asked for after the header is written is an error
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
