"""notify() is the one way to tell a person something: no production module other than
semilla.notifications queues an e-mail itself (issue 16, item 4)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = ("site", "cohorts", "mentors", "curriculum", "pitchday")
#: where the e-mail queue and its task are defined, and the one module that uses them
ALLOWED = {
    "site/notifications.py",  # the chokepoint
    "site/emails.py",  # defines queue_email_to_user
    "site/tasks.py",  # the e-mail task schedules its own retries
}
DIRECT = re.compile(r"queue_email_to_user|semilla\.tasks\.send_email|send_templated_email\(")


def direct_callers(root: Path = ROOT) -> list[str]:
    found = []
    for folder in PRODUCTION:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative in ALLOWED or "/migrations/" in relative:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if DIRECT.search(line):
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
