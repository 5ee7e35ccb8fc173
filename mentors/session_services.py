"""Writes for mentoring sessions: availability, booking, cancelling and rescheduling,
calendar feeds and reminders. Each top-level function is one durable transaction.

Double booking is impossible: the mentor's profile row and the participant's row are
locked (``select_for_update``; on SQLite the IMMEDIATE transaction takes the write lock)
before free slots are computed, and the database keeps at most one confirmed booking per
mentor and start time (conditional unique constraint) as the last line of defence.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cohorts.models import Participant
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.transitions import transition

from .enums import (
    ACTIVE_BOOKING_STATUSES,
    BOOKING,
    GOAL,
    BookingMode,
    BookingStatus,
    GoalStatus,
    MatchStatus,
    SessionOutcome,
)
from .ics import booking_ics
from .models import (
    ActionItem,
    AvailabilityOverride,
    Booking,
    CalendarFeed,
    GoalUpdate,
    Match,
    MentorProfile,
    MentorshipGoal,
    SessionLog,
    WeeklyAvailability,
)
from .selectors import booking_refusal, busy_times
from .selectors import free_slots as free_slots  # the slot reads live in selectors


class BookingError(ServiceError):
    pass


# ----------------------------------------------------------------------------- availability


@transaction.atomic(durable=True)
def availability_add_weekly(
    *, mentor: MentorProfile, weekday: int, start, end
) -> WeeklyAvailability:
    if end <= start:
        raise ServiceError(_("The end must be after the start."))
    overlapping = mentor.weekly_availability.filter(
        weekday=weekday, start_time__lt=end, end_time__gt=start
    )
    if overlapping.exists():
        raise ServiceError(_("This overlaps hours you already offer that day."))
    return WeeklyAvailability.objects.create(
        mentor=mentor, weekday=weekday, start_time=start, end_time=end
    )


@transaction.atomic(durable=True)
def availability_add_override(
    *, mentor: MentorProfile, day, available: bool, start=None, end=None
) -> AvailabilityOverride:
    if available and (start is None or end is None or end <= start):
        raise ServiceError(_("Extra hours need a start and an end after it."))
    row = AvailabilityOverride(
        mentor=mentor,
        date=day,
        available=available,
        start_time=start if available else None,
        end_time=end if available else None,
    )
    row.full_clean()
    row.save()
    return row


@transaction.atomic(durable=True)
def availability_remove_weekly(*, mentor: MentorProfile, window_id: int) -> bool:
    """Remove one of the mentor's own weekly windows (someone else's is never touched);
    sessions already booked in it stay booked. False when there was no such window."""
    deleted, _rows = mentor.weekly_availability.filter(pk=window_id).delete()
    return bool(deleted)


@transaction.atomic(durable=True)
def availability_remove_override(*, mentor: MentorProfile, override_id: int) -> bool:
    """Remove one of the mentor's own date overrides. False when there was no such one."""
    deleted, _rows = mentor.availability_overrides.filter(pk=override_id).delete()
    return bool(deleted)


@transaction.atomic(durable=True)
def availability_update_settings(*, mentor: MentorProfile, **values) -> MentorProfile:
    locked = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    for name in (
        "session_minutes",
        "buffer_minutes",
        "min_notice_hours",
        "horizon_days",
        "meeting_link",
        "meeting_place",
    ):
        if name in values:
            setattr(locked, name, values[name])
    locked.full_clean()
    locked.save()
    return locked


# ----------------------------------------------------------------------------- slots


def _check_allowance(*, match: Match, minutes: int, exclude_pk: int | None = None) -> None:
    """Refuse with the reason the booking page shows (``selectors.booking_refusal``: one
    rule for the page and the service)."""
    refusal = booking_refusal(match=match, minutes=minutes, exclude_pk=exclude_pk)
    if refusal:
        raise BookingError(refusal)


def _lock_pair(match: Match) -> tuple[MentorProfile, Participant]:
    """Lock the mentor, then the participant, then the mentee's account (always in this
    order: no deadlocks). The account lock serialises the mentee's bookings with all their
    mentors (one per cohort they take part in), so they never hold two sessions at once."""
    mentor = MentorProfile.objects.select_for_update().get(pk=match.mentor_id)
    participant = Participant.objects.select_for_update().get(pk=match.participant_id)
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk=participant.user_id)
        .values_list("pk", flat=True)
    )
    return mentor, participant


def _notify_booking(booking: Booking, event: str, *, method: str = "REQUEST") -> None:
    ics = booking_ics(booking, method=method)
    context = {
        "booking_id": booking.pk,
        "starts_at": booking.starts_at.isoformat(),
        "mentor_name": booking.mentor.user.get_full_name(),
        "participant_name": booking.participant.user.get_full_name(),
        "location": booking.location,
        "mode": booking.mode,
        "reason": booking.cancel_reason,
    }
    for role, user in (("mentor", booking.mentor.user), ("participant", booking.participant.user)):
        notify(
            user=user,
            template=f"mentors/booking_{event}",
            context={**context, "timezone": user.timezone, "role": role},
            key=f"booking-{event}:{booking.uid}:{booking.sequence}:{user.pk}",
            attachments=[("sesion-semilla.ics", ics, "text/calendar")],
        )


@transaction.atomic(durable=True)
def booking_create(
    *,
    match: Match,
    starts_at: datetime,
    actor,
    mode: str = BookingMode.VIRTUAL,
    topic: str = "",
    note: str = "",
) -> Booking:
    """The mentee books a free slot with their mentor: what she wants to work on
    (``topic``) and, if she likes, a note for the mentor. Refused first for the reason
    the booking page shows (``selectors.booking_refusal``), then when the time is not
    free any more."""
    current = Match.objects.select_related("cohort").get(pk=match.pk)
    if current.status != MatchStatus.ACCEPTED:
        raise BookingError(_("Sessions can be booked once the mentor has accepted."))
    mentor, participant = _lock_pair(current)
    if actor.pk != participant.user_id:
        raise BookingError(_("Only the mentee books sessions in the calendar."))
    if mode not in BookingMode.values:
        raise BookingError(_("Choose how you will meet."))
    _check_allowance(match=current, minutes=mentor.session_minutes)
    if starts_at not in free_slots(match=current):
        raise BookingError(_("That time is no longer free. Please choose another."))
    booking = _insert_booking(
        match=current,
        mentor=mentor,
        participant=participant,
        starts_at=starts_at,
        mode=mode,
        topic=topic,
        note=note,
        actor=actor,
        status=BookingStatus.CONFIRMED,
        taken=_("That time is no longer free. Please choose another."),
    )
    booking = Booking.objects.select_related("mentor__user", "participant__user").get(pk=booking.pk)
    _notify_booking(booking, "confirmed")
    return booking


def _insert_booking(
    *,
    match: Match,
    mentor: MentorProfile,
    participant,
    starts_at: datetime,
    mode: str,
    topic: str,
    actor,
    status: str,
    taken: str | Promise,
    note: str = "",
) -> Booking:
    """Insert a booking of ``match`` (the caller holds the locks on ``mentor`` and
    ``participant``); the database's one-session-per-slot rule answers ``taken`` when the
    time went in the meantime."""
    location = mentor.meeting_link if mode == BookingMode.VIRTUAL else mentor.meeting_place
    try:
        with transaction.atomic():
            return Booking.objects.create(
                match=match,
                mentor=mentor,
                participant=participant,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=mentor.session_minutes),
                status=status,
                mode=mode,
                location=location,
                topic=topic[:300],
                note=note[:1000],
                created_by=actor,
            )
    except IntegrityError as exc:
        raise BookingError(taken) from exc


def _cutoff(booking: Booking) -> datetime:
    return booking.starts_at - timedelta(hours=booking.match.cohort.booking_cancel_cutoff_hours)


@transaction.atomic(durable=True)
def booking_cancel(*, booking: Booking, actor, reason: str) -> Booking:
    """Either person cancels before the start, with a reason. After the cut-off it still
    frees the slot but counts as a late cancellation."""
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Please give a reason for cancelling."))
    locked = (
        Booking.objects.select_for_update()
        .select_related("match__cohort", "mentor__user", "participant__user")
        .get(pk=booking.pk)
    )
    if actor.pk not in (locked.mentor.user_id, locked.participant.user_id):
        raise BookingError(_("Only the mentor or the mentee can cancel this session."))
    now = timezone.now()
    if locked.status not in ACTIVE_BOOKING_STATUSES or locked.starts_at <= now:
        raise BookingError(_("This session can no longer be cancelled."))
    was_confirmed = locked.status == BookingStatus.CONFIRMED
    transition(
        locked,
        machine=BOOKING,
        to=BookingStatus.CANCELLED,
        actor=actor,
        locked=True,
        fields={
            "cancelled_at": now,
            "cancelled_by": actor,
            "cancel_reason": reason[:300],
            # Withdrawing a proposal the mentee never accepted is never late.
            "late_cancellation": was_confirmed and now > _cutoff(locked),
            "sequence": locked.sequence + 1,
        },
    )
    _notify_booking(locked, "cancelled", method="CANCEL")
    return locked


@transaction.atomic(durable=True)
def booking_reschedule(*, booking: Booking, starts_at: datetime, actor, reason: str) -> Booking:
    """Move a session to another free slot (before the cut-off, with a reason). The
    calendar event keeps its UID; its SEQUENCE goes up."""
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Please give a reason for the change."))
    current = Booking.objects.select_related("match__cohort").get(pk=booking.pk)
    _lock_pair(current.match)
    locked = (
        Booking.objects.select_for_update()
        .select_related("match__cohort", "mentor__user", "participant__user")
        .get(pk=booking.pk)
    )
    if actor.pk not in (locked.mentor.user_id, locked.participant.user_id):
        raise BookingError(_("Only the mentor or the mentee can change this session."))
    if locked.status != BookingStatus.CONFIRMED or timezone.now() > _cutoff(locked):
        raise BookingError(
            _("It is too late to change this session; you can still cancel it with a reason.")
        )
    if starts_at not in free_slots(match=locked.match, exclude_pk=locked.pk):
        raise BookingError(_("That time is no longer free. Please choose another."))
    length = locked.ends_at - locked.starts_at
    locked.starts_at = starts_at
    locked.ends_at = starts_at + length
    locked.cancel_reason = ""
    locked.sequence += 1
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as exc:
        raise BookingError(_("That time is no longer free. Please choose another.")) from exc
    locked.cancel_reason = reason[:300]  # shown in the notification only
    _notify_booking(locked, "changed")
    return locked


# ----------------------------------------------------------------------------- proposals


def _overlaps(*, mentor_id: int, participant_id: int, starts_at, ends_at, exclude_pk=None):
    return any(
        start < ends_at and starts_at < end
        for start, end in busy_times(
            mentor_id=mentor_id, participant_id=participant_id, exclude_pk=exclude_pk
        )
    )


@transaction.atomic(durable=True)
def booking_propose(
    *,
    match: Match,
    starts_at: datetime,
    actor,
    mode: str = BookingMode.VIRTUAL,
    topic: str = "",
) -> Booking:
    """The mentor proposes a time to their mentee directly (it need not be one of the
    weekly hours). The time is held until the mentee confirms or declines; the same
    rules as for bookings apply: no overlap for either person (under the pair's row
    locks), the pair's hours and the mentee's limit of upcoming sessions."""
    current = Match.objects.select_related("cohort").get(pk=match.pk)
    if current.status != MatchStatus.ACCEPTED:
        raise BookingError(_("Sessions can be proposed once the mentorship is active."))
    mentor, participant = _lock_pair(current)
    if actor.pk != mentor.user_id:
        raise BookingError(_("Only the mentor proposes a session."))
    if mode not in BookingMode.values:
        raise BookingError(_("Choose how you will meet."))
    now = timezone.now()
    if starts_at <= now + timedelta(hours=1):
        raise BookingError(_("Propose a time at least one hour from now."))
    if starts_at > now + timedelta(days=mentor.horizon_days):
        raise BookingError(
            _("Propose a time within the next %(days)s days.") % {"days": mentor.horizon_days}
        )
    ends_at = starts_at + timedelta(minutes=mentor.session_minutes)
    if _overlaps(
        mentor_id=mentor.pk, participant_id=participant.pk, starts_at=starts_at, ends_at=ends_at
    ):
        raise BookingError(_("One of you already has a session at that time."))
    _check_allowance(match=current, minutes=mentor.session_minutes)
    booking = _insert_booking(
        match=current,
        mentor=mentor,
        participant=participant,
        starts_at=starts_at,
        mode=mode,
        topic=topic,
        actor=actor,
        status=BookingStatus.PROPOSED,
        taken=_("One of you already has a session at that time."),
    )
    notify(
        user=participant.user,
        template="mentors/booking_proposed",
        context={
            "mentor_name": mentor.user.get_full_name(),
            "starts_at": starts_at.isoformat(),
            "timezone": participant.user.timezone,
            "topic": booking.topic,
        },
        key=f"booking-proposed:{booking.uid}",
    )
    return booking


@transaction.atomic(durable=True)
def booking_respond(*, booking: Booking, actor, accept: bool, reason: str = "") -> Booking:
    """The mentee confirms a proposed session (it becomes a normal booking with its
    calendar invitation) or declines it with a reason (the time is freed)."""
    current = Booking.objects.select_related("match").get(pk=booking.pk)
    _lock_pair(current.match)
    locked = (
        Booking.objects.select_for_update()
        .select_related("match__cohort", "mentor__user", "participant__user")
        .get(pk=booking.pk)
    )
    if actor.pk != locked.participant.user_id:
        raise BookingError(_("Only the mentee answers a proposed session."))
    now = timezone.now()
    if locked.status != BookingStatus.PROPOSED or locked.starts_at <= now:
        raise BookingError(_("This proposal can no longer be answered."))
    if accept:
        if locked.match.status != MatchStatus.ACCEPTED:
            raise BookingError(_("This mentorship is no longer active."))
        if _overlaps(
            mentor_id=locked.mentor_id,
            participant_id=locked.participant_id,
            starts_at=locked.starts_at,
            ends_at=locked.ends_at,
            exclude_pk=locked.pk,
        ):
            raise BookingError(_("One of you already has a session at that time."))
        transition(locked, machine=BOOKING, to=BookingStatus.CONFIRMED, actor=actor, locked=True)
        _notify_booking(locked, "confirmed")
        return locked
    reason = (reason or "").strip()
    if not reason:
        raise BookingError(_("Please give a reason for declining."))
    transition(
        locked,
        machine=BOOKING,
        to=BookingStatus.DECLINED,
        actor=actor,
        locked=True,
        fields={"cancelled_at": now, "cancelled_by": actor, "cancel_reason": reason[:300]},
    )
    notify(
        user=locked.mentor.user,
        template="mentors/booking_declined",
        context={
            "participant_name": locked.participant.user.get_full_name(),
            "starts_at": locked.starts_at.isoformat(),
            "timezone": locked.mentor.user.timezone,
            "reason": locked.cancel_reason,
        },
        key=f"booking-declined:{locked.uid}",
    )
    return locked


# ----------------------------------------------------------------------------- goals

#: Open goals a pair may have at once (a short list is a useful list).
MAX_OPEN_GOALS = 5


@transaction.atomic(durable=True)
def goal_add(*, match: Match, actor, title: str) -> MentorshipGoal:
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
def goal_set_status(*, goal: MentorshipGoal, actor, status: str) -> MentorshipGoal:
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


# ----------------------------------------------------------------------------- feeds


@transaction.atomic(durable=True)
def calendar_feed_token(*, user, rotate: bool = False) -> str:
    """The user's secret feed token (created on first use; ``rotate`` revokes the old
    URL by issuing a new token)."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        feed = CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    elif rotate:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed.token


# ----------------------------------------------------------------------------- reminders


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Scheduled every few minutes: a reminder 24 hours and another 1 hour before each
    confirmed session, to both people in their language. Each is keyed (booking,
    version, person, kind) in the outbox, so running twice never sends twice."""
    now = now or timezone.now()
    sent = 0
    due = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, starts_at__gt=now, starts_at__lte=now + timedelta(hours=24)
    ).select_related("mentor__user", "participant__user")
    for booking in due:
        kind = "1h" if booking.starts_at <= now + timedelta(hours=1) else "24h"
        for user in (booking.mentor.user, booking.participant.user):
            with transaction.atomic():
                sent += len(
                    notify(
                        user=user,
                        template=f"mentors/booking_reminder_{kind}",
                        context={
                            "booking_id": booking.pk,
                            "starts_at": booking.starts_at.isoformat(),
                            "timezone": user.timezone,
                            "location": booking.location,
                            "mentor_name": booking.mentor.user.get_full_name(),
                            "participant_name": booking.participant.user.get_full_name(),
                        },
                        key=f"reminder-{kind}:{booking.uid}:{booking.sequence}:{user.pk}",
                    )
                )
    return sent


# ----------------------------------------------------------------------------- after


@transaction.atomic(durable=True)
def session_log(
    *,
    booking: Booking,
    actor,
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
        notify(
            user=locked.participant.user,
            template="mentors/session_logged",
            context={
                "mentor_name": locked.mentor.user.get_full_name(),
                "starts_at": locked.starts_at.isoformat(),
                "timezone": locked.participant.user.timezone,
            },
            key=f"session-logged:{locked.uid}",
        )
    return log


@transaction.atomic(durable=True)
def session_confirm(*, log: SessionLog, actor, rating: int, comment: str = "") -> SessionLog:
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
def action_item_toggle(*, item: ActionItem, actor, done: bool) -> ActionItem:
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


def volunteer_minutes(*, mentor: MentorProfile) -> int:
    """Volunteer time: held sessions the mentee confirmed (nothing else counts)."""
    return (
        SessionLog.objects.filter(
            booking__mentor=mentor, outcome=SessionOutcome.HELD, confirmed_at__isnull=False
        ).aggregate(total=Sum("duration_minutes"))["total"]
        or 0
    )


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
                notify(
                    user=booking.mentor.user,
                    template="mentors/session_log_nudge",
                    context={
                        "participant_name": booking.participant.user.get_full_name(),
                        "starts_at": booking.starts_at.isoformat(),
                        "timezone": booking.mentor.user.timezone,
                    },
                    key=f"log-nudge:{booking.uid}",
                )
            )
    return sent
