"""PostgreSQL backup and restore as docs/backup.md describes it: ``pg_dump`` of the test
database in the custom format, ``pg_restore`` into a new, empty database, the same rows in
every table, the ledger's append-only trigger present and working, and the erasure journal
re-applied to the restored copy (a person erased after the backup stays erased).

Runs only on PostgreSQL (``DATABASE_URL=postgres://...``) with ``pg_dump`` and
``pg_restore`` on the PATH or in /usr/lib/postgresql/<version>/bin."""

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import TestCase

from semilla.privacy import services
from tests.privacy.conftest import EMAIL, NAME, PHONE

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _pg_tool(name: str) -> str | None:
    """The tool on the PATH, else the newest one installed with the server packages."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _libpq_env() -> dict[str, str]:
    settings = connection.settings_dict
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings.get(key):
            env[variable] = str(settings[key])
    return env


def _connect(dbname: str):
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        autocommit=True,
    )


def _row_counts(db) -> dict[str, int]:
    tables = [
        r[0]
        for r in db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
    ]
    return {
        table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in tables
    }


def _columns_containing(db, text: str) -> list[tuple[str, str]]:
    columns = db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type IN "
        "('text', 'character varying', 'jsonb', 'json')"
    ).fetchall()
    found = []
    for table, column in columns:
        hit = db.execute(
            f'SELECT 1 FROM "{table}" WHERE CAST("{column}" AS TEXT) LIKE %s LIMIT 1',  # noqa: S608
            [f"%{text}%"],
        ).fetchone()
        if hit:
            found.append((table, column))
    return found


def _triggers(db, table: str) -> set[str]:
    rows = db.execute(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
        [table],
    ).fetchall()
    return {r[0] for r in rows}


@pytest.fixture
def pg_tools():
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL backup test: run with DATABASE_URL=postgres://... "
            "(SQLite backups are tested in test_backup.py)"
        )
    tools = {name: _pg_tool(name) for name in ("pg_dump", "pg_restore")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not found on the PATH or in /usr/lib/postgresql")
    return tools


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pg_dump_restore_into_empty_database_and_reapply_erasures(
    pg_tools, person, tmp_path, settings
):
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"[:63]
    env = _libpq_env()
    dump = tmp_path / "semilla.dump"
    subprocess.run(  # noqa: S603
        [pg_tools["pg_dump"], "--format=custom", "--no-owner", f"--file={dump}", source],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert dump.stat().st_size > 0
    with _connect(source) as db:
        counts_at_backup = _row_counts(db)
    assert counts_at_backup["pitchday_ledgerentry"] > 0
    assert counts_at_backup["semilla_user"] > 0
    document = person.cohort_applications.get().documents.get().storage_name

    # the person is erased after the backup was taken
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.person_erase(user=person)

    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        with _connect(restored) as db:
            assert _row_counts(db) == {}  # empty before the restore
        subprocess.run(  # noqa: S603
            [pg_tools["pg_restore"], "--no-owner", f"--dbname={restored}", str(dump)],
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        with _connect(restored) as db:
            assert _row_counts(db) == counts_at_backup
            assert "pitchday_ledger_append_only" in _triggers(db, "pitchday_ledgerentry")
            assert _columns_containing(db, NAME) != []  # the backup brought the person back
            import psycopg

            with pytest.raises(psycopg.errors.RaiseException):
                db.execute("UPDATE pitchday_ledgerentry SET memo = 'changed'")

        # the file backup brought the person's document back too
        var = tmp_path / "var"
        (var / "private" / Path(document).parent).mkdir(parents=True)
        (var / "private" / document).write_bytes(b"%PDF-1.4 documento")
        settings_dict = connection.settings_dict
        credentials = settings_dict["USER"] or ""
        if settings_dict.get("PASSWORD"):
            credentials += f":{settings_dict['PASSWORD']}"
        url = (
            f"postgres://{credentials}@{settings_dict['HOST'] or 'localhost'}:"
            f"{settings_dict['PORT'] or 5432}/{restored}"
        )
        result = subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "reapply_erasures",
                "--journal",
                str(settings.PRIVACY_ERASURE_JOURNAL),
            ],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "semilla.settings.test",
                "DATABASE_URL": url,
                "SEMILLA_VAR_DIR": str(var),
            },
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        assert f"({person.pk})" in result.stdout
        with _connect(restored) as db:
            for text in (NAME, EMAIL, PHONE, "Empanadas Yolimar", "V-12345678"):
                assert _columns_containing(db, text) == [], text
            replays = db.execute(
                "SELECT COUNT(*) FROM semilla_erasurelog WHERE subject_ref = %s "
                "AND source = 'replay'",
                [person.pk],
            ).fetchone()[0]
            assert replays == 1
            # accounting survives the erasure: the ledger still has every row
            assert (
                db.execute("SELECT COUNT(*) FROM pitchday_ledgerentry").fetchone()[0]
                == counts_at_backup["pitchday_ledgerentry"]
            )
        assert not (var / "private" / document).exists()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
