"""Model fields that every app declares the same way.

``actor_field`` is the "who did it" column of a record (who recorded, resolved, invited):
an optional link to an account, without a reverse accessor. ``PROTECT`` by default (an
account that acted is never deleted: erasure anonymises it, so the trail keeps its actor);
``on_delete=models.SET_NULL`` where the record may outlive the link. It builds the same
``ForeignKey`` as writing it out, so migrations see no difference."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

__all__ = ["actor_field"]


def actor_field(verbose_name: Any = None, *, on_delete=models.PROTECT) -> models.ForeignKey:
    """An optional ``ForeignKey`` to the account that did something (no reverse name)."""
    extra = {} if verbose_name is None else {"verbose_name": verbose_name}
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name="+",
        **extra,
    )
