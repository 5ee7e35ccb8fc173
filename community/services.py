"""Writes of the community app. For the guides: the daily review reminder."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from semilla.enums import Role
from semilla.notifications import notify

from . import selectors

#: A guide that became overdue this many days ago or less drops the page cache, so readers
#: see its "under review" notice (a daily task: two days cover one missed run).
NEWLY_OVERDUE_DAYS = 2


@transaction.atomic(durable=True)
def guides_review_remind(*, today: datetime.date) -> int:
    """Scheduled daily: tell programme staff, once a day, which guides are overdue for
    review or due within ``selectors.REVIEW_HORIZON_DAYS`` days; drop the page cache when a
    guide has just become overdue. Returns the number of guides listed."""
    from curriculum import pagecache

    guides = list(selectors.guides_due_for_review(today=today))
    newly_overdue = [
        g
        for g in guides
        if today - datetime.timedelta(days=NEWLY_OVERDUE_DAYS) <= g.review_by < today
    ]
    if newly_overdue:
        transaction.on_commit(pagecache.invalidate)
    if not guides:
        return 0
    items = [
        {
            "title": g.title,
            "review_by": g.review_by.isoformat(),
            "overdue": g.review_by < today,
            "edit_path": reverse("wagtailadmin_pages:edit", args=[g.pk]),
        }
        for g in guides
    ]
    staff = (
        get_user_model()
        .objects.filter(groups__name=Role.STAFF.value, is_active=True)
        .order_by("pk")
        .distinct()
    )
    for user in staff:
        notify(
            user=user,
            template="community/guides_due",
            context={"guides": items, "today": today.isoformat()},
            key=f"guides-due:{today.isoformat()}:user-{user.pk}",
        )
    return len(guides)
