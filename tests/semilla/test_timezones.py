"""Time zones are chosen from a list (semilla.timezones), never typed by hand."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import translation

from semilla.enums import City
from semilla.forms import PreferencesForm
from semilla.timezones import HOME_ZONES, default_timezone, zone_choices, zone_names


def test_zone_list_starts_with_colombia_and_venezuela_then_the_regions():
    january = datetime.datetime(2027, 1, 15, tzinfo=datetime.UTC)
    with translation.override("en"):
        groups = zone_choices(january)
    assert groups[0] == (
        "Colombia and Venezuela",
        [
            ("America/Bogota", "America/Bogota · UTC−05:00"),
            ("America/Caracas", "America/Caracas · UTC−04:00"),
        ],
    )
    assert [label for label, _members in groups[1:4]] == ["Americas", "Europe", "Africa"]
    with translation.override("es"):
        assert zone_choices(january)[0][0] == "Colombia y Venezuela"
    europe = dict(groups[2][1])
    assert europe["Europe/Madrid"] == "Europe/Madrid · UTC+01:00"
    assert dict(groups[1][1])["America/Argentina/Buenos_Aires"] == (
        "America/Argentina/Buenos Aires · UTC−03:00"
    )


def test_zone_offsets_follow_daylight_saving():
    july = datetime.datetime(2027, 7, 15, tzinfo=datetime.UTC)
    assert dict(zone_choices(july)[2][1])["Europe/Madrid"] == "Europe/Madrid · UTC+02:00"


def test_zone_list_holds_no_aliases_and_no_duplicates():
    names = [name for _label, members in zone_choices() for name, _text in members]
    assert len(names) == len(set(names))
    assert {"US/Eastern", "EST", "Etc/GMT+5", "UTC", "GMT"} & set(names) == set()
    assert set(HOME_ZONES) <= set(names) and len(zone_names()) > 300
    assert {"US/Eastern", "EST", "Etc/GMT+5", "UTC", "GMT"} & set(zone_names()) == set()


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("America/Caracas", True),
        ("Europe/Madrid", True),
        ("US/Eastern", False),  # an alias zoneinfo knows, not in the list
        ("Mars/Olympus", False),
        ("america/bogota", False),
        ("", False),
    ],
)
def test_preferences_accept_only_a_zone_from_the_list(value, valid):
    with translation.override("en"):
        form = PreferencesForm({"language": "es", "timezone": value})
        assert form.is_valid() == valid
        errors = [str(e) for e in form.errors.get("timezone", [])]
    expected = "This field is required." if value == "" else "Choose a time zone from the list."
    assert errors == ([] if valid else [expected])


@pytest.mark.parametrize("city", [*City.values, ""])
def test_default_zone_comes_from_the_city_when_none_is_set(city):
    class Person:
        timezone = "Nowhere/Invalid"

    person = Person()
    person.city = city
    assert default_timezone(person) == "America/Bogota"


def test_default_zone_keeps_a_zone_the_person_chose():
    class Person:
        timezone = "America/Caracas"
        city = City.CUCUTA

    assert default_timezone(Person()) == "America/Caracas"


def test_preferences_page_offers_the_grouped_list_with_a_search_box(client_for, entrepreneur):
    entrepreneur.timezone = "America/Caracas"
    entrepreneur.save()
    body = html.unescape(
        client_for(entrepreneur).get(reverse("semilla:preferences")).content.decode()
    )
    assert '<input type="text" name="timezone"' not in body
    assert '<select name="timezone"' in body
    assert (
        '<option value="America/Caracas" selected lang="en">America/Caracas · UTC−04:00</option>'
        in body
    )
    assert 'data-tz-search="id_timezone"' in body


def test_preferences_save_a_zone_from_the_list(client_for, entrepreneur):
    client_for(entrepreneur).post(
        reverse("semilla:preferences"), {"language": "es", "timezone": "America/Caracas"}
    )
    entrepreneur.refresh_from_db()
    assert entrepreneur.timezone == "America/Caracas"
