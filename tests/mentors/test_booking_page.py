"""The booking page for thumbs: a day, then a time, then one short form; no offers a mentee
cannot take; the time zone from a list. Dates in words, in both languages."""

import datetime
import html
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from mentors import selectors, services
from mentors.enums import BookingStatus, MatchStatus
from mentors.models import Booking
from semilla.errors import ServiceError
from tests.factories.mentors import MatchFactory, make_booking, mentor_available_every_day

BOGOTA = ZoneInfo("America/Bogota")


@pytest.fixture
def match(db):
    m = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(m.mentor)
    return m


def _day(offset=2):
    return timezone.now().astimezone(BOGOTA).date() + datetime.timedelta(days=offset)


def _slot(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BOGOTA)


def _page(client, **params):
    query = "&".join(f"{name}={value}" for name, value in params.items())
    response = client.get(reverse("mentors:book") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _text(fragment):
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def _day_button(body, day):
    found = re.search(rf'data-testid="day-{day:%Y-%m-%d}">(.*?)</a>', body, re.S)
    return _text(found.group(1)) if found else None


def _time_links(body):
    return re.findall(r'class="time-button" href="\?dia=([\d-]+)&hora=(\d+)#reservar"', body)


def test_booking_page_offers_days_with_their_free_time_counts(client_for, match):
    body = _page(client_for(match.participant.user))
    day = _day()
    with translation.override("es"):
        from mentors.templatetags.mentors_tags import day_short

        label = day_short(day)
    assert _day_button(body, day) == f"{label} 10 horarios"
    assert f'href="?dia={day:%Y-%m-%d}#horas"' in body
    assert _time_links(body) == []  # no times before a day is chosen
    assert 'data-testid="book-submit"' not in body


def test_booking_page_counts_one_free_time_in_the_singular(client_for, db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(match.mentor, start=9, end=10)
    assert _day_button(_page(client_for(match.participant.user)), _day()).endswith(" 1 horario")


def test_booking_page_day_offers_its_times_as_links_to_the_form(client_for, match):
    day = _day()
    body = _page(client_for(match.participant.user), dia=f"{day:%Y-%m-%d}")
    expected = [(f"{day:%Y-%m-%d}", str(int(_slot(day, h).timestamp()))) for h in range(8, 18)]
    assert _time_links(body) == expected
    assert f'aria-current="true" data-testid="day-{day:%Y-%m-%d}"' in body
    with translation.override("es"):
        from mentors.templatetags.mentors_tags import day_words

        assert f"2. Elige una hora el {day_words(day)}" in body
    assert 'data-testid="book-submit"' not in body


SPANISH_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
SPANISH_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()


def test_booking_page_day_names_the_weekday_in_lower_case_in_spanish(client_for, match):
    day = _day()
    client = client_for(match.participant.user)
    with translation.override("es"):
        spanish = _page(client, dia=f"{day:%Y-%m-%d}")
    with translation.override("en"):
        english = _page(client, dia=f"{day:%Y-%m-%d}")
    weekday, month = SPANISH_DAYS[day.weekday()], SPANISH_MONTHS[day.month - 1]
    assert (
        f"2. Elige una hora el {weekday} {day.day} de {month}" in spanish,
        f"2. Choose a time on {day:%A} {day.day} {day:%B}" in english,
    ) == (True, True)


def test_moment_words_spanish_weekday_in_lower_case_english_capitalised():
    from mentors.templatetags.mentors_tags import day_words, moment_words

    instant = datetime.datetime(2026, 12, 8, 16, 20, tzinfo=BOGOTA)
    with translation.override("es"):
        spanish = (day_words(instant), moment_words(instant))
    with translation.override("en"):
        english = (day_words(instant), moment_words(instant))
    assert (spanish, english) == (
        ("martes 8 de diciembre", "martes 8 de diciembre, 4:20 p.m."),
        ("Tuesday 8 December", "Tuesday 8 December, 4:20 p.m."),
    )


def test_booking_page_time_shows_one_short_form(client_for, match):
    day = _day()
    slot = _slot(day, 10)
    body = _page(
        client_for(match.participant.user),
        dia=f"{day:%Y-%m-%d}",
        hora=int(slot.timestamp()),
    )
    assert body.count('data-testid="book-submit"') == 1
    assert body.count('<form method="post" action="?dia=') == 1  # one form, not one per time
    form = body[body.index('id="reservar"') :]
    assert '<legend class="required">¿Cómo se van a reunir?</legend>' in form
    assert 'name="topic"' in form and 'name="note"' in form
    assert 'name="starts_at"' not in form and "---------" not in body
    assert f'name="hora" value="{int(slot.timestamp())}"' in form
    with translation.override("es"):
        from mentors.templatetags.mentors_tags import moment_words

        assert f"<strong>{moment_words(slot)}</strong>" in form
    assert "60 minutos con" in form


def test_booking_form_offers_the_pairs_open_goals_as_topics(client_for, match):
    services.goal_add(match=match, actor=match.participant.user, title="Costear mis productos")
    day = _day()
    body = _page(
        client_for(match.participant.user),
        dia=f"{day:%Y-%m-%d}",
        hora=int(_slot(day, 10).timestamp()),
    )
    assert 'list="mentee-goals"' in body
    assert '<datalist id="mentee-goals"><option value="Costear mis productos"></option>' in body


def test_booking_form_books_the_time_with_topic_and_note(client_for, match):
    day = _day()
    slot = _slot(day, 11)
    url = reverse("mentors:book") + f"?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    response = client_for(match.participant.user).post(
        url,
        {
            "hora": int(slot.timestamp()),
            "mode": "virtual",
            "topic": "Precios",
            "note": "Traigo mis cuentas",
        },
    )
    assert response["Location"] == reverse("mentors:sessions")
    booking = Booking.objects.get()
    assert (booking.starts_at, booking.topic, booking.note, booking.status) == (
        slot,
        "Precios",
        "Traigo mis cuentas",
        BookingStatus.CONFIRMED,
    )


def test_booking_form_without_a_topic_is_shown_again_with_the_reason(client_for, match):
    day = _day()
    slot = _slot(day, 11)
    url = reverse("mentors:book") + f"?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    response = client_for(match.participant.user).post(
        url, {"hora": int(slot.timestamp()), "mode": "virtual", "topic": ""}
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Cuenta qué quieres trabajar en esta sesión." in body
    assert body.count('data-testid="book-submit"') == 1
    assert Booking.objects.count() == 0


def test_booking_a_time_taken_meanwhile_shows_the_days_other_times(client_for, match):
    day = _day()
    slot = _slot(day, 11)
    other = MatchFactory(status=MatchStatus.ACCEPTED, mentor=match.mentor)
    services.booking_create(match=other, starts_at=slot, actor=other.participant.user)
    url = reverse("mentors:book") + f"?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    client = client_for(match.participant.user)
    response = client.post(url, {"hora": int(slot.timestamp()), "mode": "virtual", "topic": "x"})
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert body.count("Ese horario ya no está libre. Elige otro.") == 1
    assert 'data-testid="book-submit"' not in body
    assert len(_time_links(body)) == 9
    assert Booking.objects.count() == 1

    # the same link opened later says so too, once
    body = _page(client, dia=f"{day:%Y-%m-%d}", hora=int(slot.timestamp()))
    assert body.count("Ese horario ya no está libre. Elige otro.") == 1
    assert 'data-testid="book-submit"' not in body


@pytest.mark.parametrize(
    "params",
    [
        {"dia": "2026-13-45"},
        {"dia": "mañana", "hora": "abc"},
        {"hora": "-5"},
        {"hora": "99999999999999999999"},
    ],
)
def test_booking_page_with_a_broken_link_starts_again_at_the_days(client_for, match, params):
    body = _page(client_for(match.participant.user), **params)
    assert _day_button(body, _day()) is not None
    assert _time_links(body) == [] and 'data-testid="book-submit"' not in body


def test_booking_page_for_a_day_without_times_says_so(client_for, match):
    body = _page(client_for(match.participant.user), dia="2020-01-01")
    assert "No hay horarios libres ese día. Elige otro." in body


# ----------------------------------------------------------------------------- no dead offers


def _fill_upcoming(match, count):
    for n in range(count):
        make_booking(match, _slot(_day(3 + n), 9))


def test_mentee_at_her_session_limit_sees_why_and_no_times(client_for, match):
    _fill_upcoming(match, match.cohort.max_upcoming_bookings)
    body = _page(client_for(match.participant.user), dia=f"{_day():%Y-%m-%d}")
    reason = (
        "Ya tienes 2 sesiones próximas, el máximo permitido. Cuando una se haya realizado, "
        "o si cancelas una, podrás reservar otra."
    )
    refusal = body[body.index('data-testid="booking-refusal"') :]
    assert _text(refusal[refusal.index(">") + 1 : refusal.index("</section>")]) == (
        f"No puedes reservar una nueva sesión por ahora {reason} Ver mis sesiones"
    )
    assert "day-button" not in body and "time-button" not in body
    assert 'data-testid="book-submit"' not in body


def test_the_booking_service_refuses_with_the_reason_the_page_shows(match):
    _fill_upcoming(match, match.cohort.max_upcoming_bookings)
    with translation.override("en"):
        shown = selectors.booking_refusal(match=match, minutes=60)
        with pytest.raises(ServiceError) as refused:
            services.booking_create(
                match=match, starts_at=_slot(_day(), 10), actor=match.participant.user
            )
        assert str(refused.value.message) == shown
    assert shown == (
        "You already have 2 upcoming sessions, the most allowed. Once one has taken place, "
        "or if you cancel one, you can book another."
    )
    assert Booking.objects.count() == 2


def test_a_limit_of_one_session_reads_in_the_singular(match):
    type(match.cohort).objects.filter(pk=match.cohort_id).update(max_upcoming_bookings=1)
    match.cohort.refresh_from_db()
    _fill_upcoming(match, 1)
    with translation.override("es"):
        assert selectors.booking_refusal(match=match, minutes=60) == (
            "Ya tienes 1 sesión próxima, el máximo permitido. Cuando se haya realizado, "
            "o si la cancelas, podrás reservar otra."
        )


def test_pair_whose_hours_are_used_sees_why_and_no_times(client_for, match):
    type(match.cohort).objects.filter(pk=match.cohort_id).update(mentoring_hours_per_pair=1)
    make_booking(match, timezone.now() - datetime.timedelta(days=2))
    body = _page(client_for(match.participant.user))
    assert "Esta pareja ya usó su 1 hora de mentoría de la cohorte." in body
    assert "day-button" not in body


def test_a_cancelled_session_gives_the_place_back(client_for, match):
    _fill_upcoming(match, match.cohort.max_upcoming_bookings)
    services.booking_cancel(
        booking=Booking.objects.first(), actor=match.participant.user, reason="Viaje"
    )
    body = _page(client_for(match.participant.user))
    assert "booking-refusal" not in body and "day-button" in body


# ----------------------------------------------------------------------------- queries


@pytest.mark.parametrize("step", ["days", "day", "time"])
def test_booking_page_queries_do_not_grow_with_the_slots(
    client_for, db, django_assert_num_queries, step
):
    """One hour a day or ten hours a day (30 or 300 free times): the same queries."""
    counts = []
    for end in (10, 19):
        match = MatchFactory(status=MatchStatus.ACCEPTED)
        mentor_available_every_day(match.mentor, start=9, end=end)
        day = _day()
        params = {
            "days": {},
            "day": {"dia": f"{day:%Y-%m-%d}"},
            "time": {"dia": f"{day:%Y-%m-%d}", "hora": int(_slot(day, 9).timestamp())},
        }[step]
        client = client_for(match.participant.user)
        _page(client, **params)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            body = _page(client, **params)
        counts.append(len(queries))
        assert "day-button" in body
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        _page(client, **params)


# ----------------------------------------------------------------------------- languages


def test_booking_page_in_english_reads_in_words(client_for, match):
    day = _day()
    slot = _slot(day, 10)
    client = client_for(match.participant.user)
    with translation.override("en"):
        url = reverse("mentors:book")
    body = html.unescape(
        client.get(f"{url}?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}").content.decode()
    )
    assert '<html lang="en"' in body
    assert _day_button(body, day) == f"{day:%a} {day.day} {day:%b} 10 times"
    assert f"2. Choose a time on {day:%A} {day.day} {day:%B}" in body
    assert f"<strong>{day:%A} {day.day} {day:%B}, 10:00 a.m.</strong>" in body
    assert '<legend class="required">How will you meet?</legend>' in body


def test_booking_page_in_spanish_names_the_month_after_de(client_for, match):
    day = _day()
    body = _page(client_for(match.participant.user), dia=f"{day:%Y-%m-%d}")
    months = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
    month = [*months.split(), "diciembre"][day.month - 1]
    assert f" {day.day} de {month}</h2>" in body


# ----------------------------------------------------------------------------- time zone


def test_mentee_in_caracas_sees_the_times_in_caracas(client_for, match):
    user = match.participant.user
    user.timezone = "America/Caracas"
    user.save()
    day = _day()
    body = _page(client_for(user), dia=f"{day:%Y-%m-%d}")
    assert "<strong>America/Caracas</strong>" in body
    links = _time_links(body)
    first = datetime.datetime.fromtimestamp(int(links[0][1]), tz=ZoneInfo("America/Caracas"))
    assert (first.hour, len(links)) == (9, 10)  # 8:00 in Bogotá is 9:00 in Caracas


def test_booking_page_offers_the_time_zone_from_a_grouped_list(client_for, match):
    body = _page(client_for(match.participant.user))
    select = body[body.index('<select name="timezone"') : body.index("</select>")]
    assert '<optgroup label="Colombia y Venezuela">' in select
    assert (
        '<option value="America/Bogota" selected lang="en">America/Bogota · UTC−05:00</option>'
        in select
    )
    assert (
        '<option value="America/Caracas" lang="en">America/Caracas · UTC−04:00</option>' in select
    )
    assert 'value="US/Eastern"' not in select and 'value="EST"' not in select
    assert 'type="search"' in body and "timezone-search.js" in body
    assert '<input type="text" name="timezone"' not in body


def test_mentee_saves_her_time_zone_from_the_list(client_for, match):
    client = client_for(match.participant.user)
    response = client.post(reverse("mentors:book_timezone"), {"timezone": "America/Caracas"})
    assert response["Location"] == reverse("mentors:book")
    match.participant.user.refresh_from_db()
    assert match.participant.user.timezone == "America/Caracas"


@pytest.mark.parametrize("typed", ["Mars/Olympus", "US/Eastern", "", "America/Bogota\x00"])
def test_a_time_zone_not_in_the_list_is_refused(client_for, match, typed):
    client = client_for(match.participant.user)
    response = client.post(reverse("mentors:book_timezone"), {"timezone": typed}, follow=True)
    assert "Elige una zona horaria de la lista." in html.unescape(response.content.decode())
    match.participant.user.refresh_from_db()
    assert match.participant.user.timezone == "America/Bogota"


# ----------------------------------------------------------------------------- my sessions


def _booked(match, hour=10):
    return services.booking_create(
        match=match, starts_at=_slot(_day(), hour), actor=match.participant.user, topic="Precios"
    )


def test_add_to_calendar_gives_the_session_in_each_persons_zone(client_for, match):
    from icalendar import Calendar

    booking = _booked(match)
    for user, zone in (
        (match.participant.user, "America/Caracas"),
        (match.mentor.user, "Europe/Madrid"),
    ):
        user.timezone = zone
        user.save()
        response = client_for(user).get(reverse("mentors:booking_calendar", args=[booking.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        local_day = booking.starts_at.astimezone(ZoneInfo(zone)).date()
        assert response["Content-Disposition"] == (
            f'attachment; filename="sesion-semilla-{local_day:%Y-%m-%d}.ics"'
        )
        assert response["Cache-Control"] == "private, no-store"
        calendar = Calendar.from_ical(response.content)
        (event,) = calendar.walk("VEVENT")
        assert event["DTSTART"].params["TZID"] == zone
        assert event.decoded("DTSTART") == booking.starts_at
        assert event.decoded("DTEND") == booking.ends_at
        assert str(event["UID"]) == f"{booking.uid}@semilla"
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [zone]


def test_add_to_calendar_is_for_the_sessions_two_people_only(client, client_for, match):
    booking = _booked(match)
    url = reverse("mentors:booking_calendar", args=[booking.pk])
    outsider = MatchFactory(status=MatchStatus.ACCEPTED)
    assert client_for(outsider.participant.user).get(url).status_code == 404
    assert client_for(outsider.mentor.user).get(url).status_code == 404
    assert client.get(url)["Location"].startswith("/es/accounts/login/?next=")
    services.booking_cancel(booking=booking, actor=match.participant.user, reason="Viaje")
    assert client_for(match.participant.user).get(url).status_code == 404


def test_my_sessions_offers_a_tappable_video_link_and_a_calendar_button(client_for, match):
    booking = _booked(match)
    body = html.unescape(
        client_for(match.participant.user).get(reverse("mentors:sessions")).content.decode()
    )
    row = body[body.index(f'data-testid="booking-{booking.pk}"') :]
    row = row[: row.index("</li>")]
    assert (
        '<a class="button" href="https://meet.example.org/semilla" rel="noopener noreferrer" '
        f'target="_blank" data-testid="join-{booking.pk}">Entrar a la videollamada</a>'
    ) in row
    assert (
        f'<a class="button secondary" href="{reverse("mentors:booking_calendar", args=[booking.pk])}" '
        f'download data-testid="calendar-{booking.pk}">Agregar al calendario</a>'
    ) in row
    with translation.override("es"):
        from mentors.templatetags.mentors_tags import moment_words

        assert f'<strong class="session-when">{moment_words(booking.starts_at)}</strong>' in row
    assert f"Con tu mentora o mentor: {match.mentor.user.get_full_name()}" in row


def test_my_sessions_in_person_shows_the_place_and_no_video_link(client_for, match):
    type(match.mentor).objects.filter(pk=match.mentor_id).update(meeting_place="Biblioteca")
    booking = services.booking_create(
        match=match, starts_at=_slot(_day(), 10), actor=match.participant.user, mode="in_person"
    )
    body = client_for(match.participant.user).get(reverse("mentors:sessions")).content.decode()
    assert f'data-testid="join-{booking.pk}"' not in body
    row = body[body.index(f"booking-{booking.pk}") :]
    meta = row[row.index('<span class="meta">') : row.index("</span>")]
    assert meta == '<span class="meta">Presencial · Biblioteca'


def test_my_sessions_log_forms_have_ids_of_their_own_and_fieldsets(client_for, match):
    for days in (2, 3):
        make_booking(match, timezone.now() - datetime.timedelta(days=days))
    body = client_for(match.mentor.user).get(reverse("mentors:sessions")).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert body.count('<legend class="required">¿Qué pasó?</legend>') == 2
    assert "---------" not in body and '<label for="">' not in body


def test_reschedule_page_reads_dates_in_words(client_for, match):
    booking = _booked(match, hour=9)
    url = reverse("mentors:booking_reschedule", args=[booking.pk])
    body = html.unescape(client_for(match.participant.user).get(url).content.decode())
    with translation.override("es"):
        from mentors.templatetags.mentors_tags import day_words, moment_words

        assert f"<strong>{moment_words(booking.starts_at)}</strong>" in body
        assert f">{day_words(_day())}</h2>" in body
    assert re.search(r"\d{4}-\d{2}-\d{2}", _text(body[body.index("<main") :])) is None
