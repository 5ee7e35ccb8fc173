"""Pitch day: submissions, judging, conflicts, results, awards and the permission matrix."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pitchday.enums import EventStatus, GrantStatus, PitchStatus
from pitchday.models import AudienceVote, Grant, Pitch, PitchScore
from pitchday.money import fund_balance
from pitchday.services import ServiceError
from pitchday.services import events as svc
from tests.factories.cohorts import ParticipantFactory
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import (
    make_event,
    make_fund,
    make_judge,
    make_pitch,
    score_all,
)

PDF = pdf_bytes()


def _url(name, *args):
    return reverse(f"pitchday:{name}", args=args)


@pytest.fixture
def scoring_event():
    event = make_event(status=EventStatus.SCORING)
    pitches = [make_pitch(event) for _ in range(3)]
    return event, pitches


@pytest.mark.django_db
def test_default_rubric_weights_sum_to_100():
    event = make_event()
    assert svc.rubric_weights_ok(rubric=event.rubric)
    assert event.rubric.criteria.count() == 6


@pytest.mark.django_db
def test_submission_draft_then_complete_submit():
    event = make_event()
    participant = ParticipantFactory(cohort=event.cohorts.first())
    pitch = svc.pitch_save(
        event=event,
        participant=participant,
        business_name="Arepas",
        summary="",
        video_url="",
        ask_amount=0,
        items=[],
        submit=True,
    )
    assert pitch.status == PitchStatus.DRAFT
    assert len(pitch.missing) == 4
    pitch = svc.pitch_save(
        event=event,
        participant=participant,
        business_name="Arepas",
        summary="Resumen",
        video_url="",
        ask_amount=300_00,
        items=[("Horno", 200_00), ("Harina", 100_00)],
        deck=SimpleUploadedFile("deck.pdf", PDF, "application/pdf"),
        submit=True,
    )
    assert (pitch.status, pitch.missing) == (PitchStatus.SUBMITTED, [])
    assert Pitch.objects.count() == 1


@pytest.mark.django_db
def test_deck_must_be_a_pdf_by_content():
    event = make_event()
    participant = ParticipantFactory(cohort=event.cohorts.first())
    with pytest.raises(ServiceError):
        svc.pitch_save(
            event=event,
            participant=participant,
            business_name="A",
            summary="",
            video_url="",
            ask_amount=0,
            items=[],
            deck=SimpleUploadedFile("deck.pdf", b"PK\x03\x04zip", "application/pdf"),
        )


@pytest.mark.django_db
def test_submission_closed_after_deadline():
    import datetime

    from django.utils import timezone

    event = make_event()
    event.submission_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    participant = ParticipantFactory(cohort=event.cohorts.first())
    with pytest.raises(ServiceError):
        svc.pitch_save(
            event=event,
            participant=participant,
            business_name="A",
            summary="",
            video_url="",
            ask_amount=0,
            items=[],
        )


@pytest.mark.django_db
def test_double_submission_from_two_devices_is_one_score_row(scoring_event, client_for):
    event, pitches = scoring_event
    judge = make_judge(event)
    criterion = event.rubric.criteria.first()
    url = _url("score_save", event.pk, pitches[0].pk)
    phone, tablet = client_for(judge.user), client_for(judge.user)
    for device, value in ((phone, 7), (tablet, 7), (phone, 8)):
        response = device.post(
            url, {"criterion": criterion.pk, "value": value}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert "saved" in response.content.decode()
    assert list(PitchScore.objects.values_list("value", flat=True)) == [8]


@pytest.mark.django_db
def test_conflicted_judge_cannot_score(scoring_event):
    event, pitches = scoring_event
    judge = make_judge(event)
    criterion = event.rubric.criteria.first()
    svc.score_record(judge=judge, pitch=pitches[0], criterion=criterion, value=5)
    svc.judge_declare_conflict(judge=judge, pitch=pitches[0], reason="Es mi prima")
    assert PitchScore.objects.count() == 0
    with pytest.raises(ServiceError):
        svc.score_record(judge=judge, pitch=pitches[0], criterion=criterion, value=5)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["invited", "declined"])
def test_only_an_accepted_judge_declares_a_conflict(client, scoring_event, status):
    event, pitches = scoring_event
    judge = make_judge(event, accepted=False)
    judge.status = status
    judge.save(update_fields=["status"])
    with pytest.raises(ServiceError):
        svc.judge_declare_conflict(judge=judge, pitch=pitches[0], reason="Es mi prima")
    client.force_login(judge.user)
    response = client.post(
        _url("judge_conflict", event.pk),
        {"pitch": pitches[0].pk, "reason": "Es mi prima"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 200
    assert not judge.conflicts.exists()
    assert "Solo un jurado que aceptó la invitación declara un conflicto." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_scores_refused_when_scoring_not_open_or_judge_not_accepted(scoring_event):
    event, pitches = scoring_event
    criterion = event.rubric.criteria.first()
    invited = make_judge(event, accepted=False)
    with pytest.raises(ServiceError):
        svc.score_record(judge=invited, pitch=pitches[0], criterion=criterion, value=5)
    judge = make_judge(event)
    svc.event_transition(event=event, to=EventStatus.LOCKED, actor=None)
    judge.event.refresh_from_db()
    with pytest.raises(ServiceError):
        svc.score_record(judge=judge, pitch=pitches[0], criterion=criterion, value=5)


@pytest.mark.django_db
def test_score_out_of_range_is_refused(scoring_event, client_for):
    event, pitches = scoring_event
    judge = make_judge(event)
    criterion = event.rubric.criteria.first()
    response = client_for(judge.user).post(
        _url("score_save", event.pk, pitches[0].pk),
        {"criterion": criterion.pk, "value": 11},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert PitchScore.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("endpoint", "data"), [("score_save", {"value": 7}), ("comment_save", {"comment": "Bien"})]
)
def test_saving_on_a_stale_page_without_javascript_goes_back_with_the_reason(
    scoring_event, client_for, endpoint, data
):
    """A judge's phone without JavaScript kept the sheet open while staff locked scoring:
    the save button brings them back to the pitch's sheet with the refusal in words, not
    to a bare fragment."""
    from django.contrib.messages import get_messages

    event, pitches = scoring_event
    judge = make_judge(event)
    svc.event_transition(event=event, to=EventStatus.LOCKED, actor=None)
    response = client_for(judge.user).post(
        _url(endpoint, event.pk, pitches[0].pk),
        {"criterion": event.rubric.criteria.first().pk, **data},
    )
    messages = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert (response.status_code, response["Location"]) == (
        302,
        _url("judge_pitch", event.pk, pitches[0].pk),
    )
    assert messages == [("error", "La calificación no está abierta.")]
    assert PitchScore.objects.count() == 0


@pytest.mark.django_db
def test_judge_never_sees_other_judges_scores(scoring_event, client_for):
    event, pitches = scoring_event
    me, other = make_judge(event), make_judge(event)
    score_all(other, pitches[0], 9)
    body = client_for(me.user).get(_url("judge_pitch", event.pk, pitches[0].pk)).content
    assert b"checked" not in body
    assert client_for(me.user).get(_url("leaderboard", event.pk)).status_code == 403


@pytest.mark.django_db
def test_judging_pages_permission_matrix(
    scoring_event, client_for, staff_user, entrepreneur, make_user
):
    from semilla.enums import Role

    event, pitches = scoring_event
    judge = make_judge(event)
    outsider_judge = make_user(Role.JUDGE)
    participant = pitches[0].participant.user
    judge_url = _url("judge_pitch", event.pk, pitches[0].pk)
    board = _url("leaderboard", event.pk)
    detail = event.get_absolute_url()
    cases = [
        (None, judge_url, 302),
        (None, board, 302),
        (None, detail, 302),
        (judge.user, judge_url, 200),
        (judge.user, board, 403),
        (judge.user, detail, 200),
        (outsider_judge, judge_url, 404),
        (outsider_judge, detail, 404),
        (participant, judge_url, 403),
        (participant, board, 403),
        (participant, detail, 200),
        (entrepreneur, detail, 404),
        (staff_user, board, 200),
        (staff_user, detail, 200),
        (staff_user, judge_url, 403),
    ]
    for user, url, status in cases:
        assert (str(user), url, client_for(user).get(url).status_code) == (str(user), url, status)
    assert (
        client_for(judge.user).get(_url("score_save", event.pk, pitches[0].pk)).status_code == 405
    )


@pytest.mark.django_db
def test_leaderboard_ranks_and_flags_coverage(scoring_event, client_for, staff_user):
    event, pitches = scoring_event
    j1, j2 = make_judge(event), make_judge(event)
    for pitch, (a, b) in zip(pitches, ((9, 3), (5, 2), (7, 1)), strict=True):
        score_all(j1, pitch, a)
        score_all(j2, pitch, b)
    from pitchday.selectors.events import event_results

    results = event_results(event=event)
    assert [r["pitch"].pk for r in results["rows"]] == [pitches[0].pk, pitches[2].pk, pitches[1].pk]
    assert results["uncovered"] == []
    event.min_judges = 3
    event.save()
    assert len(event_results(event=event)["uncovered"]) == 3
    html = client_for(staff_user).get(_url("leaderboard", event.pk)).content.decode()
    assert "puntaje z" in html


@pytest.mark.django_db
def test_leaderboard_query_count_is_constant(client_for, staff_user, django_assert_num_queries):
    event = make_event(status=EventStatus.SCORING)
    judge = make_judge(event)
    score_all(judge, make_pitch(event), 6)
    c = client_for(staff_user)
    with django_assert_num_queries(9) as one:
        c.get(_url("leaderboard", event.pk), HTTP_HX_REQUEST="true")
    for value in (3, 8, 5, 9):
        pitch = make_pitch(event)
        score_all(judge, pitch, value)
        score_all(make_judge(event), pitch, value)
    with django_assert_num_queries(len(one.captured_queries)):
        response = c.get(_url("leaderboard", event.pk), HTTP_HX_REQUEST="true")
    assert response.content.decode().count('data-testid="leader-row"') == 5


@pytest.mark.django_db
def test_awards_confirm_creates_offered_grants(scoring_event, staff_user):
    event, pitches = scoring_event
    event.fund = make_fund(budget=100_000_000_00)
    event.award_budget = 8_000_000_00
    event.save()
    judge = make_judge(event)
    for pitch, value in zip(pitches, (9, 7, 5), strict=True):
        score_all(judge, pitch, value)
    svc.event_transition(event=event, to=EventStatus.LOCKED, actor=staff_user)
    event.refresh_from_db()
    with pytest.raises(ServiceError):
        svc.awards_save(
            event=event, allocation={pitches[0].pk: 9_000_000_00}, ranks={}, actor=staff_user
        )
    svc.awards_save(
        event=event,
        allocation={pitches[0].pk: 5_000_000_00, pitches[1].pk: 3_000_000_00},
        ranks={pitches[0].pk: 1, pitches[1].pk: 2},
        actor=staff_user,
    )
    grants = svc.awards_confirm(event=event, actor=staff_user)
    assert sorted(g.amount for g in grants) == [3_000_000_00, 5_000_000_00]
    assert {g.status for g in grants} == {GrantStatus.OFFERED}
    assert {g.grantee for g in grants} == {pitches[0].participant.user, pitches[1].participant.user}
    assert fund_balance(fund=event.fund).committed == 8_000_000_00
    assert svc.awards_confirm(event=event, actor=staff_user) == []
    assert Grant.objects.count() == 2


@pytest.mark.django_db
def test_audience_vote_one_per_verified_account(make_user):
    event = make_event(status=EventStatus.SCORING, audience_vote=True)
    pitch = make_pitch(event)
    voter = make_user()
    svc.audience_vote_cast(event=event, pitch=pitch, user=voter)
    with pytest.raises(ServiceError):
        svc.audience_vote_cast(event=event, pitch=pitch, user=voter)
    from tests.factories import UserFactory

    unverified = UserFactory(verified=False)
    with pytest.raises(ServiceError):
        svc.audience_vote_cast(event=event, pitch=pitch, user=unverified)
    assert AudienceVote.objects.count() == 1


@pytest.mark.django_db
def test_results_published_show_own_scores_and_comments(scoring_event, client_for, staff_user):
    event, pitches = scoring_event
    judge = make_judge(event)
    for pitch in pitches:
        score_all(judge, pitch, 6)
    svc.comment_record(judge=judge, pitch=pitches[0], text="Muy claro el modelo de negocio")
    svc.comment_record(judge=judge, pitch=pitches[1], text="Comentario para otra persona")
    owner = client_for(pitches[0].participant.user)
    assert owner.get(_url("my_results", event.pk)).status_code == 404
    svc.event_transition(event=event, to=EventStatus.LOCKED, actor=staff_user)
    svc.event_transition(event=event, to=EventStatus.PUBLISHED, actor=staff_user)
    body = owner.get(_url("my_results", event.pk)).content.decode()
    assert "Muy claro el modelo de negocio" in body
    assert "Comentario para otra persona" not in body
    assert judge.user.full_name not in body


@pytest.mark.django_db
def test_running_order_generated_then_edited(staff_user, client_for):
    event = make_event()
    pitches = [make_pitch(event) for _ in range(3)]
    svc.running_order_generate(event=event, seed=1)
    assert sorted(Pitch.objects.values_list("running_order", flat=True)) == [1, 2, 3]
    client_for(staff_user).post(
        _url("running_order", event.pk),
        {"action": "save", **{f"order_{p.pk}": str(3 - i) for i, p in enumerate(pitches)}},
    )
    order = list(Pitch.objects.order_by("running_order").values_list("pk", flat=True))
    assert order == [pitches[2].pk, pitches[1].pk, pitches[0].pk]
