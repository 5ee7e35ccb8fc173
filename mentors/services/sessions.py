"""After a session: goals of a mentorship, the mentor's log (with goal progress
and action items), the mentee's confirmation and rating, and the nudge to log."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from semilla.models import User
from semilla.transitions import transition

from ..enums import (
    GOAL,
    BookingStatus,
    GoalStatus,
    MatchStatus,
    SessionOutcome,
)
from ..models import (
    ActionItem,
    Booking,
    GoalUpdate,
    Match,
    MentorshipGoal,
    SessionLog,
)
from .bookings import BookingError, notify_one_side

#: Open goals a pair may have at once (a short list is a useful list).
MAX_OPEN_GOALS = 5


@transaction.atomic(durable=True)
def goal_add(*, match: Match, actor: User, title: str) -> MentorshipGoal:
    """The mentee or the mentor writes down a goal for their active mentorship."""
    locked = (
        Match.objects.select_for_update().select_related("mentor", "participant").get(pk=match.pk)
    )
    if actor.pk not in (locked.mentor.user_id, locked.participant.user_id):
        raise BookingError(_("Only the mentee and the mentor set the goals of a mentorship."))
    if locked.status != MatchStatus.ACCEPTED:
        raise BookingError(_("Goals can be set while the mentorship is active."))
    title = (title or "").strip()
    if not title:
        raise BookingError(_("Write the goal."))
    if locked.goals.filter(status=GoalStatus.OPEN).count() >= MAX_OPEN_GOALS:
        raise BookingError(
            ngettext(
                "A mentorship can have at most %(count)s open goal.",
                "A mentorship can have at most %(count)s open goals.",
                MAX_OPEN_GOALS,
            )
            % {"count": MAX_OPEN_GOALS}
        )
    return MentorshipGoal.objects.create(match=locked, title=title[:200], created_by=actor)


@transaction.atomic(durable=True)
def goal_set_status(*, goal: MentorshipGoal, actor: User, status: str) -> MentorshipGoal:
    """Mark a goal achieved (progress 100 %), dropped, or open again."""
    locked = (
        MentorshipGoal.objects.select_for_update()
        .select_related("match__mentor", "match__participant")
        .get(pk=goal.pk)
    )
    if actor.pk not in (locked.match.mentor.user_id, locked.match.participant.user_id):
        raise BookingError(_("Only the mentee and the mentor set the goals of a mentorship."))
    if status not in GoalStatus.values:
        raise BookingError(_("Choose a valid status."))
    progress = locked.progress
    if status == GoalStatus.ACHIEVED:
        progress = 100
    elif progress == 100:
        progress = 90
    transition(
        locked, machine=GOAL, to=status, actor=actor, locked=True, fields={"progress": progress}
    )
    return locked


def _record_goal_progress(*, log: SessionLog, match_id: int, progress: dict[int, int]) -> None:
    if not progress:
        return
    goals = {
        g.pk: g
        for g in MentorshipGoal.objects.select_for_update().filter(
            match_id=match_id, status=GoalStatus.OPEN, pk__in=list(progress)
        )
    }
    updates = []
    for goal_id, value in progress.items():
        goal = goals.get(goal_id)
        if goal is None:
            raise BookingError(_("That goal does not belong to this mentorship."))
        value = int(value)
        if not 0 <= value <= 100:
            raise BookingError(_("Progress must be between 0 and 100."))
        if value == 100:
            transition(
                goal,
                machine=GOAL,
                to=GoalStatus.ACHIEVED,
                locked=True,
                fields={"progress": value},
            )
        else:
            goal.progress = value
            goal.save(update_fields=["progress", "updated_at"])
        updates.append(GoalUpdate(goal=goal, log=log, progress=value))
    GoalUpdate.objects.bulk_create(updates)


@transaction.atomic(durable=True)
def session_log(
    *,
    booking: Booking,
    actor: User,
    outcome: str,
    duration_minutes: int = 0,
    topics: list[str] | None = None,
    notes: str = "",
    notes_shared: bool = False,
    action_items: list[str] | None = None,
    goal_progress: dict[int, int] | None = None,
) -> SessionLog:
    """The mentor logs a session once it has started; the mentee is asked to confirm.
    ``goal_progress`` maps the pair's open goals to their progress now (0-100 %); a goal
    at 100 % is achieved."""
    locked = (
        Booking.objects.select_for_update()
        .select_related("mentor__user", "participant__user")
        .get(pk=booking.pk)
    )
    if actor.pk != locked.mentor.user_id:
        raise BookingError(_("Only the mentor logs the session."))
    if locked.status != BookingStatus.CONFIRMED or locked.starts_at > timezone.now():
        raise BookingError(_("A session can be logged once it has started."))
    if SessionLog.objects.filter(booking=locked).exists():
        raise BookingError(_("This session is already logged."))
    if outcome not in SessionOutcome.values:
        raise BookingError(_("Say what happened in the session."))
    if outcome != SessionOutcome.HELD:
        duration_minutes = 0
    elif duration_minutes <= 0:
        raise BookingError(_("Give the duration of the session."))
    log = SessionLog(
        booking=locked,
        outcome=outcome,
        duration_minutes=duration_minutes,
        topics=sorted(set(topics or [])),
        notes=notes,
        notes_shared=notes_shared,
    )
    log.full_clean()
    log.save()
    ActionItem.objects.bulk_create(
        [
            ActionItem(log=log, text=text.strip()[:200])
            for text in action_items or []
            if text.strip()
        ]
    )
    _record_goal_progress(log=log, match_id=locked.match_id, progress=goal_progress or {})
    if outcome == SessionOutcome.HELD:
        notify_one_side(
            booking=locked,
            to_mentor=False,
            template="mentors/session_logged",
            key=f"session-logged:{locked.uid}",
        )
    return log


@transaction.atomic(durable=True)
def session_confirm(*, log: SessionLog, actor: User, rating: int, comment: str = "") -> SessionLog:
    """The mentee confirms the session took place and rates it (1-5)."""
    locked = (
        SessionLog.objects.select_for_update().select_related("booking__participant").get(pk=log.pk)
    )
    if actor.pk != locked.booking.participant.user_id:
        raise BookingError(_("Only the mentee confirms the session."))
    if locked.confirmed_at is not None:
        raise BookingError(_("You already confirmed this session."))
    if not 1 <= int(rating) <= 5:
        raise BookingError(_("Choose a rating from 1 to 5."))
    locked.confirmed_at = timezone.now()
    locked.rating = int(rating)
    locked.rating_comment = comment[:500]
    locked.save(update_fields=["confirmed_at", "rating", "rating_comment"])
    return locked


@transaction.atomic(durable=True)
def action_item_toggle(*, item: ActionItem, actor: User, done: bool) -> ActionItem:
    locked = (
        ActionItem.objects.select_for_update()
        .select_related("log__booking__participant")
        .get(pk=item.pk)
    )
    if actor.pk != locked.log.booking.participant.user_id:
        raise BookingError(_("Only the mentee ticks off their action items."))
    locked.done_at = timezone.now() if done else None
    locked.save(update_fields=["done_at"])
    return locked


def nudge_unlogged_sessions(*, now: datetime | None = None) -> int:
    """Sessions that ended more than 24 hours ago without a log nudge the mentor (once)."""
    now = now or timezone.now()
    pending = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        ends_at__lte=now - timedelta(hours=24),
        log__isnull=True,
        ends_at__gte=now - timedelta(days=30),
    ).select_related("mentor__user", "participant__user")
    sent = 0
    for booking in pending:
        with transaction.atomic():
            sent += len(
                notify_one_side(
                    booking=booking,
                    to_mentor=True,
                    template="mentors/session_log_nudge",
                    key=f"log-nudge:{booking.uid}",
                )
            )
    return sent
