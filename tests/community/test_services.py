"""The daily review reminder (``community.services.guides_review_remind``): programme staff
hear once a day about guides overdue or due within the horizon; a guide that has just become
overdue drops the page cache so that readers see its notice."""

import datetime

import pytest
from django.utils import timezone

from community import services, tasks
from semilla import pagecache_middleware as pcm
from semilla.enums import Role
from semilla.models import OutboxMessage
from tests.factories.community import guide_data, load_guides

pytestmark = pytest.mark.django_db


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def staff(make_user):
    return make_user(Role.STAFF, email="equipo@example.org")


def _outbox():
    return sorted(OutboxMessage.objects.values_list("recipient", "key"))


def test_reminder_tells_staff_about_overdue_and_soon_due_guides(staff, make_user):
    make_user(Role.ENTREPRENEUR)
    make_user(Role.FUNDER)
    load_guides(
        guide_data("vencida", review_by=_days(-3), last_reviewed=_days(-200)),
        guide_data("pronto", review_by=_days(10)),
        guide_data("lejos", review_by=_days(90)),
    )
    today = timezone.localdate()
    listed = services.guides_review_remind(today=today)
    message = OutboxMessage.objects.get()
    assert (listed, message.recipient, message.key) == (
        2,
        "equipo@example.org",
        f"guides-due:{today.isoformat()}:user-{staff.pk}",
    )
    assert ("Guía Vencida" in message.body, "Guía Pronto" in message.body) == (True, True)
    assert "Guía Lejos" not in message.body
    assert message.body.count("VENCIDA") == 1


def test_reminder_is_sent_once_a_day(staff):
    load_guides(guide_data("vencida", review_by=_days(-3), last_reviewed=_days(-200)))
    today = timezone.localdate()
    services.guides_review_remind(today=today)
    services.guides_review_remind(today=today)
    tomorrow = today + datetime.timedelta(days=1)
    services.guides_review_remind(today=tomorrow)
    assert _outbox() == [
        ("equipo@example.org", f"guides-due:{today.isoformat()}:user-{staff.pk}"),
        ("equipo@example.org", f"guides-due:{tomorrow.isoformat()}:user-{staff.pk}"),
    ]


def test_reminder_sends_nothing_when_no_guide_is_due(staff):
    load_guides(guide_data("lejos", review_by=_days(90)))
    assert (tasks.remind_guides_due(), _outbox()) == (0, [])


def test_reminder_counts_only_the_default_language_pages(staff):
    load_guides(guide_data("pronto", review_by=_days(5)))
    assert services.guides_review_remind(today=timezone.localdate()) == 1


def test_a_guide_just_overdue_drops_the_page_cache(staff, django_capture_on_commit_callbacks):
    load_guides(guide_data("vencida", review_by=_days(-1), last_reviewed=_days(-200)))
    before = pcm.generation()
    with django_capture_on_commit_callbacks(execute=True):
        services.guides_review_remind(today=timezone.localdate())
    assert pcm.generation() != before


def test_a_guide_long_overdue_leaves_the_page_cache(staff, django_capture_on_commit_callbacks):
    load_guides(guide_data("vencida", review_by=_days(-30), last_reviewed=_days(-200)))
    before = pcm.generation()
    with django_capture_on_commit_callbacks(execute=True):
        services.guides_review_remind(today=timezone.localdate())
    assert pcm.generation() == before


def test_reminder_schedule_is_installed():
    """The data migration installs the daily schedule (run here again: a transactional test
    earlier in the same process may have flushed the migration's rows; it is idempotent)."""
    from importlib import import_module

    from django.apps import apps
    from django_q.models import Schedule

    migration = import_module("community.migrations.0002_review_reminder_schedule")
    migration.create_schedules(apps, None)
    migration.create_schedules(apps, None)
    schedule = Schedule.objects.get(name="community: guides due for review")
    assert (schedule.func, schedule.schedule_type, schedule.repeats) == (
        "community.tasks.remind_guides_due",
        Schedule.DAILY,
        -1,
    )


def test_demo_seed_leaves_one_guide_overdue_for_the_console(staff):
    from community import demo
    from community.models import GuidePage
    from semilla.demo import seed_home_page

    seed_home_page()
    demo.seed()
    demo.seed()
    overdue = GuidePage.objects.filter(review_by__lt=timezone.localdate())
    assert sorted(overdue.values_list("slug", "locale__language_code")) == [
        (demo.DEMO_OVERDUE_SLUG, "en"),
        (demo.DEMO_OVERDUE_SLUG, "es"),
    ]
