"""A mentor's bookable hours: weekly windows, date overrides and session settings."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from semilla.errors import ServiceError

from ..models import (
    SCHEDULE_FIELDS,
    AvailabilityOverride,
    MentorProfile,
    WeeklyAvailability,
)


@transaction.atomic(durable=True)
def availability_add_weekly(
    *, mentor: MentorProfile, weekday: int, start: time, end: time
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
    *,
    mentor: MentorProfile,
    day: date,
    available: bool,
    start: time | None = None,
    end: time | None = None,
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
def availability_update_settings(*, mentor: MentorProfile, **values: Any) -> MentorProfile:
    locked = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    for name in SCHEDULE_FIELDS:
        if name in values:
            setattr(locked, name, values[name])
    locked.full_clean()
    locked.save()
    return locked
