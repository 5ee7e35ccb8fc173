"""Judging on a phone: a judge scores three pitches, the network drops and comes back
between two criteria (nothing is lost, nothing is doubled), and staff publish results."""

import pytest
from django.test import Client

from pitchday.enums import EventStatus
from pitchday.models import PitchScore
from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.factories.pitchday import make_event, make_judge, make_pitch

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _close_request_connections():
    from django.db import connections

    previous = connections.settings["default"].get("CONN_MAX_AGE", 0)
    connections.settings["default"]["CONN_MAX_AGE"] = 0
    yield
    connections.settings["default"]["CONN_MAX_AGE"] = previous


def _context_as(browser, user, base, **kwargs):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota", **kwargs)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_judge_scores_three_pitches_through_a_network_drop(browser, live_server):
    base = live_server.url
    event = make_event(status=EventStatus.SCORING, min_judges=1)
    pitches = [
        make_pitch(event, business_name=name)
        for name in ("Arepas La Guaira", "Costura Fina", "Café de la Frontera")
    ]
    for position, pitch in enumerate(pitches, start=1):
        pitch.running_order = position
        pitch.save()
    judge = make_judge(event)
    criteria = list(event.rubric.criteria.all())

    context = _context_as(
        browser,
        judge.user,
        base,
        viewport={"width": 390, "height": 780},
        is_mobile=True,
        has_touch=True,
    )
    phone = context.new_page()
    phone.goto(f"{base}/es/pitch/eventos/{event.pk}/calificar/")
    phone.get_by_test_id("current-pitch").click()
    assert axe_serious(phone) == []
    for index, pitch in enumerate(pitches):
        phone.get_by_role("heading", name=pitch.business_name).wait_for()
        for number in range(1, len(criteria) + 1):
            form = phone.get_by_test_id(f"criterion-{number}")
            if index == 0 and number == 3:
                context.set_offline(True)
                form.get_by_text(str(9 - index), exact=True).click()
                form.get_by_text("Guardado en este celular").wait_for()
                context.set_offline(False)
                form.get_by_text("Guardado", exact=True).wait_for()
                continue
            form.get_by_text(str(9 - index), exact=True).click()
            form.get_by_text("Guardado", exact=True).wait_for()
        if index < 2:
            phone.get_by_test_id("next-pitch").click()
    assert PitchScore.objects.count() == 3 * len(criteria)
    assert sorted(set(PitchScore.objects.values_list("pitch_id", "value"))) == [
        (pitches[0].pk, 9),
        (pitches[1].pk, 8),
        (pitches[2].pk, 7),
    ]

    staff = _context_as(browser, make_user(Role.STAFF), base).new_page()
    staff.goto(f"{base}/es/pitch/eventos/{event.pk}/resultados/")
    assert staff.get_by_test_id("leader-row").count() == 3
    staff.get_by_role("button", name="Cerrar la calificación").click()
    staff.goto(f"{base}/es/pitch/eventos/{event.pk}/resultados/")
    staff.get_by_test_id("publish").click()
    staff.get_by_test_id("event-status").wait_for()
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert staff.get_by_test_id("event-status").inner_text() == "Resultados publicados"
