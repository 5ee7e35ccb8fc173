"""notify() is the one way to tell a person something: no production module other than
semilla.notifications queues an e-mail itself (issue 16, item 4)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: every package of ours (a new app is scanned without editing this test)
PRODUCTION = tuple(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-dir"
    ].values()
)
#: where the e-mail queue and its task are defined, and the one module that uses them
ALLOWED = {
    "site/notifications.py",  # the chokepoint
    "site/emails.py",  # defines queue_email_to_user
    "site/tasks.py",  # the e-mail task schedules its own retries
}
DIRECT = re.compile(
    r"queue_email_to_user|semilla\.tasks\.send_email|send_templated_email\("
    # Django's own mail API, and allauth's sending (its adapter renders, notify() sends)
    r"|django\.core\.mail import|\bsend_mail\(|\bsend_mass_mail\(|super\(\)\.send_mail\b"
)


#: a method that defines (not calls) ``send_mail``: allauth's adapter hook
DEFINITION = re.compile(r"^\s*def send_mail\(")


def direct_callers(root: Path = ROOT) -> list[str]:
    found = []
    for folder in PRODUCTION:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative in ALLOWED or "/migrations/" in relative or "/settings/" in relative:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if DIRECT.search(line) and not DEFINITION.search(line):
                    found.append(f"{relative}:{number}")
    return found


def test_no_module_but_notifications_queues_email_directly():
    assert direct_callers() == []


def test_chokepoint_guard_finds_a_direct_call(tmp_path):
    module = tmp_path / "cohorts" / "services.py"
    module.parent.mkdir()
    module.write_text(
        "from semilla.emails import queue_email_to_user\n\nqueue_email_to_user(user=u)\n"
    )
    assert direct_callers(tmp_path) == ["cohorts/services.py:1", "cohorts/services.py:3"]


def test_chokepoint_guard_finds_allauth_mail_sent_around_notify(tmp_path):
    module = tmp_path / "site" / "adapters.py"
    module.parent.mkdir()
    module.write_text(
        "class A:\n"
        "    def send_mail(self, prefix, email, context):\n"
        "        return super().send_mail(prefix, email, context)\n"
    )
    assert direct_callers(tmp_path) == ["site/adapters.py:3"]


def test_chokepoint_guard_finds_django_mail_api(tmp_path):
    module = tmp_path / "outcomes" / "tasks.py"
    module.parent.mkdir()
    module.write_text("from django.core.mail import send_mail\n\nsend_mail('s', 'b', 'f', ['t'])\n")
    assert direct_callers(tmp_path) == ["outcomes/tasks.py:1", "outcomes/tasks.py:3"]
