import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone, translation

from cohorts import services
from cohorts.enums import ALLOWED_TRANSITIONS, ApplicationStatus, AssignmentStatus, Decision
from cohorts.models import (
    Application,
    ApplicationStatusChange,
    Cohort,
    Participant,
    ReviewAssignment,
    ReviewerConflict,
)
from semilla.enums import ConsentPurpose, DocumentType, PopulationGroup, Role
from semilla.errors import ServiceError
from semilla.models import ConsentRecord
from semilla.transitions import InvalidTransition
from tests.factories.cohorts import (
    ApplicationFactory,
    CohortFactory,
    DraftApplicationFactory,
    ReviewAssignmentFactory,
)

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [
        (a, b)
        for a in S.values
        for b in S.values
        if b not in ALLOWED_TRANSITIONS[a] and b != S.CONFIRMED
    ],
)
def test_application_transition_refuses_illegal_moves(from_status, to_status, staff_user):
    app = ApplicationFactory(status=from_status)
    with pytest.raises(InvalidTransition):
        services.application_transition(application=app, to=to_status, actor=staff_user)
    app.refresh_from_db()
    assert app.status == from_status
    assert ApplicationStatusChange.objects.filter(application=app).count() == 0


def test_application_transition_never_confirms_without_a_seat(staff_user):
    app = ApplicationFactory(status=S.ACCEPTED)
    with pytest.raises(InvalidTransition):
        services.application_transition(application=app, to=S.CONFIRMED, actor=staff_user)


def test_application_transition_records_history(staff_user):
    app = ApplicationFactory(status=S.SUBMITTED)
    services.application_transition(application=app, to=S.IN_REVIEW, actor=staff_user, note="ok")
    change = ApplicationStatusChange.objects.get(application=app)
    assert (change.from_status, change.to_status, change.actor, change.note) == (
        S.SUBMITTED,
        S.IN_REVIEW,
        staff_user,
        "ok",
    )


def test_application_submit_locks_records_consent_and_flags_document(
    entrepreneur, django_capture_on_commit_callbacks
):
    app = DraftApplicationFactory(user=entrepreneur, document_type=DocumentType.IN_PROCESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=app, actor=entrepreneur)
    app.refresh_from_db()
    assert (app.status, app.needs_document_check) == (S.SUBMITTED, True)
    assert set(
        ConsentRecord.objects.filter(user=entrepreneur).values_list("purpose", flat=True)
    ) == {ConsentPurpose.APPLICATION, ConsentPurpose.SENSITIVE_DATA}
    assert len(mail.outbox) == 1
    with pytest.raises(services.ServiceError):
        services.application_save_step(
            application=app, step="about", data={"phone": "1"}, actor=entrepreneur
        )


def test_application_submit_refused_after_deadline_draft_kept(entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur)
    Cohort.objects.filter(pk=app.cohort_id).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    app.refresh_from_db()
    with pytest.raises(services.ServiceError):
        services.application_submit(application=app, actor=entrepreneur)
    assert Application.objects.get(pk=app.pk).status == S.DRAFT


def test_application_submit_needs_identity_document_file(entrepreneur):
    app = DraftApplicationFactory(user=entrepreneur, document_type=DocumentType.PPT)
    with pytest.raises(services.ServiceError) as exc:
        services.application_submit(application=app, actor=entrepreneur)
    assert "Documentos" in exc.value.message or "Documents" in exc.value.message


def test_assignments_auto_balances_and_honours_conflicts(make_user, staff_user, cohort):
    reviewers = [make_user(Role.REVIEWER) for _ in range(3)]
    apps = [ApplicationFactory(cohort=cohort) for _ in range(6)]
    ReviewerConflict.objects.create(reviewer=reviewers[0], applicant=apps[0].user)
    created = services.assignments_auto(cohort=cohort, actor=staff_user, reviewers=reviewers)
    assert created == 12
    loads = sorted(ReviewAssignment.objects.filter(reviewer=r).count() for r in reviewers)
    assert loads == [4, 4, 4]
    assert not ReviewAssignment.objects.filter(reviewer=reviewers[0], application=apps[0]).exists()
    assert set(Application.objects.values_list("status", flat=True)) == {S.IN_REVIEW}
    assert services.assignments_auto(cohort=cohort, actor=staff_user, reviewers=reviewers) == 0


def test_review_refused_to_another_reviewer_and_once_submitted(make_user, cohort):
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    values = {c.pk: 5 for c in cohort.rubric.criteria.all()}
    assignment = ReviewAssignmentFactory(application=app)
    stranger = make_user(Role.REVIEWER)
    refusals = []
    for call in (
        lambda: services.review_submit(assignment=assignment, reviewer=stranger, values=values),
        lambda: services.review_abstain(assignment=assignment, reviewer=stranger),
    ):
        with translation.override("en"), pytest.raises(services.ServiceError) as exc:
            call()
        refusals.append(str(exc.value))
    services.review_submit(assignment=assignment, reviewer=assignment.reviewer, values=values)
    for call in (
        lambda: services.review_submit(
            assignment=assignment, reviewer=assignment.reviewer, values=values
        ),
        lambda: services.review_abstain(assignment=assignment, reviewer=assignment.reviewer),
    ):
        with translation.override("en"), pytest.raises(services.ServiceError) as exc:
            call()
        refusals.append(str(exc.value))
    assert refusals == [
        "This review is assigned to someone else.",
        "This review is assigned to someone else.",
        "This review has already been submitted.",
        "This review has already been submitted.",
    ]


def test_review_submit_scores_freeze_rubric_and_aggregate(make_user, cohort):
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    criteria = list(cohort.rubric.criteria.all())
    a1 = ReviewAssignmentFactory(application=app)
    a2 = ReviewAssignmentFactory(application=app)
    services.review_submit(assignment=a1, reviewer=a1.reviewer, values={c.pk: 5 for c in criteria})
    services.review_submit(
        assignment=a2,
        reviewer=a2.reviewer,
        values={criteria[0].pk: 1, criteria[1].pk: 3, criteria[2].pk: 5},
    )
    app.refresh_from_db()
    cohort.rubric.refresh_from_db()
    # a2: 50*1/5 + 30*3/5 + 20*5/5 = 10 + 18 + 20 = 48
    assert (app.review_count, app.score_mean, app.score_median, app.score_spread) == (
        2,
        Decimal("74.00"),
        Decimal("74.00"),
        Decimal("52.00"),
    )
    assert cohort.rubric.is_frozen is True


def test_review_abstain_with_conflict_records_it(cohort):
    a = ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort))
    services.review_abstain(assignment=a, reviewer=a.reviewer, reason="Es mi vecina", conflict=True)
    a.refresh_from_db()
    assert a.status == AssignmentStatus.ABSTAINED
    assert (
        ReviewerConflict.objects.filter(reviewer=a.reviewer, applicant=a.application.user).count()
        == 1
    )


def _decided(cohort, decision, staff_user, **kw):
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW, **kw)
    services.applications_decide(applications=[app], decision=decision, actor=staff_user)
    return app


def test_decisions_release_offers_waitlists_rejects_and_emails(
    staff_user, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(seats=1)
    acc = _decided(cohort, Decision.ACCEPT, staff_user)
    wait = _decided(cohort, Decision.WAITLIST, staff_user)
    rej = _decided(cohort, Decision.REJECT, staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.decisions_release(cohort=cohort, actor=staff_user)
    assert counts == {"accept": 1, "waitlist": 1, "reject": 1}
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {acc.pk: S.ACCEPTED, wait.pk: S.WAITLISTED, rej.pk: S.REJECTED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.user.email for a in (acc, wait, rej))
    offer_mail = next(m for m in mail.outbox if m.to == [acc.user.email])
    assert "Felicitaciones" in offer_mail.body or "Congratulations" in offer_mail.body


def test_decisions_release_refuses_more_offers_than_seats(staff_user):
    cohort = CohortFactory(seats=1)
    _decided(cohort, Decision.ACCEPT, staff_user)
    _decided(cohort, Decision.ACCEPT, staff_user)
    with pytest.raises(services.SeatsFull):
        services.decisions_release(cohort=cohort, actor=staff_user)
    assert Application.objects.filter(status=S.ACCEPTED).count() == 0


def test_offer_confirm_creates_participant_and_counts_seat(entrepreneur):
    app = ApplicationFactory(user=entrepreneur, status=S.ACCEPTED)
    participant = services.offer_confirm(application=app, actor=entrepreneur)
    app.cohort.refresh_from_db()
    assert (participant.user, app.cohort.seats_confirmed) == (entrepreneur, 1)


def test_offer_confirm_refused_when_cohort_full():
    cohort = CohortFactory(seats=1)
    first = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    second = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    services.offer_confirm(application=first, actor=first.user)
    with pytest.raises(services.SeatsFull):
        services.offer_confirm(application=second, actor=second.user)
    assert Participant.objects.count() == 1


def test_offer_decline_promotes_best_ranked_waitlisted(staff_user):
    cohort = CohortFactory(seats=1)
    offered = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    ApplicationFactory(cohort=cohort, status=S.WAITLISTED, score_mean=Decimal(60))
    best = ApplicationFactory(cohort=cohort, status=S.WAITLISTED, score_mean=Decimal(80))
    services.offer_decline(application=offered, actor=offered.user)
    best.refresh_from_db()
    assert best.status == S.ACCEPTED
    assert best.offer_expires_at is not None


def test_offer_decline_in_an_ended_cohort_offers_nobody_its_seat(staff_user):
    today = timezone.localdate()
    cohort = CohortFactory(
        seats=1,
        starts_on=today - datetime.timedelta(days=120),
        ends_on=today - datetime.timedelta(days=1),
    )
    offered = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    waiting = ApplicationFactory(cohort=cohort, status=S.WAITLISTED, score_mean=Decimal(80))

    services.offer_decline(application=offered, actor=offered.user)

    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED
    assert services.waitlist_promote(cohort=cohort, actor=staff_user) == []


def test_promotion_respects_target_mix(staff_user):
    cohort = CohortFactory(seats=2, target_mix={PopulationGroup.RECEPTOR_COMMUNITY: 50})
    ApplicationFactory(
        cohort=cohort, status=S.CONFIRMED, population_group=PopulationGroup.VENEZUELAN_MIGRANT
    )
    Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=1)
    offered = ApplicationFactory(
        cohort=cohort, status=S.ACCEPTED, population_group=PopulationGroup.VENEZUELAN_MIGRANT
    )
    ApplicationFactory(
        cohort=cohort,
        status=S.WAITLISTED,
        score_mean=Decimal(90),
        population_group=PopulationGroup.VENEZUELAN_MIGRANT,
    )
    local = ApplicationFactory(
        cohort=cohort,
        status=S.WAITLISTED,
        score_mean=Decimal(70),
        population_group=PopulationGroup.RECEPTOR_COMMUNITY,
    )
    services.offer_decline(application=offered, actor=offered.user)
    local.refresh_from_db()
    assert local.status == S.ACCEPTED


def test_offers_expire_is_idempotent_and_promotes():
    cohort = CohortFactory(seats=1)
    late = ApplicationFactory(
        cohort=cohort,
        status=S.ACCEPTED,
        offer_expires_at=timezone.now() - datetime.timedelta(hours=1),
    )
    waiting = ApplicationFactory(cohort=cohort, status=S.WAITLISTED)
    assert services.offers_expire() == 1
    assert services.offers_expire() == 0
    late.refresh_from_db()
    waiting.refresh_from_db()
    assert (late.status, waiting.status) == (S.EXPIRED, S.ACCEPTED)


def test_withdraw_confirmed_frees_seat(entrepreneur):
    app = ApplicationFactory(user=entrepreneur, status=S.ACCEPTED)
    services.offer_confirm(application=app, actor=entrepreneur)
    services.application_withdraw(application=app, actor=entrepreneur)
    app.cohort.refresh_from_db()
    assert (app.cohort.seats_confirmed, Participant.objects.get().status) == (0, "withdrawn")


def test_withdraw_confirmed_seat_of_an_ended_cohort_is_refused(entrepreneur):
    app = ApplicationFactory(user=entrepreneur, status=S.ACCEPTED)
    services.offer_confirm(application=app, actor=entrepreneur)
    Cohort.objects.filter(pk=app.cohort_id).update(
        starts_on=timezone.localdate() - datetime.timedelta(days=90),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    app.refresh_from_db()
    with pytest.raises(ServiceError):
        services.application_withdraw(application=app, actor=entrepreneur)
    app.refresh_from_db()
    app.cohort.refresh_from_db()
    assert (app.status, app.cohort.seats_confirmed, Participant.objects.get().status) == (
        S.CONFIRMED,
        1,
        "active",
    )


def test_withdraw_confirmed_seat_on_the_cohort_s_last_day_is_allowed(entrepreneur):
    app = ApplicationFactory(user=entrepreneur, status=S.ACCEPTED)
    services.offer_confirm(application=app, actor=entrepreneur)
    Cohort.objects.filter(pk=app.cohort_id).update(
        starts_on=timezone.localdate() - datetime.timedelta(days=90),
        ends_on=timezone.localdate(),
    )
    app.refresh_from_db()
    services.application_withdraw(application=app, actor=entrepreneur)
    app.refresh_from_db()
    assert app.status == S.WITHDRAWN


def test_document_checked_clears_flag_and_records_history(staff_user):
    app = ApplicationFactory(needs_document_check=True)
    services.application_document_checked(application=app, actor=staff_user)
    app.refresh_from_db()
    assert app.needs_document_check is False
    assert list(app.history.values_list("from_status", "to_status", "actor")) == [
        (S.SUBMITTED, S.SUBMITTED, staff_user.pk)
    ]


def test_participant_withdrawn_by_staff_frees_seat_and_promotes(staff_user):
    from tests.factories.cohorts import ParticipantFactory

    participant = ParticipantFactory(cohort=CohortFactory(seats=1))
    waiting = ApplicationFactory(cohort=participant.cohort, status=S.WAITLISTED)
    services.participant_set_status(participant=participant, status="withdrawn", actor=staff_user)
    participant.refresh_from_db()
    participant.cohort.refresh_from_db()
    waiting.refresh_from_db()
    assert (participant.status, participant.cohort.seats_confirmed, waiting.status) == (
        "withdrawn",
        0,
        S.ACCEPTED,
    )


def test_participant_completed_keeps_seat(staff_user):
    from tests.factories.cohorts import ParticipantFactory

    participant = ParticipantFactory()
    services.participant_set_status(participant=participant, status="completed", actor=staff_user)
    participant.cohort.refresh_from_db()
    assert participant.cohort.seats_confirmed == 1
    with pytest.raises(services.ServiceError):
        services.participant_set_status(
            participant=participant, status="withdrawn", actor=staff_user
        )


def test_participant_leaving_completed_or_withdrawn_is_stamped(staff_user):
    from tests.factories.cohorts import ParticipantFactory

    done, gone = ParticipantFactory(), ParticipantFactory()
    services.participant_set_status(participant=done, status="completed", actor=staff_user)
    services.participant_set_status(participant=gone, status="withdrawn", actor=staff_user)
    done.refresh_from_db()
    gone.refresh_from_db()
    assert [(p.status, p.left_at is not None) for p in (done, gone)] == [
        ("completed", True),
        ("withdrawn", True),
    ]


def test_offers_expire_emails_the_applicant(django_capture_on_commit_callbacks):
    late = ApplicationFactory(
        status=S.ACCEPTED, offer_expires_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.offers_expire()
    assert [m.to for m in mail.outbox] == [[late.user.email]]
    assert "expiró" in mail.outbox[0].subject
