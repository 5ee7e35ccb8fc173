"""Mentors' own records: applying, the profile, vetting (every status move of a
mentor goes through ``mentor_transition``, with a history row), the pause on new matches, and
the daily nudge and pause of mentors who leave requests unanswered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from semilla.enums import Role
from semilla.errors import ServiceError
from semilla.models import User
from semilla.notifications import notify
from semilla.services import user_grant_role, user_revoke_role
from semilla.transitions import record, transition

from ..enums import (
    MENTOR,
    MatchStatus,
    MentorStatus,
)
from ..models import (
    CODE_OF_CONDUCT_VERSION,
    PROFILE_FIELDS,
    Match,
    MentorProfile,
)
from .matches import match_expire, mentor_requests_release_nested, staff_alert


@transaction.atomic(durable=True)
def mentor_apply(*, user: User, accept_code_of_conduct: bool, **fields: Any) -> MentorProfile:
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
def mentor_update_profile(*, profile: MentorProfile, actor: User, **fields: Any) -> MentorProfile:
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
def mentor_record_interview(
    *, profile: MentorProfile, actor: User, notes: str = ""
) -> MentorProfile:
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
def mentor_transition(
    *, profile: MentorProfile, to: str, actor: User, note: str = ""
) -> MentorProfile:
    """Move a mentor through vetting: applied -> vetted (code of conduct accepted and
    interview done) -> active (grants the mentor role), paused, retired."""
    locked = _mentor_move(profile=profile, to=to, actor=actor, note=note)
    if to in (MentorStatus.PAUSED, MentorStatus.RETIRED):
        mentor_requests_release_nested(profile=locked, actor=actor)
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


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def mentors_nudge_and_pause(*, now: datetime | None = None) -> dict[str, int]:
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
    mentor_requests_release_nested(profile=locked, actor=None)
    MentorProfile.objects.filter(pk=locked.pk).update(nudged_at=None)
    staff_alert(
        template="mentors/staff_mentor_paused",
        context={"mentor_name": locked.user.get_full_name()},
        key=f"mentor-paused:{locked.pk}:{timezone.now().date().isoformat()}",
    )
