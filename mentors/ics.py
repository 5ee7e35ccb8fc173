"""iCalendar (RFC 5545) for bookings: invitations, updates (same UID, higher SEQUENCE)
and cancellations (METHOD:CANCEL, STATUS:CANCELLED), and the private calendar feed."""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .enums import BookingMode, BookingStatus

PRODID = "-//Semilla//Mentoring sessions//ES"


def _event(booking, *, cancelled: bool, zone: ZoneInfo | None = None) -> Event:
    mentor = booking.mentor.user
    mentee = booking.participant.user
    event = Event()
    event.add("uid", f"{booking.uid}@semilla")
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.starts_at.astimezone(zone) if zone else booking.starts_at)
    event.add("dtend", booking.ends_at.astimezone(zone) if zone else booking.ends_at)
    event.add("summary", f"Mentoría Semilla: {mentor.get_full_name()} · {mentee.get_full_name()}")
    description = "\n\n".join(text for text in (booking.topic, booking.note) if text)
    if description:
        event.add("description", description)
    if booking.location:
        event.add("location", booking.location)
        if booking.mode == BookingMode.VIRTUAL and booking.location.startswith("https://"):
            event.add("url", booking.location)
    organizer = vCalAddress(f"mailto:{mentor.email}")
    organizer.params["cn"] = vText(mentor.get_full_name())
    event.add("organizer", organizer)
    for person in (mentor, mentee):
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.get_full_name())
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def booking_ics(booking, *, method: str = "REQUEST") -> bytes:
    """One booking as an invitation (``REQUEST``) or a cancellation (``CANCEL``)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(_event(booking, cancelled=method == "CANCEL"))
    return calendar.to_ical()


def booking_download_ics(booking, *, tzname: str) -> bytes:
    """One session for "Add to calendar": the same event (UID, SEQUENCE) as the
    invitation, its times written in ``tzname`` (the person's zone) with the zone's
    definition, so a calendar shows the hour the page showed."""
    try:
        zone = ZoneInfo(tzname)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(booking, cancelled=False, zone=zone))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_ics(bookings: Iterable, *, name: str) -> bytes:
    """A person's sessions as a subscribable calendar (no METHOD, per RFC 5545 feeds)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for booking in bookings:
        if booking.status in (BookingStatus.PROPOSED, BookingStatus.DECLINED):
            continue  # not (or never) agreed: not in anyone's calendar
        calendar.add_component(_event(booking, cancelled=booking.status == BookingStatus.CANCELLED))
    return calendar.to_ical()
