"""The data_protection group (its permissions are attached after migrate, see
semilla.privacy.signals) and the privacy package's daily scheduled tasks. Idempotent."""

from django.db import migrations

SCHEDULES = [
    ("privacy: remind staff of data requests", "semilla.privacy.tasks.remind_data_requests"),
    ("privacy: expire data exports", "semilla.privacy.tasks.expire_data_exports"),
    ("privacy: warn inactive accounts", "semilla.privacy.tasks.warn_inactive_accounts"),
    ("privacy: remove inactive accounts", "semilla.privacy.tasks.remove_inactive_accounts"),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="data_protection")
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name, defaults={"func": func, "schedule_type": "D", "repeats": -1}
        )


def backwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("semilla", "0006_privacy_rights"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
