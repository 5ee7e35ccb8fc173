"""Reads of pitch day for views and reports: events, submissions, judging, results and
votes. Scoped to the person asking (someone else's object answers 404) and with a fixed
number of queries whatever the number of pitches, judges and scores."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla.permissions import is_programme_staff

from ..enums import EventStatus, JudgeStatus, PitchStatus
from ..models import (
    AudienceVote,
    Award,
    Judge,
    JudgeComment,
    JudgeConflict,
    Pitch,
    PitchCriterion,
    PitchEvent,
    PitchScore,
)
from ..scoring import compute_results, suggest_allocation

if TYPE_CHECKING:
    from semilla.models import User


def event_get(*, pk: int) -> PitchEvent:
    return get_object_or_404(PitchEvent.objects.select_related("rubric", "fund"), pk=pk)


def events_for_user(*, user: User) -> QuerySet[PitchEvent]:
    """Events the person takes part in: as judge, as participant, or all for staff."""
    events = PitchEvent.objects.select_related("rubric").order_by("-starts_at")
    if is_programme_staff(user):
        return events
    return events.filter(Q(judges__user=user) | Q(cohorts__participants__user=user)).distinct()


def participant_for(*, user: User, event: PitchEvent) -> Participant | None:
    """The person's active or completed place in one of the event's cohorts."""
    return Participant.objects.filter(
        user=user,
        cohort__in=event.cohorts.all(),
        status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED],
    ).first()


def judge_for(*, user: User, event: PitchEvent) -> Judge | None:
    return Judge.objects.filter(user=user, event=event).first()


def accepted_judge_for(*, user: User, event: PitchEvent) -> Judge:
    """The person as an accepted judge of the event; else 404."""
    judge = (
        Judge.objects.select_related("event__rubric")
        .filter(event=event, user=user, status=JudgeStatus.ACCEPTED)
        .first()
    )
    if judge is None:
        raise Http404
    return judge


def judge_for_user(*, user: User, event: PitchEvent) -> Judge:
    """The person's invitation to judge the event (any answer); else 404."""
    return get_object_or_404(Judge, event=event, user=user)


def pitches_for_staff(*, event: PitchEvent) -> list[Pitch]:
    """Every pitch of the event in running order, with its use of funds (two queries)."""
    return list(
        event.pitches.select_related("participant__user")
        .prefetch_related("use_of_funds")
        .order_by("running_order", "pk")
    )


def judges_of(*, event: PitchEvent) -> QuerySet[Judge]:
    return event.judges.select_related("user")


def pitch_of(*, event: PitchEvent, participant: Participant) -> Pitch | None:
    return Pitch.objects.filter(event=event, participant=participant).first()


def pitch_for_submission(*, event: PitchEvent, participant: Participant) -> Pitch | None:
    """The participant's pitch (draft or sent) with its use of funds."""
    return (
        Pitch.objects.filter(event=event, participant=participant)
        .prefetch_related("use_of_funds")
        .first()
    )


def submitted_pitches(*, event: PitchEvent) -> QuerySet[Pitch]:
    return event.pitches.filter(status=PitchStatus.SUBMITTED)


def pitch_get_of_event(*, event: PitchEvent, pk: int | str) -> Pitch:
    return get_object_or_404(Pitch, event=event, pk=pk or 0)


def conflict_pitch_ids(*, judge: Judge) -> set[int]:
    return set(judge.conflicts.values_list("pitch_id", flat=True))


def pitch_get_for_deck(*, pk: int) -> Pitch:
    return get_object_or_404(Pitch.objects.select_related("participant", "event"), pk=pk)


def judge_queue(*, judge: Judge, event: PitchEvent) -> list[Pitch]:
    """The submitted pitches in running order, each marked ``scored`` (the judge scored
    every criterion) and ``conflicted`` (counted by the database: two queries)."""
    criteria_count = event.rubric.criteria.count()
    pitches: list[Pitch] = list(
        event.pitches.filter(status=PitchStatus.SUBMITTED)
        .annotate(
            my_scores=Count("scores", filter=Q(scores__judge=judge), distinct=True),
            my_conflicts=Count("conflicts", filter=Q(conflicts__judge=judge), distinct=True),
        )
        .order_by("running_order", "pk")
    )
    for pitch in pitches:
        pitch.scored = pitch.my_scores == criteria_count  # type: ignore[attr-defined]
        pitch.conflicted = pitch.my_conflicts > 0  # type: ignore[attr-defined]
    return pitches


def judge_pitch_sheet(*, judge: Judge, event: PitchEvent, pitch_pk: int) -> dict[str, Any]:
    """A judge's scoring page for one pitch: the criteria in the reader's language with
    the judge's scores, the comment, the conflict and the neighbours in running order."""
    pitch = get_object_or_404(
        event.pitches.filter(status=PitchStatus.SUBMITTED).prefetch_related("use_of_funds"),
        pk=pitch_pk,
    )
    conflicted = JudgeConflict.objects.filter(judge=judge, pitch=pitch).exists()
    mine = dict(
        PitchScore.objects.filter(judge=judge, pitch=pitch).values_list("criterion_id", "value")
    )
    comment = JudgeComment.objects.filter(judge=judge, pitch=pitch).first()
    language = translation.get_language()
    criteria = [
        {
            "c": c,
            "name": c.name(language),
            "guidance": c.guidance(language),
            "value": mine.get(c.pk),
        }
        for c in event.rubric.criteria.all()
    ]
    ordered = list(
        event.pitches.filter(status=PitchStatus.SUBMITTED)
        .order_by("running_order", "pk")
        .values_list("pk", flat=True)
    )
    index = ordered.index(pitch.pk)
    return {
        "pitch": pitch,
        "criteria": criteria,
        "conflicted": conflicted,
        "comment": comment.text if comment else "",
        "next_pk": ordered[index + 1] if index + 1 < len(ordered) else None,
        "prev_pk": ordered[index - 1] if index else None,
    }


def criterion_get(*, event: PitchEvent, pk: int | str) -> PitchCriterion:
    return get_object_or_404(PitchCriterion, rubric=event.rubric, pk=pk or 0)


def event_results(*, event: PitchEvent) -> dict[str, Any]:
    """Ranked results, coverage and audience votes of an event (a fixed number of
    queries whatever the number of pitches, judges and scores)."""
    criteria = list(event.rubric.criteria.all())
    weights = {c.pk: c.weight for c in criteria}
    pitches = list(
        Pitch.objects.filter(event=event, status=PitchStatus.SUBMITTED)
        .select_related("participant__user")
        .order_by("submitted_at", "pk")
    )
    scores = list(
        PitchScore.objects.filter(pitch__event=event).values_list(
            "judge_id", "pitch_id", "criterion_id", "value"
        )
    )
    results = compute_results(scores=scores, weights=weights, pitch_ids=[p.pk for p in pitches])
    by_id = {p.pk: p for p in pitches}
    votes = dict(
        AudienceVote.objects.filter(event=event)
        .values("pitch_id")
        .annotate(n=Count("pk"))
        .values_list("pitch_id", "n")
    )
    rows = []
    for result in results:
        pitch = by_id[result.pitch_id]
        rows.append(
            {
                "pitch": pitch,
                "result": result,
                "votes": votes.get(pitch.pk, 0),
                "covered": result.judges >= event.min_judges,
                "criteria": [(c, result.per_criterion.get(c.pk)) for c in criteria],
            }
        )
    return {"rows": rows, "criteria": criteria, "uncovered": [r for r in rows if not r["covered"]]}


def awards_board(*, event: PitchEvent) -> dict[str, Any]:
    """The awards screen: the ranked rows, the awards saved so far and the allocation the
    tiers and the budget suggest (minor units per pitch id)."""
    results = event_results(event=event)
    ranked = [r for r in results["rows"] if r["result"].rank]
    existing = {a.pitch_id: a for a in event.awards.select_related("grant")}
    suggested = suggest_allocation(
        ranked=[(r["pitch"].pk, r["pitch"].ask_amount) for r in ranked],
        budget=event.award_budget,
        tiers=[(t.rank_from, t.rank_to, t.amount) for t in event.tiers.all()],
    )
    return {
        "ranked": ranked,
        "existing": existing,
        "suggested": suggested,
        "amounts": {
            r["pitch"].pk: (
                existing[r["pitch"].pk].amount
                if r["pitch"].pk in existing
                else suggested.get(r["pitch"].pk, 0)
            )
            for r in ranked
        },
    }


def my_results(*, event: PitchEvent, participant: Participant) -> dict[str, Any]:
    """A participant's own result of a published event: their row, the judges' comments
    and the criteria in the reader's language; 404 before publication."""
    if event.status != EventStatus.PUBLISHED:
        raise Http404
    pitch = get_object_or_404(
        Pitch, event=event, participant=participant, status=PitchStatus.SUBMITTED
    )
    results = event_results(event=event)
    mine = next(r for r in results["rows"] if r["pitch"].pk == pitch.pk)
    comments = list(
        JudgeComment.objects.filter(pitch=pitch).exclude(text="").values_list("text", flat=True)
    )
    language = translation.get_language()
    return {
        "pitch": pitch,
        "row": mine,
        "comments": comments,
        "count": len(results["rows"]),
        "criteria": [(c.name(language), v) for c, v in mine["criteria"]],
    }


def winners_event(*, pk: int) -> PitchEvent:
    return get_object_or_404(PitchEvent, pk=pk, status=EventStatus.PUBLISHED, winners_public=True)


def winners_of(*, event: PitchEvent) -> QuerySet[Award]:
    return event.awards.filter(grant__isnull=False).select_related("pitch").order_by("rank")


def event_for_vote(*, token: str) -> PitchEvent:
    """The event behind an audience-vote link, with its submitted pitches in running
    order as ``live_pitches``; else 404."""
    return get_object_or_404(
        PitchEvent.objects.prefetch_related(
            Prefetch(
                "pitches",
                queryset=Pitch.objects.filter(status=PitchStatus.SUBMITTED).order_by(
                    "running_order", "pk"
                ),
                to_attr="live_pitches",
            )
        ),
        vote_token=token,
        audience_vote=True,
    )


def event_with_vote(*, pk: int) -> PitchEvent:
    return get_object_or_404(PitchEvent, pk=pk, audience_vote=True)
