"""Pitch-day pages not covered elsewhere: submission, deck, awards, results, winners, vote."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pitchday.enums import EventStatus, PitchStatus
from pitchday.models import AudienceVote, Award, Pitch
from pitchday.services import events as svc
from tests.factories.cohorts import ParticipantFactory
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_event, make_fund, make_judge, make_pitch, score_all

PDF = pdf_bytes()


def _url(name, *args):
    return reverse(f"pitchday:{name}", args=args)


def _close(response):
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_participant_submits_pitch_through_the_form(client_for, entrepreneur):
    event = make_event()
    participant = ParticipantFactory(cohort=event.cohorts.first())
    c = client_for(participant.user)
    assert c.get(_url("pitch_submit", event.pk)).status_code == 200
    response = c.post(
        _url("pitch_submit", event.pk),
        {
            "business_name": "Arepas",
            "summary": "Vendemos arepas",
            "ask_amount": "3.000.000",
            "items": "Horno: 2.000.000\nHarina: 1.000.000",
            "submit": "1",
            "deck": SimpleUploadedFile("deck.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    pitch = Pitch.objects.get()
    assert (pitch.status, pitch.ask_amount) == (PitchStatus.SUBMITTED, 3_000_000_00)
    deck = c.get(_url("deck_file", pitch.pk))
    assert deck.status_code == 200
    _close(deck)
    assert client_for(entrepreneur).get(_url("pitch_submit", event.pk)).status_code == 404
    assert client_for(entrepreneur).get(_url("deck_file", pitch.pk)).status_code == 404


@pytest.mark.django_db
def test_bad_use_of_funds_line_keeps_the_form(client_for):
    event = make_event()
    participant = ParticipantFactory(cohort=event.cohorts.first())
    response = client_for(participant.user).post(
        _url("pitch_submit", event.pk),
        {"business_name": "Arepas", "items": "Horno sin monto", "save": "1"},
    )
    assert response.status_code == 200
    assert "Línea 1" in response.content.decode()
    assert Pitch.objects.count() == 0


@pytest.mark.django_db
def test_awards_page_suggests_saves_and_confirms(client_for, staff_user):
    event = make_event(
        status=EventStatus.SCORING, award_budget=6_000_000_00, fund=make_fund(budget=50_000_000_00)
    )
    judge = make_judge(event)
    pitches = [make_pitch(event, ask=4_000_000_00) for _ in range(3)]
    for pitch, value in zip(pitches, (9, 6, 3), strict=True):
        score_all(judge, pitch, value)
    svc.event_transition(event=event, to=EventStatus.LOCKED, actor=staff_user)
    c = client_for(staff_user)
    page = c.get(_url("awards", event.pk))
    assert page.status_code == 200
    assert page.context["rows"][0]["suggested"] == 4_000_000_00
    assert page.context["rows"][1]["suggested"] == 2_000_000_00
    c.post(
        _url("awards", event.pk),
        {
            f"pitch_{pitches[0].pk}": "3000000",
            f"pitch_{pitches[1].pk}": "3000000",
            f"pitch_{pitches[2].pk}": "0",
            "save": "1",
        },
    )
    assert sorted(Award.objects.values_list("amount", flat=True)) == [3_000_000_00, 3_000_000_00]
    c.post(_url("awards", event.pk), {"confirm": "1"})
    assert Award.objects.filter(grant__isnull=False).count() == 2


@pytest.mark.django_db
def test_winners_page_public_only_when_published_and_chosen(client):
    event = make_event(status=EventStatus.LOCKED, winners_public=True)
    assert client.get(_url("winners", event.pk)).status_code == 404
    svc.event_transition(event=event, to=EventStatus.PUBLISHED, actor=None)
    assert client.get(_url("winners", event.pk)).status_code == 200


@pytest.mark.django_db
def test_audience_vote_page(client_for, make_user):
    event = make_event(status=EventStatus.SCORING, audience_vote=True)
    pitch = make_pitch(event)
    voter = client_for(make_user())
    url = _url("audience_vote", event.vote_token)
    assert client_for(None).get(url).status_code == 302
    assert voter.get(url).status_code == 200
    voter.post(url, {"pitch": pitch.pk})
    voter.post(url, {"pitch": pitch.pk})
    assert AudienceVote.objects.count() == 1


@pytest.mark.django_db
def test_judge_home_lists_running_order_and_marks_scored(client_for):
    event = make_event(status=EventStatus.SCORING)
    judge = make_judge(event)
    first, second = make_pitch(event), make_pitch(event)
    score_all(judge, first, 7)
    response = client_for(judge.user).get(_url("judge_home", event.pk))
    assert response.context["current"] == second
    assert [p.scored for p in response.context["pitches"]] == [True, False]
