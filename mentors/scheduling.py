"""Free slots from a mentor's availability, correct across daylight-saving changes.

Availability is kept as wall-clock times in the mentor's own IANA time zone (what people
mean by "Tuesdays 18:00-20:00 in Madrid"). Slots are generated per local date with
``zoneinfo`` and returned as aware UTC instants, so a mentee anywhere sees each at the
right moment in their own zone. Local times that do not exist (the hour skipped when
clocks go forward) produce no slot; times that happen twice (clocks go back) use the
first occurrence. Pure functions: no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Window:
    start: time
    end: time


@dataclass(frozen=True)
class Rules:
    timezone: str
    weekly: dict[int, list[Window]]  # weekday (Monday = 0) -> windows
    days_off: frozenset[date]
    extra: dict[date, list[Window]]
    session_minutes: int
    buffer_minutes: int
    min_notice_hours: int
    horizon_days: int


def _exists(naive: datetime, zone: ZoneInfo) -> bool:
    """False for wall-clock times skipped by a DST change."""
    aware = naive.replace(tzinfo=zone)
    back = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return back == naive


def local_windows(rules: Rules, day: date) -> list[Window]:
    if day in rules.days_off:
        return list(rules.extra.get(day, []))
    return [*rules.weekly.get(day.weekday(), []), *rules.extra.get(day, [])]


def generate_slots(
    rules: Rules, *, now: datetime, busy: Iterable[tuple[datetime, datetime]] = ()
) -> list[datetime]:
    """Start instants (aware, UTC) of free slots from ``now`` + minimum notice until the
    horizon. ``busy`` are (start, end) instants already taken (for the mentor or the
    mentee); a slot must keep the buffer clear on both sides of each of them."""
    zone = ZoneInfo(rules.timezone)
    length = timedelta(minutes=rules.session_minutes)
    buffer = timedelta(minutes=rules.buffer_minutes)
    step = length + buffer
    earliest = now + timedelta(hours=rules.min_notice_hours)
    local_today = now.astimezone(zone).date()
    last_day = local_today + timedelta(days=rules.horizon_days)
    busy = sorted(busy)
    slots: set[datetime] = set()
    day = local_today
    while day <= last_day:
        for window in local_windows(rules, day):
            cursor = datetime.combine(day, window.start)
            end = datetime.combine(day, window.end)
            while cursor + length <= end:
                if _exists(cursor, zone) and _exists(cursor + length, zone):
                    start = cursor.replace(tzinfo=zone, fold=0).astimezone(UTC)
                    finish = start + length
                    if start >= earliest and not any(
                        start < b_end + buffer and b_start - buffer < finish
                        for b_start, b_end in busy
                    ):
                        slots.add(start)
                cursor += step
        day += timedelta(days=1)
    return sorted(slots)
