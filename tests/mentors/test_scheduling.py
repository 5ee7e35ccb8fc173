"""Slots across daylight-saving changes, seen by a mentee in America/Bogota (no DST)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from mentors.scheduling import Rules, Window, generate_slots

BOGOTA = ZoneInfo("America/Bogota")


def _rules(tz, weekly, **kwargs):
    defaults = {
        "days_off": frozenset(),
        "extra": {},
        "session_minutes": 60,
        "buffer_minutes": 0,
        "min_notice_hours": 0,
        "horizon_days": 14,
    }
    return Rules(timezone=tz, weekly=weekly, **{**defaults, **kwargs})


def test_new_york_mentor_across_spring_forward_lands_at_right_instants():
    # 2027-03-14 is the US spring-forward day. Saturdays and Mondays 10:00 New York time.
    rules = _rules(
        "America/New_York", {5: [Window(time(10), time(11))], 0: [Window(time(10), time(11))]}
    )
    now = datetime(2027, 3, 12, 12, tzinfo=UTC)
    slots = generate_slots(rules, now=now)[:2]
    assert [s.astimezone(BOGOTA).strftime("%Y-%m-%d %H:%M") for s in slots] == [
        "2027-03-13 10:00",  # EST (UTC-5) = Bogotá time
        "2027-03-15 09:00",  # EDT (UTC-4): one hour earlier in Bogotá
    ]


def test_madrid_mentor_across_autumn_change_lands_at_right_instants():
    # Europe/Madrid goes back on 2027-10-31. Fridays and Mondays 18:00 Madrid time.
    rules = _rules(
        "Europe/Madrid", {4: [Window(time(18), time(19))], 0: [Window(time(18), time(19))]}
    )
    now = datetime(2027, 10, 28, tzinfo=UTC)
    slots = generate_slots(rules, now=now)[:2]
    assert [s.astimezone(BOGOTA).strftime("%Y-%m-%d %H:%M") for s in slots] == [
        "2027-10-29 11:00",  # CEST (UTC+2)
        "2027-11-01 12:00",  # CET (UTC+1)
    ]


def test_skipped_local_hour_produces_no_slot():
    rules = _rules("America/New_York", {6: [Window(time(1), time(4))]})
    now = datetime(2027, 3, 13, tzinfo=UTC)
    day = [s for s in generate_slots(rules, now=now) if s < datetime(2027, 3, 15, tzinfo=UTC)]
    local = [s.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") for s in day]
    assert local == ["03:00"]  # 01:00-02:00 ends in the gap, 02:00 does not exist


def test_days_off_extra_hours_notice_buffer_and_busy():
    rules = _rules(
        "America/Bogota",
        {2: [Window(time(8), time(11))]},
        days_off=frozenset({date(2027, 6, 2)}),
        extra={date(2027, 6, 5): [Window(time(9), time(10))]},
        buffer_minutes=30,
        min_notice_hours=1,
        horizon_days=15,
    )
    now = datetime(2027, 6, 1, tzinfo=BOGOTA)
    busy = [(datetime(2027, 6, 9, 8, tzinfo=BOGOTA), datetime(2027, 6, 9, 9, tzinfo=BOGOTA))]
    slots = [
        s.astimezone(BOGOTA).strftime("%m-%d %H:%M")
        for s in generate_slots(rules, now=now, busy=busy)
    ]
    assert slots[:4] == ["06-05 09:00", "06-09 09:30", "06-16 08:00", "06-16 09:30"]
