"""Build a believable demo (idempotent): accounts for every role, the home page in both
languages, and whatever each app adds through its ``<app>.demo.seed`` function."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from semilla.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

APP_DEMOS = [
    "semilla",
    "curriculum",
    "cohorts",
    "mentors",
    "pitchday",
    "community",
    "semilla.reporting",
    "outcomes",
    "conversations",
    "market",
]


class Command(BaseCommand):
    help = "Load the demo data (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the accounts.")

    def handle(self, *args, quiet=False, **options):
        if not settings.DEBUG and not getattr(settings, "SEMILLA_ALLOW_DEMO", False):
            raise CommandError("seed_demo only runs with DEBUG on (it creates known passwords).")
        for app in APP_DEMOS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name == f"{app}.demo":
                    continue
                raise
            module.seed(stdout=self.stdout)
            self.stdout.write(f"  demo data: {app} ok")
        if not quiet:
            self.print_accounts()

    def print_accounts(self):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Semilla demo is ready: http://127.0.0.1:8000/es/"))
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            roles = ", ".join(str(r) for r in account.roles)
            extra = " (superuser)" if account.superuser else ""
            self.stdout.write(f"  {account.email:34} {roles}{extra}")
        self.stdout.write(
            "Staff console: http://127.0.0.1:8000/admin/  -  "
            "your space: http://127.0.0.1:8000/es/mi-espacio/"
        )
