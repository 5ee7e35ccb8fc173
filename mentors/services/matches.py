"""Every write of the mentors app that matters: one function, one transaction.

Vetting moves only through :func:`mentor_transition` (transition table in
``mentors.enums.MENTOR_TRANSITIONS``) and each move leaves a history row.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.tasks import async_task

from semilla.enums import Role
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.services import user_grant_role, user_revoke_role
from semilla.transitions import record, transition

from ..enums import (
    MATCH,
    MENTOR,
    OPEN_MATCH_STATUSES,
    RUN,
    EndRequestStatus,
    MatchSource,
    MatchStatus,
    MentorStatus,
    RunStatus,
)
from ..models import (
    CODE_OF_CONDUCT_VERSION,
    ExcludedPair,
    Match,
    MatchEndRequest,
    MatchingRun,
    MatchingWeights,
    MenteeAvailability,
    MentorProfile,
    ProposedMatch,
    RunPin,
    UnmatchedParticipant,
)

PROFILE_FIELDS = (
    "headline",
    "expertise",
    "sectors",
    "languages",
    "city",
    "meeting_mode",
    "availability",
    "capacity",
    "bio",
    "link",
    "conflicts",
)


# ----------------------------------------------------------------------------- profiles


@transaction.atomic(durable=True)
def mentor_apply(*, user, accept_code_of_conduct: bool, **fields) -> MentorProfile:
    """A signed-in person applies to be a mentor (status *applied*), accepting the code
    of conduct, which is recorded with its version and time."""
    if MentorProfile.objects.filter(user=user).exists():
        raise ServiceError(_("You have already applied to be a mentor."))
    if not accept_code_of_conduct:
        raise ServiceError(_("You must accept the mentor code of conduct."))
    profile = MentorProfile(user=user, **{k: v for k, v in fields.items() if k in PROFILE_FIELDS})
    profile.code_of_conduct_version = CODE_OF_CONDUCT_VERSION
    profile.code_of_conduct_accepted_at = timezone.now()
    profile.full_clean()
    profile.save()
    record(
        profile,
        machine=MENTOR,
        to_status=MentorStatus.APPLIED,
        actor=user,
        note="code of conduct " + CODE_OF_CONDUCT_VERSION,
    )
    notify(
        user=user,
        template="mentors/application_received",
        context={"name": user.get_short_name() or str(user)},
        key=f"mentor-applied:{profile.pk}",
    )
    return profile


@transaction.atomic(durable=True)
def mentor_update_profile(*, profile: MentorProfile, actor, **fields) -> MentorProfile:
    """Edit the profile. Capacity may not go below the mentees the mentor has now."""
    locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    for name, value in fields.items():
        if name in PROFILE_FIELDS:
            setattr(locked, name, value)
    if locked.capacity < locked.active_mentees:
        raise ServiceError(
            _("Your capacity cannot be lower than your current number of mentees (%(count)s).")
            % {"count": locked.active_mentees}
        )
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic(durable=True)
def mentor_accept_code_of_conduct(*, profile: MentorProfile) -> MentorProfile:
    locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    locked.code_of_conduct_version = CODE_OF_CONDUCT_VERSION
    locked.code_of_conduct_accepted_at = timezone.now()
    locked.save(
        update_fields=["code_of_conduct_version", "code_of_conduct_accepted_at", "updated_at"]
    )
    return locked


@transaction.atomic(durable=True)
def mentor_record_interview(*, profile: MentorProfile, actor, notes: str = "") -> MentorProfile:
    """Staff record that the vetting interview took place."""
    locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    locked.interview_done_at = timezone.now()
    locked.interviewed_by = actor
    locked.interview_notes = notes
    locked.save(
        update_fields=["interview_done_at", "interviewed_by", "interview_notes", "updated_at"]
    )
    return locked


def _mentor_move(*, profile: MentorProfile, to: str, actor, note: str = "") -> MentorProfile:
    """The one place a mentor's status changes (inside a caller's transaction)."""
    locked = MentorProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if not MENTOR.allows(locked.status, to):
        raise MENTOR.refusal(locked.status, to)
    if to == MentorStatus.VETTED:
        if not locked.code_of_conduct_accepted:
            raise ServiceError(_("The mentor has not accepted the code of conduct."))
        if not locked.interview_done:
            raise ServiceError(_("Record the vetting interview first."))
    previous = locked.status
    transition(locked, machine=MENTOR, to=to, actor=actor, note=note, locked=True)
    if to == MentorStatus.ACTIVE:
        user_grant_role(user=locked.user, role=Role.MENTOR)
        if previous == MentorStatus.VETTED:
            notify(
                user=locked.user,
                template="mentors/activated",
                context={"name": locked.user.get_short_name() or str(locked.user)},
                key=f"mentor-activated:{locked.pk}",
            )
    elif to == MentorStatus.RETIRED:
        user_revoke_role(user=locked.user, role=Role.MENTOR)
    return locked


@transaction.atomic(durable=True)
def mentor_transition(*, profile: MentorProfile, to: str, actor, note: str = "") -> MentorProfile:
    """Move a mentor through vetting: applied -> vetted (code of conduct accepted and
    interview done) -> active (grants the mentor role), paused, retired."""
    locked = _mentor_move(profile=profile, to=to, actor=actor, note=note)
    if to in (MentorStatus.PAUSED, MentorStatus.RETIRED):
        _release_pending_requests_of(profile=locked, actor=actor)
    return locked


@transaction.atomic
def mentor_new_matches_pause(*, profile: MentorProfile, reason: str) -> MentorProfile:
    """Stop new matches for the mentor (matching and the directory skip them); their
    current mentees stay. Runs inside the caller's transaction; a second pause keeps the
    first one's time and reason."""
    locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.new_matches_paused_at is None:
        locked.new_matches_paused_at = timezone.now()
        locked.new_matches_paused_reason = reason[:300]
        locked.save(update_fields=["new_matches_paused_at", "new_matches_paused_reason"])
    return locked


@transaction.atomic
def mentor_new_matches_resume(*, profile: MentorProfile) -> MentorProfile:
    """Staff lift the pause: the mentor may be matched again."""
    locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    locked.new_matches_paused_at = None
    locked.new_matches_paused_reason = ""
    locked.save(update_fields=["new_matches_paused_at", "new_matches_paused_reason"])
    return locked


# ----------------------------------------------------------------------------- matching


def _staff_users():
    from semilla.models import User

    return User.objects.filter(groups__name=Role.STAFF.value, is_active=True).distinct()


def _alert_staff(*, template: str, context: dict, key: str) -> None:
    for staff in _staff_users():
        notify(user=staff, template=template, context=context, key=f"{key}:{staff.pk}")


@transaction.atomic(durable=True)
def matching_weights_update(*, cohort, actor, **values) -> MatchingWeights:
    weights, _created = MatchingWeights.objects.select_for_update().get_or_create(cohort=cohort)
    for name in ("needs", "sector", "location", "availability", "preferences", "response_days"):
        if name in values:
            setattr(weights, name, values[name])
    weights.full_clean()
    weights.save()
    return weights


@transaction.atomic(durable=True)
def matching_run_create(*, cohort, actor, fairness: bool = False) -> MatchingRun:
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
    from .. import selectors
    from ..compatibility import hard_constraint, score_pair
    from ..matching.solver import Problem, solve

    cohort = run.cohort
    weights = selectors.weights_for(cohort=cohort).as_dict()
    participants = selectors.participant_facts(selectors.participants_to_match(cohort=cohort))
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
def matching_run_pin(*, run: MatchingRun, participant, mentor: MentorProfile, actor) -> RunPin:
    """Fix a pair in a draft run; the next re-run keeps it and optimises around it."""
    from .. import selectors
    from ..compatibility import hard_constraint

    locked = _editable_run(run)
    if participant.cohort_id != locked.cohort_id:
        raise ServiceError(_("This participant is not in the run's cohort."))
    facts = selectors.participant_facts([participant])[0]
    mentor_row = selectors.active_mentors_with_open_counts().filter(pk=mentor.pk).first()
    if mentor_row is None:
        raise ServiceError(_("Only active mentors can be pinned."))
    broken = hard_constraint(
        facts,
        selectors.mentor_facts(mentor_row, open_count=mentor_row.open_count),
        selectors.excluded_pairs(cohort=locked.cohort),
    )
    if broken:
        raise ServiceError(_("This pair breaks a hard constraint and cannot be pinned."))
    pin, _created = RunPin.objects.update_or_create(
        run=locked, participant=participant, defaults={"mentor": mentor, "created_by": actor}
    )
    return pin


@transaction.atomic(durable=True)
def matching_run_unpin(*, run: MatchingRun, participant) -> None:
    locked = _editable_run(run)
    RunPin.objects.filter(run=locked, participant=participant).delete()


@transaction.atomic(durable=True)
def matching_run_exclude(
    *, run: MatchingRun, participant, mentor: MentorProfile, actor, reason: str = ""
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
def matching_run_rerun(*, run: MatchingRun, actor, fairness: bool | None = None) -> MatchingRun:
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


def _new_match(
    *,
    participant,
    mentor: MentorProfile,
    source: str,
    score: int,
    components: list,
    actor,
    run=None,
    days: int | None = None,
) -> Match:
    if days is None:
        from .. import selectors

        days = selectors.weights_for(cohort=participant.cohort).response_days
    match = Match.objects.create(
        cohort_id=participant.cohort_id,
        participant=participant,
        mentor=mentor,
        run=run,
        source=source,
        score=score,
        components=components,
        status=MatchStatus.PROPOSED,
        respond_by=timezone.now() + timedelta(days=days),
    )
    record(match, machine=MATCH, to_status=MatchStatus.PROPOSED, actor=actor, note=str(source))
    _notify_match(match, "proposed")
    return match


def _notify_match(match: Match, event: str) -> None:
    """Tell both people about ``event`` (each in their language)."""
    mentor_user = match.mentor.user
    participant_user = match.participant.user
    context = {
        "match_id": match.pk,
        "mentor_name": mentor_user.get_full_name(),
        "participant_name": participant_user.get_full_name(),
        "cohort_name": match.cohort.name if match.cohort_id else "",
        "respond_by": match.respond_by.isoformat(),
        "score": match.score,
    }
    notify(
        user=mentor_user,
        template=f"mentors/match_{event}_mentor",
        context=context,
        key=f"match-{event}:{match.pk}:mentor",
    )
    notify(
        user=participant_user,
        template=f"mentors/match_{event}_participant",
        context=context,
        key=f"match-{event}:{match.pk}:participant",
    )


@transaction.atomic(durable=True)
def matching_run_publish(*, run: MatchingRun, actor) -> list[Match]:
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
    days = selectors_weights(locked.cohort).response_days
    created = []
    for proposal in proposals:
        mentor = proposal.mentor
        if proposal.participant_id in busy or mentor.status != MentorStatus.ACTIVE:
            continue
        if open_counts.get(mentor.pk, 0) >= mentor.capacity:
            continue
        open_counts[mentor.pk] = open_counts.get(mentor.pk, 0) + 1
        created.append(
            _new_match(
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


def selectors_weights(cohort):
    from .. import selectors

    return selectors.weights_for(cohort=cohort)


def _match_move(*, match: Match, to: str, actor, note: str = "") -> Match:
    locked = Match.objects.select_for_update().get(pk=match.pk)
    now = timezone.now()
    fields = {}
    if to in (MatchStatus.ACCEPTED, MatchStatus.DECLINED):
        fields["responded_at"] = now
    if to == MatchStatus.ENDED:
        fields["ended_at"] = now
    return transition(
        locked, machine=MATCH, to=to, actor=actor, note=note, locked=True, fields=fields
    )


@transaction.atomic(durable=True)
def match_accept(*, match: Match, actor) -> Match:
    """The mentor accepts. Capacity is enforced here: the mentor's profile row is locked
    and ``active_mentees`` may never exceed ``capacity`` (also a database constraint)."""
    profile = MentorProfile.objects.select_for_update().get(pk=match.mentor_id)
    current = Match.objects.select_for_update().get(pk=match.pk)
    if current.status != MatchStatus.PROPOSED:
        raise ServiceError(_("This request has already been answered."))
    if current.respond_by < timezone.now():
        raise ServiceError(_("The time to answer this request has passed."))
    if profile.status != MentorStatus.ACTIVE:
        raise ServiceError(_("Only active mentors can accept mentees."))
    if profile.active_mentees >= profile.capacity:
        raise ServiceError(
            _(
                "You are already mentoring as many people as your capacity "
                "allows. Raise your capacity or end a mentorship first."
            )
        )
    profile.active_mentees += 1
    profile.nudged_at = None
    profile.save(update_fields=["active_mentees", "nudged_at", "updated_at"])
    accepted = _match_move(match=current, to=MatchStatus.ACCEPTED, actor=actor)
    accepted = Match.objects.select_related("mentor__user", "participant__user", "cohort").get(
        pk=accepted.pk
    )
    _notify_match(accepted, "accepted")
    return accepted


@transaction.atomic(durable=True)
def match_decline(*, match: Match, actor, reason: str = "") -> Match:
    """The mentor declines; the participant is proposed the best remaining mentor."""
    declined = _match_move(match=match, to=MatchStatus.DECLINED, actor=actor, note=reason)
    Match.objects.filter(pk=declined.pk).update(decline_reason=reason[:300])
    MentorProfile.objects.filter(pk=declined.mentor_id).update(nudged_at=None)
    _propose_next(participant=declined.participant, actor=actor)
    return declined


def _propose_next(*, participant, actor) -> Match | None:
    """Propose the best remaining feasible mentor with free capacity (never one who was
    already proposed to this participant). Staff are alerted when none is left."""
    from .. import selectors
    from ..compatibility import hard_constraint, score_pair

    participant = (
        type(participant)
        .objects.select_related("user", "application", "cohort")
        .get(pk=participant.pk)
    )
    if Match.objects.filter(participant=participant, status__in=OPEN_MATCH_STATUSES).exists():
        return None
    tried = set(Match.objects.filter(participant=participant).values_list("mentor_id", flat=True))
    facts = selectors.participant_facts([participant])[0]
    weights = selectors.weights_for(cohort=participant.cohort).as_dict()
    excluded = selectors.excluded_pairs(cohort=participant.cohort)
    best = None
    for candidate in selectors.all_active_mentor_facts():
        if candidate.mentor_id in tried or candidate.capacity_left <= 0:
            continue
        if hard_constraint(facts, candidate, excluded):
            continue
        score, components = score_pair(facts, candidate, weights)
        if best is None or score > best[0]:
            best = (score, candidate.mentor_id, components)
    if best is None:
        _alert_staff(
            template="mentors/staff_no_mentor_left",
            context={
                "participant_name": participant.user.get_full_name(),
                "cohort_name": participant.cohort.name,
            },
            key=f"no-mentor-left:{participant.pk}:{len(tried)}",
        )
        return None
    mentor = MentorProfile.objects.select_for_update().select_related("user").get(pk=best[1])
    return _new_match(
        participant=participant,
        mentor=mentor,
        source=MatchSource.REPLACEMENT,
        score=best[0],
        components=best[2],
        actor=actor,
    )


def _release_pending_requests_of(*, profile: MentorProfile, actor) -> None:
    """A paused or retired mentor's unanswered requests go to the next best mentor."""
    for match in list(
        Match.objects.filter(mentor=profile, status=MatchStatus.PROPOSED).select_related(
            "participant"
        )
    ):
        _match_move(
            match=match, to=MatchStatus.CANCELLED, actor=actor, note="mentor no longer available"
        )
        _propose_next(participant=match.participant, actor=actor)


@transaction.atomic(durable=True)
def match_expire(*, match: Match) -> Match | None:
    """A request past its deadline expires; the next best mentor is proposed."""
    current = Match.objects.select_for_update().get(pk=match.pk)
    if current.status != MatchStatus.PROPOSED or current.respond_by >= timezone.now():
        return None
    expired = _match_move(
        match=current, to=MatchStatus.EXPIRED, actor=None, note="no answer before the deadline"
    )
    _propose_next(participant=expired.participant, actor=None)
    return expired


@transaction.atomic(durable=True)
def match_request_end(*, match: Match, user, reason: str) -> MatchEndRequest:
    """Either person asks to end an active match, with a reason; staff are alerted."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Please tell us why you want to end this mentorship."))
    current = (
        Match.objects.select_for_update()
        .select_related("participant__user", "mentor__user")
        .get(pk=match.pk)
    )
    if current.status != MatchStatus.ACCEPTED:
        raise ServiceError(_("Only an active mentorship can be ended."))
    if MatchEndRequest.objects.filter(match=current, status=EndRequestStatus.OPEN).exists():
        raise ServiceError(_("There is already a request to end this mentorship."))
    request = MatchEndRequest.objects.create(match=current, requested_by=user, reason=reason)
    _alert_staff(
        template="mentors/staff_end_request",
        context={
            "participant_name": current.participant.user.get_full_name(),
            "mentor_name": current.mentor.user.get_full_name(),
            "reason": reason,
        },
        key=f"end-request:{request.pk}",
    )
    return request


@transaction.atomic(durable=True)
def match_end(*, match: Match, actor, note: str = "", rematch: bool = False) -> Match:
    """Staff end an active match (freeing the mentor's capacity) and optionally propose
    the best remaining mentor to the participant."""
    current = Match.objects.select_for_update().get(pk=match.pk)
    profile = MentorProfile.objects.select_for_update().get(pk=current.mentor_id)
    ended = _match_move(match=current, to=MatchStatus.ENDED, actor=actor, note=note)
    profile.active_mentees = max(profile.active_mentees - 1, 0)
    profile.save(update_fields=["active_mentees", "updated_at"])
    MatchEndRequest.objects.filter(match=ended, status=EndRequestStatus.OPEN).update(
        status=EndRequestStatus.REMATCHED if rematch else EndRequestStatus.CLOSED,
        resolved_by=actor,
        resolved_at=timezone.now(),
    )
    if rematch:
        _propose_next(participant=ended.participant, actor=actor)
    return ended


@transaction.atomic(durable=True)
def match_request_from_directory(*, participant, mentor: MentorProfile, actor) -> Match:
    """A participant of a cohort with the directory enabled asks a mentor directly."""
    from .. import selectors
    from ..compatibility import hard_constraint, score_pair

    if not participant.cohort.allow_mentor_directory:
        raise ServiceError(_("This cohort does not use the mentor directory."))
    profile = MentorProfile.objects.select_for_update().select_related("user").get(pk=mentor.pk)
    if profile.status != MentorStatus.ACTIVE:
        raise ServiceError(_("This mentor is not taking mentees now."))
    if Match.objects.filter(participant=participant, status__in=OPEN_MATCH_STATUSES).exists():
        raise ServiceError(_("You already have a mentor or a pending request."))
    open_count = Match.objects.filter(mentor=profile, status__in=OPEN_MATCH_STATUSES).count()
    if open_count >= profile.capacity:
        raise ServiceError(_("This mentor has no free places right now."))
    facts = selectors.participant_facts([participant])[0]
    mentor_facts = selectors.mentor_facts(profile, open_count=open_count)
    if hard_constraint(facts, mentor_facts, selectors.excluded_pairs(cohort=participant.cohort)):
        raise ServiceError(
            _("This mentor cannot be requested (no shared language or a declared conflict).")
        )
    score, components = score_pair(
        facts, mentor_facts, selectors.weights_for(cohort=participant.cohort).as_dict()
    )
    return _new_match(
        participant=participant,
        mentor=profile,
        source=MatchSource.DIRECTORY,
        score=score,
        components=components,
        actor=actor,
    )


@transaction.atomic(durable=True)
def mentee_availability_set(*, participant, blocks: list[str]) -> MenteeAvailability:
    row, _created = MenteeAvailability.objects.update_or_create(
        participant=participant, defaults={"blocks": sorted(set(blocks))}
    )
    row.full_clean()
    return row


# ----------------------------------------------------------------------------- inactivity


def _setting(name: str, default: int) -> int:
    from django.conf import settings

    return int(getattr(settings, name, default))


def mentors_nudge_and_pause(*, now=None) -> dict[str, int]:
    """Scheduled daily. Mentors with a request unanswered for N days get a nudge; a
    mentor still silent N days after the nudge is paused (requests go to the next best
    mentor) and staff are alerted. Each step is its own transaction."""
    now = now or timezone.now()
    nudge_days = _setting("MENTORS_NUDGE_AFTER_DAYS", 2)
    pause_days = _setting("MENTORS_PAUSE_AFTER_NUDGE_DAYS", 3)
    stale = now - timedelta(days=nudge_days)
    counts = {"nudged": 0, "paused": 0, "expired": 0}
    for match in Match.objects.filter(status=MatchStatus.PROPOSED, respond_by__lt=now):
        if match_expire(match=match) is not None:
            counts["expired"] += 1
    waiting = (
        MentorProfile.objects.filter(
            status=MentorStatus.ACTIVE,
            matches__status=MatchStatus.PROPOSED,
            matches__created_at__lt=stale,
        )
        .select_related("user")
        .distinct()
    )
    for profile in waiting:
        if profile.nudged_at is None:
            _mentor_nudge(profile=profile, now=now)
            counts["nudged"] += 1
        elif profile.nudged_at < now - timedelta(days=pause_days):
            _mentor_pause_for_inactivity(profile=profile)
            counts["paused"] += 1
    return counts


@transaction.atomic(durable=True)
def _mentor_nudge(*, profile: MentorProfile, now) -> None:
    MentorProfile.objects.filter(pk=profile.pk).update(nudged_at=now)
    notify(
        user=profile.user,
        template="mentors/nudge",
        context={"name": profile.user.get_short_name() or str(profile.user)},
        key=f"mentor-nudge:{profile.pk}:{now.date().isoformat()}",
    )


@transaction.atomic(durable=True)
def _mentor_pause_for_inactivity(*, profile: MentorProfile) -> None:
    locked = _mentor_move(
        profile=profile,
        to=MentorStatus.PAUSED,
        actor=None,
        note="no answer to mentee requests after a reminder",
    )
    _release_pending_requests_of(profile=locked, actor=None)
    MentorProfile.objects.filter(pk=locked.pk).update(nudged_at=None)
    _alert_staff(
        template="mentors/staff_mentor_paused",
        context={"mentor_name": locked.user.get_full_name()},
        key=f"mentor-paused:{locked.pk}:{timezone.now().date().isoformat()}",
    )
