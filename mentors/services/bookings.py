"""Booking, proposing, answering, cancelling and rescheduling sessions; calendar
feeds and reminders. Each top-level function is one durable transaction.

Double booking is impossible: the mentor's profile row and the participant's row are
locked (``select_for_update``; on SQLite the IMMEDIATE transaction takes the write lock)
before free slots are computed, and the database keeps at most one confirmed booking per
mentor and start time (conditional unique constraint) as the last line of defence."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cohorts.models import Participant
from semilla.errors import ServiceError
from semilla.models import User
from semilla.notifications import notify
from semilla.transitions import transition

from ..enums import (
    ACTIVE_BOOKING_STATUSES,
    BOOKING,
    BookingMode,
    BookingStatus,
    MatchStatus,
)
from ..ics import booking_ics
from ..models import (
    Booking,
    CalendarFeed,
    Match,
    MentorProfile,
)
from ..selectors import booking_refusal, busy_times, free_slots


class BookingError(ServiceError):
    pass


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


def _pair_for_new_session(
    *,
    match: Match,
    actor: User,
    actor_is_mentor: bool,
    mode: str,
    inactive: str | Promise,
    wrong_actor: str | Promise,
) -> tuple[Match, MentorProfile, Participant]:
    """The match read again with its mentor and mentee locked, for a new session booked
    by the mentee or proposed by the mentor: refused with ``inactive`` unless the match
    is accepted, with ``wrong_actor`` unless ``actor`` is the side that may act (the
    mentor when ``actor_is_mentor``), and when ``mode`` is not a way to meet."""
    current = Match.objects.select_related("cohort").get(pk=match.pk)
    if current.status != MatchStatus.ACCEPTED:
        raise BookingError(inactive)
    mentor, participant = _lock_pair(current)
    if actor.pk != (mentor.user_id if actor_is_mentor else participant.user_id):
        raise BookingError(wrong_actor)
    if mode not in BookingMode.values:
        raise BookingError(_("Choose how you will meet."))
    return current, mentor, participant


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


def notify_one_side(
    *, booking: Booking, to_mentor: bool, template: str, key: str, **extra: object
) -> list[str]:
    """Tell the mentor (or the mentee) about a session, naming the other person, at the
    session's time in the reader's own time zone."""
    if to_mentor:
        user, other_key, other = booking.mentor.user, "participant_name", booking.participant.user
    else:
        user, other_key, other = booking.participant.user, "mentor_name", booking.mentor.user
    context = {
        other_key: other.get_full_name(),
        "starts_at": booking.starts_at.isoformat(),
        "timezone": user.timezone,
        **extra,
    }
    return notify(user=user, template=template, context=context, key=key)


@transaction.atomic(durable=True)
def booking_create(
    *,
    match: Match,
    starts_at: datetime,
    actor: User,
    mode: str = BookingMode.VIRTUAL,
    topic: str = "",
    note: str = "",
) -> Booking:
    """The mentee books a free slot with their mentor: what she wants to work on
    (``topic``) and, if she likes, a note for the mentor. Refused first for the reason
    the booking page shows (``selectors.booking_refusal``), then when the time is not
    free any more."""
    current, mentor, participant = _pair_for_new_session(
        match=match,
        actor=actor,
        actor_is_mentor=False,
        mode=mode,
        inactive=_("Sessions can be booked once the mentor has accepted."),
        wrong_actor=_("Only the mentee books sessions in the calendar."),
    )
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
def booking_cancel(*, booking: Booking, actor: User, reason: str) -> Booking:
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
def booking_reschedule(
    *, booking: Booking, starts_at: datetime, actor: User, reason: str
) -> Booking:
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
    if starts_at == locked.starts_at:
        raise BookingError(_("The session is already at that time. Please choose another."))
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
    actor: User,
    mode: str = BookingMode.VIRTUAL,
    topic: str = "",
) -> Booking:
    """The mentor proposes a time to their mentee directly (it need not be one of the
    weekly hours). The time is held until the mentee confirms or declines; the same
    rules as for bookings apply: no overlap for either person (under the pair's row
    locks), the pair's hours and the mentee's limit of upcoming sessions."""
    current, mentor, participant = _pair_for_new_session(
        match=match,
        actor=actor,
        actor_is_mentor=True,
        mode=mode,
        inactive=_("Sessions can be proposed once the mentorship is active."),
        wrong_actor=_("Only the mentor proposes a session."),
    )
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
    notify_one_side(
        booking=booking,
        to_mentor=False,
        template="mentors/booking_proposed",
        key=f"booking-proposed:{booking.uid}",
        topic=booking.topic,
    )
    return booking


@transaction.atomic(durable=True)
def booking_respond(*, booking: Booking, actor: User, accept: bool, reason: str = "") -> Booking:
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
    notify_one_side(
        booking=locked,
        to_mentor=True,
        template="mentors/booking_declined",
        key=f"booking-declined:{locked.uid}",
        reason=locked.cancel_reason,
    )
    return locked


@transaction.atomic(durable=True)
def calendar_feed_token(*, user: User, rotate: bool = False) -> str:
    """The user's secret feed token (created on first use; ``rotate`` revokes the old
    URL by issuing a new token)."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        feed = CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    elif rotate:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed.token


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
