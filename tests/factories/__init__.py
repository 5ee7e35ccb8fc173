"""factory_boy factories. Each app has its own module here (tests/factories/<app>.py)."""

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
