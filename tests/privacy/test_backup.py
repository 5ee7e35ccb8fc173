"""Backup and restore with SQLite's backup API, then re-applying the erasure journal: a
person erased after the backup was taken is erased again in the restored database (and
their files, if the file backup brought them back, are deleted)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from semilla.privacy import services
from tests.privacy.conftest import EMAIL, NAME, PHONE

ROOT = Path(__file__).resolve().parents[2]


def _rows_containing(db_path: Path, text: str) -> list[tuple[str, str]]:
    found = []
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                count = db.execute(
                    f'SELECT COUNT(*) FROM "{table}" WHERE CAST("{column}" AS TEXT) LIKE ?',  # noqa: S608
                    [f"%{text}%"],
                ).fetchone()[0]
                if count:
                    found.append((table, column))
    db.close()
    return found


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_into_empty_database_and_reapply_erasures(person, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup API test; PostgreSQL uses pg_dump (docs/backup.md)")
    backup = tmp_path / "backup.sqlite3"
    call_command("backup_sqlite", str(backup))
    document = person.cohort_applications.get().documents.get().storage_name

    with TestCase.captureOnCommitCallbacks(execute=True):
        services.person_erase(user=person)
    journal = Path(settings.PRIVACY_ERASURE_JOURNAL)
    assert journal.exists()

    # restore into an empty database with the backup API
    restored = tmp_path / "restored.sqlite3"
    assert not restored.exists()
    from semilla.management.commands.backup_sqlite import sqlite_copy

    sqlite_copy(str(backup), str(restored))
    assert _rows_containing(restored, NAME) != []
    # the file backup brought the person's document back too
    var = tmp_path / "var"
    (var / "private" / Path(document).parent).mkdir(parents=True)
    (var / "private" / document).write_bytes(b"%PDF-1.4 documento")

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "semilla.settings.test",
        "DATABASE_URL": f"sqlite:///{restored}",
        "SEMILLA_VAR_DIR": str(var),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "reapply_erasures", "--journal", str(journal)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert f"({person.pk})" in result.stdout

    for text in (NAME, EMAIL, PHONE, "Empanadas Yolimar", "V-12345678"):
        assert _rows_containing(restored, text) == [], text
    assert not (var / "private" / document).exists()
    with sqlite3.connect(restored) as db:
        assert (
            db.execute(
                "SELECT COUNT(*) FROM semilla_erasurelog WHERE subject_ref = ? AND "
                "source = 'replay'",
                [person.pk],
            ).fetchone()[0]
            == 1
        )
    db.close()
