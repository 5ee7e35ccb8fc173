"""Compile every .po catalogue of the project into .mo files with polib (pure Python), so
`make run` works on a machine without GNU gettext. CI also runs Django's
``compilemessages`` (which needs gettext's msgfmt) as a cross-check."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

#: Every folder of catalogues: each app's own, plus the hand-kept overrides of third-party
#: strings (site/locale_overrides, first in LOCALE_PATHS).
CATALOGUE_DIRS = [
    "site/locale_overrides",
    "site/locale",
    "cohorts/locale",
    "mentors/locale",
    "curriculum/locale",
    "pitchday/locale",
    "community/locale",
    "outcomes/locale",
    "conversations/locale",
    "market/locale",
]


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (.po -> .mo) without gettext."

    def handle(self, *args, **options):
        compiled = 0
        for folder in CATALOGUE_DIRS:
            for po_path in sorted((Path(settings.BASE_DIR) / folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"compiled {compiled} catalogue(s)")
