"""Scheduled publishing: Wagtail's publish_scheduled command runs every few minutes in
the task cluster (django-q2), so go-live and expiry dates of lessons take effect."""

from django.db import migrations

NAME = "curriculum: publish scheduled pages"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name=NAME,
        defaults={
            "func": "curriculum.tasks.publish_scheduled_pages",
            "schedule_type": "I",
            "minutes": 5,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0003_syllabusitem"), ("django_q", "0018_task_success_index")]
    operations = [migrations.RunPython(create_schedule, remove_schedule)]
