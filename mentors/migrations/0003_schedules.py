"""The scheduled task of mentors: expire unanswered requests, nudge silent mentors and
pause those still silent (every hour). Idempotent."""

from django.db import migrations

SCHEDULES = [
    (
        "mentors: expire requests, nudge and pause inactive mentors",
        "mentors.tasks.nudge_and_pause_inactive_mentors",
        "H",
        None,
    ),
]


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, schedule_type, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": func,
                "schedule_type": schedule_type,
                "minutes": minutes,
                "repeats": -1,
            },
        )


def remove_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0002_matching"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
