"""Install the "Know your rights" guides (Spanish and English) in this deployment. Safe to
run again: existing pages are kept as edited unless --update is given."""

from django.core.management.base import BaseCommand, CommandError

from community.loader import LoaderError, load


class Command(BaseCommand):
    help = "Load the Know-your-rights guides into Wagtail, in Spanish and English (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite pages that already exist with the starter text.",
        )

    def handle(self, *args, update=False, **options):
        try:
            result = load(update=update)
        except LoaderError as exc:
            raise CommandError(f"{exc} (run load_curriculum --create-home first)") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Guides loaded: {len(result.created)} pages created, "
                f"{len(result.translated)} translated, {len(result.updated)} updated."
            )
        )
        for url_path in result.skipped:
            self.stdout.write(self.style.WARNING(f"Left as it is: {url_path}"))
