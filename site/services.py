"""Writes of the site package."""

from django.contrib.auth.models import Group
from django.db import transaction

from .enums import Role
from .models import User


@transaction.atomic
def user_update_preferences(
    *, user: User, language: str | None = None, timezone: str | None = None
) -> User:
    fields = []
    if language is not None and language != user.language:
        user.language = language
        fields.append("language")
    if timezone is not None and timezone != user.timezone:
        user.timezone = timezone
        fields.append("timezone")
    if fields:
        user.save(update_fields=fields)
    return user


@transaction.atomic
def user_grant_role(*, user: User, role: Role | str) -> User:
    group, _created = Group.objects.get_or_create(name=str(role))
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)  # the cached role set is stale now
    return user


@transaction.atomic
def user_revoke_role(*, user: User, role: Role | str) -> User:
    user.groups.remove(*Group.objects.filter(name=str(role)))
    user.__dict__.pop("_role_names", None)
    return user
