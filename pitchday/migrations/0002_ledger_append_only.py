"""The ledger is append-only in the database too: a trigger refuses UPDATE (and, on
PostgreSQL, DELETE) of ledger rows, whatever code or console runs the statement.
(SQLite keeps DELETE possible because test databases are flushed with DELETE; PostgreSQL
flushes with TRUNCATE, which row triggers do not see.)"""

from django.db import migrations

PG_UP = """
CREATE OR REPLACE FUNCTION pitchday_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'pitchday_ledgerentry is append-only (%% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS pitchday_ledger_append_only ON pitchday_ledgerentry;
CREATE TRIGGER pitchday_ledger_append_only BEFORE UPDATE OR DELETE ON pitchday_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION pitchday_ledger_append_only();
"""
PG_DOWN = """
DROP TRIGGER IF EXISTS pitchday_ledger_append_only ON pitchday_ledgerentry;
DROP FUNCTION IF EXISTS pitchday_ledger_append_only();
"""
SQLITE_UP = """
CREATE TRIGGER IF NOT EXISTS pitchday_ledger_no_update BEFORE UPDATE ON pitchday_ledgerentry
BEGIN SELECT RAISE(ABORT, 'pitchday_ledgerentry is append-only (UPDATE refused)'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS pitchday_ledger_no_update;"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_UP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_UP)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DOWN)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("pitchday", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
