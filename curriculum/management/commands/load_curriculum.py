"""Install the starter curriculum (Spanish and English) in this deployment. Safe to run
again: existing pages are kept as edited unless --update is given."""

from django.core.management.base import BaseCommand, CommandError

from curriculum.loader import LoaderError, load
from semilla.demo import seed_home_page


class Command(BaseCommand):
    help = "Load the starter curriculum into Wagtail, in Spanish and English (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite pages that already exist with the starter text.",
        )
        parser.add_argument(
            "--create-home",
            action="store_true",
            help="Create the home page first when the site has none.",
        )

    def handle(self, *args, update=False, create_home=False, **options):
        if create_home:
            seed_home_page()
        try:
            result = load(update=update)
        except LoaderError as exc:
            raise CommandError(f"{exc} (use --create-home)") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Curriculum loaded: {len(result.created)} pages created, "
                f"{len(result.translated)} translated, {len(result.updated)} updated."
            )
        )
        for url_path in result.skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"Left as it is (not a wagtail-localize translation; its English text "
                    f"does not line up with the Spanish page): {url_path}"
                )
            )
