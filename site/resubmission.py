"""A request sent again is the same request. A double tap on a slow connection, a reload
after a form was sent, or a second submit before the first answer came back re-sends what a
person already asked: the service finds the row the first one made (same person, same
content, moments ago) and returns it, without a second row or a second notification.

static/js/semilla.js stops most second submits in the browser; this is the server's
guarantee, for services whose request is not a status transition (a transition refuses a
second move by itself). The caller locks the person's row first, so that two requests at
the same instant see each other."""

from __future__ import annotations

import datetime
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from django.utils import timezone

M = TypeVar("M", bound=Model)

#: How long an identical request counts as sent again rather than asked anew.
WINDOW = datetime.timedelta(minutes=10)


def sent_again(
    rows: QuerySet[M],
    *,
    at: str,
    now: datetime.datetime | None = None,
    window: datetime.timedelta = WINDOW,
) -> M | None:
    """The newest of ``rows`` (already filtered to the same person and content) whose
    ``at`` field is within ``window``, if any."""
    since = (now or timezone.now()) - window
    return rows.filter(**{f"{at}__gte": since}).order_by(f"-{at}").first()


def lock_person(user) -> None:
    """Serialise one person's requests: the second waits for the first's transaction."""
    people = get_user_model().objects.select_for_update().filter(pk=user.pk)
    list(people.values_list("pk", flat=True))
