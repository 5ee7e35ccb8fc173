"""Matching runs for a cohort: weights, a draft run computed in the background
(``mentors.matching.solver``), pins and excluded pairs, re-runs, and publishing a run as
matches waiting for each mentor's answer."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.tasks import async_task

from cohorts.models import Cohort, Participant
from semilla.errors import ServiceError
from semilla.models import User
from semilla.transitions import transition

from .. import selectors
from ..compatibility import hard_constraint, score_pair
from ..enums import (
    OPEN_MATCH_STATUSES,
    RUN,
    MatchSource,
    MentorStatus,
    RunStatus,
)
from ..matching.solver import Problem, solve
from ..models import (
    ExcludedPair,
    Match,
    MatchingRun,
    MatchingWeights,
    MentorProfile,
    ProposedMatch,
    RunPin,
    UnmatchedParticipant,
)
from .matches import match_propose_nested


@transaction.atomic(durable=True)
def matching_weights_update(*, cohort: Cohort, actor: User, **values: Any) -> MatchingWeights:
    weights, _created = MatchingWeights.objects.select_for_update().get_or_create(cohort=cohort)
    for name in ("needs", "sector", "location", "availability", "preferences", "response_days"):
        if name in values:
            setattr(weights, name, values[name])
    weights.full_clean()
    weights.save()
    return weights


@transaction.atomic(durable=True)
def matching_run_create(*, cohort: Cohort, actor: User, fairness: bool = False) -> MatchingRun:
    """Queue a new draft run for ``cohort``; it is computed by a background task."""
    run = MatchingRun.objects.create(
        cohort=cohort, fairness=fairness, created_by=actor, status=RunStatus.QUEUED
    )
    transaction.on_commit(partial(async_task, "mentors.tasks.compute_run", run.pk))
    return run


def _progress(run: MatchingRun, percent: int, note: str) -> None:
    """Visible progress: written outside any long transaction so polling sees it."""
    MatchingRun.objects.filter(pk=run.pk).update(progress=percent, progress_note=note[:120])


def matching_run_compute(*, run_id: int) -> MatchingRun:
    """Compute a run: feasible pairs, scores, the exact optimum around pins (solver),
    unmatched reasons. Progress is committed as it goes; the result in one transaction."""
    run = MatchingRun.objects.select_related("cohort").get(pk=run_id)
    if run.status == RunStatus.PUBLISHED:
        return run
    MatchingRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, progress=5, progress_note="loading", error=""
    )
    try:
        result = _compute(run)
    except Exception as exc:
        MatchingRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(exc)[:2000], progress=100
        )
        raise
    with transaction.atomic():
        locked = MatchingRun.objects.select_for_update().get(pk=run.pk)
        if locked.status == RunStatus.PUBLISHED:
            return locked
        ProposedMatch.objects.filter(run=locked).delete()
        UnmatchedParticipant.objects.filter(run=locked).delete()
        ProposedMatch.objects.bulk_create(result["proposals"])
        UnmatchedParticipant.objects.bulk_create(result["unmatched"])
        RunPin.objects.filter(pk__in=result["dropped_pins"]).delete()
        transition(
            locked,
            machine=RUN,
            to=RunStatus.READY,
            locked=True,
            fields={
                "progress": 100,
                "progress_note": "done",
                "total_score": result["total"],
                "minimum_score": result["minimum"],
                "participants_count": result["participants"],
                "weights": result["weights"],
                "version": locked.version + 1,
                "finished_at": timezone.now(),
            },
        )
    return locked


def _compute(run: MatchingRun) -> dict:
    cohort = run.cohort
    weights = selectors.weights_for(cohort=cohort).as_dict()
    participants = selectors.participant_facts(
        participants=selectors.participants_to_match(cohort=cohort)
    )
    mentors = selectors.all_active_mentor_facts()
    excluded = selectors.excluded_pairs(cohort=cohort)
    _progress(run, 15, "scoring")

    edges: list[tuple[int, int, int]] = []
    explanations: dict[tuple[int, int], list[dict]] = {}
    counts: dict[int, dict[str, int]] = {}
    step = max(len(participants) // 10, 1)
    for i, participant in enumerate(participants):
        reasons: dict[str, int] = {}
        for j, mentor in enumerate(mentors):
            broken = hard_constraint(participant, mentor, excluded)
            if broken:
                reasons[broken] = reasons.get(broken, 0) + 1
                continue
            if mentor.capacity_left <= 0:
                reasons["no_capacity"] = reasons.get("no_capacity", 0) + 1
                continue
            score, components = score_pair(participant, mentor, weights)
            edges.append((i, j, score))
            explanations[(i, j)] = components
        counts[i] = reasons
        if i % step == 0:
            _progress(run, 15 + (60 * i) // max(len(participants), 1), "scoring")

    index_of_participant = {p.participant_id: i for i, p in enumerate(participants)}
    index_of_mentor = {m.mentor_id: j for j, m in enumerate(mentors)}
    pinned: list[tuple[int, int]] = []
    dropped: list[int] = []
    used: dict[int, int] = {}
    for pin in RunPin.objects.filter(run=run).order_by("pk"):
        pin_i = index_of_participant.get(pin.participant_id)
        pin_j = index_of_mentor.get(pin.mentor_id)
        if (
            pin_i is None
            or pin_j is None
            or (pin_i, pin_j) not in explanations
            or used.get(pin_j, 0) >= mentors[pin_j].capacity_left
        ):
            dropped.append(pin.pk)
            continue
        used[pin_j] = used.get(pin_j, 0) + 1
        pinned.append((pin_i, pin_j))
    _progress(run, 80, "solving")
    solution = solve(
        Problem(
            n_entrepreneurs=len(participants),
            n_mentors=len(mentors),
            capacity=[m.capacity_left for m in mentors],
            edges=edges,
            pinned=pinned,
        ),
        fairness=run.fairness,
    )
    _progress(run, 90, "saving")
    pinned_set = set(pinned)
    score_of = {(i, j): s for i, j, s in edges}
    proposals = [
        ProposedMatch(
            run=run,
            participant_id=participants[i].participant_id,
            mentor_id=mentors[j].mentor_id,
            score=score_of[(i, j)],
            components=explanations[(i, j)],
            pinned=(i, j) in pinned_set,
        )
        for i, j in solution.assignment.items()
    ]
    unmatched = [
        UnmatchedParticipant(
            run=run,
            participant_id=participants[i].participant_id,
            reason=reason,
            constraint_counts=counts.get(i, {}),
        )
        for i, reason in solution.unmatched.items()
    ]
    return {
        "proposals": proposals,
        "unmatched": unmatched,
        "dropped_pins": dropped,
        "total": solution.total,
        "minimum": solution.minimum,
        "participants": len(participants),
        "weights": weights,
    }


def _editable_run(run: MatchingRun) -> MatchingRun:
    locked = MatchingRun.objects.select_for_update().get(pk=run.pk)
    if not locked.is_editable:
        raise ServiceError(_("This run can no longer be changed."))
    return locked


@transaction.atomic(durable=True)
def matching_run_pin(
    *, run: MatchingRun, participant: Participant, mentor: MentorProfile, actor: User
) -> RunPin:
    """Fix a pair in a draft run; the next re-run keeps it and optimises around it."""

    locked = _editable_run(run)
    if participant.cohort_id != locked.cohort_id:
        raise ServiceError(_("This participant is not in the run's cohort."))
    facts = selectors.participant_facts(participants=[participant])[0]
    mentor_row = selectors.active_mentors_with_open_counts().filter(pk=mentor.pk).first()
    if mentor_row is None:
        raise ServiceError(_("Only active mentors can be pinned."))
    broken = hard_constraint(
        facts,
        selectors.mentor_facts(profile=mentor_row, open_count=mentor_row.open_count),
        selectors.excluded_pairs(cohort=locked.cohort),
    )
    if broken:
        raise ServiceError(_("This pair breaks a hard constraint and cannot be pinned."))
    pin, _created = RunPin.objects.update_or_create(
        run=locked, participant=participant, defaults={"mentor": mentor, "created_by": actor}
    )
    return pin


@transaction.atomic(durable=True)
def matching_run_unpin(*, run: MatchingRun, participant: Participant) -> None:
    locked = _editable_run(run)
    RunPin.objects.filter(run=locked, participant=participant).delete()


@transaction.atomic(durable=True)
def matching_run_exclude(
    *,
    run: MatchingRun,
    participant: Participant,
    mentor: MentorProfile,
    actor: User,
    reason: str = "",
) -> ExcludedPair:
    """Rule a pair out for the cohort (a hard constraint of every later run)."""
    locked = _editable_run(run)
    RunPin.objects.filter(run=locked, participant=participant, mentor=mentor).delete()
    pair, _created = ExcludedPair.objects.get_or_create(
        cohort=locked.cohort,
        participant=participant,
        mentor=mentor,
        defaults={"reason": reason[:200], "created_by": actor},
    )
    return pair


@transaction.atomic(durable=True)
def matching_run_include(*, exclusion: ExcludedPair) -> None:
    exclusion.delete()


@transaction.atomic(durable=True)
def matching_run_rerun(
    *, run: MatchingRun, actor: User, fairness: bool | None = None
) -> MatchingRun:
    locked = _editable_run(run)
    transition(
        locked,
        machine=RUN,
        to=RunStatus.QUEUED,
        actor=actor,
        locked=True,
        fields={
            "progress": 0,
            "progress_note": "",
            "fairness": locked.fairness if fairness is None else fairness,
        },
    )
    transaction.on_commit(partial(async_task, "mentors.tasks.compute_run", locked.pk))
    return locked


@transaction.atomic(durable=True)
def matching_run_publish(*, run: MatchingRun, actor: User) -> list[Match]:
    """Turn a reviewed run into matches waiting for each mentor's answer; notify both."""
    locked = _editable_run(run)
    if locked.status != RunStatus.READY:
        raise ServiceError(_("Only a computed run can be published."))
    proposals = list(
        ProposedMatch.objects.filter(run=locked)
        .select_related("participant__user", "participant__cohort", "mentor__user")
        .order_by("pk")
    )
    mentor_ids = sorted({p.mentor_id for p in proposals})
    # Lock the mentors (in a fixed order) so capacity cannot change under us.
    list(MentorProfile.objects.select_for_update().filter(pk__in=mentor_ids).order_by("pk"))
    open_counts = dict(
        Match.objects.filter(mentor_id__in=mentor_ids, status__in=OPEN_MATCH_STATUSES)
        .values("mentor_id")
        .annotate(n=Count("pk"))
        .values_list("mentor_id", "n")
    )
    busy = set(
        Match.objects.filter(
            participant__cohort=locked.cohort, status__in=OPEN_MATCH_STATUSES
        ).values_list("participant_id", flat=True)
    )
    days = selectors.weights_for(cohort=locked.cohort).response_days
    created = []
    for proposal in proposals:
        mentor = proposal.mentor
        if proposal.participant_id in busy or mentor.status != MentorStatus.ACTIVE:
            continue
        if open_counts.get(mentor.pk, 0) >= mentor.capacity:
            continue
        open_counts[mentor.pk] = open_counts.get(mentor.pk, 0) + 1
        created.append(
            match_propose_nested(
                participant=proposal.participant,
                mentor=mentor,
                source=MatchSource.RUN,
                score=proposal.score,
                components=proposal.components,
                actor=actor,
                run=locked,
                days=days,
            )
        )
    transition(
        locked,
        machine=RUN,
        to=RunStatus.PUBLISHED,
        actor=actor,
        locked=True,
        fields={"published_at": timezone.now(), "published_by": actor},
    )
    return created
