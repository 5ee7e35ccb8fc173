"""The scheduled tasks of cohorts: offer expiry (every 15 minutes) and the deletion of
identity documents after the retention period (daily). Idempotent: re-running the
migration or the tasks changes nothing."""

from django.db import migrations

SCHEDULES = [
    ("cohorts: expire offers", "cohorts.tasks.expire_offers", "I", 15),
    ("cohorts: delete identity documents", "cohorts.tasks.purge_identity_documents", "D", None),
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
        ("cohorts", "0002_rubric_criteria_cluster"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
