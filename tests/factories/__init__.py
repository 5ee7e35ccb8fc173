"""factory_boy factories. Each app has its own module here (tests/factories/<app>.py)."""

import contextvars

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from semilla.enums import Role
from semilla.models import User

PASSWORD = "a-Good-passw0rd-for-tests"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="es_CO")
    language = "es"
    timezone = "America/Bogota"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get_or_create(name=str(role))[0])
            if hasattr(self, "_role_names"):
                del self._role_names


def make_user(*roles: Role | str, mfa: bool = True, **kwargs) -> User:
    """A verified user holding ``roles``; with TOTP set up when ``mfa`` (so MFA-required
    roles reach their areas)."""
    user = UserFactory(roles=list(roles), **kwargs)
    if mfa:
        add_totp(user)
    return user


def add_totp(user: User) -> str:
    """Give ``user`` a TOTP authenticator; returns the secret (to compute codes)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


# --- sessions: what allauth records at a real sign-in ------------------------------------
# The access policy (semilla.middleware.AccessPolicyMiddleware) lets a person whose role
# requires a second factor through only when their session passed it. A test client's
# ``force_login``/``login`` is marked like a real sign-in with password + TOTP code that just
# happened (tests/conftest.py connects ``mark_test_client_login``); ``password_only_client``
# gives a session that gave the password only.

_password_only = contextvars.ContextVar("password_only", default=False)


def record_sign_in(request, user, *, second_factor: bool = True) -> None:
    """Write into ``request.session`` the authentication records allauth writes when
    ``user`` signs in with the password and, when ``second_factor``, the TOTP code (the code
    counts as a recent re-authentication, as allauth's code page does)."""
    from allauth.account.internal.flows.login import (
        clear_authentication_records,
        record_authentication,
    )

    clear_authentication_records(request)
    record_authentication(request, user, "password", email=user.email)
    if second_factor:
        record_authentication(request, user, "mfa", type="totp", reauthenticated=True)


def mark_test_client_login(sender, request, user, **kwargs):
    """``user_logged_in`` receiver: a test client's log-in (a bare request object: no path)
    is a sign-in with password + code, unless made by ``password_only_client``."""
    if request is None or request.path:
        return  # a real request: allauth records what really happened
    record_sign_in(request, user, second_factor=not _password_only.get())


def password_only_client(user):
    """A test client signed in as ``user`` with the password only (no second factor in
    this session)."""
    from django.test import Client

    client = Client()
    token = _password_only.set(True)
    try:
        client.force_login(user)
    finally:
        _password_only.reset(token)
    return client


def age_session_authentication(client, seconds: int) -> None:
    """Move every authentication record of ``client``'s session ``seconds`` into the past
    (a session signed in a while ago: no recent re-authentication)."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    session = client.session
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {**record, "at": record["at"] - seconds} for record in records
    ]
    session.save()
