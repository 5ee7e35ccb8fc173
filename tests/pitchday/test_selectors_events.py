"""pitchday.selectors.events and pitchday.permissions: a judge's queue is counted by the
database (constant queries), and a deck reaches only staff, its owner and an accepted
judge without a conflict."""

import pytest

from pitchday.enums import EventStatus
from pitchday.models import PitchScore
from pitchday.permissions import may_download_deck
from pitchday.selectors import events as selectors
from pitchday.services import events as svc
from tests.factories.pitchday import make_event, make_judge, make_pitch, score_all


@pytest.mark.django_db
def test_judge_queue_marks_scored_and_conflicted_pitches():
    event = make_event(status=EventStatus.SCORING)
    judge, other = make_judge(event), make_judge(event)
    scored, conflicted, open_ = make_pitch(event), make_pitch(event), make_pitch(event)
    score_all(judge, scored, 7)
    score_all(other, open_, 5)  # another judge's scores do not count for this one
    first_criterion = event.rubric.criteria.first()
    PitchScore.objects.create(judge=judge, pitch=open_, criterion=first_criterion, value=4)
    svc.judge_declare_conflict(judge=judge, pitch=conflicted, reason="Es mi prima")
    queue = selectors.judge_queue(judge=judge, event=event)
    assert [(p.pk, p.scored, p.conflicted) for p in queue] == [
        (scored.pk, True, False),
        (conflicted.pk, False, True),
        (open_.pk, False, False),
    ]


@pytest.mark.django_db
def test_judge_queue_query_count_is_constant(django_assert_num_queries):
    event = make_event(status=EventStatus.SCORING)
    judge = make_judge(event)
    score_all(judge, make_pitch(event), 6)
    with django_assert_num_queries(2):
        selectors.judge_queue(judge=judge, event=event)
    for value in (3, 8, 5):
        score_all(judge, make_pitch(event), value)
        score_all(make_judge(event), make_pitch(event), value)
    with django_assert_num_queries(2):
        assert len(selectors.judge_queue(judge=judge, event=event)) == 7


@pytest.mark.django_db
def test_deck_goes_to_an_accepted_judge_without_a_conflict(make_user):
    event = make_event(status=EventStatus.SCORING)
    pitch = make_pitch(event)
    judge = make_judge(event)
    invited = make_judge(event, accepted=False)
    conflicted = make_judge(event)
    svc.judge_declare_conflict(judge=conflicted, pitch=pitch, reason="Socio")
    answers = [
        may_download_deck(user, pitch=pitch)
        for user in (judge.user, invited.user, conflicted.user, pitch.participant.user)
    ]
    assert answers == [True, False, False, True]
