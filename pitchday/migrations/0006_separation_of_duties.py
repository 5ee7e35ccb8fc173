"""Separation of duties around seed grants.

- check constraints: a grant's grantee is not its creator; a payment's recorder is not its
  requester (the approver already is not: ``disbursement_four_eyes``);
- a trigger on payments: the grant's grantee never requests, approves nor records a
  payment of their own grant (a check constraint cannot look at the grant's row).

Before adding them, existing rows are checked: if any breaks a rule the migration stops
and names them, and nothing is changed (a grant someone awarded to themselves is an
incident for people to handle; it is never rewritten silently)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


PG_UP = """
CREATE OR REPLACE FUNCTION pitchday_disbursement_grantee_apart() RETURNS trigger AS $$
DECLARE
    v_grantee bigint;
BEGIN
    SELECT g.grantee_id INTO v_grantee
        FROM pitchday_tranche t JOIN pitchday_grant g ON g.id = t.grant_id
        WHERE t.id = NEW.tranche_id;
    IF v_grantee IN (NEW.requested_by_id, NEW.approved_by_id, NEW.recorded_by_id) THEN
        RAISE EXCEPTION 'separation of duties: the grantee of grant %% cannot handle its payments',
            (SELECT grant_id FROM pitchday_tranche WHERE id = NEW.tranche_id)
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS pitchday_disbursement_grantee_apart ON pitchday_disbursement;
CREATE TRIGGER pitchday_disbursement_grantee_apart
    BEFORE INSERT OR UPDATE ON pitchday_disbursement
    FOR EACH ROW EXECUTE FUNCTION pitchday_disbursement_grantee_apart();
"""
PG_DOWN = """
DROP TRIGGER IF EXISTS pitchday_disbursement_grantee_apart ON pitchday_disbursement;
DROP FUNCTION IF EXISTS pitchday_disbursement_grantee_apart();
"""
_SQLITE_WHEN = """
WHEN (SELECT g.grantee_id FROM pitchday_tranche t JOIN pitchday_grant g ON g.id = t.grant_id
      WHERE t.id = NEW.tranche_id) IN (NEW.requested_by_id, NEW.approved_by_id, NEW.recorded_by_id)
BEGIN SELECT RAISE(ABORT, 'separation of duties: the grantee cannot request, approve or record a payment of their own grant'); END;
"""
SQLITE_UP = [
    "CREATE TRIGGER IF NOT EXISTS pitchday_disbursement_grantee_apart_ins "
    "BEFORE INSERT ON pitchday_disbursement" + _SQLITE_WHEN,
    "CREATE TRIGGER IF NOT EXISTS pitchday_disbursement_grantee_apart_upd "
    "BEFORE UPDATE ON pitchday_disbursement" + _SQLITE_WHEN,
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS pitchday_disbursement_grantee_apart_ins",
    "DROP TRIGGER IF EXISTS pitchday_disbursement_grantee_apart_upd",
]


def check_existing_rows(apps, schema_editor):
    from django.db.models import F, Q

    grant = apps.get_model("pitchday", "Grant")
    disbursement = apps.get_model("pitchday", "Disbursement")
    problems = [
        f"grant {ref}: grantee is its creator"
        for ref in grant.objects.filter(grantee=F("created_by")).values_list("reference", flat=True)
    ]
    problems += [
        f"disbursement {pk}: the grantee or the requester handled it"
        for pk in disbursement.objects.filter(
            Q(recorded_by=F("requested_by"))
            | Q(requested_by=F("tranche__grant__grantee"))
            | Q(approved_by=F("tranche__grant__grantee"))
            | Q(recorded_by=F("tranche__grant__grantee"))
        ).values_list("pk", flat=True)
    ]
    if problems:
        raise RuntimeError(
            "Separation of duties cannot be enforced until these rows are reviewed by "
            "people (nothing was changed): " + "; ".join(problems)
        )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_UP)
    elif vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DOWN)
    elif vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("pitchday", "0005_epoch_seconds_64_bit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(check_existing_rows, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="disbursement",
            name="recorded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="recorded by",
            ),
        ),
        migrations.AddConstraint(
            model_name="disbursement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recorded_by__isnull", True),
                    models.Q(("recorded_by", models.F("requested_by")), _negated=True),
                    _connector="OR",
                ),
                name="disbursement_recorder_not_requester",
            ),
        ),
        migrations.AddConstraint(
            model_name="grant",
            constraint=models.CheckConstraint(
                condition=models.Q(("grantee", models.F("created_by")), _negated=True),
                name="grant_grantee_not_creator",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
