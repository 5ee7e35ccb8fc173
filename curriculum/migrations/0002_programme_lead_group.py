"""The "programme_lead" group approves curriculum pages in the moderation workflow.
Its permissions are attached after migrate (see curriculum.apps)."""

from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="programme_lead")


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
