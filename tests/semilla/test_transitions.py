"""The one transition engine (semilla.transitions): table, lock, history, on-commit."""

import pytest
from django.db import transaction
from django.utils import translation

from cohorts.enums import APPLICATION, PARTICIPANT, ApplicationStatus, ParticipantStatus
from cohorts.models import Application, ApplicationStatusChange
from semilla.errors import ServiceError
from semilla.transitions import InvalidTransition, StatusHistory, record, transition
from tests.factories.cohorts import ApplicationFactory, ParticipantFactory

S = ApplicationStatus
pytestmark = pytest.mark.django_db


def test_transition_allowed_move_saves_status_and_writes_one_history_row(staff_user):
    app = ApplicationFactory(status=S.SUBMITTED)
    with transaction.atomic():
        moved = transition(app, machine=APPLICATION, to=S.IN_REVIEW, actor=staff_user, note="n")
    assert moved is app
    assert Application.objects.get(pk=app.pk).status == S.IN_REVIEW
    rows = list(
        ApplicationStatusChange.objects.filter(application=app).values_list(
            "from_status", "to_status", "actor", "note"
        )
    )
    assert rows == [(S.SUBMITTED, S.IN_REVIEW, staff_user.pk, "n")]


def test_transition_refused_move_raises_one_service_error_and_changes_nothing(staff_user):
    app = ApplicationFactory(status=S.REJECTED)
    with (
        translation.override("en"),
        pytest.raises(InvalidTransition) as refused,
        transaction.atomic(),
    ):
        transition(app, machine=APPLICATION, to=S.ACCEPTED, actor=staff_user)
    assert isinstance(refused.value, ServiceError)
    assert (refused.value.from_status, refused.value.to_status) == (S.REJECTED, S.ACCEPTED)
    assert str(refused.value) == (
        "This change is not possible: “Not selected” cannot become “Offer made”."
    )
    assert Application.objects.get(pk=app.pk).status == S.REJECTED
    assert ApplicationStatusChange.objects.filter(application=app).count() == 0


def test_transition_checks_the_status_in_the_database_not_a_stale_copy(staff_user):
    app = ApplicationFactory(status=S.SUBMITTED)
    Application.objects.filter(pk=app.pk).update(status=S.REJECTED)  # another request won
    with pytest.raises(InvalidTransition), transaction.atomic():
        transition(app, machine=APPLICATION, to=S.IN_REVIEW, actor=staff_user)
    assert Application.objects.get(pk=app.pk).status == S.REJECTED


@pytest.mark.django_db(transaction=True)
def test_transition_outside_a_transaction_is_refused(staff_user):
    app = ApplicationFactory(status=S.SUBMITTED)
    with pytest.raises(RuntimeError):
        transition(app, machine=APPLICATION, to=S.IN_REVIEW, actor=staff_user)
    assert Application.objects.get(pk=app.pk).status == S.SUBMITTED


def test_transition_runs_side_effects_only_on_commit(
    staff_user, django_capture_on_commit_callbacks
):
    app = ApplicationFactory(status=S.SUBMITTED)
    calls = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        transition(
            app,
            machine=APPLICATION,
            to=S.IN_REVIEW,
            actor=staff_user,
            on_commit=lambda: calls.append(app.pk),
        )
        assert calls == []
    assert (len(callbacks), calls) == (1, [app.pk])


def test_transition_saves_the_named_fields_with_the_status(staff_user):
    participant = ParticipantFactory()
    with transaction.atomic():
        transition(
            participant,
            machine=PARTICIPANT,
            to=ParticipantStatus.COMPLETED,
            actor=staff_user,
            fields={"left_at": None},
        )
    participant.refresh_from_db()
    assert (participant.status, participant.left_at) == (ParticipantStatus.COMPLETED, None)


def test_record_writes_a_history_row_without_moving_the_status(staff_user):
    app = ApplicationFactory(status=S.SUBMITTED)
    row = record(app, machine=APPLICATION, from_status=S.SUBMITTED, to_status=S.SUBMITTED)
    assert (row.from_status, row.to_status, row.actor, row.note) == (
        S.SUBMITTED,
        S.SUBMITTED,
        None,
        "",
    )
    assert Application.objects.get(pk=app.pk).status == S.SUBMITTED


def test_record_refuses_a_machine_without_history():
    participant = ParticipantFactory()
    with pytest.raises(ValueError):
        record(participant, machine=PARTICIPANT, to_status=ParticipantStatus.ACTIVE)


def test_every_history_table_is_built_on_the_one_base():
    from django.apps import apps

    bases = {model._meta.label for model in apps.get_models() if issubclass(model, StatusHistory)}
    assert bases == {
        "cohorts.ApplicationStatusChange",
        "mentors.MentorStatusChange",
        "mentors.MatchStatusChange",
        "pitchday.DisbursementTransition",
        "pitchday.GrantEvent",
        "pitchday.EventLog",
        "semilla.DataRequestEvent",
        "outcomes.AlumniStatusChange",
        "conversations.ReportEvent",
        "market.InterestStatusChange",
        "market.ReferralStatusChange",
        "community.PartnerStatusChange",
        "community.PostStatusChange",
    }


def test_a_history_table_takes_its_names_from_the_one_base():
    from market.models import InterestStatusChange
    from mentors.models import MatchStatusChange

    with translation.override("en"):
        names = {
            model._meta.label: (str(model._meta.verbose_name), model._meta.ordering)
            for model in (ApplicationStatusChange, MatchStatusChange, InterestStatusChange)
        }
        plural = str(MatchStatusChange._meta.verbose_name_plural)
    assert names == {
        "cohorts.ApplicationStatusChange": ("status change", ["at", "pk"]),
        "mentors.MatchStatusChange": ("match status change", ["at", "pk"]),
        "market.InterestStatusChange": ("interest status change", ["at", "pk"]),
    }
    assert plural == "match status changes"
