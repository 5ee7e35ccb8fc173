"""Time zones a person can choose: a list, never typed by hand.

``TimeZoneField`` is a ``<select>`` of the IANA zone names that ``zoneinfo`` knows,
grouped by region (the programme's two countries first: Colombia's one zone and
Venezuela's Caracas), each shown with its current offset from UTC ("America/Bogota ·
UTC−05:00"). A small search box (``static/js/timezone-search.js``, progressive
enhancement: without JavaScript the grouped list and the browser's type-ahead remain)
narrows the list as the person types. Only a name in the list validates.

``default_timezone(user)`` is the zone to offer when a person has not chosen one:
the zone of their city (every programme city is in Colombia: America/Bogota).
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from functools import lru_cache

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import City

#: The programme's own zones, shown first: Colombia (every programme city) and Venezuela.
HOME_ZONES = ("America/Bogota", "America/Caracas")

#: The zone of each programme city.
CITY_ZONES: dict[str, str] = {city.value: "America/Bogota" for city in City}

DEFAULT_ZONE = "America/Bogota"

#: Regions in the order they are listed, with their group label.
REGIONS = (
    ("America", _("Americas")),
    ("Europe", _("Europe")),
    ("Africa", _("Africa")),
    ("Asia", _("Asia")),
    ("Atlantic", _("Atlantic")),
    ("Australia", _("Australia")),
    ("Pacific", _("Pacific")),
    ("Indian", _("Indian Ocean")),
)


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every region/place zone name zoneinfo knows (no aliases such as "US/Eastern",
    "Etc/GMT+5" or "EST"), sorted."""
    regions = {prefix for prefix, _label in REGIONS}
    return tuple(
        sorted(
            name
            for name in zoneinfo.available_timezones()
            if "/" in name and name.split("/", 1)[0] in regions
        )
    )


def is_valid_zone(name: str) -> bool:
    return name in zone_names() or name in HOME_ZONES


def default_timezone(user) -> str:
    """The person's zone when it is a valid one, otherwise their city's, otherwise
    Bogotá's."""
    current = getattr(user, "timezone", "") or ""
    if is_valid_zone(current):
        return current
    return CITY_ZONES.get(getattr(user, "city", "") or "", DEFAULT_ZONE)


def _offset(name: str, now: datetime) -> str:
    delta = now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset()
    minutes = int(delta.total_seconds() // 60) if delta is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _label(name: str, now: datetime) -> str:
    return f"{name.replace('_', ' ')} · {_offset(name, now)}"


def zone_choices(now: datetime | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices: the programme's zones, then each region's zones (offsets as of
    ``now``, which daylight saving changes)."""
    now = now or timezone.now()
    groups: list[tuple[str, list[tuple[str, str]]]] = [
        (str(_("Colombia and Venezuela")), [(name, _label(name, now)) for name in HOME_ZONES])
    ]
    names = zone_names()
    for prefix, label in REGIONS:
        members = [
            (name, _label(name, now))
            for name in names
            if name.startswith(prefix + "/") and name not in HOME_ZONES
        ]
        if members:
            groups.append((str(label), members))
    return groups


class TimeZoneSelect(forms.Select):
    """The grouped ``<select>`` with a search box above it (shown by the script)."""

    template_name = "semilla/widgets/timezone_select.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        # the zone's name is the database's English identifier ("America/New York"): say so,
        # for screen readers and for the voice checks of Spanish pages
        option["attrs"]["lang"] = "en"
        return option


class TimeZoneField(forms.ChoiceField):
    """A time zone chosen from the list (validated against zoneinfo's names)."""

    widget = TimeZoneSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault(
            "help_text", _("Dates and times are shown to you, and sent to you, in this zone.")
        )
        super().__init__(choices=zone_choices, **kwargs)
        self.error_messages["invalid_choice"] = _("Choose a time zone from the list.")
