"""The migrations that put the seven history tables on the one StatusHistory base keep every
row: rows written before them (old column names) are there after, with actor, from, to,
note and time."""

import datetime

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pitchday.models import Disbursement
from semilla.enums import Role
from semilla.privacy.models import DataRequest
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory
from tests.factories.pitchday import make_event, make_grant

BEFORE = [
    ("cohorts", "0004_conflicts_declared_in_advance"),
    ("mentors", "0007_goals_and_proposals"),
    ("pitchday", "0007_payout_details_confirmed_by"),
    ("semilla", "0009_primary_email_change"),
]
AFTER = [
    ("cohorts", "0005_alter_applicationstatuschange_options_and_more"),
    ("mentors", "0008_alter_matchstatuschange_options_and_more"),
    ("pitchday", "0008_alter_disbursementtransition_options_and_more"),
    ("semilla", "0010_alter_datarequestevent_options_and_more"),
]
WHEN = datetime.datetime(2026, 3, 4, 15, 30, tzinfo=datetime.UTC)


@pytest.fixture
def _latest_schema_afterwards():
    """The test moves these apps back to BEFORE and forward to AFTER only: every later
    migration (of these apps and of the apps depending on them) stays unapplied, and the
    tests after it on the same worker would meet an old schema ("no column named format").
    Put every app back at its latest migration, before the database is flushed."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_latest_schema_afterwards")
def test_history_migrations_keep_every_row_with_actor_from_to_note_and_time():
    actor = make_user(Role.STAFF)
    grant = make_grant(accept=True)
    tranche = grant.tranches.order_by("number").first()
    owners = {
        # label: (foreign key, owner id, old time column, from, to)
        "cohorts.ApplicationStatusChange": (
            "application",
            ApplicationFactory().pk,
            "created_at",
            "submitted",
            "in_review",
        ),
        "mentors.MentorStatusChange": (
            "profile",
            MentorProfileFactory().pk,
            "created_at",
            "vetted",
            "active",
        ),
        "mentors.MatchStatusChange": ("match", MatchFactory().pk, "created_at", "", "proposed"),
        "pitchday.DisbursementTransition": (
            "disbursement",
            Disbursement.objects.create(
                tranche=tranche,
                amount=tranche.amount,
                currency=grant.currency,
                idempotency_key="semilla-disb-migration-test",
                requested_by=actor,
            ).pk,
            "at",
            "requested",
            "approved",
        ),
        "pitchday.GrantEvent": ("grant", grant.pk, "at", "offered", "active"),
        "pitchday.EventLog": ("event", make_event().pk, "at", "draft", "open"),
        "semilla.DataRequestEvent": (
            "request",
            DataRequest.objects.create(
                user=make_user(Role.ENTREPRENEUR), kind="query", due_on=WHEN.date()
            ).pk,
            "created_at",
            "received",
            "in_progress",
        ),
    }
    counts = {label: current_apps.get_model(label).objects.count() for label in owners}

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    written = {}
    for label, (fk, owner_id, time_column, from_status, to_status) in owners.items():
        model = old_apps.get_model(label)
        extra = {"action": "agreement_accepted"} if label == "pitchday.GrantEvent" else {}
        row = model.objects.create(
            **{f"{fk}_id": owner_id},
            from_status=from_status,
            to_status=to_status,
            actor_id=actor.pk,
            note=f"note of {label}",
            **extra,
        )
        model.objects.filter(pk=row.pk).update(**{time_column: WHEN})
        written[label] = row.pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    for label, (fk, owner_id, _time, from_status, to_status) in owners.items():
        model = current_apps.get_model(label)
        row = model.objects.get(pk=written[label])
        assert (
            getattr(row, f"{fk}_id"),
            row.from_status,
            row.to_status,
            row.actor_id,
            row.note,
            row.at,
        ) == (owner_id, from_status, to_status, actor.pk, f"note of {label}", WHEN)
        assert model.objects.count() == counts[label] + 1
    assert (
        current_apps.get_model("pitchday.GrantEvent")
        .objects.get(pk=written["pitchday.GrantEvent"])
        .action
        == "agreement_accepted"
    )
