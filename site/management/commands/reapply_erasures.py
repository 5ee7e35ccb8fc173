"""After restoring a backup: erase again everyone in the erasure journal (and in the
restored database's own erasure log) whose personal data came back."""

from pathlib import Path

from django.core.management.base import BaseCommand

from semilla.privacy import conf
from semilla.privacy.services import reapply_erasures


class Command(BaseCommand):
    help = "Re-apply the erasure journal to a restored database."

    def add_arguments(self, parser):
        parser.add_argument("--journal", help="Erasure journal (default: PRIVACY_ERASURE_JOURNAL)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, journal=None, database="default", **options):
        path = Path(journal) if journal else conf.erasure_journal_path()
        redone = reapply_erasures(using=database, journal=path)
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased again: {len(redone)} people"
                + (f" ({', '.join(map(str, redone))})" if redone else "")
            )
        )
