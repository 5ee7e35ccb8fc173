"""Template helpers of the mentors app: explanations of scores, dates in e-mails."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from semilla.enums import Sector, Skill

from ..compatibility import CONFLICT_OF_INTEREST, EXCLUDED_BY_STAFF, NO_SHARED_LANGUAGE
from ..enums import Availability, Component

register = template.Library()


@register.filter
def iso_local(value: str) -> str:
    """An ISO date-time (from a task's JSON context) as a localised date and time."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return ""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@register.filter
def component_label(code: str) -> str:
    try:
        return str(Component(code).label)
    except ValueError:
        return code


def _labels(choices, values) -> str:
    names = []
    for value in values:
        try:
            names.append(str(choices(value).label))
        except ValueError:
            names.append(value)
    return ", ".join(names)


@register.filter
def component_detail(component: dict) -> str:
    """One plain sentence explaining how a component earned its points."""
    code = component.get("code")
    detail = component.get("detail") or {}
    if code == Component.NEEDS:
        if not detail.get("needed"):
            return _("No needs stated.")
        return ngettext(
            "%(count)s of %(total)s need covered: %(names)s",
            "%(count)s of %(total)s needs covered: %(names)s",
            detail["needed"],
        ) % {
            "count": len(detail.get("covered", [])),
            "total": detail["needed"],
            "names": _labels(Skill, detail.get("covered", [])) or "—",
        }
    if code == Component.SECTOR:
        sector = _labels(Sector, [detail["sector"]]) if detail.get("sector") else "—"
        if detail.get("hit"):
            return _("Has experience in %(sector)s.") % {"sector": sector}
        return _("No experience in %(sector)s.") % {"sector": sector}
    if code == Component.LOCATION:
        return {
            "same_city": _("Same city, can meet in person."),
            "virtual": _("Both can meet by video call."),
            "virtual_instead": _("Prefers in person; the mentor can meet by video call."),
            "none": _("Cannot meet the way the participant prefers."),
        }.get(detail.get("how"), "")
    if code == Component.AVAILABILITY:
        overlap = _labels(Availability, detail.get("overlap", [])) or "—"
        if not detail.get("stated"):
            return _(
                "The participant has not stated availability; the mentor offers: %(times)s"
            ) % {"times": overlap}
        return _("Shared availability: %(times)s") % {"times": overlap}
    if code == Component.PREFERENCES:
        words = detail.get("words") or []
        if not words:
            return _("Nothing in the stated preferences matches this mentor.")
        return _("Stated preferences mention: %(words)s") % {"words": ", ".join(words)}
    return ""


@register.filter
def constraint_label(code: str) -> str:
    return {
        NO_SHARED_LANGUAGE: _("no shared language"),
        CONFLICT_OF_INTEREST: _("declared conflict of interest"),
        EXCLUDED_BY_STAFF: _("excluded by staff"),
        "no_capacity": _("no free capacity"),
    }.get(code, code)


@register.filter
def in_zone(value, tzname: str) -> str:
    """An instant (datetime or ISO string) in ``tzname``, with the zone named."""

    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return ""
    if not isinstance(value, datetime):
        return ""
    try:
        zone = ZoneInfo(tzname or "America/Bogota")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("America/Bogota")
    local = value.astimezone(zone)
    return f"{moment_words(local)} ({zone.key})"


# ----------------------------------------------------------------------------- dates in words
# Dates in words in the reader's language and time zone (the request's active zone):
# each format is a translated string, so Spanish reads "martes 8 de diciembre" and
# English "Tuesday 8 December".


def _local(value):
    if isinstance(value, datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value


#: Languages that write the names of the days in lower case inside a sentence ("el martes 8
#: de diciembre"); Django's catalogue capitalises them ("Martes"), as English does.
LOWER_CASE_DAY_NAMES = frozenset({"es"})


def _day_in_words(local) -> str:
    text = formats.date_format(local, pgettext("day in words", "l j F"))
    if (get_language() or "").split("-")[0] in LOWER_CASE_DAY_NAMES:
        name = formats.date_format(local, "l")
        text = text.replace(name, name.lower(), 1)
    return text


@register.filter
def day_words(value) -> str:
    """A day in words: "martes 8 de diciembre" / "Tuesday 8 December"."""
    if not value:
        return ""
    return _day_in_words(_local(value))


@register.filter
def day_short(value) -> str:
    """A day in short words for a button: "mar 8 dic" / "Tue 8 Dec"."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("short day", "D j M"))


@register.filter
def moment_words(value) -> str:
    """A day and time in words: "martes 8 de diciembre, 4:20 p.m."."""
    if not value:
        return ""
    local = _local(value)
    return pgettext("day and time", "%(day)s, %(time)s") % {
        "day": _day_in_words(local),
        "time": formats.time_format(local),
    }


@register.filter
def clock(value) -> str:
    """The time of day in the reader's zone and format ("4:20 p.m.")."""
    if not value:
        return ""
    return formats.time_format(_local(value))
