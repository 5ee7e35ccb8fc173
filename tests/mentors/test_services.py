import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.models import Participant
from mentors import selectors, services
from mentors.enums import MatchSource, MatchStatus, MentorStatus, RunStatus, UnmatchedReason
from mentors.models import (
    ExcludedPair,
    Match,
    MatchEndRequest,
    MentorProfile,
    MentorStatusChange,
    ProposedMatch,
    UnmatchedParticipant,
)
from semilla.enums import Role
from semilla.models import OutboxMessage
from semilla.transitions import InvalidTransition
from tests.factories import make_user
from tests.factories.cohorts import ParticipantFactory
from tests.factories.mentors import MatchFactory

PROFILE = {
    "headline": "Asesor de mercadeo",
    "expertise": ["marketing"],
    "sectors": ["food"],
    "languages": ["es"],
    "city": "cucuta",
    "meeting_mode": "either",
    "availability": ["weekend"],
    "capacity": 3,
    "bio": "Diez años en mercadeo.",
    "link": "",
    "conflicts": "",
}


def test_mentor_apply_records_code_of_conduct_and_history(db):
    user = make_user()
    profile = services.mentor_apply(user=user, accept_code_of_conduct=True, **PROFILE)
    assert profile.status == MentorStatus.APPLIED
    assert profile.code_of_conduct_version == "2026-11"
    assert profile.code_of_conduct_accepted_at is not None
    assert list(MentorStatusChange.objects.values_list("from_status", "to_status")) == [
        ("", "applied")
    ]
    assert OutboxMessage.objects.filter(user=user, channel="email").count() == 1


def test_mentor_apply_without_code_of_conduct_is_refused(db):
    with pytest.raises(services.ServiceError):
        services.mentor_apply(user=make_user(), accept_code_of_conduct=False, **PROFILE)
    assert MentorProfile.objects.count() == 0


def test_mentor_vetting_requires_interview_then_activation_grants_role(db, staff_user):
    user = make_user()
    profile = services.mentor_apply(user=user, accept_code_of_conduct=True, **PROFILE)
    with pytest.raises(services.ServiceError):
        services.mentor_transition(profile=profile, to=MentorStatus.VETTED, actor=staff_user)
    services.mentor_record_interview(profile=profile, actor=staff_user, notes="Muy clara")
    services.mentor_transition(profile=profile, to=MentorStatus.VETTED, actor=staff_user)
    user.refresh_from_db()
    assert user.has_role(Role.MENTOR) is False
    services.mentor_transition(profile=profile, to=MentorStatus.ACTIVE, actor=staff_user, note="ok")
    user = type(user).objects.get(pk=user.pk)
    assert user.has_role(Role.MENTOR) is True
    assert list(profile.status_changes.values_list("to_status", "actor_id")) == [
        ("applied", user.pk),
        ("vetted", staff_user.pk),
        ("active", staff_user.pk),
    ]


def test_mentor_transition_outside_table_is_refused(db, staff_user, make_mentor):
    profile = make_mentor(status=MentorStatus.APPLIED)
    with pytest.raises(InvalidTransition):
        services.mentor_transition(profile=profile, to=MentorStatus.ACTIVE, actor=staff_user)
    profile.refresh_from_db()
    assert profile.status == MentorStatus.APPLIED


def test_database_refuses_active_mentees_above_capacity(db, make_mentor):
    profile = make_mentor(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorProfile.objects.filter(pk=profile.pk).update(active_mentees=2)


@pytest.fixture
def run_matching(django_capture_on_commit_callbacks):
    """Create a run and execute its task (the task broker is synchronous in tests)."""

    def _run(cohort, staff_user, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            run = services.matching_run_create(cohort=cohort, actor=staff_user, **kwargs)
        run.refresh_from_db()
        return run

    return _run


@pytest.fixture
def rerun(django_capture_on_commit_callbacks):
    def _rerun(run, staff_user):
        with django_capture_on_commit_callbacks(execute=True):
            services.matching_run_rerun(run=run, actor=staff_user)
        run.refresh_from_db()

    return _rerun


def test_matching_run_respects_language_conflict_and_capacity(
    cohort, make_participant, make_mentor, staff_user, run_matching
):
    ana = make_participant(needs=["finance"], languages=["es"])
    ben = make_participant(needs=["marketing"], languages=["es"])
    carl = make_participant(needs=["marketing"], languages=["es"])
    eve = make_participant(needs=["finance"], languages=["en"])
    finance = make_mentor(expertise=["finance"], capacity=1)
    marketing = make_mentor(
        expertise=["marketing"], capacity=1, conflicts=ben.application.business_name
    )
    run = run_matching(cohort, staff_user)
    assert run.status == RunStatus.READY
    assert run.progress == 100
    pairs = dict(ProposedMatch.objects.filter(run=run).values_list("participant_id", "mentor_id"))
    # Two can be matched; the optimum covers needs, and never pairs Ben with his conflict.
    assert pairs == {ana.pk: finance.pk, carl.pk: marketing.pk}
    unmatched = dict(
        UnmatchedParticipant.objects.filter(run=run).values_list("participant_id", "reason")
    )
    assert unmatched == {
        ben.pk: UnmatchedReason.CAPACITY_EXHAUSTED,
        eve.pk: UnmatchedReason.NO_FEASIBLE_MENTOR,
    }
    eve_row = UnmatchedParticipant.objects.get(run=run, participant=eve)
    assert eve_row.constraint_counts == {"no_shared_language": 2}


def test_matching_explanations_add_up_to_scores(
    cohort, make_participant, make_mentor, staff_user, run_matching
):
    for _ in range(3):
        make_participant()
    for _ in range(2):
        make_mentor()
    run = run_matching(cohort, staff_user)
    proposals = list(ProposedMatch.objects.filter(run=run))
    assert len(proposals) == 3
    for proposal in proposals:
        assert sum(c["points"] for c in proposal.components) == proposal.score
        assert [c["code"] for c in proposal.components] == [
            "needs",
            "sector",
            "location",
            "availability",
            "preferences",
        ]
    assert run.total_score == sum(p.score for p in proposals)


def test_matching_rerun_keeps_pins_and_exclusions(
    cohort, make_participant, make_mentor, staff_user, run_matching, rerun
):
    ana = make_participant(needs=["finance"])
    good = make_mentor(expertise=["finance"], capacity=1)
    weak = make_mentor(expertise=["legal_formalisation"], sectors=[], capacity=1)
    run = run_matching(cohort, staff_user)
    assert ProposedMatch.objects.get(run=run).mentor_id == good.pk
    services.matching_run_pin(run=run, participant=ana, mentor=weak, actor=staff_user)
    rerun(run, staff_user)
    proposal = ProposedMatch.objects.get(run=run)
    assert (proposal.mentor_id, proposal.pinned) == (weak.pk, True)
    services.matching_run_exclude(
        run=run, participant=ana, mentor=weak, actor=staff_user, reason="Son vecinos"
    )
    rerun(run, staff_user)
    run.refresh_from_db()
    assert ProposedMatch.objects.get(run=run).mentor_id == good.pk
    assert run.version == 3
    assert ExcludedPair.objects.filter(cohort=cohort).count() == 1


def test_matching_pin_breaking_hard_constraint_is_refused(
    cohort, make_participant, make_mentor, staff_user, run_matching
):
    ana = make_participant(languages=["en"])
    mentor = make_mentor(languages=["es"])
    run = run_matching(cohort, staff_user)
    with pytest.raises(services.ServiceError):
        services.matching_run_pin(run=run, participant=ana, mentor=mentor, actor=staff_user)


def test_matching_publish_creates_matches_and_notifies_both(
    cohort, make_participant, make_mentor, staff_user, run_matching
):
    ana = make_participant()
    mentor = make_mentor()
    run = run_matching(cohort, staff_user)
    matches = services.matching_run_publish(run=run, actor=staff_user)
    assert [(m.participant_id, m.mentor_id, m.status) for m in matches] == [
        (ana.pk, mentor.pk, MatchStatus.PROPOSED)
    ]
    run.refresh_from_db()
    assert run.status == RunStatus.PUBLISHED
    assert sorted(
        OutboxMessage.objects.filter(key__startswith="match-proposed").values_list(
            "user_id", flat=True
        )
    ) == sorted([ana.user_id, mentor.user_id])
    with pytest.raises(services.ServiceError):
        services.matching_run_publish(run=run, actor=staff_user)


def test_match_accept_enforces_capacity(db, make_mentor):
    mentor = make_mentor(capacity=1)
    first = MatchFactory(mentor=mentor)
    second = MatchFactory(mentor=mentor)
    services.match_accept(match=first, actor=mentor.user)
    with pytest.raises(services.ServiceError):
        services.match_accept(match=second, actor=mentor.user)
    mentor.refresh_from_db()
    assert mentor.active_mentees == 1
    second.refresh_from_db()
    assert second.status == MatchStatus.PROPOSED


def test_match_decline_proposes_best_remaining_mentor(cohort, make_participant, make_mentor):
    ana = make_participant(needs=["finance", "marketing"])
    first = make_mentor(expertise=["finance", "marketing"])
    make_mentor(expertise=["legal_formalisation"], sectors=[])
    second_best = make_mentor(expertise=["finance"])
    match = MatchFactory(participant=ana, mentor=first)
    services.match_decline(match=match, actor=first.user, reason="Sin tiempo este mes")
    replacement = Match.objects.get(participant=ana, status=MatchStatus.PROPOSED)
    assert (replacement.mentor_id, replacement.source) == (second_best.pk, MatchSource.REPLACEMENT)
    assert sum(c["points"] for c in replacement.components) == replacement.score


def test_match_expiry_and_no_mentor_left_alerts_staff(
    cohort, make_participant, make_mentor, staff_user
):
    ana = make_participant()
    only = make_mentor()
    match = MatchFactory(
        participant=ana, mentor=only, respond_by=timezone.now() - datetime.timedelta(hours=1)
    )
    counts = services.mentors_nudge_and_pause()
    assert counts["expired"] == 1
    match.refresh_from_db()
    assert match.status == MatchStatus.EXPIRED
    assert Match.objects.filter(participant=ana, status=MatchStatus.PROPOSED).count() == 0
    assert (
        OutboxMessage.objects.filter(user=staff_user, key__startswith="no-mentor-left").count() == 1
    )


def test_inactive_mentor_is_nudged_then_paused(cohort, make_participant, make_mentor, staff_user):
    silent = make_mentor()
    backup = make_mentor()
    match = MatchFactory(participant=make_participant(), mentor=silent)
    type(match).objects.filter(pk=match.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert services.mentors_nudge_and_pause()["nudged"] == 1
    assert services.mentors_nudge_and_pause()["nudged"] == 0
    later = timezone.now() + datetime.timedelta(days=4)
    Match.objects.filter(pk=match.pk).update(respond_by=later + datetime.timedelta(days=1))
    assert services.mentors_nudge_and_pause(now=later)["paused"] == 1
    silent.refresh_from_db()
    assert silent.status == MentorStatus.PAUSED
    assert Match.objects.get(pk=match.pk).status == MatchStatus.CANCELLED
    assert Match.objects.get(status=MatchStatus.PROPOSED).mentor_id == backup.pk
    assert (
        OutboxMessage.objects.filter(user=staff_user, key__startswith="mentor-paused").count() == 1
    )


def test_match_end_request_then_staff_rematch(cohort, make_participant, make_mentor, staff_user):
    ana = make_participant()
    first = make_mentor()
    second = make_mentor()
    match = MatchFactory(participant=ana, mentor=first, status=MatchStatus.ACCEPTED)
    with pytest.raises(services.ServiceError):
        services.match_request_end(match=match, user=ana.user, reason="  ")
    request = services.match_request_end(
        match=match, user=ana.user, reason="No coincidimos en horarios"
    )
    services.match_end(match=match, actor=staff_user, rematch=True)
    first.refresh_from_db()
    request.refresh_from_db()
    assert first.active_mentees == 0
    assert request.status == "rematched"
    assert Match.objects.get(participant=ana, status=MatchStatus.PROPOSED).mentor_id == second.pk
    assert MatchEndRequest.objects.count() == 1


def test_directory_request_only_when_cohort_allows(cohort, make_participant, make_mentor):
    ana = make_participant()
    mentor = make_mentor()
    with pytest.raises(services.ServiceError):
        services.match_request_from_directory(participant=ana, mentor=mentor, actor=ana.user)
    cohort.allow_mentor_directory = True
    cohort.save()
    ana.refresh_from_db()
    match = services.match_request_from_directory(participant=ana, mentor=mentor, actor=ana.user)
    assert (match.source, match.status) == (MatchSource.DIRECTORY, MatchStatus.PROPOSED)


def test_participant_facts_read_the_application_and_the_cohort(db):
    participant = ParticipantFactory()
    facts = selectors.participant_facts(participants=Participant.objects.filter(pk=participant.pk))
    assert [(f.participant_id, f.needs, f.languages, f.city) for f in facts] == [
        (participant.pk, ("finance", "marketing"), frozenset({"es"}), "cucuta")
    ]
