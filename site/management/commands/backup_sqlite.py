"""Back up (or restore) the SQLite database with SQLite's online backup API: a consistent
copy even while the site is running. For PostgreSQL use pg_dump / pg_restore (see
docs/backup.md)."""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone


def sqlite_copy(source: str, target: str) -> None:
    """Copy one SQLite database into another, page by page, with the backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=1024)
    # the context managers commit; close explicitly
    src.close()
    dst.close()


class Command(BaseCommand):
    help = "Back up the SQLite database to a file (or restore one with --restore)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Backup file (default: var/backups/...)")
        parser.add_argument(
            "--restore",
            action="store_true",
            help="Restore PATH into the database instead of backing up. "
            "Stop the site and the task workers first.",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, path=None, restore=False, database="default", **options):
        connection = connections[database]
        if connection.vendor != "sqlite":
            raise CommandError(
                "This command is for SQLite; for PostgreSQL use pg_dump and "
                "pg_restore (docs/backup.md)."
            )
        db_path = str(connection.settings_dict["NAME"])
        if restore:
            if not path or not Path(path).exists():
                raise CommandError("Give the backup file to restore.")
            connection.close()
            sqlite_copy(path, db_path)
            self.stdout.write(self.style.SUCCESS(f"Restored {path} into {db_path}."))
            self.stdout.write("Now run: manage.py migrate && manage.py reapply_erasures")
            return
        if not path:
            folder = Path(db_path).parent / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            path = str(folder / f"semilla-{timezone.now():%Y%m%d-%H%M%S}.sqlite3")
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target, pages=1024)
        target.close()
        self.stdout.write(self.style.SUCCESS(f"Backed up {db_path} to {path}."))
