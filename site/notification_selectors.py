"""Reads behind messages: the notification centre of a person, their channel choices and
their number's state."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet

from .enums import CONFIGURABLE_KINDS, DeliveryChoice
from .models import Notification, NotificationPreference, NotificationSettings

if TYPE_CHECKING:
    from .models import User

CENTRE_PAGE_SIZE = 50


def unread_count_for_user(*, user: User) -> int:
    """One query: the bell's number."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


#: How long the bell's number is kept in the shared cache (it is also dropped on every write,
#: see ``forget_unread_count``).
UNREAD_CACHE_SECONDS = 300


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count_cached(*, user: User) -> int:
    """The bell's number for every page: from the shared cache (Redis in production: no
    database query; the database cache: one), counted in one query when missing."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = unread_count_for_user(user=user)
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return int(count)


def forget_unread_count(*, user_id: int) -> None:
    """Drop the cached number after the transaction commits (it is counted again)."""
    transaction.on_commit(partial(cache.delete, _unread_key(user_id)))


def adjust_unread_count(*, user_id: int, delta: int) -> None:
    """After the transaction commits, move the cached number by ``delta`` (a notification
    written: +1; marked read: -n) without counting again; nothing when none is cached.
    A number the cache still holds from before a rolled-back change is off for at most
    ``UNREAD_CACHE_SECONDS``."""

    def _apply() -> None:
        key = _unread_key(user_id)
        try:
            if cache.incr(key, delta) < 0:
                cache.delete(key)
        except ValueError:  # not cached: the next page counts it
            pass

    if delta:
        transaction.on_commit(_apply)


def notification_list_for_user(*, user: User, limit: int = CENTRE_PAGE_SIZE) -> QuerySet:
    """The newest notifications of ``user`` (one query)."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")[:limit]


def notification_get_for_user(*, user: User, pk: int) -> Notification | None:
    return Notification.objects.filter(user=user, pk=pk).first()


def preferences_for_user(*, user: User) -> dict[str, str]:
    """The channel of each configurable kind (e-mail when not chosen), in one query."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {str(k): chosen.get(str(k), DeliveryChoice.EMAIL.value) for k in CONFIGURABLE_KINDS}


def phone_settings_for_user(*, user: User) -> NotificationSettings | None:
    return NotificationSettings.objects.filter(user=user).first()
