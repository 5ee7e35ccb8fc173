"""Database constraints that every app writes the same way.

A choice field's values are checked by the database too, not only by forms::

    class Meta:
        constraints = [choice_check("status", PostStatus, name="community_post_status")]

is the same ``CheckConstraint`` as writing ``Q(status__in=PostStatus.values)`` by hand
(migrations see no difference); it only says it in one line."""

from __future__ import annotations

from django.db import models

__all__ = ["choice_check"]


def choice_check(field: str, choices: type[models.Choices], *, name: str) -> models.CheckConstraint:
    """A check that ``field`` holds one of the values of ``choices``."""
    return models.CheckConstraint(condition=models.Q(**{f"{field}__in": choices.values}), name=name)
