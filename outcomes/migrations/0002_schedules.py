"""The scheduled tasks of outcomes (daily): open survey waves, send survey links, make
alumni of ended cohorts, recompute the dashboard's sums. Idempotent."""

from django.db import migrations

SCHEDULES = [
    ("outcomes: open survey waves", "outcomes.tasks.open_waves"),
    ("outcomes: survey reminders", "outcomes.tasks.send_reminders"),
    ("outcomes: alumni of ended cohorts", "outcomes.tasks.make_alumni"),
    ("outcomes: dashboard sums", "outcomes.tasks.refresh_summaries"),
]


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name, defaults={"func": func, "schedule_type": "D", "repeats": -1}
        )


def remove_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
