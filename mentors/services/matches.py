"""One mentee and one mentor: proposing a match, the mentor's answer (capacity
enforced under a row lock), expiry, ending a mentorship, requests from the directory and the
mentee's availability. ``match_propose_nested`` and ``mentor_requests_release_nested`` run
inside the caller's transaction (matching and profiles use them)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import Participant
from semilla.errors import ServiceError
from semilla.models import User
from semilla.notifications import notify
from semilla.transitions import record, transition

from .. import selectors
from ..compatibility import hard_constraint, score_pair
from ..enums import (
    MATCH,
    OPEN_MATCH_STATUSES,
    EndRequestStatus,
    MatchSource,
    MatchStatus,
    MentorStatus,
)
from ..models import (
    Match,
    MatchEndRequest,
    MatchingRun,
    MenteeAvailability,
    MentorProfile,
)


def staff_alert(*, template: str, context: dict, key: str) -> None:
    for staff in selectors.programme_staff():
        notify(user=staff, template=template, context=context, key=f"{key}:{staff.pk}")


def match_propose_nested(
    *,
    participant: Participant,
    mentor: MentorProfile,
    source: str,
    score: int,
    components: list,
    actor: User | None,
    run: MatchingRun | None = None,
    days: int | None = None,
) -> Match:
    if days is None:
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
def match_accept(*, match: Match, actor: User) -> Match:
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
def match_decline(*, match: Match, actor: User, reason: str = "") -> Match:
    """The mentor declines; the participant is proposed the best remaining mentor."""
    declined = _match_move(match=match, to=MatchStatus.DECLINED, actor=actor, note=reason)
    Match.objects.filter(pk=declined.pk).update(decline_reason=reason[:300])
    MentorProfile.objects.filter(pk=declined.mentor_id).update(nudged_at=None)
    _propose_next(participant=declined.participant, actor=actor)
    return declined


def _propose_next(*, participant, actor) -> Match | None:
    """Propose the best remaining feasible mentor with free capacity (never one who was
    already proposed to this participant). Staff are alerted when none is left."""

    participant = (
        type(participant)
        .objects.select_related("user", "application", "cohort")
        .get(pk=participant.pk)
    )
    if Match.objects.filter(participant=participant, status__in=OPEN_MATCH_STATUSES).exists():
        return None
    tried = set(Match.objects.filter(participant=participant).values_list("mentor_id", flat=True))
    facts = selectors.participant_facts(participants=[participant])[0]
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
        staff_alert(
            template="mentors/staff_no_mentor_left",
            context={
                "participant_name": participant.user.get_full_name(),
                "cohort_name": participant.cohort.name,
            },
            key=f"no-mentor-left:{participant.pk}:{len(tried)}",
        )
        return None
    mentor = MentorProfile.objects.select_for_update().select_related("user").get(pk=best[1])
    return match_propose_nested(
        participant=participant,
        mentor=mentor,
        source=MatchSource.REPLACEMENT,
        score=best[0],
        components=best[2],
        actor=actor,
    )


def mentor_requests_release_nested(*, profile: MentorProfile, actor: User | None) -> None:
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
def match_request_end(*, match: Match, user: User, reason: str) -> MatchEndRequest:
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
    staff_alert(
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
def match_end(*, match: Match, actor: User, note: str = "", rematch: bool = False) -> Match:
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
def match_request_from_directory(
    *, participant: Participant, mentor: MentorProfile, actor: User
) -> Match:
    """A participant of a cohort with the directory enabled asks a mentor directly."""

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
    facts = selectors.participant_facts(participants=[participant])[0]
    mentor_facts = selectors.mentor_facts(profile=profile, open_count=open_count)
    if hard_constraint(facts, mentor_facts, selectors.excluded_pairs(cohort=participant.cohort)):
        raise ServiceError(
            _("This mentor cannot be requested (no shared language or a declared conflict).")
        )
    score, components = score_pair(
        facts, mentor_facts, selectors.weights_for(cohort=participant.cohort).as_dict()
    )
    return match_propose_nested(
        participant=participant,
        mentor=profile,
        source=MatchSource.DIRECTORY,
        score=score,
        components=components,
        actor=actor,
    )


@transaction.atomic(durable=True)
def mentee_availability_set(*, participant: Participant, blocks: list[str]) -> MenteeAvailability:
    row, _created = MenteeAvailability.objects.update_or_create(
        participant=participant, defaults={"blocks": sorted(set(blocks))}
    )
    row.full_clean()
    return row
